"""Every mail task is safe to run twice: the second run sends nothing (house rule for tasks)."""

import datetime
import socket

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.events import services, tasks
from raadsplein.events.models import BookingStatus, SessionMessage
from raadsplein.jobs.models import TaskEffect
from raadsplein.organisations.tests.factories import member

from .factories import SessionFactory

pytestmark = pytest.mark.django_db


def _twice(task, *args):
    first = task.call(*args)
    second = task.call(*args)
    return first, second


@pytest.fixture
def full_session_with_offer():
    """A session of one seat: the holder cancelled, the next in line has an offer."""
    session = SessionFactory(capacity=1)
    holder = member()
    confirmed = services.book_seat(session=session, person=holder)
    waiting = services.book_seat(session=session, person=member())
    services.cancel_booking(booking=confirmed, by=holder)
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.OFFERED
    return confirmed, waiting


@pytest.mark.parametrize("what", ["confirmed", "waitlisted", "offered", "cancelled", "expired"])
def test_after_booking_change_twice_sends_one_mail(what, full_session_with_offer):
    cancelled, offered = full_session_with_offer
    booking = cancelled if what in ("confirmed", "cancelled") else offered
    mail.outbox.clear()
    _twice(tasks.after_booking_change, booking.pk, what)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [booking.person.email]
    assert TaskEffect.objects.filter(key=f"booking:{booking.pk}:{what}").count() == 1


def test_send_reminder_twice_sends_one_mail():
    session = SessionFactory(starts_at=timezone.now() + datetime.timedelta(hours=3))
    booking = services.book_seat(session=session, person=member())
    mail.outbox.clear()
    assert _twice(tasks.send_reminder, booking.pk, "before") == (True, False)
    assert len(mail.outbox) == 1
    assert "Herinnering" in mail.outbox[0].subject


def test_expire_offer_twice_expires_once_and_mails_once(
    full_session_with_offer, django_capture_on_commit_callbacks
):
    _cancelled, offered = full_session_with_offer
    later = offered.offer_expires_at + datetime.timedelta(minutes=1)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_offer(booking_id=offered.pk, now=later) is True
    with django_capture_on_commit_callbacks(execute=True):
        assert services.expire_offer(booking_id=offered.pk, now=later) is False
    offered.refresh_from_db()
    assert offered.status == BookingStatus.EXPIRED
    assert [m.subject for m in mail.outbox] == [
        f"[Raadsplein] Aanbod verlopen: {offered.session.event.title}"
    ]
    assert TaskEffect.objects.filter(key=f"booking:{offered.pk}:expire-offer").exists()


def test_participant_message_task_carries_ids_and_sends_once(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    session = SessionFactory()
    booking = services.book_seat(session=session, person=member())
    with django_capture_on_commit_callbacks(execute=True):
        services.email_participants(
            session=session, subject="Zaal gewijzigd", body="We zitten in zaal 2.", by=adviseur()
        )
    # The message text is stored once, the queued task holds only ids.
    queued = DBTaskResult.objects.filter(task_path__endswith="send_participant_message")
    message = SessionMessage.objects.get()
    assert [r.args_kwargs["args"] for r in queued] == [[message.pk, booking.pk]]
    assert "zaal 2" not in str(queued.get().args_kwargs)
    mail.outbox.clear()
    assert _twice(tasks.send_participant_message, message.pk, booking.pk) == (True, False)
    assert len(mail.outbox) == 1
    assert "We zitten in zaal 2." in mail.outbox[0].body


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_refused_mail_leaves_no_record_so_the_retry_sends_it(settings):
    session = SessionFactory()
    booking = services.book_seat(session=session, person=member())
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _closed_port()
    with pytest.raises(ConnectionRefusedError):
        tasks.after_booking_change.call(booking.pk, "confirmed")
    assert not TaskEffect.objects.filter(key=f"booking:{booking.pk}:confirmed").exists()
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox.clear()
    _twice(tasks.after_booking_change, booking.pk, "confirmed")
    assert len(mail.outbox) == 1
