"""Background work of the expert pools (django-tasks). Thin: the service is safe to run twice
(``jobs.once`` per forward and member). Carries the forward's id only."""

from django_tasks import task

from raadsplein.helpdesk import pools


@task()
def notify_pool(forward_id: int) -> int:
    return pools.notify_pool(forward_id=forward_id)
