"""What the events services share: the error they raise, the timings from the settings, and
the helpers that lock a session and queue the follow-up of a booking change."""

import datetime

from django.conf import settings
from django.db import transaction

from ..models import Booking, Session


class BookingError(Exception):
    """A booking request that cannot be honoured; ``message`` is shown to the person (Dutch)."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


def offer_hold() -> datetime.timedelta:
    """How long a freed seat is held for the next person on the waiting list (default 48 h)."""
    return datetime.timedelta(hours=settings.RAADSPLEIN_EVENTS_OFFER_HOLD_HOURS)


def reminder_lead() -> datetime.timedelta:
    """How long before the start the reminder goes out (default 2 days)."""
    return datetime.timedelta(days=settings.RAADSPLEIN_EVENTS_REMINDER_DAYS)


def link_lead() -> datetime.timedelta:
    """How long before an online session its link is sent (default 60 minutes)."""
    return datetime.timedelta(minutes=settings.RAADSPLEIN_EVENTS_LINK_MINUTES)


def on_commit(fn, *args, **kwargs) -> None:
    transaction.on_commit(lambda: fn(*args, **kwargs))


def locked_session(session_id: int) -> Session:
    return Session.objects.select_for_update().select_related("event").get(pk=session_id)


def notify(booking: Booking, what: str) -> None:
    """After commit, one background task sends the e-mail for ``what`` and schedules what
    follows from it (reminders, the end of an offer). One queue entry per change keeps the
    request short."""
    from raadsplein.events import tasks

    on_commit(tasks.after_booking_change.enqueue, booking.pk, what)
