"""Reads about background work."""

from django.db.models import QuerySet
from django_tasks_db.compat import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from . import services


def failed_tasks(*, limit: int = 100) -> QuerySet[DBTaskResult]:
    return DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).order_by("-finished_at")[
        :limit
    ]


def stuck_tasks() -> list[DBTaskResult]:
    """RUNNING tasks whose worker has not been seen within the lease (few: one per dead
    worker until the reaper takes them back)."""
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).order_by("started_at")
    return [r for r in running if services.is_stuck(r)]
