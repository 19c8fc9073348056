"""Background work of the expert pools (django-tasks). Thin: each service is safe to run twice
(``jobs.once`` per forward and member, per answer). Tasks carry ids only."""

from django_tasks import task

from raadsplein.helpdesk import pools


@task()
def notify_pool(forward_id: int) -> int:
    return pools.notify_pool(forward_id=forward_id)


@task()
def notify_advisor(answer_id: int) -> bool:
    return pools.notify_advisor(answer_id=answer_id)
