"""Mail goes out in the language of the person it is for."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import translation

from raadsplein.events import emails, services
from raadsplein.events.models import BookingStatus, ReminderKind
from raadsplein.organisations.tests.factories import member

from .factories import BookingFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _session():
    amsterdam = zoneinfo.ZoneInfo("Europe/Amsterdam")
    start = datetime.datetime(2030, 3, 4, 10, 0, tzinfo=amsterdam)  # a Monday
    return SessionFactory(
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        cancel_until=start - datetime.timedelta(days=1),
    )


def test_booking_confirmation_is_english_for_a_person_who_chose_english(
    django_capture_on_commit_callbacks,
):
    person = member(first_name="Ann", language="en")
    session = _session()
    session.is_online, session.location = False, "Utrecht"
    session.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.book_seat(session=session, person=person, access_needs=["hearing_loop"])
    (message,) = mail.outbox
    assert message.subject == f"[Raadsplein] Confirmation: {session.event.title}"
    assert message.body.startswith("Dear Ann,")
    assert "You have a place." in message.body
    assert "Monday 4 March 2030, 10:00 – 12:00" in message.body
    assert "Hearing loop" in message.body
    assert "Kind regards," in message.body
    for dutch in ("Beste", "U heeft", "maandag", "Ringleiding", "Met vriendelijke groet"):
        assert dutch not in message.body
    assert [a[0] for a in message.attachments] == ["session.ics"]


def test_every_mail_is_dutch_by_default_and_english_on_request_whatever_the_active_language():
    dutch = member(first_name="Greet")
    english = member(first_name="Ann", language="en")
    session = _session()
    senders = [
        emails.send_confirmation,
        emails.send_waitlisted,
        emails.send_offer,
        emails.send_offer_expired,
        emails.send_cancelled,
        lambda b: emails.send_reminder(b, ReminderKind.LINK),
        lambda b: emails.send_reminder(b, ReminderKind.BEFORE),
        emails.send_evaluation_request,
        lambda b: emails.send_staff_message(b, subject="Zaal 2: 50% kleiner", body="Tot dan."),
    ]
    bookings = {
        who: BookingFactory(
            session=session,
            person=who,
            status=BookingStatus.OFFERED,
            offer_expires_at=session.starts_at - datetime.timedelta(hours=2),
        )
        for who in (dutch, english)
    }
    for who, active, greeting, closing in (
        (dutch, "en", "Beste Greet,", "Met vriendelijke groet,"),
        (english, "nl", "Dear Ann,", "Kind regards,"),
    ):
        mail.outbox.clear()
        with translation.override(active):  # the worker's language does not matter
            for send in senders:
                send(bookings[who])
        assert len(mail.outbox) == len(senders)
        for message in mail.outbox:
            assert message.body.startswith(greeting), message.subject
            assert closing in message.body, message.subject
    subjects = [m.subject for m in mail.outbox]
    title = session.event.title
    assert subjects[1] == f"[Raadsplein] On the waiting list: {title}"
    assert subjects[-1] == "[Raadsplein] Zaal 2: 50% kleiner"  # staff's words as written
    assert "We are holding this place for you until Monday 4 March 2030, 08:00." in (
        mail.outbox[2].body
    )
