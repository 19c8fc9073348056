"""What follows a booking change in the background (its e-mail, the scheduled reminders) and
the reminders themselves, each sent once."""

import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from raadsplein.events import emails
from raadsplein.jobs.services import once

from ..models import Booking, BookingStatus, ReminderKind, SentReminder
from .common import link_lead, reminder_lead
from .evaluations import send_evaluation_request_once


def handle_booking_change(*, booking_id: int, what: str) -> None:
    """The background half of a booking change: e-mail, then scheduled follow-ups.

    Once per booking and change: every ``what`` happens at most once in a booking's life, so
    ``booking:<id>:<what>`` names the effect and a second run of the task sends nothing. The
    follow-ups are queued in the same transaction as the record.
    """
    from raadsplein.events import tasks

    booking = (
        Booking.objects.select_related("session__event", "person").filter(pk=booking_id).first()
    )
    if booking is None:
        return
    if what == "evaluation":
        send_evaluation_request_once(booking_id=booking.pk)  # its own record (SentReminder)
        return
    session = booking.session
    with once(f"booking:{booking.pk}:{what}") as first:
        if not first:
            return
        if what == "confirmed":
            emails.send_confirmation(booking)
            tasks.schedule(
                tasks.send_reminder, session.starts_at - reminder_lead(), booking.pk, "before"
            )
            if session.is_online:
                tasks.schedule(
                    tasks.send_reminder, session.starts_at - link_lead(), booking.pk, "link"
                )
        elif what == "waitlisted":
            emails.send_waitlisted(booking)
        elif what == "offered" and booking.offer_expires_at:
            emails.send_offer(booking)
            tasks.schedule(tasks.expire_offer, booking.offer_expires_at, booking.pk)
        elif what == "cancelled":
            emails.send_cancelled(booking)
        elif what == "expired":
            emails.send_offer_expired(booking)


def send_reminder_once(*, booking_id: int, kind: str, now: datetime.datetime | None = None) -> bool:
    """Send one reminder if it is due and was not sent before.

    The reminder is recorded (unique per booking and kind) in the same transaction in which the
    e-mail is handed to the mail server: a second worker waits on the row and then finds it; a
    failed send rolls the record back so that a later run tries again.
    """
    now = now or timezone.now()
    booking = (
        Booking.objects.select_related("session__event", "person").filter(pk=booking_id).first()
    )
    if booking is None or booking.status != BookingStatus.CONFIRMED:
        return False
    session = booking.session
    if session.is_cancelled or session.starts_at <= now:
        return False
    if kind == ReminderKind.LINK:
        if not (session.is_online and session.meeting_url):
            return False
        due_from = session.starts_at - link_lead()
    elif kind == ReminderKind.BEFORE:
        due_from = session.starts_at - reminder_lead()
    else:
        return False
    if now < due_from:
        return False
    try:
        with transaction.atomic():
            SentReminder.objects.create(booking=booking, kind=kind, sent_at=now)
            emails.send_reminder(booking, kind)
    except IntegrityError:
        return False
    return True


def send_due_reminders(*, now: datetime.datetime | None = None) -> int:
    """Send every reminder that is due now and not yet sent. Returns how many went out."""
    now = now or timezone.now()
    sent = 0
    confirmed = Booking.objects.filter(
        status=BookingStatus.CONFIRMED, session__is_cancelled=False, session__starts_at__gt=now
    )
    before = confirmed.filter(session__starts_at__lte=now + reminder_lead()).exclude(
        reminders__kind=ReminderKind.BEFORE
    )
    for pk in before.values_list("pk", flat=True):
        sent += send_reminder_once(booking_id=pk, kind=ReminderKind.BEFORE, now=now)
    link = (
        confirmed.filter(session__starts_at__lte=now + link_lead(), session__is_online=True)
        .exclude(session__meeting_url="")
        .exclude(reminders__kind=ReminderKind.LINK)
    )
    for pk in link.values_list("pk", flat=True):
        sent += send_reminder_once(booking_id=pk, kind=ReminderKind.LINK, now=now)
    # Evaluation requests for people marked present before the session ended (last 30 days).
    ended = Booking.objects.filter(
        status=BookingStatus.CONFIRMED,
        attended=True,
        session__ends_at__lte=now,
        session__ends_at__gt=now - datetime.timedelta(days=30),
        evaluation__isnull=True,
    ).exclude(reminders__kind=ReminderKind.EVALUATION)
    for pk in ended.values_list("pk", flat=True):
        sent += send_evaluation_request_once(booking_id=pk)
    return sent
