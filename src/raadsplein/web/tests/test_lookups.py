"""Numbers past 64 bits in a query find nothing, on SQLite as on PostgreSQL (no OverflowError)."""

import pytest

from raadsplein.events.models import Booking, Session
from raadsplein.events.tests.factories import BookingFactory
from raadsplein.knowledge.models import PublicationPage
from raadsplein.knowledge.tests.factories import publication

pytestmark = pytest.mark.django_db

HUGE = 99999999999999999999


@pytest.fixture
def booking():
    return BookingFactory()


def test_in_drops_values_no_column_holds(booking):
    session = booking.session
    assert list(Session.objects.filter(pk__in=[HUGE])) == []
    assert list(Session.objects.filter(pk__in=[HUGE, -HUGE, str(HUGE), session.pk])) == [session]
    assert list(Session.objects.exclude(pk__in=[HUGE])) == [session]


@pytest.mark.parametrize(
    "lookup",
    [
        {"person": HUGE},
        {"person_id": HUGE},
        {"person__in": [HUGE]},
        {"person_id__in": [-HUGE]},
        {"session__pk": HUGE},
    ],
)
def test_foreign_keys_out_of_range_match_nothing(booking, lookup):
    assert list(Booking.objects.filter(**lookup)) == []
    assert list(Booking.objects.exclude(**lookup)) == [booking]


def test_foreign_key_in_range_still_matches(booking):
    assert list(Booking.objects.filter(person=booking.person_id)) == [booking]
    assert list(Booking.objects.filter(person_id__in=[booking.person_id, HUGE])) == [booking]


def test_wagtail_page_primary_key_out_of_range(db):
    page = publication(title="Begroting", index=False)
    assert not PublicationPage.objects.filter(pk=HUGE).exists()
    assert list(PublicationPage.objects.filter(pk__in=[HUGE, page.pk])) == [page]
