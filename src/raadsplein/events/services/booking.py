"""Booking a place, cancelling it and taking an offered seat.

Capacity holds under concurrency because every change to who holds a seat of a session first
locks that session's row (``select_for_update``); on PostgreSQL concurrent bookings for one
session therefore queue up, and on SQLite writes are serialised by the database itself.
"""

import datetime
from collections.abc import Iterable, Sequence

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.accounts.rules import is_staff_member
from raadsplein.audit import services as audit
from raadsplein.organisations import selectors as org_selectors
from raadsplein.organisations.models import Council
from raadsplein.organisations.rules import is_member, is_officer_of

from ..models import (
    ACTIVE_STATUSES,
    SEAT_STATUSES,
    Audience,
    Booking,
    BookingStatus,
    EventStatus,
    Session,
    access_needs_for,
)
from .common import BookingError, locked_session, notify
from .waiting import fill_free_seats

audit.register_action(
    "events.booking.created_for", gettext_lazy("Plaats geboekt voor iemand anders")
)
audit.register_action(
    "events.booking.cancelled_for", gettext_lazy("Boeking afgemeld voor iemand anders")
)
audit.register_action(
    "events.booking.added_by_staff", gettext_lazy("Deelnemer met de hand toegevoegd")
)
audit.register_action(
    "events.booking.moved_up", gettext_lazy("Van de wachtlijst naar een plaats gezet")
)


def _clean_needs(access_needs: Iterable[str], session: Session) -> list[str]:
    """The needs asked for, each once; only those that fit the session (online or not)."""
    valid = {code for code, _label in access_needs_for(session)}
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


def _check_acts_for(booker, council: Council | None) -> None:
    """Booking for someone else is for the officers of the council it counts against."""
    if council is None or not is_officer_of(booker, council):
        raise BookingError(
            _("Alleen de voorzitter of secretaris van een raad kan voor raadsleden boeken."),
            code="not_on_council",
        )


def _not_on_council(council: Council) -> BookingError:
    return BookingError(
        _("Deze persoon heeft geen zetel in %(council)s.") % {"council": council.name},
        code="not_on_council",
    )


def _council_for(person, council: Council | None) -> Council | None:
    """The council a booking counts against: the one given, or the person's first seat."""
    seats = org_selectors.current_seats_for(person)
    if council is not None:
        if not any(seat.council_id == council.pk for seat in seats):
            raise _not_on_council(council)
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
    by_staff: bool = False,
) -> Booking:
    """Book a place for ``person`` (by themselves, by an officer of their council, or with
    ``by_staff`` by a staff member, who may add anyone, member or not).

    Confirmed while seats are free and nobody waits; otherwise a place on the waiting list.
    Raises ``BookingError`` with a Dutch message; nothing changes then.
    """
    now = now or timezone.now()
    booked_by = booked_by or person
    needs = _clean_needs(access_needs, session)
    if "other" in needs and not access_needs_other.strip():
        raise BookingError(_("Beschrijf uw andere wens voor toegankelijkheid."))
    if by_staff:
        if not is_staff_member(booked_by):
            raise BookingError(_("Alleen medewerkers kunnen deelnemers toevoegen."))
    elif booked_by.pk != person.pk:
        _check_acts_for(booked_by, council)
    council = _council_for(person, council)

    # Lock the person, then the session: two simultaneous bookings of one person for
    # overlapping sessions queue up, so the overlap check below sees the other one.
    get_user_model().objects.select_for_update().filter(pk=person.pk).values_list("pk").first()
    session = locked_session(session.pk)
    _check_bookable(session, now)
    if session.event.audience == Audience.MEMBERS and not by_staff and not is_member(person):
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

    if session.per_council_cap and council is not None and not by_staff:
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
    if by_staff:
        audit.log(
            actor=booked_by,
            action="events.booking.added_by_staff",
            obj=booking,
            subject=person,
            council=council,
            data={"session": session.pk, "status": status},
        )
    elif booked_by.pk != person.pk:
        audit.log(
            actor=booked_by,
            action="events.booking.created_for",
            obj=booking,
            subject=person,
            council=council,
            data={"session": session.pk, "status": status},
        )
    if status == BookingStatus.CONFIRMED:
        notify(booking, "confirmed")
    else:
        notify(booking, "waitlisted")
    return booking


@transaction.atomic
def cancel_booking(*, booking: Booking, by, now: datetime.datetime | None = None) -> Booking:
    """Cancel a place, leave the waiting list or decline an offer; a freed seat goes to the
    next person waiting. Past the cancellation deadline only staff can cancel a place."""
    now = now or timezone.now()
    session = locked_session(booking.session_id)
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
    notify(booking, "cancelled")
    if was_seat:
        fill_free_seats(session, now)
    return booking


@transaction.atomic
def accept_offer(*, booking: Booking, now: datetime.datetime | None = None) -> Booking:
    """Take the seat held for you."""
    now = now or timezone.now()
    session = locked_session(booking.session_id)
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
    notify(booking, "confirmed")
    return booking


def book_seat_for(
    *,
    session: Session,
    booker,
    who: str,
    council_id: int | None = None,
    access_needs: Sequence[str] = (),
    access_needs_other: str = "",
) -> Booking:
    """Book for whom the booking form names: ``"self"``, or ``"<council id>:<person id>"``
    for a member of a council the booker is an officer of (the choices of
    ``selectors.people_to_book_for``). Booking for yourself, ``council_id`` is the council you
    attend for when you sit on several (one of your current seats; empty: the first).

    The council is looked up only among those the booker acts for and the person only among
    its current seats, so an unknown council or person is refused with the same Dutch message
    as a known one; ``book_seat`` then checks the rest. Nothing is booked on a refusal.
    """
    person, council = booker, None
    if who in ("", "self") and council_id:
        seat = org_selectors.current_seats_for(booker).filter(council_id=council_id).first()
        if seat is None:
            raise BookingError(_("Kies een raad waarin u een zetel heeft."), code="not_on_council")
        council = seat.council
    if who not in ("", "self"):
        try:
            council_id, person_id = (int(part) for part in who.split(":", 1))
        except ValueError as exc:
            raise BookingError(_("Kies voor wie u boekt."), code="invalid") from exc
        council = Council.objects.filter(pk=council_id).first()
        _check_acts_for(booker, council)
        seat = org_selectors.council_seats(council).filter(person_id=person_id).first()
        if seat is None:
            raise _not_on_council(council)
        person = seat.person
    return book_seat(
        session=session,
        person=person,
        booked_by=booker,
        council=council,
        access_needs=access_needs,
        access_needs_other=access_needs_other,
    )


def add_participant(
    *,
    session: Session,
    email: str,
    by,
    access_needs: Sequence[str] = (),
    access_needs_other: str = "",
) -> Booking:
    """Staff add a person with an account by hand (found by e-mail address), also to a
    members-only event and past the council's maximum; a full session puts them on the
    waiting list. Written to the audit log."""
    if not is_staff_member(by):
        raise BookingError(_("Alleen medewerkers kunnen deelnemers toevoegen."))
    person = get_user_model().objects.filter(email__iexact=email.strip(), is_active=True).first()
    if person is None:
        raise BookingError(
            _("Er is geen account met het e-mailadres %(email)s.") % {"email": email.strip()},
            code="unknown_person",
        )
    return book_seat(
        session=session,
        person=person,
        booked_by=by,
        access_needs=access_needs,
        access_needs_other=access_needs_other,
        by_staff=True,
    )


@transaction.atomic
def move_up(*, booking: Booking, by, now: datetime.datetime | None = None) -> Booking:
    """Staff give a chosen person on the waiting list a free seat at once, ahead of the
    queue (for instance a trainer's colleague). Refused when no seat is free."""
    if not is_staff_member(by):
        raise BookingError(_("Alleen medewerkers kunnen iemand een plaats geven."))
    now = now or timezone.now()
    session = locked_session(booking.session_id)
    booking = Booking.objects.select_for_update().get(pk=booking.pk)
    if booking.status != BookingStatus.WAITLISTED:
        raise BookingError(_("Deze persoon staat niet op de wachtlijst."), code="not_waiting")
    if session.starts_at <= now:
        raise BookingError(_("Deze bijeenkomst is al begonnen of voorbij."), code="closed")
    taken = Booking.objects.filter(session=session, status__in=SEAT_STATUSES).count()
    if taken >= session.capacity:
        raise BookingError(
            _("Er is geen plaats vrij. Verhoog eerst het aantal plaatsen."), code="full"
        )
    booking.status = BookingStatus.CONFIRMED
    booking.confirmed_at = now
    booking.save(update_fields=["status", "confirmed_at"])
    booking.session = session
    audit.log(
        actor=by,
        action="events.booking.moved_up",
        obj=booking,
        subject=booking.person,
        council=booking.council_id,
        data={"session": session.pk},
    )
    notify(booking, "confirmed")
    return booking
