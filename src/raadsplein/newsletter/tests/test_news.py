"""News: pages, the overview with its filters and teasers, the feeds, home and dashboard."""

import datetime

import feedparser
import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raadsplein.knowledge.tests.factories import ThemeFactory
from raadsplein.newsletter import news_selectors, news_services
from raadsplein.newsletter.news_models import NewsIndexPage, NewsPage
from raadsplein.newsletter.services import NewsletterError
from raadsplein.organisations.tests.factories import UserFactory, member

from .factories import news_item

pytestmark = pytest.mark.django_db


def test_news_index_is_made_once_under_the_home_page():
    first = news_services.ensure_news_index()
    again = news_services.ensure_news_index()
    assert first.pk == again.pk
    assert NewsIndexPage.objects.count() == 1
    assert first.url == "/nieuws/"
    assert first.get_parent().specific.__class__.__name__ == "HomePage"


def test_news_page_renders_its_content(client):
    page = news_item(
        title="Nieuwe regels voor instemmingsrecht",
        intro="De raad krijgt meer te zeggen over de huisvesting.",
        body="## Wat verandert er\n\nDe raad mag instemmen met verbouwingen.",
        themes=["Wmcz"],
    )
    assert page.url.startswith("/nieuws/")
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Nieuwe regels voor instemmingsrecht" in html
    assert "De raad krijgt meer te zeggen" in html
    assert "Wat verandert er" in html and "mag instemmen met verbouwingen" in html
    assert "Wmcz" in html


def test_members_only_news_page_sends_anonymous_to_sign_in_and_shows_members(client):
    page = news_item(title="Alleen voor leden: de begroting", audience="members")
    response = client.get(page.url)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
    client.force_login(UserFactory())
    response = client.get(page.url)
    assert response.status_code == 403
    assert "de begroting" not in response.content.decode()
    client.force_login(member())
    response = client.get(page.url)
    assert response.status_code == 200 and "de begroting" in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_image_needs_alt_text():
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Vergadering", file=get_test_image_file())
    with pytest.raises(NewsletterError):
        news_item(image=image, image_alt="  ")
    assert not NewsPage.objects.exists()
    page = news_item(image=image, image_alt="Een cliëntenraad aan tafel")
    page.image_alt = ""
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "image_alt" in error.value.message_dict


def test_reserved_slug_is_refused():
    with pytest.raises(NewsletterError):
        news_item(slug="rss")
    assert not NewsPage.objects.exists()


def test_overview_lists_newest_first_with_members_teaser(client):
    news_item(title="Oud bericht", published_on=datetime.date(2026, 1, 5))
    news_item(
        title="Ledenbericht over de MZR",
        intro="Wat uw raad moet weten over de nieuwe regeling.",
        audience="members",
        published_on=datetime.date(2026, 2, 1),
    )
    news_item(title="Nieuw bericht", published_on=datetime.date(2026, 3, 1))
    html = client.get(reverse("news:index")).content.decode()
    assert (
        html.index("Nieuw bericht")
        < html.index("Ledenbericht over de MZR")
        < html.index("Oud bericht")
    )
    teaser = html[html.index("Ledenbericht over de MZR") :][:1500]
    assert "Wat uw raad moet weten" in teaser
    assert "Log in om verder te lezen" in teaser
    assert 'href="/nieuws/' not in teaser.split("Ledenbericht")[0]
    assert 'rel="alternate" type="application/rss+xml"' in html
    assert 'rel="alternate" type="application/atom+xml"' in html
    client.force_login(member())
    html = client.get(reverse("news:index")).content.decode()
    assert "Log in om verder te lezen" not in html


def test_overview_filters_by_theme_sector_and_year(client):
    wmcz = ThemeFactory(name="Wmcz")
    news_item(title="Over de Wmcz", themes=["Wmcz"], published_on=datetime.date(2025, 6, 1))
    news_item(title="Over de gehandicaptenzorg", sectors=["gehandicaptenzorg"])
    news_item(title="Over niets bijzonders", published_on=datetime.date(2026, 2, 2))
    from raadsplein.organisations.models import CareSector

    ghz = CareSector.objects.get(code="gehandicaptenzorg")
    html = client.get(reverse("news:index"), {"thema": wmcz.pk}).content.decode()
    assert "Over de Wmcz" in html and "Over niets bijzonders" not in html
    html = client.get(reverse("news:index"), {"sector": ghz.pk}).content.decode()
    assert "Over de gehandicaptenzorg" in html and "Over de Wmcz" not in html
    html = client.get(reverse("news:index"), {"jaar": "2025"}).content.decode()
    assert "Over de Wmcz" in html and "Over niets bijzonders" not in html


def test_overview_with_a_bad_filter_explains_and_lists_everything(client):
    news_item(title="Een gewoon bericht")
    response = client.get(reverse("news:index"), {"jaar": "1900", "thema": "x"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Kies een jaar uit de lijst." in html
    assert "Een gewoon bericht" in html


def test_overview_paginates_by_twenty(client):
    for n in range(21):
        news_item(title=f"Bericht nummer {n:02d}", published_on=datetime.date(2026, 1, 1 + n))
    html = client.get(reverse("news:index")).content.decode()
    assert "Bericht nummer 20" in html and "Bericht nummer 00" not in html
    assert 'rel="next"' in html and "Pagina 1 van 2" in html
    html = client.get(reverse("news:index"), {"pagina": "2"}).content.decode()
    assert "Bericht nummer 00" in html and "Bericht nummer 20" not in html


@pytest.mark.parametrize("signed_in", [False, True])
def test_overview_query_count_does_not_grow_with_rows(client, signed_in):
    if signed_in:
        client.force_login(member())
    news_item(audience="members")
    client.get(reverse("news:index"))  # warm the site and session caches
    with CaptureQueriesContext(connection) as one:
        client.get(reverse("news:index"))
    news_item()
    news_item(audience="members")
    client.get(reverse("news:index"))  # the new pages dropped the cached site lookup
    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("news:index"))
    assert response.content.decode().count('class="card news-card"') == 3
    assert len(one) > 0
    assert len(three) == len(one), [q["sql"][:80] for q in three.captured_queries]


def test_feeds_parse_and_hold_only_public_news(client):
    news_item(title="Openbaar bericht over medezeggenschap", themes=["Medezeggenschap"])
    news_item(title="Geheim ledenbericht", audience="members")
    for name, version in (("news:rss", "rss20"), ("news:atom", "atom10")):
        response = client.get(reverse(name))
        assert response.status_code == 200
        feed = feedparser.parse(response.content)
        assert not feed.bozo, feed.bozo_exception
        assert feed.version == version
        titles = [entry.title for entry in feed.entries]
        assert titles == ["Openbaar bericht over medezeggenschap"]
        assert feed.entries[0].link.startswith("http") and "/nieuws/" in feed.entries[0].link
        assert feed.entries[0].id
        assert "Geheim" not in response.content.decode()


def test_home_shows_three_newest_public_items(client):
    for n in range(4):
        news_item(title=f"Openbaar {n}", published_on=datetime.date(2026, 1, 10 + n))
    news_item(title="Alleen leden", audience="members", published_on=datetime.date(2026, 2, 1))
    html = client.get("/").content.decode()
    assert "Openbaar 3" in html and "Openbaar 1" in html
    assert "Openbaar 0" not in html
    assert "Alleen leden" not in html


def test_dashboard_panel_shows_members_only_news_to_members(client):
    news_item(title="Openbaar nieuws")
    news_item(title="Nieuws voor leden", audience="members")
    client.force_login(UserFactory())
    html = client.get(reverse("web:dashboard")).content.decode()
    assert "Openbaar nieuws" in html and "Nieuws voor leden" not in html
    client.force_login(member())
    html = client.get(reverse("web:dashboard")).content.decode()
    assert "Openbaar nieuws" in html and "Nieuws voor leden" in html


def test_news_published_between_reads_dates():
    inside = news_item(published_on=datetime.date(2026, 3, 3))
    news_item(published_on=datetime.date(2026, 2, 1))
    found = news_selectors.news_published_between(
        datetime.date(2026, 3, 2), datetime.date(2026, 3, 8)
    )
    assert list(found) == [inside]


def test_demo_news_is_built_once_with_teasers_and_guarded_images(client):
    from django.contrib.auth.models import AnonymousUser
    from wagtail.models import Revision

    from raadsplein.demo import newsletter_news
    from raadsplein.web import files

    newsletter_news.build(log=lambda line: None)
    revisions = Revision.objects.count()
    newsletter_news.build(log=lambda line: None)
    assert Revision.objects.count() == revisions  # a second run changes nothing
    pages = list(NewsPage.objects.live())
    assert len(pages) == 30
    assert all(p.intro.startswith("Demo:") for p in pages)
    members_only = [p for p in pages if not p.is_public]
    assert 3 <= len(members_only) <= 8
    assert len({p.published_on for p in pages}) == 30
    with_image = [p for p in pages if p.image_id]
    assert with_image and all(p.image_alt for p in with_image)
    public_image = next(p.image for p in with_image if p.is_public)
    members_image = next(p.image for p in with_image if not p.is_public)
    assert files.verdict_for(AnonymousUser(), public_image).public
    assert not files.verdict_for(AnonymousUser(), members_image).allowed
    assert files.verdict_for(member(), members_image).allowed
    html = client.get(reverse("news:index")).content.decode()
    assert html.count('class="card news-card"') == 20 and "Pagina 1 van 2" in html
    shown = next(p for p in with_image if p.is_public)
    html = client.get(shown.url).content.decode()
    assert f'alt="{shown.image_alt}"' in html and "<img" in html


def test_overview_teaser_for_a_signed_in_non_member_offers_membership(client):
    news_item(title="Ledenbericht", audience="members")
    client.force_login(UserFactory())
    html = client.get(reverse("news:index")).content.decode()
    assert "Dit bericht is er voor leden." in html and "Lid worden" in html
    assert "Log in om verder te lezen" not in html


def test_cached_anonymous_pages_follow_news_and_sent_editions(client, settings):
    from django.utils import timezone

    from raadsplein.newsletter.models import EditionStatus

    from .factories import EditionFactory

    settings.RAADSPLEIN_PAGE_CACHE_SECONDS = 300
    news_item(title="Eerste bericht")
    client.get(reverse("news:index"))
    assert client.get(reverse("news:index")).get("X-Page-Cache") == "hit"
    news_item(title="Tweede bericht")
    assert "Tweede bericht" in client.get(reverse("news:index")).content.decode()
    edition = EditionFactory(title="Editie in de maak")
    client.get(reverse("newsletter:archive"))
    assert client.get(reverse("newsletter:archive")).get("X-Page-Cache") == "hit"
    edition.status = EditionStatus.SENT
    edition.queued_at = timezone.now()
    edition.save()
    assert "Editie in de maak" in client.get(reverse("newsletter:archive")).content.decode()


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", {"public": 200, "members": 302, "sent": 200, "draft": 404}),
        ("signed_in", {"public": 200, "members": 403, "sent": 200, "draft": 404}),
        ("member", {"public": 200, "members": 200, "sent": 200, "draft": 404}),
        ("redacteur", {"public": 200, "members": 200, "sent": 200, "draft": 200}),
    ],
)
def test_who_gets_what(client, role, expected):
    from django.utils import timezone

    from raadsplein.accounts.tests.factories import redacteur
    from raadsplein.newsletter.models import EditionStatus

    from .factories import EditionFactory

    public = news_item()
    members = news_item(audience="members")
    sent = EditionFactory(status=EditionStatus.SENT, queued_at=timezone.now())
    draft = EditionFactory()
    person = {"signed_in": UserFactory, "member": member, "redacteur": redacteur}.get(role)
    if person:
        client.force_login(person())
    for url in (reverse("news:index"), reverse("news:rss"), reverse("news:atom")):
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("newsletter:archive")).status_code == 200
    got = {
        "public": client.get(public.url).status_code,
        "members": client.get(members.url).status_code,
        "sent": client.get(reverse("newsletter:edition", args=[sent.pk])).status_code,
        "draft": client.get(reverse("newsletter:edition", args=[draft.pk])).status_code,
    }
    assert got == expected
