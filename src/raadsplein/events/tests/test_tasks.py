"""With the database task backend (production), work is queued and deferred with run_after."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django_tasks_db.models import DBTaskResult

from raadsplein.events import services
from raadsplein.organisations.tests.factories import member

from .factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def db_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_booking_queues_mail_then_schedules_reminders_with_run_after(
    db_backend, django_capture_on_commit_callbacks
):
    session = SessionFactory(is_online=True)
    with django_capture_on_commit_callbacks(execute=True):
        booking = services.book_seat(session=session, person=member())
    queued = DBTaskResult.objects.get(task_path__startswith="raadsplein.events.")
    assert queued.task_path.endswith("after_booking_change")
    assert queued.args_kwargs["args"] == [booking.pk, "confirmed"]
    assert mail.outbox == []  # the worker sends it
    services.handle_booking_change(booking_id=booking.pk, what="confirmed")
    assert len(mail.outbox) == 1
    deferred = {
        r.args_kwargs["args"][1]: r.run_after
        for r in DBTaskResult.objects.filter(task_path__endswith="send_reminder")
    }
    assert deferred == {
        "before": session.starts_at - datetime.timedelta(days=2),
        "link": session.starts_at - datetime.timedelta(hours=1),
    }


def test_offer_expiry_is_deferred_to_the_end_of_the_hold(db_backend, settings):
    settings.RAADSPLEIN_EVENTS_OFFER_HOLD_HOURS = 24
    session = SessionFactory(capacity=1)
    holder = member()
    confirmed = services.book_seat(session=session, person=holder)
    waiting = services.book_seat(session=session, person=member())
    services.cancel_booking(booking=confirmed, by=holder)
    waiting.refresh_from_db()
    services.handle_booking_change(booking_id=waiting.pk, what="offered")
    expiry = DBTaskResult.objects.get(task_path__endswith="expire_offer")
    assert expiry.run_after == waiting.offer_expires_at


def test_process_events_command_runs_the_sweep(capsys):
    session = SessionFactory()
    services.book_seat(session=session, person=member())
    call_command("process_events")
    out = capsys.readouterr().out
    assert "offers expired: 0" in out
    assert "reminders sent: 0" in out
