"""The events services write one audit entry per act done on someone else's behalf."""

import pytest

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.events import services
from raadsplein.events.models import BookingStatus
from raadsplein.events.tests.factories import BookingFactory, SessionFactory
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db


def test_booking_for_a_colleague_is_logged_with_booker_and_person():
    council = MemberCouncilFactory()
    chair = member(council=council, role=SeatRole.VOORZITTER)
    colleague = member(council=council)
    booking = services.book_seat(
        session=SessionFactory(), person=colleague, booked_by=chair, council=council
    )
    entry = AuditEntry.objects.get()
    assert entry.action == "events.booking.created_for"
    assert (entry.actor, entry.subject, entry.council) == (chair, colleague, council)
    assert entry.object_id == str(booking.pk)
    assert entry.actor_label == chair.get_full_name()
    assert entry.subject_label == colleague.get_full_name()
    assert entry.data == {"session": booking.session_id, "status": "confirmed"}
    assert entry.description == "Plaats geboekt voor iemand anders"


def test_booking_for_oneself_writes_no_entry():
    services.book_seat(session=SessionFactory(), person=member())
    assert not AuditEntry.objects.exists()


def test_refused_booking_for_someone_else_leaves_no_entry():
    council = MemberCouncilFactory()
    plain = member(council=council)
    with pytest.raises(services.BookingError):
        services.book_seat(
            session=SessionFactory(),
            person=member(council=council),
            booked_by=plain,
            council=council,
        )
    assert not AuditEntry.objects.exists()


def test_staff_cancelling_for_someone_is_logged_but_own_cancel_is_not():
    staff = adviseur()
    mine, theirs = BookingFactory(), BookingFactory()
    services.cancel_booking(booking=mine, by=mine.person)
    services.cancel_booking(booking=theirs, by=staff)
    entry = AuditEntry.objects.get()
    assert entry.action == "events.booking.cancelled_for"
    assert (entry.actor, entry.subject) == (staff, theirs.person)
    assert entry.object_id == str(theirs.pk)


def test_marking_attendance_logs_one_entry_per_changed_person():
    staff = adviseur()
    session = SessionFactory()
    present = BookingFactory(session=session)
    absent = BookingFactory(session=session)
    BookingFactory(session=session, status=BookingStatus.CANCELLED)
    services.mark_attendance(session=session, present_ids=[present.pk], by=staff)
    entries = {e.subject_id: e for e in AuditEntry.objects.all()}
    assert set(entries) == {present.person_id, absent.person_id}
    assert entries[present.person_id].data == {"booking": present.pk, "present": True}
    assert entries[absent.person_id].data == {"booking": absent.pk, "present": False}
    assert entries[absent.person_id].data_display == [
        ("boeking", str(absent.pk)),
        ("aanwezig", "nee"),
    ]
    assert all(e.actor == staff and e.object_id == str(session.pk) for e in entries.values())
    # Saving the same list again changes nothing, so it logs nothing.
    services.mark_attendance(session=session, present_ids=[present.pk], by=staff)
    assert AuditEntry.objects.count() == 2


def test_mail_to_participants_logs_each_recipient_without_the_body():
    staff = adviseur()
    session = SessionFactory()
    a, b = BookingFactory(session=session), BookingFactory(session=session)
    BookingFactory(session=session, status=BookingStatus.WAITLISTED)
    n = services.email_participants(
        session=session, subject="Andere zaal", body="Vertrouwelijk: mijn diagnose", by=staff
    )
    assert n == 2
    entries = AuditEntry.objects.filter(action="events.participants.mailed")
    assert {e.subject_id for e in entries} == {a.person_id, b.person_id}
    for entry in entries:
        assert entry.actor == staff
        assert entry.data["subject"] == "Andere zaal"
        assert "diagnose" not in repr(entry.data)
