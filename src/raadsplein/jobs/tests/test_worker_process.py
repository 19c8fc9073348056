"""The real worker (``manage.py run_worker``) as a separate process against the test database:
killed with SIGKILL mid-task, and with every database connection cut under it.

PostgreSQL only: the worker process must reach the same database as the test, by DATABASE_URL.
"""

import asyncio
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from raadsplein.events import services as event_services
from raadsplein.events.tests.factories import SessionFactory
from raadsplein.jobs.models import TaskEffect
from raadsplein.organisations.tests.factories import member

from . import tasks as test_tasks

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

LEASE = 1.5  # seconds; production uses 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, *, timeout: float = 30.0, what: str = "condition") -> float:
    """Poll until ``predicate()`` is true; returns the seconds it took."""
    start = time.monotonic()
    while time.monotonic() - start < timeout:
        if predicate():
            return time.monotonic() - start
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


class StallingSMTP:
    """A local SMTP server (aiosmtpd) that can hold a client at RCPT until released, so a
    worker can be killed in the middle of handing over a mail, before it was accepted."""

    def __init__(self):
        self.messages = []
        self.stall_next = False
        self.stalled = threading.Event()
        self.released = threading.Event()
        self.controller = Controller(self, hostname="127.0.0.1", port=_free_port())

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        if self.stall_next:
            self.stall_next = False
            self.stalled.set()
            while not self.released.is_set():
                await asyncio.sleep(0.05)
            return "451 try again later"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(message_from_bytes(envelope.original_content))
        return "250 Message accepted for delivery"

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.controller.port}"


@pytest.fixture
def smtp():
    server = StallingSMTP()
    server.controller.start()
    yield server
    server.released.set()
    server.controller.stop()


@pytest.fixture
def db_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def workers(transactional_db, db_tasks, smtp, tmp_path):
    """Start worker processes on the test database; all are stopped at the end."""
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    env = {
        **os.environ,
        "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/"
        f"{db['NAME']}",
        "DJANGO_SETTINGS_MODULE": "raadsplein.settings.test_worker",
        "EMAIL_URL": smtp.url,
        "RAADSPLEIN_TASK_RETRY_SECONDS": "1",
    }
    started: list[subprocess.Popen] = []

    def start(name: str) -> subprocess.Popen:
        log = (tmp_path / f"{name}.log").open("w")
        proc = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
            [
                sys.executable,
                str(Path(django_settings.BASE_DIR) / "manage.py"),
                "run_worker",
                "--queue-name",
                "*",
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--lease",
                str(LEASE),
                "--worker-id",
                name,
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(proc)
        return proc

    start.logs = tmp_path
    yield start
    for proc in started:
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _status(pk) -> str:
    return DBTaskResult.objects.values_list("status", flat=True).get(pk=pk)


def test_worker_killed_mid_mail_then_restarted_sends_the_mail_once(workers, smtp):
    person = member()
    booking = event_services.book_seat(session=SessionFactory(is_online=False), person=person)
    task = DBTaskResult.objects.get(task_path__endswith="after_booking_change")
    smtp.stall_next = True

    first = workers("first")
    assert smtp.stalled.wait(30), (workers.logs / "first.log").read_text()
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    killed_at = time.monotonic()
    assert _status(task.pk) == TaskResultStatus.RUNNING  # what the library leaves behind
    assert not TaskEffect.objects.filter(key=f"booking:{booking.pk}:confirmed").exists()
    smtp.released.set()

    workers("second")
    wait_until(lambda: _status(task.pk) == TaskResultStatus.SUCCESSFUL, what="the task to complete")
    recovered = time.monotonic() - killed_at

    confirmations = [m for m in smtp.messages if m["To"] == person.email]
    assert len(confirmations) == 1, [m["Subject"] for m in smtp.messages]
    assert "Bevestiging" in confirmations[0]["Subject"]
    task.refresh_from_db()
    assert task.worker_ids == ["first", "second"]
    assert TaskEffect.objects.filter(key=f"booking:{booking.pk}:confirmed").count() == 1
    print(f"\nSIGKILL mid-mail: 1 task killed, recovered and sent once in {recovered:.1f} s")


def test_sigkill_of_many_tasks_then_restart_does_each_once(workers, tmp_path):
    started, release = tmp_path / "started", tmp_path / "release"
    keys = [f"bulk:{n}" for n in range(10)]
    blocker = test_tasks.wait_for_file.enqueue("bulk:blocker", str(started), str(release))
    results = [test_tasks.record.enqueue(key) for key in keys]

    first = workers("first")
    wait_until(started.exists, what="the blocking task to start")
    first.send_signal(signal.SIGKILL)
    first.wait(timeout=10)
    release.write_text("go")

    workers("second")
    workers("third")
    pks = [blocker.id, *(r.id for r in results)]
    wait_until(
        lambda: (
            DBTaskResult.objects.filter(pk__in=pks, status=TaskResultStatus.SUCCESSFUL).count()
            == len(pks)
        ),
        what="every task to complete",
    )
    effects = set(TaskEffect.objects.values_list("key", flat=True))
    assert effects == {"bulk:blocker", *keys}
    assert DBTaskResult.objects.get(pk=blocker.id).worker_ids[0] == "first"
    assert len(DBTaskResult.objects.get(pk=blocker.id).worker_ids) == 2


def test_worker_carries_on_after_every_connection_is_terminated(workers, tmp_path):
    worker = workers("steady")
    before = test_tasks.record.enqueue("before-cut")
    wait_until(lambda: _status(before.id) == TaskResultStatus.SUCCESSFUL, what="first task")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND datname = current_database()"
        )
        (terminated,) = cursor.fetchone()
    assert terminated >= 1  # the worker's own connection (and its heartbeat's)

    after = [test_tasks.record.enqueue(f"after-cut:{n}") for n in range(3)]
    took = wait_until(
        lambda: all(_status(r.id) == TaskResultStatus.SUCCESSFUL for r in after),
        what="tasks queued after the cut",
    )
    assert worker.poll() is None, (workers.logs / "steady.log").read_text()

    # And a cut in the middle of a task: the task runs again and its effect happens once.
    started, release = tmp_path / "started", tmp_path / "release"
    mid = test_tasks.wait_for_file.enqueue("mid-cut", str(started), str(release))
    wait_until(started.exists, what="the blocking task to start")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND datname = current_database()"
        )
    release.write_text("go")
    wait_until(lambda: _status(mid.id) == TaskResultStatus.SUCCESSFUL, what="the cut task")
    assert worker.poll() is None
    assert TaskEffect.objects.filter(key="mid-cut").count() == 1
    assert DBTaskResult.objects.get(pk=mid.id).worker_ids == ["steady", "steady"]
    log = (workers.logs / "steady.log").read_text()
    assert "Database unavailable" in log
    print(f"\nconnections cut: {terminated}; the worker went on, next tasks done in {took:.1f} s")
