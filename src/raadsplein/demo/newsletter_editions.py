"""Demo editions of the newsletter: the last 12 weeks sent (their blocks from the demo news
and publications of each week, per sector), with one delivery record per demo subscriber
marked sent (a few failed), small bounce and unsubscribe counts; and one draft for the coming
week, made the way an editor's "Nieuwe editie" makes it (``editions.create_edition``).

Made once per week: a week that has an edition is left alone, so a second run changes nothing.
It runs whenever tests build the demo world, so the deliveries (12 × about 4,500) are written
with one ``INSERT … SELECT`` per edition instead of rows through Python.
"""

import datetime
import random

from django.db import connection, transaction
from django.utils import timezone

from raadsplein.newsletter import draft, editions
from raadsplein.newsletter.models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionItem,
    EditionStatus,
    ItemKind,
    Subscriber,
    SubscriberStatus,
)
from raadsplein.newsletter.schedule import AMSTERDAM, SEND_HOUR

WEEKS = 12
FAILED_ONE_IN = 700  # about six failed deliveries per edition
FAILED_REASON = "550 5.1.1 demo: dit adres bestaat niet (meer)"
SPARE_TEXT = (
    "Uit de praktijk",
    "Hoe bereidt uw raad een adviesaanvraag voor? Leden vertellen hoe zij het aanpakken, "
    "in de kennisbank en tijdens de spreekuren van de Vraagbaak. (Demo-tekst.)",
)


def _sent_moment(week_of: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(week_of, datetime.time(SEND_HOUR), tzinfo=AMSTERDAM)


def _items_by_week(weeks: list[datetime.date]) -> dict[datetime.date, list]:
    """The news and publications of the seven days before each Monday, read in two queries."""
    since, until = weeks[-1] - datetime.timedelta(days=7), weeks[0] - datetime.timedelta(days=1)
    found = draft._news(since, until) + draft._publications(since, until)
    by_week: dict[datetime.date, list] = {week: [] for week in weeks}
    for item in found:
        week = draft.coming_monday(item.when)
        if week in by_week:
            by_week[week].append(item)
    return {week: draft.ordered(items) for week, items in by_week.items()}


def _deliveries(edition: Edition, sent_at: datetime.datetime) -> int:
    """One delivery per subscriber confirmed before the edition went out, all sent but every
    ``FAILED_ONE_IN``-th; one statement, as PostgreSQL can copy 4,500 rows in milliseconds."""
    delivery, subscriber = Delivery._meta.db_table, Subscriber._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {delivery}
                (edition_id, subscriber_id, status, attempts, next_attempt_at, sent_at,
                 last_error)
            SELECT %(edition)s, s.id,
                   CASE WHEN (s.id + %(edition)s) %% %(one_in)s = 0
                        THEN %(failed)s ELSE %(sent)s END,
                   1, NULL,
                   CASE WHEN (s.id + %(edition)s) %% %(one_in)s = 0
                        THEN NULL ELSE %(sent_at)s END,
                   CASE WHEN (s.id + %(edition)s) %% %(one_in)s = 0
                        THEN %(reason)s ELSE '' END
            FROM {subscriber} s
            WHERE s.status = %(active)s AND s.confirmed_at <= %(sent_at)s
            ON CONFLICT DO NOTHING
            """,  # noqa: S608 (table names from our own models; values are parameters)
            {
                "edition": edition.pk,
                "one_in": FAILED_ONE_IN,
                "failed": DeliveryStatus.FAILED,
                "sent": DeliveryStatus.SENT,
                "sent_at": sent_at,
                "reason": FAILED_REASON,
                "active": SubscriberStatus.ACTIVE,
            },
        )
        return cursor.rowcount


def _sent_edition(week_of: datetime.date, items: list, rng: random.Random) -> tuple[Edition, int]:
    sent_at = _sent_moment(week_of)
    title = f"Nieuwsbrief week {draft.week_number(week_of)}"
    lead = next((i.heading for i in items if i.kind == ItemKind.NEWS), "")
    edition = Edition.objects.create(
        title=title,
        subject=(f"{title}: {lead}" if lead else title)[:160],
        intro=(
            "Dit is het nieuws van de afgelopen week voor cliëntenraden: nieuwe berichten, "
            "publicaties uit het Kenniscentrum en activiteiten. (Een demo-editie.)"
        ),
        week_of=week_of,
        status=EditionStatus.SENT,
        scheduled_for=sent_at,
        queued_at=sent_at,
        finished_at=sent_at + datetime.timedelta(minutes=rng.randint(6, 14)),
        bounces=rng.randint(0, 4),
        unsubscribes=rng.randint(1, 7),
    )
    blocks = [
        EditionItem(
            edition=edition,
            position=n,
            kind=item.kind,
            heading=item.heading[:200],
            text=item.text,
            url=item.url[:500],
            page_id=item.page_id,
            sector_id=item.sector_id,
            members_only=item.members_only,
        )
        for n, item in enumerate(items, start=1)
    ]
    if not blocks:
        heading, text = SPARE_TEXT
        blocks = [
            EditionItem(edition=edition, position=1, kind=ItemKind.TEXT, heading=heading, text=text)
        ]
    EditionItem.objects.bulk_create(blocks)
    return edition, _deliveries(edition, sent_at)


@transaction.atomic
def build(*, log) -> None:
    rng = random.Random(49)
    today = timezone.localdate()
    coming = draft.coming_monday(today)
    weeks = [coming - datetime.timedelta(weeks=k) for k in range(1, WEEKS + 1)]
    have = set(
        Edition.objects.filter(week_of__in=[coming, *weeks]).values_list("week_of", flat=True)
    )
    missing = [week for week in weeks if week not in have]
    made = deliveries = 0
    if missing:
        by_week = _items_by_week(weeks)
        for week in sorted(missing):
            _edition, count = _sent_edition(week, by_week[week], rng)
            made += 1
            deliveries += count
    if coming not in have:
        editions.create_edition(by=None, week_of=coming, today=today)
    if made or coming not in have:
        log(
            f"Nieuwsbrief: {made} verstuurde demo-edities ({deliveries} verzendingen) en "
            f"{int(coming not in have)} concept voor week {draft.week_number(coming)}"
        )
    else:
        log("Nieuwsbrief: de demo-edities bestaan al")
