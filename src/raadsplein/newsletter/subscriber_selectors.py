"""Reads of the staff's subscriber screens: the searchable list, counts per status, segments."""

from django.db.models import Count, QuerySet

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
