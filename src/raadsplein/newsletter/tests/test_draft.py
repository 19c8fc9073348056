"""The automatic draft of the week: last week's news and publications, the coming weeks'
activities, per sector, members-only sources marked."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import redacteur
from raadsplein.events.models import Audience as EventAudience
from raadsplein.events.models import EventStatus
from raadsplein.events.tests.factories import EventFactory, SessionFactory
from raadsplein.knowledge.tests.factories import publication
from raadsplein.newsletter import draft, editions
from raadsplein.newsletter.models import EditionStatus, ItemKind

from .factories import news_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def week():
    today = timezone.localdate()
    ago = lambda days: today - datetime.timedelta(days=days)  # noqa: E731
    news_item(title="Nieuw: de Wmcz-wijzer", published_on=ago(1))
    news_item(title="Ggz-raden krijgen een eigen netwerk", sectors=["ggz"], published_on=ago(2))
    news_item(title="Twee sectoren tegelijk", sectors=["ggz", "jeugdzorg"], published_on=ago(3))
    news_item(title="Alleen voor leden", audience="members", published_on=ago(4))
    news_item(title="Van vorige maand", published_on=ago(20))
    publication(
        title="Handreiking jeugdraad", sectors=["jeugdzorg"], audience="members", published=ago(2)
    )
    publication(title="Oude brochure", audience="public", published=ago(30))
    soon = EventFactory(title="Webinar advies vragen", audience=EventAudience.OPEN)
    soon.sectors.add("ouderenzorg")
    SessionFactory(event=soon)
    SessionFactory(event=soon, starts_at=timezone.now() + datetime.timedelta(days=12))
    far = EventFactory(title="Congres volgend jaar")
    SessionFactory(event=far, starts_at=timezone.now() + datetime.timedelta(days=40))
    hidden = EventFactory(title="Nog een concept", status=EventStatus.DRAFT)
    SessionFactory(event=hidden)
    return today


def test_draft_has_last_weeks_news_publications_and_coming_events(week):
    composed = draft.compose(today=week)
    headings = [item.heading for item in composed.items]
    assert "Nieuw: de Wmcz-wijzer" in headings
    assert "Handreiking jeugdraad" in headings
    assert headings.count("Webinar advies vragen") == 1  # one block per activity
    for old in ("Van vorige maand", "Oude brochure", "Congres volgend jaar", "Nog een concept"):
        assert old not in headings


def test_draft_sets_one_sector_and_members_only(week):
    items = {item.heading: item for item in draft.compose(today=week).items}
    assert items["Ggz-raden krijgen een eigen netwerk"].sector_id == "ggz"
    assert items["Twee sectoren tegelijk"].sector_id is None  # several sectors: everyone
    assert items["Nieuw: de Wmcz-wijzer"].sector_id is None
    assert items["Webinar advies vragen"].sector_id == "ouderenzorg"
    assert items["Alleen voor leden"].members_only
    assert items["Handreiking jeugdraad"].members_only
    assert items["Handreiking jeugdraad"].kind == ItemKind.PUBLICATION
    assert not items["Nieuw: de Wmcz-wijzer"].members_only
    assert items["Webinar advies vragen"].url.endswith("/agenda/" + _slug("Webinar") + "/")


def _slug(prefix):
    from raadsplein.events.models import Event

    return Event.objects.get(title__startswith=prefix).slug


def test_draft_groups_everyone_first_then_per_sector(week):
    sectors = [item.sector_id for item in draft.compose(today=week).items]
    first_sector = next(n for n, s in enumerate(sectors) if s is not None)
    assert all(s is None for s in sectors[:first_sector])
    assert sectors[first_sector:] == ["ouderenzorg", "ggz", "jeugdzorg"]


def test_title_subject_and_week():
    today = datetime.date(2026, 12, 3)  # a Thursday in week 49
    composed = draft.compose(today=today)
    assert composed.week_of == datetime.date(2026, 12, 7)
    assert composed.title == "Nieuwsbrief week 50"
    assert composed.subject.startswith("Nieuwsbrief week 50")
    assert draft.coming_monday(datetime.date(2026, 12, 7)) == datetime.date(2026, 12, 14)


def test_create_edition_stores_the_draft_in_order(week):
    editor = redacteur()
    edition = editions.create_edition(by=editor, today=week)
    assert edition.status == EditionStatus.DRAFT and edition.created_by == editor
    stored = list(edition.items.order_by("position").values_list("heading", "sector_id"))
    composed = draft.compose(today=week)
    assert stored == [(i.heading, i.sector_id) for i in composed.items]
    assert edition.items.filter(kind=ItemKind.NEWS, page__isnull=False).count() == 4


def test_new_edition_button(client, week):
    client.force_login(redacteur())
    response = client.post(reverse("newsletter_staff:editions"), follow=True)
    page = response.content.decode()
    assert "Ggz-raden krijgen een eigen netwerk" in page
    assert "alleen voor Geestelijke gezondheidszorg (ggz)" in page
