"""Attendance and evaluations: who came, the request to evaluate, the score."""

from collections.abc import Iterable

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit
from raadsplein.events import emails, hooks

from ..models import Booking, BookingStatus, Evaluation, ReminderKind, SentReminder, Session
from .common import BookingError, notify, on_commit

audit.register_action("events.attendance.marked", gettext_lazy("Aanwezigheid vastgelegd"))


def send_evaluation_request_once(*, booking_id: int) -> bool:
    """Ask a participant who was present to evaluate, once, after the session has ended."""
    booking = (
        Booking.objects.select_related("session__event", "person").filter(pk=booking_id).first()
    )
    if (
        booking is None
        or booking.status != BookingStatus.CONFIRMED
        or not booking.attended
        or booking.session.ends_at > timezone.now()
        or hasattr(booking, "evaluation")
    ):
        return False
    try:
        with transaction.atomic():
            SentReminder.objects.create(booking=booking, kind=ReminderKind.EVALUATION)
            emails.send_evaluation_request(booking)
    except IntegrityError:
        return False
    return True


@transaction.atomic
def mark_attendance(*, session: Session, present_ids: Iterable[int], by) -> int:
    """Record who came. Confirmed participants in ``present_ids`` (booking ids) are present,
    the others absent. Newly present people complete a linked learning step (hooks) and get
    the evaluation request once the session has ended."""
    present = set(present_ids)
    bookings = list(
        Booking.objects.select_for_update()
        .filter(session=session, status=BookingStatus.CONFIRMED)
        .select_related("person", "session__event")
    )
    newly_present = []
    for booking in bookings:
        attended = booking.pk in present
        if booking.attended != attended:
            if attended and not booking.attended:
                newly_present.append(booking)
            booking.attended = attended
            booking.save(update_fields=["attended"])
            audit.log(
                actor=by,
                action="events.attendance.marked",
                obj=session,
                subject=booking.person,
                council=booking.council_id,
                data={"booking": booking.pk, "present": attended},
            )
    for booking in newly_present:
        on_commit(hooks.notify_attended, session_id=session.pk, person=booking.person)
        if session.ends_at <= timezone.now():
            notify(booking, "evaluation")
    return len(newly_present)


@transaction.atomic
def evaluate_session(*, booking: Booking, score: int, comments: str = "") -> Evaluation:
    """A participant's score (1–10) and comments; may be changed later."""
    if booking.status != BookingStatus.CONFIRMED or booking.attended is False:
        raise BookingError(_("Alleen deelnemers kunnen deze bijeenkomst beoordelen."))
    if booking.session.starts_at > timezone.now():
        raise BookingError(_("U kunt een bijeenkomst pas beoordelen als die begonnen is."))
    if not isinstance(score, int) or not 1 <= score <= 10:
        raise BookingError(_("Geef een cijfer van 1 tot en met 10."))
    evaluation, _created = Evaluation.objects.update_or_create(
        booking=booking, defaults={"score": score, "comments": comments.strip()}
    )
    return evaluation
