import datetime

import factory
from django.utils import timezone

from raadsplein.events.models import (
    Audience,
    Booking,
    BookingStatus,
    Event,
    EventKind,
    Programme,
    Session,
    Theme,
)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Thema {n}")
    slug = factory.Sequence(lambda n: f"thema-{n}")


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    title = factory.Sequence(lambda n: f"Week van de Medezeggenschap {2030 + n}")
    slug = factory.Sequence(lambda n: f"week-{n}")
    start_date = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(days=30))
    end_date = factory.LazyAttribute(lambda o: o.start_date + datetime.timedelta(days=4))


class EventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Event

    kind = EventKind.COURSE
    title = factory.Sequence(lambda n: f"Basiscursus medezeggenschap {n}")
    slug = factory.Sequence(lambda n: f"basiscursus-{n}")
    summary = "Een cursus voor nieuwe raadsleden."
    audience = Audience.MEMBERS


def _start():
    now = timezone.now().replace(second=0, microsecond=0)
    return now + datetime.timedelta(days=10)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    event = factory.SubFactory(EventFactory)
    starts_at = factory.LazyFunction(_start)
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=2))
    is_online = True
    meeting_url = "https://meet.example.org/sessie"
    capacity = 8


class BookingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Booking

    session = factory.SubFactory(SessionFactory)
    person = factory.SubFactory("raadsplein.accounts.tests.factories.UserFactory")
    booked_by = factory.SelfAttribute("person")
    status = BookingStatus.CONFIRMED
