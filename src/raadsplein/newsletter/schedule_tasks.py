"""Background work of scheduling (django-tasks): no arguments, safe to run twice."""

from django_tasks import task

from raadsplein.newsletter import schedule


@task()
def process_newsletter() -> None:
    """Queue the scheduled editions whose moment has come (``schedule.process_due``) and start
    stalled sending again (``schedule.resume_stalled``)."""
    schedule.process_due()
    schedule.resume_stalled()
