"""Reads of the staff's subscriber screens: the searchable list, counts per status, segments."""

from django.db.models import Count, Q, QuerySet

from . import selectors
from .models import Segment, Subscriber, SubscriberStatus


def staff_subscribers(*, q: str = "", status: str = "") -> QuerySet[Subscriber]:
    """Subscribers for the staff's list: by part of the address, by status; by address."""
    qs = Subscriber.objects.select_related("user").order_by("email")
    if q:
        qs = qs.filter(email__icontains=q.strip().lower())
    if status:
        qs = qs.filter(status=status)
    return qs


def status_counts() -> list[dict]:
    """Every status with its number of subscribers (one query), in the order of the choices."""
    found = dict(Subscriber.objects.values_list("status").annotate(n=Count("pk")).order_by())
    return [
        {"status": value, "label": label, "count": found.get(value, 0)}
        for value, label in SubscriberStatus.choices
    ]


def staff_subscriber(pk: int) -> Subscriber:
    return (
        Subscriber.objects.select_related("user").prefetch_related("sectors", "themes").get(pk=pk)
    )


def staff_segments() -> QuerySet[Segment]:
    return Segment.objects.prefetch_related("sectors", "themes").order_by("name")


def segment_counts(segments) -> dict[int, int]:
    """The live number of subscribers of each segment, in one query (the segments' sectors
    and themes prefetched, as ``staff_segments`` does)."""
    segments = list(segments)
    if not segments:
        return {}
    counts = Subscriber.objects.aggregate(
        **{
            f"s{segment.pk}": Count(
                "pk", filter=Q(pk__in=selectors.segment_subscribers(segment).values("pk"))
            )
            for segment in segments
        }
    )
    return {segment.pk: counts[f"s{segment.pk}"] for segment in segments}
