"""Background work of the newsletter. Thin: ids in, a once-only service does it."""

from django_tasks import task

from . import subscriptions


@task()
def send_confirmation(request_pk: int) -> bool:
    """The confirmation mail of one round, once (``subscriptions.send_confirmation_mail``)."""
    return subscriptions.send_confirmation_mail(request_pk=request_pk)
