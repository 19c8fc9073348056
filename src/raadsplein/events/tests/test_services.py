import datetime

import pytest
from django.core import mail
from django.utils import timezone
from icalendar import Calendar

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.events import hooks, services
from raadsplein.events.models import (
    Booking,
    BookingStatus,
    EventStatus,
    ReminderKind,
    SentReminder,
)
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

from .factories import BookingFactory, EventFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _ics_events(message):
    attachments = [a for a in message.attachments if a[0].endswith(".ics")]
    assert attachments, "no .ics attachment"
    cal = Calendar.from_ical(attachments[0][1])
    return [c for c in cal.walk() if c.name == "VEVENT"]


def test_book_seat_confirms_and_mails_dutch_confirmation_with_valid_ics(
    django_capture_on_commit_callbacks,
):
    session = SessionFactory(capacity=2)
    person = member(first_name="Greet")
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_seat(
            session=session,
            person=person,
            access_needs=["captions", "other"],
            access_needs_other="Graag een pauze per uur",
        )
    booking.refresh_from_db()
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.access_needs == ["captions", "other"]
    assert booking.access_need_labels() == ["Ondertiteling", "Graag een pauze per uur"]
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [person.email]
    assert message.subject.startswith("[Raadsplein] Bevestiging:")
    assert "Beste Greet" in message.body
    assert "U heeft een plaats" in message.body
    assert session.meeting_url in message.body
    (vevent,) = _ics_events(message)
    assert str(vevent["summary"]) == session.event.title
    assert vevent.decoded("dtstart") == session.starts_at
    assert vevent.decoded("dtend") == session.ends_at
    assert session.meeting_url in str(vevent["description"])


def test_book_seat_when_full_puts_person_on_waiting_list():
    session = SessionFactory(capacity=1)
    services.book_seat(session=session, person=member())
    booking = services.book_seat(session=session, person=member())
    assert booking.status == BookingStatus.WAITLISTED
    assert session.bookings.filter(status=BookingStatus.CONFIRMED).count() == 1


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ("twice", "Er is al een plaats geboekt"),
        ("event_cancelled", "gaat niet door"),
        ("session_cancelled", "gaat niet door"),
        ("closed", "inschrijving voor deze bijeenkomst is gesloten"),
        ("not_open", "De inschrijving opent op"),
        ("started", "al begonnen"),
        ("non_member", "alleen voor leden"),
        ("bad_need", "Kies uw wensen"),
        ("other_without_text", "Beschrijf uw andere wens"),
    ],
)
def test_book_seat_refuses_bad_requests_with_dutch_message_and_changes_nothing(setup, message):
    session = SessionFactory()
    person = member()
    kwargs = {}
    now = timezone.now()
    if setup == "twice":
        services.book_seat(session=session, person=person)
    elif setup == "event_cancelled":
        session.event.status = EventStatus.CANCELLED
        session.event.save()
    elif setup == "session_cancelled":
        session.is_cancelled = True
        session.save()
    elif setup == "closed":
        session.booking_closes_at = now - datetime.timedelta(hours=1)
        session.save()
    elif setup == "not_open":
        session.booking_opens_at = now + datetime.timedelta(days=1)
        session.save()
    elif setup == "started":
        kwargs["now"] = session.starts_at + datetime.timedelta(minutes=1)
    elif setup == "non_member":
        person = UserFactory()
    elif setup == "bad_need":
        kwargs["access_needs"] = ["jetpack"]
    elif setup == "other_without_text":
        kwargs["access_needs"] = ["other"]
    before = Booking.objects.count()
    with pytest.raises(services.BookingError) as err:
        services.book_seat(session=session, person=person, **kwargs)
    assert message in err.value.message
    assert Booking.objects.count() == before


def test_book_seat_refuses_overlapping_session():
    person = member()
    first = SessionFactory()
    second = SessionFactory(starts_at=first.starts_at + datetime.timedelta(hours=1))
    services.book_seat(session=first, person=person)
    with pytest.raises(services.BookingError) as err:
        services.book_seat(session=second, person=person)
    assert err.value.code == "overlap"
    assert first.event.title in err.value.message
    # Back to back is fine.
    third = SessionFactory(starts_at=first.ends_at)
    assert services.book_seat(session=third, person=person).status == BookingStatus.CONFIRMED


def test_per_council_cap_limits_seats_per_council():
    council = MemberCouncilFactory()
    session = SessionFactory(per_council_cap=2, capacity=10)
    people = [member(council=council) for _ in range(3)]
    services.book_seat(session=session, person=people[0])
    services.book_seat(session=session, person=people[1])
    with pytest.raises(services.BookingError) as err:
        services.book_seat(session=session, person=people[2])
    assert "maximum van 2 plaatsen" in err.value.message
    # Someone of another council still gets in.
    assert services.book_seat(session=session, person=member()).status == "confirmed"


def test_chair_books_for_council_member_but_not_for_outsider():
    council = MemberCouncilFactory()
    chair = member(council=council, role=SeatRole.VOORZITTER)
    colleague = member(council=council)
    session = SessionFactory()
    booking = services.book_seat(
        session=session, person=colleague, booked_by=chair, council=council
    )
    assert booking.person == colleague
    assert booking.booked_by == chair
    assert booking.council == council
    outsider = member()
    with pytest.raises(services.BookingError) as err:
        services.book_seat(session=session, person=outsider, booked_by=chair, council=council)
    assert "geen zetel" in err.value.message
    assert not Booking.objects.filter(person=outsider).exists()


def test_plain_member_cannot_book_for_colleague():
    council = MemberCouncilFactory()
    plain = member(council=council)
    colleague = member(council=council)
    with pytest.raises(services.BookingError) as err:
        services.book_seat(
            session=SessionFactory(), person=colleague, booked_by=plain, council=council
        )
    assert "voorzitter of secretaris" in err.value.message


def test_cancel_frees_seat_and_offers_it_to_first_waiting(
    django_capture_on_commit_callbacks, settings
):
    settings.RAADSPLEIN_EVENTS_OFFER_HOLD_HOURS = 48
    session = SessionFactory(capacity=1)
    holder = member()
    first, second = member(), member()
    confirmed = services.book_seat(session=session, person=holder)
    w1 = services.book_seat(session=session, person=first)
    w2 = services.book_seat(session=session, person=second)
    mail.outbox.clear()
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_booking(booking=confirmed, by=holder, now=now)
    w1.refresh_from_db()
    w2.refresh_from_db()
    assert w1.status == BookingStatus.OFFERED
    assert w1.offer_expires_at == now + datetime.timedelta(hours=48)
    assert w2.status == BookingStatus.WAITLISTED
    subjects = {m.to[0]: m.subject for m in mail.outbox}
    assert "Er is een plaats vrij" in subjects[first.email]
    assert "Afgemeld" in subjects[holder.email]
    # New bookers queue behind the waiting list, even though a seat is only held.
    assert services.book_seat(session=session, person=member()).status == "waitlisted"
    accepted = services.accept_offer(booking=w1)
    assert accepted.status == BookingStatus.CONFIRMED


def test_offer_not_taken_passes_to_next_person_by_itself(django_capture_on_commit_callbacks):
    session = SessionFactory(capacity=1)
    holder, first, second = member(), member(), member()
    confirmed = services.book_seat(session=session, person=holder)
    w1 = services.book_seat(session=session, person=first)
    w2 = services.book_seat(session=session, person=second)
    services.cancel_booking(booking=confirmed, by=holder)
    w1.refresh_from_db()
    # Not yet due: nothing happens.
    assert services.process_waitlist()["expired"] == 0
    later = w1.offer_expires_at + datetime.timedelta(minutes=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        result = services.process_waitlist(now=later)
    assert result == {"expired": 1, "offered": 0}
    w1.refresh_from_db()
    w2.refresh_from_db()
    assert w1.status == BookingStatus.EXPIRED
    assert w2.status == BookingStatus.OFFERED
    with pytest.raises(services.BookingError):
        services.accept_offer(booking=w1)
    assert {m.to[0] for m in mail.outbox} == {first.email, second.email}
    # Running again changes nothing.
    assert services.process_waitlist(now=later) == {"expired": 0, "offered": 0}


def test_leave_waiting_list_and_cancel_past_deadline():
    session = SessionFactory(capacity=1, cancel_until=timezone.now() + datetime.timedelta(days=1))
    holder, waiting = member(), member()
    confirmed = services.book_seat(session=session, person=holder)
    queued = services.book_seat(session=session, person=waiting)
    assert services.cancel_booking(booking=queued, by=waiting).status == "cancelled"
    later = timezone.now() + datetime.timedelta(days=2)
    with pytest.raises(services.BookingError) as err:
        services.cancel_booking(booking=confirmed, by=holder, now=later)
    assert "Afmelden via de website kan niet meer" in err.value.message
    confirmed.refresh_from_db()
    assert confirmed.status == BookingStatus.CONFIRMED
    # Staff may still cancel.
    assert services.cancel_booking(booking=confirmed, by=adviseur(), now=later).status == (
        "cancelled"
    )


def test_reminders_go_out_once_even_when_run_twice():
    session = SessionFactory(is_online=True)
    booking = services.book_seat(session=session, person=member())
    mail.outbox.clear()
    too_early = session.starts_at - datetime.timedelta(days=3)
    assert services.send_due_reminders(now=too_early) == 0
    two_days = session.starts_at - datetime.timedelta(days=2) + datetime.timedelta(minutes=1)
    assert services.send_due_reminders(now=two_days) == 1
    assert services.send_due_reminders(now=two_days) == 0
    assert services.send_reminder_once(booking_id=booking.pk, kind="before", now=two_days) is False
    hour = session.starts_at - datetime.timedelta(minutes=59)
    assert services.send_due_reminders(now=hour) == 1
    assert services.send_due_reminders(now=hour) == 0
    assert [m.subject for m in mail.outbox] == [
        f"[Raadsplein] Herinnering: {session.event.title}",
        f"[Raadsplein] Zo begint het: link voor {session.event.title}",
    ]
    assert session.meeting_url in mail.outbox[1].body
    assert SentReminder.objects.filter(booking=booking).count() == 2


def test_no_link_reminder_for_physical_session():
    session = SessionFactory(is_online=False, location="Utrecht", meeting_url="")
    booking = services.book_seat(session=session, person=member())
    hour = session.starts_at - datetime.timedelta(minutes=30)
    assert services.send_due_reminders(now=hour) == 1  # only the "before" reminder
    assert list(SentReminder.objects.filter(booking=booking).values_list("kind", flat=True)) == [
        ReminderKind.BEFORE
    ]


def test_failed_send_leaves_no_record_so_a_later_run_retries(monkeypatch):
    session = SessionFactory()
    booking = services.book_seat(session=session, person=member())
    due = session.starts_at - datetime.timedelta(days=1)

    def broken(*args, **kwargs):
        raise ConnectionError("mail server down")

    monkeypatch.setattr("raadsplein.events.emails.send_reminder", broken)
    with pytest.raises(ConnectionError):
        services.send_reminder_once(booking_id=booking.pk, kind="before", now=due)
    assert not SentReminder.objects.exists()
    monkeypatch.undo()
    assert services.send_reminder_once(booking_id=booking.pk, kind="before", now=due) is True


def test_attendance_calls_learning_listener_after_commit(django_capture_on_commit_callbacks):
    calls = []

    def listener(*, session_id, person):
        calls.append((session_id, person.pk))

    hooks.register_attendance_listener(listener)
    try:
        session = SessionFactory()
        present = services.book_seat(session=session, person=member())
        absent = services.book_seat(session=session, person=member())
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            services.mark_attendance(session=session, present_ids=[present.pk], by=adviseur())
        assert calls == []  # not before commit
        for callback in callbacks:
            callback()
        assert calls == [(session.pk, present.person.pk)]
        present.refresh_from_db()
        absent.refresh_from_db()
        assert present.attended is True
        assert absent.attended is False
        # Marking again does not call the listener twice.
        with django_capture_on_commit_callbacks(execute=True):
            services.mark_attendance(session=session, present_ids=[present.pk], by=adviseur())
        assert len(calls) == 1
    finally:
        hooks.unregister_attendance_listener(listener)


def test_evaluation_score_bounds_and_who_may_evaluate():
    past = SessionFactory(
        starts_at=timezone.now() - datetime.timedelta(days=1),
        ends_at=timezone.now() - datetime.timedelta(hours=22),
    )
    booking = BookingFactory(session=past, attended=True)
    for bad in (0, 11):
        with pytest.raises(services.BookingError):
            services.evaluate_session(booking=booking, score=bad)
    evaluation = services.evaluate_session(booking=booking, score=8, comments=" Leerzaam ")
    assert (evaluation.score, evaluation.comments) == (8, "Leerzaam")
    absent = BookingFactory(session=past, attended=False)
    with pytest.raises(services.BookingError):
        services.evaluate_session(booking=absent, score=7)
    waiting = BookingFactory(session=past, status=BookingStatus.WAITLISTED)
    with pytest.raises(services.BookingError):
        services.evaluate_session(booking=waiting, score=7)


def test_erase_cancels_upcoming_places_and_passes_them_on():
    session = SessionFactory(capacity=1)
    person, waiting = member(), member()
    booking = services.book_seat(
        session=session, person=person, access_needs=["other"], access_needs_other="rolstoel"
    )
    queued = services.book_seat(session=session, person=waiting)
    services.erase_event_data(person)
    booking.refresh_from_db()
    queued.refresh_from_db()
    assert booking.status == BookingStatus.CANCELLED
    assert booking.access_needs == [] and booking.access_needs_other == ""
    assert queued.status == BookingStatus.OFFERED
    exported = services.export_event_data(waiting)
    assert exported["boekingen"][0]["status"] == "Plaats aangeboden"


def test_members_only_event_for_member_via_individual_membership():
    from raadsplein.organisations.tests.factories import IndividualMembershipFactory

    person = UserFactory()
    IndividualMembershipFactory(person=person)
    session = SessionFactory(event=EventFactory())
    assert services.book_seat(session=session, person=person).status == "confirmed"


def test_seat_factory_chair_role_and_secretary_can_book():
    council = MemberCouncilFactory()
    secretary = UserFactory()
    SeatFactory(person=secretary, council=council, role=SeatRole.SECRETARIS)
    colleague = member(council=council)
    booking = services.book_seat(
        session=SessionFactory(), person=colleague, booked_by=secretary, council=council
    )
    assert booking.status == "confirmed"


def test_overlap_with_a_cancelled_session_does_not_block():
    person = member()
    first = SessionFactory()
    services.book_seat(session=first, person=person)
    first.is_cancelled = True
    first.save()
    second = SessionFactory(starts_at=first.starts_at)
    assert services.book_seat(session=second, person=person).status == "confirmed"


def test_evaluation_request_sent_once_by_sweep_when_marked_during_session(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    session = SessionFactory(
        starts_at=now - datetime.timedelta(minutes=30), ends_at=now + datetime.timedelta(hours=1)
    )
    booking = BookingFactory(session=session)
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_attendance(session=session, present_ids=[booking.pk], by=adviseur())
    assert mail.outbox == []  # not yet over
    session.ends_at = now - datetime.timedelta(minutes=1)
    session.save()
    assert services.send_due_reminders() == 1
    assert services.send_due_reminders() == 0
    assert [m.subject for m in mail.outbox] == [
        f"[Raadsplein] Wat vond u van {session.event.title}?"
    ]
    assert f"/agenda/boeking/{booking.pk}/evaluatie/" in mail.outbox[0].body


def test_book_seat_for_books_a_member_of_the_officers_own_council():
    council = MemberCouncilFactory()
    secretary = member(council=council, role=SeatRole.SECRETARIS)
    colleague = member(council=council)
    session = SessionFactory()
    booking = services.book_seat_for(
        session=session, booker=secretary, who=f"{council.pk}:{colleague.pk}"
    )
    assert (booking.person, booking.booked_by, booking.council) == (colleague, secretary, council)
    mine = services.book_seat_for(session=session, booker=secretary, who="self")
    assert (mine.person, mine.booked_by) == (secretary, secretary)


@pytest.mark.parametrize("target", ["own_council", "their_council", "unknown_council", "nobody"])
def test_book_seat_for_refuses_a_person_of_another_council_and_books_nothing(target):
    council, other = MemberCouncilFactory(), MemberCouncilFactory()
    chair = member(council=council, role=SeatRole.VOORZITTER)
    outsider = member(council=other)
    who = {
        "own_council": f"{council.pk}:{outsider.pk}",  # claims the outsider sits on the chair's
        "their_council": f"{other.pk}:{outsider.pk}",  # the chair is no officer there
        "unknown_council": f"999999:{outsider.pk}",
        "nobody": f"{council.pk}:999999",
    }[target]
    session = SessionFactory()
    with pytest.raises(services.BookingError) as err:
        services.book_seat_for(session=session, booker=chair, who=who)
    assert err.value.code == "not_on_council"
    expected = {
        "own_council": f"Deze persoon heeft geen zetel in {council.name}.",
        "nobody": f"Deze persoon heeft geen zetel in {council.name}.",
    }.get(target, "Alleen de voorzitter of secretaris van een raad kan voor raadsleden boeken.")
    assert err.value.message == expected
    assert not Booking.objects.exists()


@pytest.mark.parametrize("who", ["nonsense", "1:x", "1:2:3", ":"])
def test_book_seat_for_refuses_garbage_with_a_dutch_message(who):
    person = member()
    session = SessionFactory()
    with pytest.raises(services.BookingError) as err:
        services.book_seat_for(session=session, booker=person, who=who)
    assert err.value.message == "Kies voor wie u boekt."
    assert not Booking.objects.exists()
