"""The automatic draft of the week: what was published in the last seven days and what is on
in the coming four weeks, as the blocks of a new edition (issue 14, part 3).

- news (``NewsPage``, live, ``published_on`` in the last 7 days),
- new knowledge publications (``PublicationPage``, live, ``published_on`` in the last 7 days),
- upcoming activities (the agenda's published sessions of the next 4 weeks, one block per
  activity with its first date).

A source with exactly one care sector becomes a block for that sector only (``sector`` set);
a source with none or several goes to everyone. Members-only sources become members-only
blocks (the archive shows their teaser). Blocks for everyone come first, then the blocks of
each sector in the sectors' order; inside a group: news, publications, activities.

Reads only; ``editions.create_edition`` stores the result.
"""

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from raadsplein.events import selectors as event_selectors
from raadsplein.events.models import Audience as EventAudience
from raadsplein.knowledge.models import Audience, PublicationPage
from raadsplein.organisations.models import CareSector
from raadsplein.web import links

from .models import ItemKind

NEWS_DAYS = 7
EVENT_DAYS = 28
MAX_EVENTS = 8
KIND_ORDER = {ItemKind.NEWS: 0, ItemKind.PUBLICATION: 1, ItemKind.EVENT: 2, ItemKind.TEXT: 3}


@dataclass
class DraftItem:
    kind: str
    heading: str
    text: str
    url: str
    page_id: int | None = None
    sector_id: str | None = None
    members_only: bool = False
    when: datetime.datetime | datetime.date | None = None


@dataclass
class Draft:
    title: str
    subject: str
    intro: str
    week_of: datetime.date
    items: list[DraftItem]


def coming_monday(today: datetime.date | None = None) -> datetime.date:
    """The Monday after ``today`` (a Monday: the one a week later — this Monday's edition
    has gone out at 07:00)."""
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=7 - today.weekday())


def week_number(day: datetime.date) -> int:
    return day.isocalendar().week


def _page_url(page) -> str:
    return links.absolute(page.get_url() or "/")


def _one_sector(sector_ids: list[int]) -> int | None:
    return sector_ids[0] if len(sector_ids) == 1 else None


def _pages(model, *, kind: str, text: str, since: datetime.date, until: datetime.date):
    """Live pages of ``model`` (news or publications: both have ``published_on``, ``sectors``
    and ``audience``) published in the period, as draft blocks; ``text`` names the field of
    their short text (``intro``, ``summary``)."""
    pages = (
        model.objects.live()
        .filter(published_on__gte=since, published_on__lte=until)
        .prefetch_related("sectors")
        .order_by("-published_on", "pk")
    )
    return [
        DraftItem(
            kind=kind,
            heading=page.title,
            text=getattr(page, text),
            url=_page_url(page),
            page_id=page.pk,
            sector_id=_one_sector([s.pk for s in page.sectors.all()]),
            members_only=page.audience != Audience.PUBLIC,
            when=page.published_on,
        )
        for page in pages
    ]


def _news(since: datetime.date, until: datetime.date) -> list[DraftItem]:
    from .news_models import NewsPage

    return _pages(NewsPage, kind=ItemKind.NEWS, text="intro", since=since, until=until)


def _publications(since: datetime.date, until: datetime.date) -> list[DraftItem]:
    return _pages(
        PublicationPage, kind=ItemKind.PUBLICATION, text="summary", since=since, until=until
    )


def _when_text(session) -> str:
    start = timezone.localtime(session.starts_at)
    when = formats.date_format(start, "l j F Y, H.i")
    place = _("online") if session.is_online else (session.location or "")
    return f"{when} · {place}" if place else when


def _events(start: datetime.datetime) -> list[DraftItem]:
    sessions = (
        event_selectors.upcoming_sessions(AnonymousUser(), teasers=True, now=start)
        .filter(starts_at__lt=start + datetime.timedelta(days=EVENT_DAYS))
        .prefetch_related("event__sectors")
    )
    items, seen = [], set()
    for session in sessions:
        event = session.event
        if event.pk in seen:
            continue
        seen.add(event.pk)
        summary = event.summary.strip()
        text = _when_text(session) + (f"\n{summary}" if summary else "")
        items.append(
            DraftItem(
                kind=ItemKind.EVENT,
                heading=event.title,
                text=text,
                url=links.absolute(reverse("events:event_detail", args=[event.slug])),
                sector_id=_one_sector([s.pk for s in event.sectors.all()]),
                members_only=event.audience == EventAudience.MEMBERS,
                when=session.starts_at,
            )
        )
        if len(items) == MAX_EVENTS:
            break
    return items


def ordered(items: list[DraftItem]) -> list[DraftItem]:
    """Everyone's blocks first, then per sector (in the sectors' order); inside: by kind."""
    sector_order = {
        code: n for n, code in enumerate(CareSector.objects.values_list("pk", flat=True))
    }

    def key(item: DraftItem):
        group = -1 if item.sector_id is None else sector_order.get(item.sector_id, 99)
        return (group, KIND_ORDER[item.kind])

    return sorted(items, key=key)  # stable: each source's own order stays


def compose(
    *, week_of: datetime.date | None = None, today: datetime.date | None = None, now=None
) -> Draft:
    """The draft of the edition for the week of ``week_of`` (a Monday; default: the coming
    one). News and publications of the seven days up to ``today``; activities of the four
    weeks from ``now``."""
    today = today or timezone.localdate()
    week_of = week_of or coming_monday(today)
    now = now or timezone.now()
    since = today - datetime.timedelta(days=NEWS_DAYS - 1)
    items = _news(since, today) + _publications(since, today) + _events(now)
    number = week_number(week_of)
    title = _("Nieuwsbrief week %(week)s") % {"week": number}
    news = [i for i in items if i.kind == ItemKind.NEWS]
    first = news[0].heading if news else (items[0].heading if items else "")
    subject = f"{title}: {first}" if first else title
    intro = _(
        "Dit is het nieuws van de afgelopen week voor cliëntenraden: nieuwe berichten, "
        "publicaties uit het Kenniscentrum en activiteiten in de komende weken."
    )
    return Draft(
        title=title, subject=subject[:160], intro=intro, week_of=week_of, items=ordered(items)
    )
