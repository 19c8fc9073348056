import pytest
from django.core.management import call_command
from django.utils import timezone

from raadsplein.events.models import Booking, BookingStatus, Event, EventKind, Programme

pytestmark = pytest.mark.django_db


def test_seed_demo_builds_agenda_and_is_idempotent(settings):
    settings.RAADSPLEIN_DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    counts = (Event.objects.count(), Booking.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (Event.objects.count(), Booking.objects.count()) == counts
    assert Event.objects.filter(kind=EventKind.REGIONAL).values("region").distinct().count() >= 6
    week = Programme.objects.filter(end_date__gte=Programme.objects.latest("start_date").start_date)
    assert week.get().events.count() == 65
    # Every activity of the agenda that is still to come has a title of its own.
    upcoming = Event.objects.filter(sessions__starts_at__gte=timezone.now()).distinct()
    titles = list(upcoming.values_list("title", flat=True))
    assert len(titles) > 65 and len(set(titles)) == len(titles)
    assert Event.objects.filter(title="Het huishoudboekje van de instelling").exists()
    assert Booking.objects.filter(status=BookingStatus.WAITLISTED).count() >= 3
