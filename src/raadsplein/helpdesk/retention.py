"""Bewaartermijn: questions closed more than ``VRAAGBAAK_RETENTION_MONTHS`` months ago (24) are
anonymised. The question keeps what the figures need (kind, theme, sector, channel, council,
dates, status, SLA, the score); the person and what anyone wrote go: the asker's link, name,
address and phone number, the subject and every message's text, the satisfaction comment,
the attachments' files, the original mails and what the expert pools were told (their answers
are messages). Idempotent (an anonymised question is skipped); the audit log gets counts only.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from .models import (
    AnswerBy,
    Attachment,
    Forward,
    InboundMail,
    Message,
    MessageKind,
    OutboundMail,
    Question,
    Satisfaction,
    Status,
)

ANONYMISED = "[geanonimiseerd]"
BATCH = 500

audit.register_action(
    "helpdesk.questions.anonymised",
    gettext_lazy("Vraagbaak: oude vragen geanonimiseerd (bewaartermijn)"),
)


def cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Questions closed before this moment are past their retention period."""
    now = now or timezone.now()
    return now - relativedelta(months=settings.VRAAGBAAK_RETENTION_MONTHS)


def due(now: datetime.datetime | None = None):
    return Question.objects.filter(
        status=Status.CLOSED, closed_at__lt=cutoff(now), anonymised_at__isnull=True
    )


@transaction.atomic
def _anonymise(ids: list[int], now: datetime.datetime) -> tuple[int, int]:
    questions = Question.objects.filter(pk__in=ids)
    messages = Message.objects.filter(question__in=questions)
    n_messages = messages.update(body=ANONYMISED, author_email="", message_id="")
    # The asker's own messages lose the link to the person; the desk's keep their advisor.
    Message.objects.filter(question__in=questions, kind=MessageKind.FROM_COUNCIL).update(
        author=None
    )
    Satisfaction.objects.filter(question__in=questions).update(comment="")
    # The full original mails, the addresses mail went to, what the pools were told.
    InboundMail.objects.filter(question__in=questions).update(
        raw=b"", sender="", subject=ANONYMISED
    )
    OutboundMail.objects.filter(question__in=questions).update(recipient="")
    Forward.objects.filter(question__in=questions).update(note=ANONYMISED)
    files = 0
    for attachment in Attachment.objects.filter(question__in=questions):
        attachment.file.delete(save=False)
        files += 1
    Attachment.objects.filter(question__in=questions).delete()
    questions.update(
        asker=None,
        asker_name="",
        asker_email="",
        phone="",
        answer_by=AnswerBy.EMAIL,
        subject=ANONYMISED,
        share_with_council=False,
        anonymised_at=now,
    )
    return n_messages, files


def anonymise_old_questions(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Anonymise every question past its retention period, in batches. Safe to run again."""
    now = now or timezone.now()
    counts = {"questions": 0, "messages": 0, "attachments": 0}
    while True:
        ids = list(due(now).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not ids:
            break
        n_messages, files = _anonymise(ids, now)
        counts["questions"] += len(ids)
        counts["messages"] += n_messages
        counts["attachments"] += files
    if counts["questions"]:
        audit.log(
            actor=None,
            action="helpdesk.questions.anonymised",
            data={**counts, "months": settings.VRAAGBAAK_RETENTION_MONTHS},
        )
    return counts
