"""Background work of the Vraagbaak's satisfaction question (django-tasks): ids only."""

from django_tasks import task

# Imported whole; satisfaction imports this module only inside a function (to enqueue).
from raadsplein.helpdesk import satisfaction


@task()
def send_satisfaction_request(question_id: int) -> None:
    satisfaction.send_request(question_id=question_id)
