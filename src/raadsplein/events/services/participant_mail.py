"""Messages from staff to the participants of a session."""

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit
from raadsplein.events import emails
from raadsplein.jobs.services import once

from ..models import Booking, BookingStatus, Session, SessionMessage
from .common import BookingError, on_commit

audit.register_action("events.participants.mailed", gettext_lazy("Bericht aan deelnemer gestuurd"))


@transaction.atomic
def email_participants(*, session: Session, subject: str, body: str, by) -> int:
    """Queue a message from staff to every confirmed participant of a session. The text is
    stored once (``SessionMessage``); each mail task carries the message's and a booking's id."""
    from raadsplein.events import tasks

    subject, body = subject.strip(), body.strip()
    if not subject or not body:
        raise BookingError(_("Vul een onderwerp en een bericht in."))
    ids = list(
        Booking.objects.filter(session=session, status=BookingStatus.CONFIRMED).values_list(
            "pk", flat=True
        )
    )
    message = SessionMessage.objects.create(session=session, subject=subject, body=body, sent_by=by)
    for pk in ids:
        on_commit(tasks.send_participant_message.enqueue, message.pk, pk)
    # One entry per recipient, so each person's export shows it; the subject line only.
    for booking in Booking.objects.filter(pk__in=ids).select_related("person"):
        audit.log(
            actor=by,
            action="events.participants.mailed",
            obj=session,
            subject=booking.person,
            council=booking.council_id,
            data={"booking": booking.pk, "subject": subject},
        )
    return len(ids)


def send_participant_message(*, message_id: int, booking_id: int) -> bool:
    """Send one staff message to one participant, once. Returns whether it went out now."""
    message = SessionMessage.objects.filter(pk=message_id).first()
    booking = (
        Booking.objects.select_related("session__event", "person").filter(pk=booking_id).first()
    )
    if message is None or booking is None or booking.session_id != message.session_id:
        return False
    with once(f"session-message:{message.pk}:booking:{booking.pk}") as first:
        if first:
            emails.send_staff_message(booking, subject=message.subject, body=message.body)
        return first
