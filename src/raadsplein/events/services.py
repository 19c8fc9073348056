"""Every write about events: booking, cancelling, the waiting list, reminders, attendance.

Capacity holds under concurrency because every change to who holds a seat of a session first
locks that session's row (``select_for_update``); on PostgreSQL concurrent bookings for one
session therefore queue up, and on SQLite writes are serialised by the database itself.
"""

import datetime
import logging
import os
from collections.abc import Iterable, Sequence

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit
from raadsplein.jobs.services import once
from raadsplein.organisations import selectors as org_selectors
from raadsplein.organisations.models import Council, Seat
from raadsplein.organisations.rules import is_member

from . import emails, hooks
from .models import (
    ACTIVE_STATUSES,
    SEAT_STATUSES,
    AccessNeed,
    Audience,
    Booking,
    BookingStatus,
    CalendarFeed,
    Evaluation,
    EventStatus,
    ReminderKind,
    SentReminder,
    Session,
    SessionMessage,
)
from .rules import can_book_for_council

logger = logging.getLogger(__name__)

audit.register_action(
    "events.booking.created_for", gettext_lazy("Plaats geboekt voor iemand anders")
)
audit.register_action(
    "events.booking.cancelled_for", gettext_lazy("Boeking afgemeld voor iemand anders")
)
audit.register_action("events.attendance.marked", gettext_lazy("Aanwezigheid vastgelegd"))
audit.register_action("events.participants.mailed", gettext_lazy("Bericht aan deelnemer gestuurd"))


class BookingError(Exception):
    """A booking request that cannot be honoured; ``message`` is shown to the person (Dutch)."""

    def __init__(self, message: str, *, code: str = "invalid"):
        super().__init__(message)
        self.message = message
        self.code = code


def _setting(name: str, default: int) -> int:
    value = getattr(settings, name, None)
    if value is None:
        value = os.environ.get(name, default)
    return int(value)


def offer_hold() -> datetime.timedelta:
    """How long a freed seat is held for the next person on the waiting list (default 48 h)."""
    return datetime.timedelta(hours=_setting("RAADSPLEIN_EVENTS_OFFER_HOLD_HOURS", 48))


def reminder_lead() -> datetime.timedelta:
    """How long before the start the reminder goes out (default 2 days)."""
    return datetime.timedelta(days=_setting("RAADSPLEIN_EVENTS_REMINDER_DAYS", 2))


def link_lead() -> datetime.timedelta:
    """How long before an online session its link is sent (default 60 minutes)."""
    return datetime.timedelta(minutes=_setting("RAADSPLEIN_EVENTS_LINK_MINUTES", 60))


def _on_commit(fn, *args, **kwargs) -> None:
    transaction.on_commit(lambda: fn(*args, **kwargs))


def _locked_session(session_id: int) -> Session:
    return Session.objects.select_for_update().select_related("event").get(pk=session_id)


def _notify(booking: Booking, what: str) -> None:
    """After commit, one background task sends the e-mail for ``what`` and schedules what
    follows from it (reminders, the end of an offer). One queue entry per change keeps the
    request short."""
    from . import tasks

    _on_commit(tasks.after_booking_change.enqueue, booking.pk, what)


def handle_booking_change(*, booking_id: int, what: str) -> None:
    """The background half of a booking change: e-mail, then scheduled follow-ups.

    Once per booking and change: every ``what`` happens at most once in a booking's life, so
    ``booking:<id>:<what>`` names the effect and a second run of the task sends nothing. The
    follow-ups are queued in the same transaction as the record.
    """
    from . import tasks

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


def _clean_needs(access_needs: Iterable[str]) -> list[str]:
    valid = set(AccessNeed.values)
    needs = []
    for code in access_needs:
        if code not in valid:
            raise BookingError(_("Kies uw wensen voor toegankelijkheid uit de lijst."))
        if code not in needs:
            needs.append(code)
    return needs


def _check_bookable(session: Session, now: datetime.datetime) -> None:
    event = session.event
    if event.status == EventStatus.CANCELLED or session.is_cancelled:
        raise BookingError(
            _("Deze bijeenkomst gaat niet door. U kunt niet meer boeken."), code="cancelled"
        )
    if event.status != EventStatus.PUBLISHED:
        raise BookingError(_("Voor deze bijeenkomst kunt u (nog) niet boeken."), code="closed")
    if session.starts_at <= now:
        raise BookingError(_("Deze bijeenkomst is al begonnen of voorbij."), code="closed")
    if session.booking_opens_at and now < session.booking_opens_at:
        opens = timezone.localtime(session.booking_opens_at)
        raise BookingError(
            _("De inschrijving opent op %(date)s.") % {"date": opens.strftime("%d-%m-%Y %H:%M")},
            code="closed",
        )
    if session.booking_closes_at and now >= session.booking_closes_at:
        raise BookingError(_("De inschrijving voor deze bijeenkomst is gesloten."), code="closed")


def _council_for(person, council: Council | None) -> Council | None:
    """The council a booking counts against: the one given, or the person's first seat."""
    seats = org_selectors.current_seats_for(person)
    if council is not None:
        if not any(seat.council_id == council.pk for seat in seats):
            raise BookingError(
                _("Deze persoon heeft geen zetel in %(council)s.") % {"council": council.name},
                code="not_on_council",
            )
        return council
    first = seats.first()
    return first.council if first else None


def _overlapping(person, session: Session):
    """The person's active bookings at the same time as ``session``, including ``session``."""
    return (
        Booking.objects.filter(
            person=person,
            status__in=ACTIVE_STATUSES,
            session__starts_at__lt=session.ends_at,
            session__ends_at__gt=session.starts_at,
        )
        .filter(Q(session=session) | Q(session__is_cancelled=False))
        .select_related("session__event")
        .order_by("session__starts_at")
    )


@transaction.atomic
def book_seat(
    *,
    session: Session,
    person,
    booked_by=None,
    council: Council | None = None,
    access_needs: Sequence[str] = (),
    access_needs_other: str = "",
    now: datetime.datetime | None = None,
) -> Booking:
    """Book a place for ``person`` (by themselves, or by their council's chair or secretary).

    Confirmed while seats are free and nobody waits; otherwise a place on the waiting list.
    Raises ``BookingError`` with a Dutch message; nothing changes then.
    """
    now = now or timezone.now()
    booked_by = booked_by or person
    needs = _clean_needs(access_needs)
    if "other" in needs and not access_needs_other.strip():
        raise BookingError(_("Beschrijf uw andere wens voor toegankelijkheid."))
    if booked_by.pk != person.pk and (
        council is None or not can_book_for_council(booked_by, council)
    ):
        raise BookingError(
            _("Alleen de voorzitter of secretaris van een raad kan voor raadsleden boeken."),
            code="not_on_council",
        )
    council = _council_for(person, council)

    # Lock the person, then the session: two simultaneous bookings of one person for
    # overlapping sessions queue up, so the overlap check below sees the other one.
    get_user_model().objects.select_for_update().filter(pk=person.pk).values_list("pk").first()
    session = _locked_session(session.pk)
    _check_bookable(session, now)
    if session.event.audience == Audience.MEMBERS and not is_member(person):
        raise BookingError(_("Deze bijeenkomst is alleen voor leden."), code="members_only")

    # One query for both: an active booking of this session, or one that overlaps in time.
    mine = list(_overlapping(person, session))
    existing = next((b for b in mine if b.session_id == session.pk), None)
    if existing is not None:
        if existing.status == BookingStatus.CONFIRMED:
            msg = _("Er is al een plaats geboekt voor deze bijeenkomst.")
        else:
            msg = _("Er is al een plek op de wachtlijst voor deze bijeenkomst.")
        raise BookingError(msg, code="duplicate")
    if mine:
        clash = mine[0]
        start = timezone.localtime(clash.session.starts_at)
        raise BookingError(
            _("Dit valt tegelijk met %(title)s (%(when)s). U kunt niet twee dingen tegelijk doen.")
            % {"title": clash.session.event.title, "when": start.strftime("%d-%m-%Y %H:%M")},
            code="overlap",
        )

    if session.per_council_cap and council is not None:
        used = Booking.objects.filter(
            session=session, council=council, status__in=ACTIVE_STATUSES
        ).count()
        if used >= session.per_council_cap:
            raise BookingError(
                _("Uw raad heeft al het maximum van %(cap)s plaatsen voor deze bijeenkomst.")
                % {"cap": session.per_council_cap},
                code="council_cap",
            )

    counts = Booking.objects.filter(session=session).aggregate(
        taken=Count("pk", filter=Q(status__in=SEAT_STATUSES)),
        waiting=Count("pk", filter=Q(status=BookingStatus.WAITLISTED)),
    )
    taken, waiting = counts["taken"], counts["waiting"]
    status = (
        BookingStatus.CONFIRMED
        if taken < session.capacity and not waiting
        else BookingStatus.WAITLISTED
    )
    booking = Booking(
        session=session,
        person=person,
        council=council,
        booked_by=booked_by,
        status=status,
        access_needs=needs,
        access_needs_other=access_needs_other.strip() if "other" in needs else "",
        created_at=now,
        confirmed_at=now if status == BookingStatus.CONFIRMED else None,
    )
    try:
        # No savepoint needed: on a conflict the whole booking transaction rolls back.
        booking.save()
    except IntegrityError as exc:
        raise BookingError(
            _("Er is al een boeking voor deze bijeenkomst."), code="duplicate"
        ) from exc
    if booked_by.pk != person.pk:
        audit.log(
            actor=booked_by,
            action="events.booking.created_for",
            obj=booking,
            subject=person,
            council=council,
            data={"session": session.pk, "status": status},
        )
    if status == BookingStatus.CONFIRMED:
        _notify(booking, "confirmed")
    else:
        _notify(booking, "waitlisted")
    return booking


def _fill_free_seats(session: Session, now: datetime.datetime) -> list[Booking]:
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
        _notify(booking, "offered")
    return offered


@transaction.atomic
def cancel_booking(*, booking: Booking, by, now: datetime.datetime | None = None) -> Booking:
    """Cancel a place, leave the waiting list or decline an offer; a freed seat goes to the
    next person waiting. Past the cancellation deadline only staff can cancel a place."""
    from raadsplein.accounts.rules import is_staff_member

    now = now or timezone.now()
    session = _locked_session(booking.session_id)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status not in ACTIVE_STATUSES:
        raise BookingError(_("Deze boeking is al afgemeld."), code="not_active")
    if (
        booking.status == BookingStatus.CONFIRMED
        and now >= session.effective_cancel_until
        and not is_staff_member(by)
    ):
        raise BookingError(
            _("Afmelden via de website kan niet meer. Neem contact op met de Vraagbaak."),
            code="deadline",
        )
    was_seat = booking.status in SEAT_STATUSES
    booking.status = BookingStatus.CANCELLED
    booking.cancelled_at = now
    booking.offer_expires_at = None
    booking.save(update_fields=["status", "cancelled_at", "offer_expires_at"])
    booking.session = session
    if by is not None and by.pk != booking.person_id:
        audit.log(
            actor=by,
            action="events.booking.cancelled_for",
            obj=booking,
            subject=booking.person,
            council=booking.council_id,
            data={"session": session.pk},
        )
    _notify(booking, "cancelled")
    if was_seat:
        _fill_free_seats(session, now)
    return booking


@transaction.atomic
def accept_offer(*, booking: Booking, now: datetime.datetime | None = None) -> Booking:
    """Take the seat held for you."""
    now = now or timezone.now()
    session = _locked_session(booking.session_id)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != BookingStatus.OFFERED:
        raise BookingError(_("Er staat geen plaats voor u klaar."), code="no_offer")
    if booking.offer_expires_at <= now:
        raise BookingError(
            _("Dit aanbod is verlopen. De plaats is naar de volgende persoon gegaan."),
            code="expired",
        )
    booking.status = BookingStatus.CONFIRMED
    booking.confirmed_at = now
    booking.offer_expires_at = None
    booking.save(update_fields=["status", "confirmed_at", "offer_expires_at"])
    booking.session = session
    _notify(booking, "confirmed")
    return booking


def expire_offer(*, booking_id: int, now: datetime.datetime | None = None) -> bool:
    """Let one offer lapse if its time is up, and pass the seat on. Safe to call twice."""
    now = now or timezone.now()
    with transaction.atomic():
        booking = Booking.objects.filter(pk=booking_id).first()
        if booking is None:
            return False
        session = _locked_session(booking.session_id)
        booking = Booking.objects.select_for_update().get(pk=booking_id)
        if booking.status != BookingStatus.OFFERED or booking.offer_expires_at > now:
            return False
        with once(f"booking:{booking_id}:expire-offer") as first:
            if not first:
                return False
            booking.status = BookingStatus.EXPIRED
            booking.save(update_fields=["status"])
            booking.session = session
            _notify(booking, "expired")
            _fill_free_seats(session, now)
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
            offered += len(_fill_free_seats(_locked_session(session_id), now))
    return {"expired": expired, "offered": offered}


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
        _on_commit(hooks.notify_attended, session_id=session.pk, person=booking.person)
        if session.ends_at <= timezone.now():
            _notify(booking, "evaluation")
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


@transaction.atomic
def email_participants(*, session: Session, subject: str, body: str, by) -> int:
    """Queue a message from staff to every confirmed participant of a session. The text is
    stored once (``SessionMessage``); each mail task carries the message's and a booking's id."""
    from . import tasks

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
        _on_commit(tasks.send_participant_message.enqueue, message.pk, pk)
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


def calendar_feed_for(person) -> CalendarFeed:
    feed, _created = CalendarFeed.objects.get_or_create(person=person)
    return feed


@transaction.atomic
def reset_calendar_feed(*, person) -> CalendarFeed:
    """A new secret address; the old one stops working."""
    CalendarFeed.objects.filter(person=person).delete()
    return CalendarFeed.objects.create(person=person)


def members_of_council_for_booking(*, booker, council: Council):
    """People the chair or secretary may book for: current seats on that council."""
    if not can_book_for_council(booker, council):
        return Seat.objects.none()
    return org_selectors.council_seats(council)


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
        session = _locked_session(booking.session_id)
        was_seat = booking.status in SEAT_STATUSES
        Booking.objects.filter(pk=booking.pk).update(
            status=BookingStatus.CANCELLED, cancelled_at=now, offer_expires_at=None
        )
        if was_seat:
            _fill_free_seats(session, now)
