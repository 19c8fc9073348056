"""Capacity under real concurrency: threads with their own PostgreSQL connections."""

import threading

import pytest
from django.db import connections

from raadsplein.events import services
from raadsplein.events.models import Booking, BookingStatus
from raadsplein.organisations.tests.factories import member

from .factories import BookingFactory, SessionFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_fifty_simultaneous_bookings_for_last_eight_seats():
    session = SessionFactory(capacity=20)
    for _ in range(12):
        BookingFactory(session=session, person=member())
    people = [member() for _ in range(50)]
    barrier = threading.Barrier(len(people))
    results: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def attempt(person):
        try:
            barrier.wait(timeout=30)
            booking = services.book_seat(session=session, person=person)
            with lock:
                results.append(booking.status)
        except BaseException as exc:  # noqa: BLE001 - reported below
            with lock:
                errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(p,)) for p in people]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)

    assert errors == []
    assert results.count(BookingStatus.CONFIRMED) == 8
    assert results.count(BookingStatus.WAITLISTED) == 42
    confirmed = Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED)
    assert confirmed.count() == 20
    waitlisted = Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED)
    assert waitlisted.count() == 42


def test_simultaneous_cancellations_offer_each_freed_seat_once():
    session = SessionFactory(capacity=5)
    holders = [member() for _ in range(5)]
    bookings = [services.book_seat(session=session, person=p) for p in holders]
    for _ in range(10):
        services.book_seat(session=session, person=member())
    barrier = threading.Barrier(5)
    errors: list[BaseException] = []

    def cancel(booking):
        try:
            barrier.wait(timeout=30)
            services.cancel_booking(booking=booking, by=booking.person)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=cancel, args=(b,)) for b in bookings]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert errors == []
    assert Booking.objects.filter(session=session, status=BookingStatus.OFFERED).count() == 5
    assert Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED).count() == 5


def test_one_person_booking_two_overlapping_sessions_at_once_gets_one():
    person = member()
    first = SessionFactory(capacity=10)
    second = SessionFactory(capacity=10, starts_at=first.starts_at)
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def attempt(session):
        try:
            barrier.wait(timeout=30)
            services.book_seat(session=session, person=person)
            outcomes.append("booked")
        except services.BookingError as err:
            outcomes.append(err.code)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=attempt, args=(s,)) for s in (first, second)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert sorted(outcomes) == ["booked", "overlap"]
    assert Booking.objects.filter(person=person).count() == 1
