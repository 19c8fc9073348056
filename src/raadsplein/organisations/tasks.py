"""Background work of organisations (django-tasks): ids only; each effect once."""

from django_tasks import task

# Imported whole and used as ``services.<name>``; services import this module only inside
# functions (to enqueue), so the import goes one way.
from raadsplein.organisations import services


@task()
def deliver_council_message(message_id: int) -> None:
    services.deliver_council_message(message_id=message_id)
