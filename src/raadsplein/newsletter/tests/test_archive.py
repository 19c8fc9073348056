"""The public archive of sent editions: the list, one edition, items for members."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import redacteur
from raadsplein.newsletter import archive_selectors, messages
from raadsplein.newsletter.models import EditionStatus
from raadsplein.organisations.models import CareSector
from raadsplein.organisations.tests.factories import UserFactory, member

from .factories import EditionFactory, EditionItemFactory

pytestmark = pytest.mark.django_db


def sent_edition(**kwargs):
    return EditionFactory(status=EditionStatus.SENT, queued_at=timezone.now(), **kwargs)


def test_archive_lists_only_sent_editions_newest_first(client):
    sent_edition(title="Nieuwsbrief van oktober", week_of=datetime.date(2026, 10, 5))
    sent_edition(title="Nieuwsbrief van november", week_of=datetime.date(2026, 11, 2))
    EditionFactory(title="Concept van december", status=EditionStatus.DRAFT)
    EditionFactory(title="Ingepland voor december", status=EditionStatus.SCHEDULED)
    response = client.get(reverse("newsletter:archive"))
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Nieuwsbrief van november") < html.index("Nieuwsbrief van oktober")
    assert "Concept van december" not in html and "Ingepland voor december" not in html
    assert "2 edities" in html
    assert reverse("newsletter:subscribe") in html and "Aanmelden voor de nieuwsbrief" in html


def test_archive_paginates(client):
    for n in range(21):
        sent_edition(
            title=f"Editie {n:02d}", week_of=datetime.date(2026, 1, 5) + datetime.timedelta(weeks=n)
        )
    html = client.get(reverse("newsletter:archive")).content.decode()
    assert "Editie 20" in html and "Editie 00" not in html and 'rel="next"' in html
    html = client.get(reverse("newsletter:archive"), {"pagina": 2}).content.decode()
    assert "Editie 00" in html


def test_archive_query_count_does_not_grow_with_rows(client):
    sent_edition()
    client.get(reverse("newsletter:archive"))  # warm the site lookup
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("newsletter:archive"))
    sent_edition()
    sent_edition()
    client.get(reverse("newsletter:archive"))
    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("newsletter:archive"))
    assert response.content.decode().count("archive-card") == 3
    assert len(one) > 0 and len(three) == len(one)


def test_edition_page_shows_items_in_order_with_sector_label(client):
    edition = sent_edition(title="Week 45", intro="Dit is het nieuws van week 45.")
    ghz = CareSector.objects.get(code="gehandicaptenzorg")
    EditionItemFactory(edition=edition, position=2, heading="Tweede onderdeel", sector=ghz)
    EditionItemFactory(
        edition=edition, position=1, heading="Eerste onderdeel", url="https://demo.raadsplein.nl/x/"
    )
    response = client.get(reverse("newsletter:edition", args=[edition.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Week 45" in html and "Dit is het nieuws van week 45." in html
    assert html.index("Eerste onderdeel") < html.index("Tweede onderdeel")
    assert "Voor de gehandicaptenzorg" in html
    assert 'href="https://demo.raadsplein.nl/x/"' in html
    assert "Aanmelden voor de nieuwsbrief" in html


def test_members_item_is_a_teaser_with_sign_in_for_anonymous(client):
    edition = sent_edition()
    EditionItemFactory(
        edition=edition,
        heading="De nieuwe modelregeling",
        text="Wij hebben de modelregeling herschreven. Het geheime tweede deel staat hier.",
        url="https://demo.raadsplein.nl/leden/modelregeling/",
        members_only=True,
    )
    url = reverse("newsletter:edition", args=[edition.pk])
    html = client.get(url).content.decode()
    assert "De nieuwe modelregeling" in html
    assert "Wij hebben de modelregeling herschreven." in html
    assert "Het geheime tweede deel" not in html
    assert "/leden/modelregeling/" not in html
    assert "Log in om verder te lezen" in html and reverse("account_login") in html
    client.force_login(UserFactory())
    html = client.get(url).content.decode()
    assert "Het geheime tweede deel" not in html and "Lid worden" in html
    client.force_login(member())
    response = client.get(url)
    html = response.content.decode()
    assert "Het geheime tweede deel staat hier." in html
    assert "/leden/modelregeling/" in html
    assert "Log in om verder te lezen" not in html
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("status", [EditionStatus.DRAFT, EditionStatus.SCHEDULED])
def test_unsent_edition_is_404_except_an_editors_preview(client, status):
    edition = EditionFactory(title="Nog niet verstuurd", status=status)
    url = reverse("newsletter:edition", args=[edition.pk])
    assert client.get(url).status_code == 404
    client.force_login(member())
    assert client.get(url).status_code == 404
    client.force_login(redacteur())
    response = client.get(url)
    assert response.status_code == 200
    assert "Voorbeeld voor de redactie" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_missing_edition_is_404(client):
    assert client.get(reverse("newsletter:edition", args=[999999])).status_code == 404


def test_view_in_browser_link_points_to_the_archive_page(client):
    edition = sent_edition(title="Week 46")
    url = messages.archive_url(edition)
    assert url.endswith(reverse("newsletter:edition", args=[edition.pk]))
    path = url[url.index("/nieuwsbrief/") :]
    assert "Week 46" in client.get(path).content.decode()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Eerste zin. Tweede zin.", "Eerste zin."),
        ("Is dit een vraag? Ja.", "Is dit een vraag?"),
        ("Geen punt aan het eind", "Geen punt aan het eind"),
        ("", ""),
        (" ".join(["woord"] * 40) + ".", " ".join(["woord"] * 30) + " …"),
    ],
)
def test_teaser_is_the_first_sentence(text, expected):
    assert archive_selectors.teaser(text) == expected


def test_sector_label_keeps_abbreviations():
    assert archive_selectors.sector_label("Gehandicaptenzorg") == "gehandicaptenzorg"
    assert archive_selectors.sector_label("Ouderenzorg (VVT)") == "ouderenzorg (VVT)"
    assert archive_selectors.sector_label("GGZ") == "GGZ"


def test_deleting_an_edition_with_items_works():
    edition = sent_edition()
    EditionItemFactory(edition=edition)
    draft = EditionFactory()
    EditionItemFactory(edition=draft)
    edition.delete()
    draft.delete()
    assert not EditionItemFactory._meta.model.objects.exists()
