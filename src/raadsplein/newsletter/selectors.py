"""Reads of the newsletter: who gets an edition, which blocks each subscriber gets, counts."""

import datetime

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from raadsplein.organisations.models import IndividualMembership, Seat
from raadsplein.organisations.selectors import member_councils

from .models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionItem,
    MembershipFilter,
    Segment,
    Subscriber,
    SubscriberStatus,
)


def active_subscribers() -> QuerySet[Subscriber]:
    return Subscriber.objects.filter(status=SubscriberStatus.ACTIVE)


def _current_seats(today: datetime.date) -> QuerySet[Seat]:
    return Seat.objects.filter(Seat.current_q(today), person=OuterRef("user_id"))


def segment_subscribers(
    segment: Segment | None, *, today: datetime.date | None = None
) -> QuerySet[Subscriber]:
    """The active subscribers a segment selects now (``None``: all of them). One query, built
    from ``Exists`` subqueries so a subscriber is counted once however many seats they hold."""
    today = today or timezone.localdate()
    qs = active_subscribers()
    if segment is None:
        return qs
    seats = _current_seats(today)
    # From the prefetch cache when the caller prefetched them (the segments list counts all).
    sector_ids = [sector.pk for sector in segment.sectors.all()]
    if sector_ids:
        own = Subscriber.sectors.through.objects.filter(
            subscriber_id=OuterRef("pk"), caresector_id__in=sector_ids
        )
        qs = qs.filter(Q(Exists(own)) | Q(Exists(seats.filter(council__sectors__in=sector_ids))))
    theme_ids = [theme.pk for theme in segment.themes.all()]
    if theme_ids:
        own = Subscriber.themes.through.objects.filter(
            subscriber_id=OuterRef("pk"), theme_id__in=theme_ids
        )
        qs = qs.filter(Exists(own))
    if segment.council_roles:
        qs = qs.filter(Exists(seats.filter(role__in=segment.council_roles)))
    if segment.provinces:
        qs = qs.filter(Exists(seats.filter(council__province__in=segment.provinces)))
    if segment.membership:
        individual = IndividualMembership.objects.filter(
            IndividualMembership.active_q(today), person=OuterRef("user_id")
        )
        member_seat = seats.filter(council__in=member_councils(today=today))
        is_member = Q(Exists(individual)) | Q(Exists(member_seat))
        qs = (
            qs.filter(is_member)
            if segment.membership == MembershipFilter.MEMBERS
            else qs.exclude(is_member)
        )
    return qs


def recipients_for(edition: Edition) -> QuerySet[Subscriber]:
    return segment_subscribers(edition.segment)


def subscriber_sector_ids(subscriber: Subscriber) -> set[int]:
    """The sectors a subscriber reads about: their own choice, else their councils' sectors.
    Empty: every block of an edition."""
    own = set(subscriber.sectors.values_list("pk", flat=True))
    if own or not subscriber.user_id:
        return own
    today = timezone.localdate()
    return set(
        Seat.objects.filter(Seat.current_q(today), person_id=subscriber.user_id)
        .exclude(council__sectors=None)
        .values_list("council__sectors", flat=True)
    )


def items_for(edition: Edition, sector_ids: set[int] | None) -> list[EditionItem]:
    """The edition's blocks in order; ``sector_ids`` given: the blocks without a sector and
    those of these sectors (an empty set: every block)."""
    items = list(edition.items.select_related("sector", "page"))
    if not sector_ids:
        return items
    return [item for item in items if item.sector_id is None or item.sector_id in sector_ids]


def delivery_counts(edition: Edition) -> dict[str, int]:
    """Sent, pending and failed deliveries of an edition (one query)."""
    rows = Delivery.objects.filter(edition=edition).aggregate(
        sent=Count("pk", filter=Q(status=DeliveryStatus.SENT)),
        pending=Count("pk", filter=Q(status=DeliveryStatus.PENDING)),
        failed=Count("pk", filter=Q(status=DeliveryStatus.FAILED)),
    )
    return {key: rows[key] or 0 for key in ("sent", "pending", "failed")}


def sent_editions() -> QuerySet[Edition]:
    """The public archive: editions that went out, newest first."""
    return Edition.objects.filter(status__in=["sending", "sent"], queued_at__isnull=False).order_by(
        "-week_of", "-pk"
    )
