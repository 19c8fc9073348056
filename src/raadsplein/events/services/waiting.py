"""The waiting list: offering freed seats, letting offers lapse, the periodic sweep."""

import datetime

from django.db import transaction
from django.utils import timezone

from raadsplein.jobs.services import once

from ..models import SEAT_STATUSES, Booking, BookingStatus, Session
from .common import locked_session, notify, offer_hold


def fill_free_seats(session: Session, now: datetime.datetime) -> list[Booking]:
    """Offer free seats to the longest waiting people. The session row must be locked."""
    offered = []
    if session.is_cancelled or session.starts_at <= now:
        return offered
    taken = Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count()
    free = session.capacity - taken
    if free <= 0:
        return offered
    queue = Booking.objects.filter(session=session, status=BookingStatus.WAITLISTED).order_by(
        "created_at", "pk"
    )[:free]
    expires = min(now + offer_hold(), session.starts_at)
    for booking in queue.select_related("person"):
        booking.status = BookingStatus.OFFERED
        booking.offer_expires_at = expires
        booking.save(update_fields=["status", "offer_expires_at"])
        booking.session = session
        offered.append(booking)
        notify(booking, "offered")
    return offered


def expire_offer(*, booking_id: int, now: datetime.datetime | None = None) -> bool:
    """Let one offer lapse if its time is up, and pass the seat on. Safe to call twice."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = Booking.objects.filter(pk=booking_id).first()
        if booking is None:
            return False
        session = locked_session(booking.session_id)
        booking = Booking.objects.select_for_update().get(pk=booking_id)
        if booking.status != BookingStatus.OFFERED or booking.offer_expires_at > now:
            return False
        with once(f"booking:{booking_id}:expire-offer") as first:
            if not first:
                return False
            booking.status = BookingStatus.EXPIRED
            booking.save(update_fields=["status"])
            booking.session = session
            notify(booking, "expired")
            fill_free_seats(session, now)
    return True


def process_waitlist(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Expire every overdue offer and offer free seats (for instance after staff raised the
    capacity). Run by ``manage.py process_events``; safe to run as often as you like."""
    now = now or timezone.now()
    expired = 0
    for pk in Booking.objects.filter(
        status=BookingStatus.OFFERED, offer_expires_at__lte=now
    ).values_list("pk", flat=True):
        expired += expire_offer(booking_id=pk, now=now)
    offered = 0
    waiting_sessions = (
        Session.objects.filter(
            bookings__status=BookingStatus.WAITLISTED, starts_at__gt=now, is_cancelled=False
        )
        .values_list("pk", flat=True)
        .distinct()
    )
    for session_id in list(waiting_sessions):
        with transaction.atomic():
            offered += len(fill_free_seats(locked_session(session_id), now))
    return {"expired": expired, "offered": offered}
