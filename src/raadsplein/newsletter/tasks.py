"""Background work of the newsletter (django-tasks). Thin: ids in, a service does it.

Tasks carry ids only. ``send_lane`` may run more than once or beside another copy of itself
(a worker that died, a retry): each message is claimed in its delivery row before it is
finished, so it goes out once (``sending.py``).
"""

from django_tasks import task

from . import sending, subscriptions


@task()
def send_confirmation(request_pk: int) -> bool:
    """The confirmation mail of one round, once (``subscriptions.send_confirmation_mail``)."""
    return subscriptions.send_confirmation_mail(request_pk=request_pk)


@task()
def send_lane(edition_id: int, lane: int, lanes: int) -> dict:
    """One batch of one lane of an edition; enqueues the next batch itself."""
    return sending.send_lane(edition_id=edition_id, lane=lane, lanes=lanes)
