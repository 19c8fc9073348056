"""Background work of the retention period (django-tasks): no arguments, safe to run twice."""

from django_tasks import task

from raadsplein.advocacy import retention


@task()
def anonymise_old_signals() -> None:
    retention.anonymise_old_signals()
