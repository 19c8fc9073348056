"""Background work for the mail about signals. Thin: ids in, a once-only service does it."""

from django_tasks import task

from . import feedback


@task()
def send_state_mails(entry_pk: int) -> int:
    """Once per (state entry, recipient): ``signalen.state:<entry>:<person>``."""
    return feedback.send_state_mails(entry_pk=entry_pk)


@task()
def send_merge_mail(cosignature_pk: int, duplicate_pk: int) -> bool:
    return feedback.send_merge_mail(cosignature_pk=cosignature_pk, duplicate_pk=duplicate_pk)


@task()
def send_question_mail(entry_pk: int) -> bool:
    return feedback.send_question_mail(entry_pk=entry_pk)


@task()
def send_answer_mail(entry_pk: int) -> bool:
    return feedback.send_answer_mail(entry_pk=entry_pk)
