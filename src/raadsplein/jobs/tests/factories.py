import datetime

from django.utils import timezone
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult, get_date_max

from raadsplein.jobs.models import WorkerHeartbeat


def task_row(
    *,
    status: str = TaskResultStatus.READY,
    path: str = "raadsplein.jobs.tests.tasks.record",
    args: list | None = None,
    worker_ids: list[str] | None = None,
    started_ago: datetime.timedelta | None = None,
) -> DBTaskResult:
    """A task result row as the database backend writes it."""
    now = timezone.now()
    return DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": args if args is not None else ["k"], "kwargs": {}},
        task_path=path,
        backend_name="default",
        run_after=get_date_max(),
        worker_ids=worker_ids or [],
        started_at=now - started_ago if started_ago is not None else None,
        exception_class_path="",
        traceback="",
    )


def heartbeat(worker_id: str, *, ago: datetime.timedelta) -> WorkerHeartbeat:
    return WorkerHeartbeat.objects.create(worker_id=worker_id, seen_at=timezone.now() - ago)
