"""A real worker process (``manage.py run_worker``) sends an edition to a local SMTP server
and is killed with SIGKILL a third of the way; another worker takes the lane tasks back
(the jobs reaper, a short lease) and carries on: every subscriber gets exactly one message.

The kill is made by the SMTP server itself, at a chosen moment, so the test is exact: while
the worker waits for the answer to RCPT (nothing claimed yet) and while it waits for the
answer to the final "." (claimed, and the server has the message). The one moment a kill
loses a message (between the claim's commit and writing ".") is measured by
bench/bench_newsletter.py, which kills at a random moment.

PostgreSQL only: the worker must reach the test's database by DATABASE_URL.
"""

import os
import signal
import subprocess
import sys
import threading
from collections import Counter
from email import message_from_bytes
from pathlib import Path

import pytest
from aiosmtpd.controller import Controller
from django.conf import settings as django_settings
from django.db import connection

from raadsplein.jobs.tests.test_worker_process import _free_port, wait_until
from raadsplein.newsletter import messages, sending
from raadsplein.newsletter.models import Delivery, DeliveryStatus, EditionStatus

from .factories import EditionFactory, EditionItemFactory, SubscriberFactory

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

LEASE = 1.5  # seconds; production uses 60
SUBSCRIBERS = 45


class KillingSMTP:
    """A local SMTP server that SIGKILLs ``victim`` at the ``kill_at``-th RCPT or DATA."""

    def __init__(self, stage: str, kill_at: int):
        self.stage, self.kill_at = stage, kill_at
        self.victim: subprocess.Popen | None = None
        self.seen = Counter()
        self.message_ids: list[str] = []
        self.killed = threading.Event()
        self.lock = threading.Lock()
        self.controller = Controller(self, hostname="127.0.0.1", port=_free_port())

    def _maybe_kill(self, stage: str) -> None:
        with self.lock:
            self.seen[stage] += 1
            if stage == self.stage and self.seen[stage] == self.kill_at and self.victim:
                os.kill(self.victim.pid, signal.SIGKILL)
                self.killed.set()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        self._maybe_kill("rcpt")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        message = message_from_bytes(envelope.original_content)
        self.message_ids.append(message["Message-ID"])  # the server has it: delivered
        self._maybe_kill("data")
        return "250 Message accepted for delivery"


@pytest.fixture
def start_worker(tmp_path):
    db = connection.settings_dict
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    started: list[subprocess.Popen] = []

    def start(name: str, smtp: KillingSMTP) -> subprocess.Popen:
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:"
            f"{db['PORT'] or 5432}/{db['NAME']}",
            "DJANGO_SETTINGS_MODULE": "raadsplein.settings.test_worker",
            "EMAIL_URL": f"smtp://127.0.0.1:{smtp.controller.port}",
            "NEWSLETTER_BATCH_SIZE": "8",
            "RAADSPLEIN_TASK_RETRY_SECONDS": "1",
        }
        log = (tmp_path / f"{name}.log").open("w")
        proc = subprocess.Popen(  # noqa: S603 - our own manage.py with fixed arguments
            [
                sys.executable,
                str(Path(django_settings.BASE_DIR) / "manage.py"),
                "run_worker",
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


@pytest.mark.parametrize("stage", ["rcpt", "data"])
def test_a_worker_killed_a_third_of_the_way_resumes_without_gap_or_double(
    start_worker, settings, stage
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    edition = EditionFactory()
    EditionItemFactory(edition=edition)
    subscribers = SubscriberFactory.create_batch(SUBSCRIBERS)
    smtp = KillingSMTP(stage, kill_at=SUBSCRIBERS // 3)
    smtp.controller.start()
    try:
        first = start_worker("first", smtp)
        smtp.victim = first
        sending.queue_edition(edition=edition, by=None)  # commits: the lane tasks are queued

        assert smtp.killed.wait(60), (start_worker.logs / "first.log").read_text()
        first.wait(timeout=10)
        assert first.returncode == -signal.SIGKILL
        arrived_before = len(smtp.message_ids)
        assert 0 < arrived_before < SUBSCRIBERS
        assert Delivery.objects.filter(status=DeliveryStatus.PENDING).exists()

        second = start_worker("second", smtp)
        wait_until(
            lambda: edition.__class__.objects.get(pk=edition.pk).status == EditionStatus.SENT,
            timeout=90,
            what="the edition to be sent by the second worker",
        )
        assert second.poll() is None, (start_worker.logs / "second.log").read_text()
    finally:
        smtp.controller.stop()

    received = Counter(smtp.message_ids)
    expected = {messages.message_id(edition, s) for s in subscribers}
    assert set(received) == expected  # none missing
    assert max(received.values()) == 1  # none twice
    assert Delivery.objects.filter(edition=edition, status=DeliveryStatus.SENT).count() == (
        SUBSCRIBERS
    )
    second_log = (start_worker.logs / "second.log").read_text()
    assert "taken back" in second_log  # the reaper gave the killed lane task to the second


def test_a_claim_lost_to_another_worker_rolls_back_and_sends_nothing():
    """The split COMMIT (outside a test transaction, as in a worker): a delivery another
    worker holds is not sent, and the database connection is usable afterwards."""
    from django.test import override_settings

    from raadsplein.newsletter.tests.test_sending import Sink

    edition = EditionFactory()
    EditionItemFactory(edition=edition)
    first, second = SubscriberFactory.create_batch(2)
    sink = Sink()
    sink.controller.start()
    email = {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": sink.port,
        "TASKS": {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
    }
    try:
        with override_settings(**email):
            sending.queue_edition(edition=edition, by=None)
            taken = Delivery.objects.get(subscriber=first)
            Delivery.objects.filter(pk=taken.pk).update(status=DeliveryStatus.SENT)
            transport = sending.SMTPTransport()
            try:
                renderer = messages.Renderer(edition)
                lost = transport.deliver(taken, renderer.build(first, sector_ids=set()), clock=None)
                mine = Delivery.objects.get(subscriber=second)
                sent = transport.deliver(mine, renderer.build(second, sector_ids=set()), clock=None)
            finally:
                transport.close()
    finally:
        sink.controller.stop()
    assert lost is sending.Outcome.LOST and sent is sending.Outcome.SENT
    assert sink.recipients() == [second.email]
    assert not connection.in_atomic_block
    assert Delivery.objects.get(subscriber=second).status == DeliveryStatus.SENT
