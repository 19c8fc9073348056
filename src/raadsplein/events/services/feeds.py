"""A person's calendar feed: a secret address that lists their bookings."""

from django.db import transaction

from ..models import CalendarFeed


def calendar_feed_for(person) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


@transaction.atomic
def reset_calendar_feed(*, person) -> CalendarFeed:
    """A new secret address; the old one stops working."""
    CalendarFeed.objects.filter(person=person).delete()
    return CalendarFeed.objects.create(person=person)
