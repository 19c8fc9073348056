"""Background work for the Vraagbaak's mail. Thin: ids in, a once-only service does the work."""

from django_tasks import task

from . import outbound


@task()
def send_answer_mail(message_pk: int) -> bool:
    """Once per answer (``vraagbaak.answer:<message pk>``)."""
    return outbound.send_answer(message_pk=message_pk)


@task()
def send_acknowledgement_mail(question_pk: int) -> bool:
    """Once per question (``vraagbaak.ack:<question pk>``)."""
    return outbound.send_acknowledgement(question_pk=question_pk)
