"""Every write about background work: effect records, taking back stuck tasks, retries.

At least once, effect once: the worker may run a task more than once (a retry after an error,
a task taken back from a worker that died), so each task's effect is guarded by a unique
``TaskEffect`` row written in the same transaction as the effect itself.
"""

import datetime
import logging
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from .models import TaskEffect, WorkerHeartbeat

logger = logging.getLogger(__name__)

LOST_EXCEPTION = "raadsplein.jobs.worker.WorkerLost"


def lease() -> datetime.timedelta:
    """How long a worker may go unseen before its running task is taken back."""
    return datetime.timedelta(seconds=settings.RAADSPLEIN_TASK_LEASE_SECONDS)


def max_attempts() -> int:
    """How many times a task is started before it is marked failed for good."""
    return max(1, settings.RAADSPLEIN_TASK_MAX_ATTEMPTS)


def retry_delay(attempts: int) -> datetime.timedelta:
    """The wait before attempt ``attempts + 1`` of a task that raised: doubling, capped at 1 h."""
    seconds = settings.RAADSPLEIN_TASK_RETRY_SECONDS * 2 ** max(0, attempts - 1)
    return datetime.timedelta(seconds=min(seconds, 3600))


@contextmanager
def once(key: str) -> Iterator[bool]:
    """Do an effect once, however often the task runs::

        with once(f"booking:{booking.pk}:confirmed") as first:
            if first:
                emails.send_confirmation(booking)

    Opens a transaction, records ``key`` and yields True; if the key was recorded before it
    yields False. The record commits with the block, so an effect that raises (the mail server
    refused) rolls the record back and a later run tries again. Two workers at once: the second
    waits on the first's row and then finds it. The e-mail is handed to the server inside the
    transaction, just before commit: losing a mail for ever is worse than the rare second copy
    when the worker dies between the server's "250 OK" and the commit.
    """
    with transaction.atomic():
        try:
            with transaction.atomic():
                TaskEffect.objects.create(key=key)
        except IntegrityError:
            yield False
            return
        yield True


def was_done(key: str) -> bool:
    return TaskEffect.objects.filter(key=key).exists()


def attempts_of(result: DBTaskResult) -> int:
    """Each claim by a worker appends its id, so the list's length counts the starts."""
    return len(result.worker_ids or [])


def _requeue_or_fail(result: DBTaskResult, *, reason: str, now: datetime.datetime) -> str:
    """Put one RUNNING task back in the queue, or fail it when it has had all its attempts.
    Only changes the row if it is still RUNNING from the same start (a fence against racing
    reapers and the worker itself). Returns the new status, or "" when the row had moved on."""
    running = DBTaskResult.objects.filter(
        pk=result.pk, status=TaskResultStatus.RUNNING, started_at=result.started_at
    )
    if attempts_of(result) >= max_attempts():
        changed = running.update(
            status=TaskResultStatus.FAILED,
            finished_at=now,
            return_value=None,
            exception_class_path=LOST_EXCEPTION,
            traceback=f"{reason}; attempts: {attempts_of(result)} of {max_attempts()}",
        )
        return TaskResultStatus.FAILED if changed else ""
    changed = running.update(status=TaskResultStatus.READY, traceback=reason)
    return TaskResultStatus.READY if changed else ""


def reclaim_stale_tasks(
    *,
    backend_name: str = "default",
    own_worker_id: str | None = None,
    lease_seconds: float | None = None,
    now: datetime.datetime | None = None,
) -> dict[str, int]:
    """Take back RUNNING tasks whose worker died: back to READY, or FAILED after the last
    attempt. A worker counts as dead when its heartbeat is older than the lease; a task with
    no heartbeat row at all (claimed by a plain ``db_worker``) once it started a lease ago.
    ``own_worker_id`` is the caller: between tasks, a task still RUNNING under its own id was
    left behind by a lost database connection and is taken back at once.

    Runs in every worker on start and every half lease; safe to run anywhere at any time.
    ``lease_seconds`` overrides the setting (the worker's ``--lease``).
    """
    now = now or timezone.now()
    cutoff = now - (
        datetime.timedelta(seconds=lease_seconds) if lease_seconds is not None else lease()
    )
    counts = {"requeued": 0, "failed": 0}
    running = list(
        DBTaskResult.objects.filter(backend_name=backend_name, status=TaskResultStatus.RUNNING)
    )
    if not running:
        return counts
    holders = {r.worker_ids[-1] for r in running if r.worker_ids}
    seen = dict(
        WorkerHeartbeat.objects.filter(worker_id__in=holders).values_list("worker_id", "seen_at")
    )
    for result in running:
        holder = result.worker_ids[-1] if result.worker_ids else None
        if own_worker_id is not None and holder == own_worker_id:
            reason = f"worker {holder} lost its database connection during the task"
        elif holder in seen:
            if seen[holder] >= cutoff:
                continue
            reason = f"worker {holder} not seen since {seen[holder].isoformat()}"
        elif result.started_at and result.started_at < cutoff:
            reason = f"worker {holder} left no heartbeat"
        else:
            continue
        status = _requeue_or_fail(result, reason=reason, now=now)
        if status == TaskResultStatus.READY:
            counts["requeued"] += 1
            logger.warning("Task %s (%s) taken back: %s", result.pk, result.task_path, reason)
        elif status == TaskResultStatus.FAILED:
            counts["failed"] += 1
            logger.error("Task %s (%s) failed for good: %s", result.pk, result.task_path, reason)
    # Forget workers gone for a day; their tasks were dealt with above long ago.
    WorkerHeartbeat.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).delete()
    return counts


def is_stuck(result: DBTaskResult, *, now: datetime.datetime | None = None) -> bool:
    """RUNNING while its worker has not been seen within the lease."""
    if result.status != TaskResultStatus.RUNNING:
        return False
    cutoff = (now or timezone.now()) - lease()
    holder = result.worker_ids[-1] if result.worker_ids else None
    beat = WorkerHeartbeat.objects.filter(worker_id=holder).values_list("seen_at", flat=True)
    seen = beat.first()
    if seen is not None:
        return seen < cutoff
    return bool(result.started_at and result.started_at < cutoff)


def retry_task(*, result: DBTaskResult, by, now: datetime.datetime | None = None) -> bool:
    """Staff's retry button: run a failed or stuck task again, now. The task's effect record
    keeps a mail that did go out from going out twice. Returns False if the task may not be
    retried (it is waiting, done, or running on a live worker)."""
    now = now or timezone.now()
    with transaction.atomic():
        result = DBTaskResult.objects.select_for_update().get(pk=result.pk)
        retryable = result.status == TaskResultStatus.FAILED or (
            result.status == TaskResultStatus.RUNNING and is_stuck(result, now=now)
        )
        if not retryable:
            return False
        # One more attempt: the attempts already made still count, so if this one fails too
        # the task is failed at once rather than retried on its own again.
        result.status = TaskResultStatus.READY
        result.run_after = now
        result.finished_at = None
        result.exception_class_path = ""
        result.traceback = f"retried by user {by.pk} at {now.isoformat()}"
        result.save(
            update_fields=[
                "status",
                "run_after",
                "finished_at",
                "exception_class_path",
                "traceback",
            ]
        )
    logger.info("Task %s (%s) retried by user %s", result.pk, result.task_path, by.pk)
    return True
