"""Background work of Raadswerk (django-tasks). Thin: the sweep calls services that are safe
to run twice (each effect recorded once, ``jobs.services.once``). ``manage.py
process_councilwork`` (cron, daily) runs the same sweep."""

from __future__ import annotations

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


def sweep() -> dict[str, int]:
    """Deadline reminders of trajectories, the meetings' due work (agenda reminders) and
    forgetting the candidates of ended vacancies, each when its part is there."""
    from . import reminders

    result: dict[str, int] = {"trajectory_reminders": reminders.send_due()}
    try:
        from .meetings import process_due
    except ImportError:
        process_due = None
    if process_due is not None:
        for name, value in (process_due() or {}).items():
            result[f"meetings_{name}"] = value
    try:
        from .recruitment import forget_ended_candidates
    except ImportError:
        forget_ended_candidates = None
    if forget_ended_candidates is not None:
        result["candidates_forgotten"] = _count(forget_ended_candidates())
    return result


def _count(value) -> int:
    if isinstance(value, int):
        return value
    if isinstance(value, dict):
        return sum(v for v in value.values() if isinstance(v, int))
    return len(value) if value is not None else 0


@task()
def process_councilwork() -> dict[str, int]:
    return sweep()
