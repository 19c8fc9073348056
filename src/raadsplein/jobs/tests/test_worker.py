"""The worker loop in this process (no heartbeat thread): retries with backoff, final
failure, fenced results."""

import pytest
from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from raadsplein.jobs.models import TaskEffect
from raadsplein.jobs.worker import Worker

from . import tasks as test_tasks

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _db_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.RAADSPLEIN_TASK_MAX_ATTEMPTS = 3
    settings.RAADSPLEIN_TASK_RETRY_SECONDS = 30


def _worker() -> Worker:
    return Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="w-test",
        excluded_queue_names=[],
        lease_seconds=30,
    )


def _due_now(pk) -> None:
    DBTaskResult.objects.filter(pk=pk).update(run_after=timezone.now())


def test_a_task_that_raises_is_tried_again_later_and_then_succeeds():
    result = test_tasks.fail_first.enqueue("flaky", 1)
    worker = _worker()
    worker._loop()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.READY
    assert row.run_after > timezone.now()  # backoff
    assert row.exception_class_path == "builtins.RuntimeError"
    _due_now(row.pk)
    worker._loop()
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == 2
    assert row.worker_ids == ["w-test", "w-test"]


def test_a_task_fails_for_good_after_its_last_attempt():
    result = test_tasks.fail_first.enqueue("broken", 99)
    worker = _worker()
    for _ in range(3):
        worker._loop()
        _due_now(result.id)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status == TaskResultStatus.FAILED
    assert len(row.worker_ids) == 3
    assert TaskEffect.objects.filter(key__startswith="broken:run:").count() == 3


def test_a_result_is_dropped_when_the_task_was_taken_back_meanwhile():
    result = test_tasks.record.enqueue("fenced")
    worker = _worker()
    row, _ = worker._claim_next()
    # Meanwhile a reaper gave the task to someone else (a new start time).
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now())
    worker.run_task(row)
    assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING


def test_a_return_value_json_cannot_hold_fails_the_task():
    result = test_tasks.returns_a_set.enqueue()
    _worker()._loop()
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.status in (TaskResultStatus.READY, TaskResultStatus.FAILED)
    assert row.exception_class_path == "builtins.TypeError"
