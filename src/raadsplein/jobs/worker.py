"""The task worker: django-tasks-db's ``db_worker`` loop, made to survive crashes.

On top of the library's worker it

- writes a heartbeat for itself every few seconds from a thread of its own, so that other
  workers can tell it is alive (the lease);
- on start and every half lease takes back the RUNNING tasks of workers that died
  (``services.reclaim_stale_tasks``);
- rides out a database that goes away: a lost connection is closed, the worker waits (0.5 s,
  doubling to 30 s) and goes on, it never exits for it;
- tries a task that raised again later (doubling delays), and fails it after its last attempt;
- writes a task's outcome only while it still holds the task (fenced on status and start time),
  so a worker that was given up on cannot overwrite the run that replaced it.
"""

import json
import logging
import os
import random
import socket
import threading
import time
from traceback import format_exception

from django.core.exceptions import SuspiciousOperation
from django.db import connections
from django.db.utils import InterfaceError, OperationalError
from django.utils import timezone
from django_tasks_db.compat import TaskContext, TaskResultStatus, task_finished, task_started
from django_tasks_db.management.commands.db_worker import Worker as DBWorker
from django_tasks_db.models import DBTaskResult
from django_tasks_db.utils import exclusive_transaction, is_locked_database_exception

from . import services
from .models import WorkerHeartbeat

logger = logging.getLogger("raadsplein.jobs")

CONNECTION_ERRORS = (OperationalError, InterfaceError)
MAX_BACKOFF = 30.0


class WorkerLost(Exception):  # noqa: N818 - the name is what the admin shows for the state
    """Recorded as the failure of a task whose worker died on its last attempt."""


def is_connection_error(exc: BaseException) -> bool:
    return isinstance(exc, CONNECTION_ERRORS) and not (
        isinstance(exc, OperationalError) and is_locked_database_exception(exc)
    )


def drop_connections() -> None:
    """Close this thread's database connections, whatever state they are in; Django opens new
    ones on the next query."""
    for conn in connections.all(initialized_only=True):
        try:
            conn.close()
        except Exception:  # noqa: BLE001 - a dead connection may fail to close; it is gone
            logger.debug("closing a dead connection failed", exc_info=True)
            conn.connection = None


class Heartbeat(threading.Thread):
    """Writes the worker's ``seen_at`` every ``every`` seconds on a connection of its own."""

    def __init__(self, worker_id: str, every: float):
        super().__init__(name=f"heartbeat-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.every = every
        self.stopped = threading.Event()

    def beat(self) -> None:
        now = timezone.now()
        updated = WorkerHeartbeat.objects.filter(worker_id=self.worker_id).update(seen_at=now)
        if not updated:
            WorkerHeartbeat.objects.create(
                worker_id=self.worker_id,
                hostname=socket.gethostname()[:255],
                pid=os.getpid(),
                started_at=now,
                seen_at=now,
            )

    def run(self) -> None:
        while not self.stopped.is_set():
            try:
                self.beat()
            except Exception as exc:  # noqa: BLE001 - a missed beat is retried; never die
                logger.warning("heartbeat of %s not written: %s", self.worker_id, exc)
                drop_connections()
            self.stopped.wait(self.every)
        connections.close_all()

    def stop(self) -> None:
        self.stopped.set()


class Worker(DBWorker):
    """See the module docstring. Takes the same arguments as django-tasks-db's worker."""

    def __init__(self, *, lease_seconds: float, **kwargs):
        super().__init__(**kwargs)
        self.lease_seconds = lease_seconds
        self.reap_every = max(lease_seconds / 2, 0.5)
        self._next_reap = 0.0
        self._backoff = 0.5
        self.heartbeat = Heartbeat(self.worker_id, every=max(lease_seconds / 4, 0.25))

    # -- the loop ---------------------------------------------------------------------------

    def run(self) -> None:
        logger.info(
            "Starting worker worker_id=%s queues=%s lease=%ss",
            self.worker_id,
            ",".join(self.queue_names),
            self.lease_seconds,
        )
        if self.startup_delay and self.interval:
            time.sleep(random.random())  # noqa: S311 - spreads workers started together
        # Be seen before claiming anything, so no reaper mistakes a fresh task for a lost one.
        self._until_database_answers(self.heartbeat.beat)
        self.heartbeat.start()
        try:
            self._loop()
        finally:
            self.heartbeat.stop()
            try:
                WorkerHeartbeat.objects.filter(worker_id=self.worker_id).delete()
            except Exception:  # noqa: BLE001 - leaving: the row simply goes stale
                logger.debug("could not remove heartbeat row", exc_info=True)

    def _loop(self) -> None:
        while self.running:
            try:
                self._reap_if_due()
                task_result, retrieved = self._claim_next()
                if task_result is not None:
                    self.run_task(task_result)
                self._backoff = 0.5
            except CONNECTION_ERRORS as exc:
                if not is_connection_error(exc):
                    time.sleep(self.interval)  # SQLite busy: it unlocks, try again
                    continue
                self._wait_for_database(exc)
                continue

            if self.batch and retrieved and task_result is None:
                logger.info("No more tasks to run for worker_id=%s - exiting.", self.worker_id)
                return
            if self.max_tasks is not None and self._run_tasks >= self.max_tasks:
                logger.info(
                    "Ran %d tasks on worker_id=%s - exiting.", self._run_tasks, self.worker_id
                )
                return
            if self.running and task_result is None:
                time.sleep(self.interval)

    def _wait_for_database(self, exc: BaseException) -> None:
        logger.warning(
            "Database unavailable (%s: %s); retrying in %.1f s",
            type(exc).__name__,
            str(exc).strip().splitlines()[0] if str(exc).strip() else "",
            self._backoff,
        )
        drop_connections()
        time.sleep(self._backoff)
        self._backoff = min(self._backoff * 2, MAX_BACKOFF)
        self._next_reap = 0.0  # first thing once back: a task cut off mid-way is taken back

    def _until_database_answers(self, fn) -> None:
        while True:
            try:
                return fn()
            except CONNECTION_ERRORS as exc:
                if is_connection_error(exc):
                    self._wait_for_database(exc)

    def _reap_if_due(self) -> None:
        if time.monotonic() < self._next_reap:
            return
        counts = services.reclaim_stale_tasks(
            backend_name=self.backend_name,
            own_worker_id=self.worker_id,
            lease_seconds=self.lease_seconds,
        )
        if counts["requeued"] or counts["failed"]:
            logger.warning(
                "Reaper: %(requeued)d task(s) back in the queue, %(failed)d failed", counts
            )
        self._next_reap = time.monotonic() + self.reap_every

    def _claim_next(self) -> tuple[DBTaskResult | None, bool]:
        tasks = DBTaskResult.objects.ready().filter(backend_name=self.backend_name)
        if not self.process_all_queues:
            tasks = tasks.filter(queue_name__in=self.queue_names)
        if self.excluded_queue_names:
            tasks = tasks.exclude(queue_name__in=self.excluded_queue_names)
        try:
            with exclusive_transaction(tasks.db):
                task_result = tasks.get_locked()
                if task_result is not None:
                    task_result.claim(self.worker_id)
        except OperationalError as exc:
            if is_locked_database_exception(exc):
                return None, False
            raise
        return task_result, True

    # -- one task ---------------------------------------------------------------------------

    def run_task(self, db_task_result: DBTaskResult) -> None:
        try:
            self.running_task = True
            try:
                task = db_task_result.task
                task_result = db_task_result.task_result
                backend_type = task.get_backend()
                task_started.send(sender=backend_type, task_result=task_result)
                if task.takes_context:
                    value = task.call(
                        TaskContext(task_result=task_result),
                        *task_result.args,
                        **task_result.kwargs,
                    )
                else:
                    value = task.call(*task_result.args, **task_result.kwargs)
            except BaseException as exc:
                if is_connection_error(exc):
                    # The database went away mid-task: not the task's fault. Reconnect, then
                    # the reaper puts the task back (own_worker_id), counting the attempt.
                    raise
                if isinstance(exc, SystemExit | KeyboardInterrupt):
                    self._finish_failed(db_task_result, exc, final=False)
                    raise
                self._finish_failed(db_task_result, exc)
                return
            self._finish_successful(db_task_result, value)
        finally:
            self.running_task = False
            self._run_tasks += 1

    def _held(self, db_task_result: DBTaskResult):
        """The row, as long as this worker still holds it."""
        return DBTaskResult.objects.filter(
            pk=db_task_result.pk,
            status=TaskResultStatus.RUNNING,
            started_at=db_task_result.started_at,
        )

    def _finish_successful(self, db_task_result: DBTaskResult, value) -> None:
        now = timezone.now()
        try:
            json.dumps(value)  # checked first: a failed write would spoil the transaction
        except (TypeError, ValueError) as exc:
            self._finish_failed(db_task_result, exc)
            return
        changed = self._held(db_task_result).update(
            status=TaskResultStatus.SUCCESSFUL,
            finished_at=now,
            return_value=value,
            exception_class_path="",
            traceback="",
        )
        if not changed:
            logger.warning(
                "Task %s was taken back from this worker; result dropped", db_task_result.pk
            )
            return
        db_task_result.refresh_from_db()
        task_finished.send(
            sender=type(db_task_result.task.get_backend()), task_result=db_task_result.task_result
        )

    def _finish_failed(self, db_task_result: DBTaskResult, exc: BaseException, *, final=None):
        """Try again later with a doubling delay, or fail for good after the last attempt (or
        when the task cannot be loaded at all)."""
        now = timezone.now()
        attempts = services.attempts_of(db_task_result)
        exc_path = f"{type(exc).__module__}.{type(exc).__qualname__}"
        tb = "".join(format_exception(exc))
        unloadable = isinstance(exc, ImportError | SuspiciousOperation)
        if final is None:
            final = unloadable or attempts >= services.max_attempts()
        if final:
            changed = self._held(db_task_result).update(
                status=TaskResultStatus.FAILED,
                finished_at=now,
                return_value=None,
                exception_class_path=exc_path,
                traceback=tb,
            )
            logger.error(
                "Task id=%s path=%s failed for good after %d attempt(s): %s",
                db_task_result.pk,
                db_task_result.task_path,
                attempts,
                exc_path,
            )
            if changed and not unloadable:
                db_task_result.refresh_from_db()
                task_finished.send(
                    sender=type(db_task_result.task.get_backend()),
                    task_result=db_task_result.task_result,
                )
            return
        run_after = now + services.retry_delay(attempts)
        self._held(db_task_result).update(
            status=TaskResultStatus.READY,
            run_after=run_after,
            exception_class_path=exc_path,
            traceback=tb,
        )
        logger.warning(
            "Task id=%s path=%s raised %s (attempt %d of %d); next try at %s",
            db_task_result.pk,
            db_task_result.task_path,
            exc_path,
            attempts,
            services.max_attempts(),
            run_after.isoformat(),
        )
