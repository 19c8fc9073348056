"""Effect records, the reaper and the retry button, without a worker process."""

import datetime

import pytest
from django.core.management import call_command
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from raadsplein.accounts.tests.factories import beheerder
from raadsplein.jobs import services
from raadsplein.jobs.models import TaskEffect

from .factories import heartbeat, task_row

pytestmark = pytest.mark.django_db

MIN = datetime.timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _lease(settings):
    settings.RAADSPLEIN_TASK_LEASE_SECONDS = 30
    settings.RAADSPLEIN_TASK_MAX_ATTEMPTS = 3


def test_once_is_first_only_the_first_time():
    with services.once("booking:1:confirmed") as first:
        assert first
    with services.once("booking:1:confirmed") as again:
        assert not again
    assert list(TaskEffect.objects.values_list("key", flat=True)) == ["booking:1:confirmed"]


def test_once_rolls_the_record_back_when_the_effect_fails():
    with pytest.raises(ConnectionRefusedError), services.once("booking:2:confirmed") as first:
        assert first
        raise ConnectionRefusedError("mail server down")
    assert not services.was_done("booking:2:confirmed")
    with services.once("booking:2:confirmed") as retry:
        assert retry
    assert services.was_done("booking:2:confirmed")


def test_reaper_requeues_the_task_of_a_worker_not_seen_within_the_lease():
    heartbeat("dead", ago=MIN)
    heartbeat("alive", ago=datetime.timedelta(seconds=5))
    lost = task_row(status=TaskResultStatus.RUNNING, worker_ids=["dead"], started_ago=2 * MIN)
    busy = task_row(status=TaskResultStatus.RUNNING, worker_ids=["alive"], started_ago=2 * MIN)
    counts = services.reclaim_stale_tasks()
    assert counts == {"requeued": 1, "failed": 0}
    lost.refresh_from_db()
    busy.refresh_from_db()
    assert lost.status == TaskResultStatus.READY
    assert "dead" in lost.traceback
    assert busy.status == TaskResultStatus.RUNNING


def test_reaper_fails_a_task_after_its_last_attempt():
    heartbeat("w3", ago=MIN)
    row = task_row(
        status=TaskResultStatus.RUNNING, worker_ids=["w1", "w2", "w3"], started_ago=2 * MIN
    )
    assert services.reclaim_stale_tasks() == {"requeued": 0, "failed": 1}
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED
    assert row.exception_class_path == services.LOST_EXCEPTION
    assert row.finished_at is not None


def test_reaper_leaves_a_fresh_task_of_an_unknown_worker_alone_until_the_lease_ends():
    fresh = task_row(status=TaskResultStatus.RUNNING, worker_ids=["old-style"], started_ago=MIN / 6)
    old = task_row(status=TaskResultStatus.RUNNING, worker_ids=["old-style"], started_ago=MIN)
    services.reclaim_stale_tasks()
    fresh.refresh_from_db()
    old.refresh_from_db()
    assert (fresh.status, old.status) == (TaskResultStatus.RUNNING, TaskResultStatus.READY)


def test_reaper_takes_back_the_callers_own_orphan_at_once():
    heartbeat("me", ago=datetime.timedelta(seconds=1))
    row = task_row(status=TaskResultStatus.RUNNING, worker_ids=["me"], started_ago=MIN / 60)
    assert services.reclaim_stale_tasks(own_worker_id="me")["requeued"] == 1
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY


def test_reaper_does_not_touch_a_row_that_moved_on():
    heartbeat("dead", ago=MIN)
    row = task_row(status=TaskResultStatus.RUNNING, worker_ids=["dead"], started_ago=2 * MIN)
    stale_copy = DBTaskResult.objects.get(pk=row.pk)
    DBTaskResult.objects.filter(pk=row.pk).update(status=TaskResultStatus.SUCCESSFUL)
    assert services._requeue_or_fail(stale_copy, reason="x", now=stale_copy.started_at) == ""
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL


def test_retry_puts_a_failed_task_back_in_the_queue():
    row = task_row(status=TaskResultStatus.FAILED, worker_ids=["w"], started_ago=MIN)
    staff = beheerder()
    assert services.retry_task(result=row, by=staff)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY
    assert DBTaskResult.objects.ready().filter(pk=row.pk).exists()
    assert str(staff.pk) in row.traceback


@pytest.mark.parametrize(
    ("status", "seen_ago", "expected"),
    [
        (TaskResultStatus.RUNNING, MIN, True),  # stuck
        (TaskResultStatus.RUNNING, datetime.timedelta(seconds=2), False),  # live worker
        (TaskResultStatus.SUCCESSFUL, MIN, False),
        (TaskResultStatus.READY, MIN, False),
    ],
)
def test_retry_only_for_failed_or_stuck_tasks(status, seen_ago, expected):
    heartbeat("w", ago=seen_ago)
    row = task_row(status=status, worker_ids=["w"], started_ago=2 * MIN)
    assert services.retry_task(result=row, by=beheerder()) is expected
    row.refresh_from_db()
    assert row.status == (TaskResultStatus.READY if expected else status)


def test_jobs_migrations_are_complete():
    call_command("makemigrations", "jobs", "--check", "--dry-run", verbosity=0)
