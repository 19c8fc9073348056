"""Background work (django-tasks). Thin: each task calls a service that is safe to run twice.

Tasks carry ids, never personal data or message texts. The worker (``manage.py run_worker``)
runs a task at least once; each service records its effect in a unique row (``jobs.once``,
``SentReminder``) in the same transaction as the mail, so a second run sends nothing.

Deferred tasks (``run_after``) need a backend that supports them (the database backend with
``manage.py db_worker``). Where the backend cannot defer (tests, the immediate backend) nothing
is scheduled; ``manage.py process_events`` (cron, every few minutes) does the same work and is
the safety net in production too.
"""

import datetime
import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

# Imported whole and used as ``services.<name>`` in every task; the services import this
# module only inside functions (to enqueue), so the import goes one way.
from raadsplein.events import services

logger = logging.getLogger(__name__)


def schedule(task_obj, run_after: datetime.datetime, *args) -> None:
    """Enqueue ``task_obj(*args)`` to run at ``run_after`` when the backend can defer."""
    if not getattr(default_task_backend, "supports_defer", False):
        return
    if run_after <= timezone.now():
        task_obj.enqueue(*args)
    else:
        task_obj.using(run_after=run_after).enqueue(*args)


@task()
def after_booking_change(booking_id: int, what: str) -> None:
    """Once per booking and change (record ``booking:<id>:<what>``)."""
    services.handle_booking_change(booking_id=booking_id, what=what)


@task()
def send_reminder(booking_id: int, kind: str) -> bool:
    """Once per booking and kind (``SentReminder``)."""
    return services.send_reminder_once(booking_id=booking_id, kind=kind)


@task()
def expire_offer(booking_id: int) -> bool:
    """Once per offer: the booking row is locked and its status checked, and the expiry is
    recorded (``booking:<id>:expire-offer``)."""
    return services.expire_offer(booking_id=booking_id)


@task()
def process_events() -> dict:
    """A sweep; each step it takes is itself once only."""
    result = services.process_waitlist()
    result["reminders"] = services.send_due_reminders()
    return result


@task()
def send_participant_message(message_id: int, booking_id: int) -> bool:
    """One staff message (``SessionMessage``) to one participant, once."""
    return services.send_participant_message(message_id=message_id, booking_id=booking_id)
