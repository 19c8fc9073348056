"""Background work of Raadswerk (django-tasks). Thin: the sweep calls services that are safe
to run twice (each effect recorded once, ``jobs.services.once``). ``manage.py
process_councilwork`` (cron, daily) runs the same sweep."""

from __future__ import annotations

import logging

from django_tasks import task

logger = logging.getLogger(__name__)


def sweep() -> dict[str, int]:
    """Deadline reminders of trajectories, the meetings' due work (agenda reminders) and
    forgetting the candidates of ended vacancies."""
    from . import meetings, recruitment, reminders

    result: dict[str, int] = {"trajectory_reminders": reminders.send_due()}
    for name, value in meetings.process_due().items():
        result[f"meetings_{name}"] = value
    result["candidates_forgotten"] = recruitment.forget_ended_candidates()
    return result


@task()
def process_councilwork() -> dict[str, int]:
    return sweep()
