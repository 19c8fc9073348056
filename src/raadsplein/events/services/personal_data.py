"""What the events app stores about a person: the export and the erasure."""

from django.db import transaction
from django.utils import timezone

from ..models import (
    ACTIVE_STATUSES,
    SEAT_STATUSES,
    Booking,
    BookingStatus,
    CalendarFeed,
    Evaluation,
)
from .common import locked_session
from .waiting import fill_free_seats


def export_event_data(user) -> dict:
    bookings = Booking.objects.filter(person=user).select_related("session__event", "council")
    return {
        "boekingen": [
            {
                "activiteit": b.session.event.title,
                "begin": timezone.localtime(b.session.starts_at).isoformat(),
                "status": str(b.get_status_display()),
                "namens_raad": b.council.name if b.council else None,
                "toegankelijkheidswensen": b.access_need_labels(),
                "aanwezig": b.attended,
                "geboekt_op": timezone.localtime(b.created_at).isoformat(),
                "evaluatie": (
                    {"cijfer": b.evaluation.score, "opmerkingen": b.evaluation.comments}
                    if hasattr(b, "evaluation")
                    else None
                ),
            }
            for b in bookings
        ],
        "agenda_abonnement": CalendarFeed.objects.filter(person=user).exists(),
    }


def erase_event_data(user) -> None:
    """Cancel upcoming places (so they go to others), drop access needs, comments and the feed.
    Past bookings stay for the counts, without personal wishes."""
    now = timezone.now()
    for booking in Booking.objects.filter(
        person=user, status__in=ACTIVE_STATUSES, session__starts_at__gt=now
    ):
        _force_cancel(booking, now)
    Booking.objects.filter(person=user).update(access_needs=[], access_needs_other="")
    Evaluation.objects.filter(booking__person=user).update(comments="")
    CalendarFeed.objects.filter(person=user).delete()


def _force_cancel(booking: Booking, now) -> None:
    """Cancel without the deadline check (erasure), passing a freed seat on."""
    with transaction.atomic():
        session = locked_session(booking.session_id)
        was_seat = booking.status in SEAT_STATUSES
        Booking.objects.filter(pk=booking.pk).update(
            status=BookingStatus.CANCELLED, cancelled_at=now, offer_expires_at=None
        )
        if was_seat:
            fill_free_seats(session, now)
