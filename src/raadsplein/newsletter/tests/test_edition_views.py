"""The editors' screens for editions: who gets them, what they show, reordering without
JavaScript, the preview as a subscriber, the test send, scheduling."""

import datetime
import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import adviseur, beheerder, redacteur
from raadsplein.newsletter.models import EditionStatus
from raadsplein.organisations.tests.factories import member

from .factories import EditionFactory, EditionItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def edition():
    edition = EditionFactory(title="Nieuwsbrief week 49")
    EditionItemFactory(edition=edition, position=1, heading="Nieuws voor iedereen")
    EditionItemFactory(edition=edition, position=2, heading="Alleen voor de ggz", sector_id="ggz")
    EditionItemFactory(
        edition=edition, position=3, heading="Alleen voor de jeugdzorg", sector_id="jeugdzorg"
    )
    return edition


def _item(edition, heading):
    return edition.items.get(heading=heading)


PAGES = [
    ("newsletter_staff:editions", False, "Nieuwe editie"),
    ("newsletter_staff:edition", True, "Alleen voor de ggz"),
    ("newsletter_staff:preview", True, "Toon voorbeeld"),
    ("newsletter_staff:preview_mail", True, "Nieuws voor iedereen"),
    ("newsletter_staff:schedule", True, "Inplannen"),
    ("newsletter_staff:send", True, "U verstuurt deze editie naar"),
    ("newsletter_staff:status", True, "nog te versturen"),
    ("newsletter_staff:item", "item", "Onderdeel bewerken"),
]
ROLES = {
    "anonymous": lambda: None,
    "member": member,
    "adviseur": adviseur,
    "redacteur": redacteur,
    "beheerder": beheerder,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "arg", "text"), PAGES)
def test_permission_matrix(client, edition, role, name, arg, text):
    person = ROLES[role]()
    if person is not None:
        client.force_login(person)
    if arg == "item":
        url = reverse(name, args=[edition.pk, edition.items.first().pk])
    else:
        url = reverse(name, args=[edition.pk] if arg else [])
    response = client.get(url)
    if role == "anonymous":
        assert response.status_code == 302 and "/account/" in response.url
    elif role in ("member", "adviseur"):
        assert response.status_code == 404
    else:
        assert response.status_code == 200
        assert text in response.content.decode()


@pytest.mark.parametrize("role", ["member", "adviseur"])
def test_posts_are_refused_to_others(client, edition, role):
    client.force_login(ROLES[role]())
    item = _item(edition, "Alleen voor de ggz")
    for url in (
        reverse("newsletter_staff:editions"),
        reverse("newsletter_staff:item_move", args=[edition.pk, item.pk]),
        reverse("newsletter_staff:item_remove", args=[edition.pk, item.pk]),
        reverse("newsletter_staff:test_send", args=[edition.pk]),
        reverse("newsletter_staff:send", args=[edition.pk]),
    ):
        assert client.post(url, {"direction": "up"}).status_code == 404
    assert edition.items.count() == 3
    assert not mail.outbox


def test_list_query_count_does_not_grow(client, django_assert_num_queries):
    client.force_login(redacteur())
    EditionFactory()

    def count():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as ctx:
            response = client.get(reverse("newsletter_staff:editions"))
        assert response.status_code == 200
        return len(ctx.captured_queries)

    count()  # warm: the first request also loads the session's user and groups
    one = count()
    EditionFactory.create_batch(2)
    with django_assert_num_queries(one):
        response = client.get(reverse("newsletter_staff:editions"))
    assert response.content.decode().count("Nieuwsbrief week") >= 3


def test_reorder_with_buttons_without_javascript(client, edition):
    client.force_login(redacteur())
    item = _item(edition, "Alleen voor de jeugdzorg")
    url = reverse("newsletter_staff:item_move", args=[edition.pk, item.pk])
    response = client.post(url, {"direction": "up"})
    assert response.status_code == 302 and response.url.endswith(f"#onderdeel-{item.pk}")
    headings = list(edition.items.order_by("position").values_list("heading", flat=True))
    assert headings == ["Nieuws voor iedereen", "Alleen voor de jeugdzorg", "Alleen voor de ggz"]
    page = client.get(reverse("newsletter_staff:edition", args=[edition.pk])).content.decode()
    assert page.index("Alleen voor de jeugdzorg") < page.index("Alleen voor de ggz")
    assert 'name="direction" value="down"' in page


def test_edit_item_and_add_and_remove(client, edition):
    client.force_login(redacteur())
    item = _item(edition, "Nieuws voor iedereen")
    url = reverse("newsletter_staff:item", args=[edition.pk, item.pk])
    response = client.post(
        url,
        {
            "heading": "Nieuwe kop",
            "text": "Tekst",
            "url": "https://raadsplein.nl/x/",
            "sector": "ggz",
            "members_only": "on",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert (item.heading, item.sector_id, item.members_only) == ("Nieuwe kop", "ggz", True)
    add = reverse("newsletter_staff:item_add", args=[edition.pk])
    client.post(add, {"nieuw-heading": "Vacature", "nieuw-text": "Wij zoeken u."})
    assert edition.items.order_by("position").last().heading == "Vacature"
    client.post(reverse("newsletter_staff:item_remove", args=[edition.pk, item.pk]))
    assert not edition.items.filter(pk=item.pk).exists()


def test_bad_link_shows_a_message_and_changes_nothing(client, edition):
    client.force_login(redacteur())
    item = _item(edition, "Nieuws voor iedereen")
    url = reverse("newsletter_staff:item", args=[edition.pk, item.pk])
    response = client.post(url, {"heading": "Anders", "url": "ftp://x"})
    assert response.status_code == 200
    assert "geen geldig webadres" in response.content.decode()
    item.refresh_from_db()
    assert item.heading == "Nieuws voor iedereen"


def test_a_sent_edition_is_read_only(client, edition):
    edition.status = EditionStatus.SENT
    edition.save()
    client.force_login(redacteur())
    page = client.get(reverse("newsletter_staff:edition", args=[edition.pk])).content.decode()
    assert "niet meer wijzigen" in page
    assert "Omhoog" not in page and "Gegevens opslaan" not in page
    item = _item(edition, "Nieuws voor iedereen")
    response = client.post(
        reverse("newsletter_staff:item", args=[edition.pk, item.pk]), {"heading": "Anders"}
    )
    assert "niet meer wijzigen" in response.content.decode()
    client.post(
        reverse("newsletter_staff:item_move", args=[edition.pk, item.pk]), {"direction": "down"}
    )
    client.post(reverse("newsletter_staff:item_remove", args=[edition.pk, item.pk]))
    item.refresh_from_db()
    assert item.heading == "Nieuws voor iedereen" and item.position == 1


def test_an_item_of_another_edition_is_404(client, edition):
    client.force_login(redacteur())
    other = EditionItemFactory()
    url = reverse("newsletter_staff:item", args=[edition.pk, other.pk])
    assert client.get(url).status_code == 404


def test_preview_as_a_subscriber_of_one_sector(client, edition):
    client.force_login(redacteur())
    reader = SubscriberFactory(email="ggz-lezer@voorbeeld.nl", name="Greet Zorg")
    reader.sectors.add("ggz")
    query = {"address": "ggz-lezer@voorbeeld.nl"}
    page = client.get(reverse("newsletter_staff:preview", args=[edition.pk]), query)
    text = page.context["text"]
    assert "Alleen voor de ggz" in text and "Alleen voor de jeugdzorg" not in text
    assert "Beste Greet Zorg," in text
    mail_page = client.get(reverse("newsletter_staff:preview_mail", args=[edition.pk]), query)
    html = mail_page.content.decode()
    assert "Alleen voor de ggz" in html and "Alleen voor de jeugdzorg" not in html
    assert mail_page["X-Frame-Options"] == "SAMEORIGIN"
    assert "noindex" in mail_page["X-Robots-Tag"]
    assert "style-src 'unsafe-inline'" in mail_page["Content-Security-Policy"]
    assert "script-src" not in mail_page["Content-Security-Policy"]
    # The page with the frames points them at the same reader.
    assert "address=ggz-lezer%40voorbeeld.nl" in page.content.decode()
    assert 'width="320"' in page.content.decode()


def test_preview_as_an_example_reader_and_an_unknown_address(client, edition):
    client.force_login(redacteur())
    url = reverse("newsletter_staff:preview_mail", args=[edition.pk])
    html = client.get(url, {"example": "jeugdzorg"}).content.decode()
    assert "Alleen voor de jeugdzorg" in html and "Alleen voor de ggz" not in html
    page = client.get(
        reverse("newsletter_staff:preview", args=[edition.pk]), {"address": "wie@nergens.nl"}
    )
    assert page.status_code == 200
    assert "geen abonnee met dit e-mailadres" in page.content.decode()


def test_test_send_button(client, edition):
    editor = redacteur(email="rita@example.org")
    client.force_login(editor)
    response = client.post(reverse("newsletter_staff:test_send", args=[edition.pk]), follow=True)
    assert "rita@example.org" in response.content.decode()
    assert [m.to for m in mail.outbox] == [["rita@example.org"]]


def test_schedule_form_proposes_monday_and_plans(client, edition):
    client.force_login(redacteur())
    url = reverse("newsletter_staff:schedule", args=[edition.pk])
    page = client.get(url).content.decode()
    assert 'value="07:00"' in page
    day = timezone.localdate() + datetime.timedelta(days=10)
    response = client.post(url, {"date": day.isoformat(), "time": "07:00"})
    assert response.status_code == 302
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SCHEDULED
    assert edition.scheduled_for.astimezone(datetime.UTC).hour in (5, 6)
    response = client.post(url, {"date": "2001-01-01", "time": "07:00"})
    assert "voorbij" in response.content.decode()


def test_send_now_confirms_with_the_number_then_queues(client, edition):
    from raadsplein.newsletter.models import Delivery

    SubscriberFactory.create_batch(3)
    client.force_login(redacteur())
    url = reverse("newsletter_staff:send", args=[edition.pk])
    assert "U verstuurt deze editie naar 3 abonnees" in client.get(url).content.decode()
    response = client.post(url)
    assert response.url == reverse("newsletter_staff:status", args=[edition.pk])
    assert Delivery.objects.filter(edition=edition).count() == 3
    status = client.get(response.url).content.decode()
    assert "Nog 3 berichten te versturen" in status and "Vernieuwen" in status
    again = client.post(url, follow=True).content.decode()
    assert "maar één keer" in again
    assert Delivery.objects.filter(edition=edition).count() == 3


def test_status_says_done_only_when_nothing_is_pending(client, edition):
    from raadsplein.newsletter.models import Delivery, DeliveryStatus

    edition.status = EditionStatus.SENT
    edition.queued_at = edition.finished_at = timezone.now()
    edition.bounces = 2
    edition.save()
    for status in (DeliveryStatus.SENT, DeliveryStatus.SENT, DeliveryStatus.FAILED):
        Delivery.objects.create(edition=edition, subscriber=SubscriberFactory(), status=status)
    client.force_login(redacteur())
    url = reverse("newsletter_staff:status", args=[edition.pk])
    page = client.get(url).content.decode()
    assert "Klaar" in page and "Vernieuwen" not in page
    assert page.count("<strong>2</strong>") == 2  # sent and bounces
    Delivery.objects.create(edition=edition, subscriber=SubscriberFactory())
    page = client.get(url).content.decode()
    assert "Klaar:" not in page and "Nog 1 bericht te versturen" in page


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_editor_composes_reorders_with_the_keyboard_and_previews(page, assert_accessible):
    """In Chromium: from the staff start page to a new edition, a block moved down with the
    keyboard, the preview at full width and 320 px, a test to oneself; axe on every page."""
    from raadsplein.accounts.tests.factories import PASSWORD

    from .factories import news_item

    today = timezone.localdate()
    news_item(title="Eerste bericht van de week", published_on=today)
    news_item(title="Tweede bericht", sectors=["ggz"], published_on=today)
    editor = redacteur(email="rita@example.org")
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(editor.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")
    page.goto("/medewerkers/")
    page.get_by_role("link", name="Nieuwsbrief: edities").click()
    assert_accessible(page, context="edition list")
    page.get_by_role("button", name="Nieuwe editie").click()
    page.wait_for_url("**/nieuwsbrief/redactie/*/")
    assert_accessible(page, context="edition at 1280 px")
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page, context="edition at 320 px")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 900})
    first = page.get_by_role("button", name=re.compile(r"^Omlaag ?: Eerste bericht"))
    first.focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    headings = page.locator(".edition-item h3").all_inner_texts()
    assert headings.index("Tweede bericht") < headings.index("Eerste bericht van de week")
    page.get_by_role("link", name="Voorbeeld", exact=True).click()
    page.get_by_label("Of een voorbeeldlezer").select_option("jeugdzorg")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon voorbeeld").click()
    assert_accessible(page, context="preview")
    narrow = page.frame_locator(".preview-frame--narrow")
    assert narrow.get_by_role("link", name="Eerste bericht van de week").is_visible()
    assert narrow.get_by_text("Tweede bericht").count() == 0  # ggz only
    width = narrow.locator("html").evaluate("e => e.scrollWidth")
    assert width <= 320
    assert "Tweede bericht" not in page.locator("pre").inner_text()
    page.get_by_role("link", name="Samenstellen").click()
    page.get_by_role("button", name="Test naar mijzelf sturen").click()
    page.get_by_text("De testversie is verstuurd naar rita@example.org").wait_for()
    assert [m.to for m in mail.outbox] == [["rita@example.org"]]
