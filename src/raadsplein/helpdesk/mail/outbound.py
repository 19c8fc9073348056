"""Mail from the Vraagbaak to the person who asked: the acknowledgement and the answers.

Each mail goes out once (``jobs.once``: ``vraagbaak.answer:<message pk>``,
``vraagbaak.ack:<question pk>``) from a background task that is enqueued when the question
or the answer commits. Internal notes never go out: only messages of kind ``TO_COUNCIL``
are sent. Headers follow ``mail.headers``.
"""

from __future__ import annotations

import datetime
import logging
from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import dateformat, timezone, translation

from raadsplein.jobs.services import once
from raadsplein.web import links

from ..models import (
    AnswerBy,
    Channel,
    InboundMail,
    Message,
    MessageKind,
    OutboundKind,
    OutboundMail,
    Question,
)
from . import headers

logger = logging.getLogger(__name__)


def recipient(question: Question) -> str:
    """The address the desk writes to: the asker's account, else the address the mail came
    from (an unknown sender)."""
    if question.asker_id:
        return question.asker.email
    return question.asker_email


def wants_mail(question: Question) -> bool:
    """The asker chose an answer by e-mail, or wrote to us by e-mail."""
    return bool(recipient(question)) and (
        question.answer_by == AnswerBy.EMAIL or question.channel == Channel.EMAIL
    )


def _language(question: Question) -> str:
    return question.asker.mail_language if question.asker_id else settings.LANGUAGE_CODE


def _question_url(question: Question) -> str:
    # Someone without an account (an unknown sender) cannot sign in to read it.
    return links.absolute_reverse("helpdesk:question", pk=question.pk) if question.asker_id else ""


def _send(
    question: Question,
    *,
    kind: str,
    template: str,
    context: dict,
    message: Message | None = None,
    auto: str = "",
    files=(),
) -> str:
    message_id = headers.new_message_id()
    extra = headers.thread_headers(question, message_id=message_id)
    if auto:
        extra["Auto-Submitted"] = auto
    to = recipient(question)
    with translation.override(_language(question)):
        body = render_to_string(
            f"helpdesk/mail/{template}.txt",
            {
                **context,
                "question": question,
                "name": question.asker.display_name if question.asker_id else question.asker_name,
                "question_url": _question_url(question),
            },
        )
    mail = EmailMessage(
        subject=headers.subject_for(question, to_asker=True),
        body=body,
        from_email=headers.from_email(),
        to=[to],
        reply_to=[headers.reply_address(question)],
        headers=extra,
    )
    for item in files:
        with item.file.open("rb") as handle:
            mail.attach(item.original_name, handle.read(), item.content_type)
    OutboundMail.objects.create(
        question=question, helpdesk_message=message, kind=kind, message_id=message_id, recipient=to
    )
    if message is not None:
        Message.objects.filter(pk=message.pk).update(message_id=message_id)
    mail.send()
    return message_id


def send_answer(*, message_pk: int) -> bool:
    """Mail one answer to the asker, once. Notes, phone answers and askers who want to be
    called get nothing. True when it went out now."""
    message = (
        Message.objects.select_related("question__asker", "question__council")
        .filter(pk=message_pk, kind=MessageKind.TO_COUNCIL)
        .exclude(channel=Channel.PHONE)
        .first()
    )
    if message is None or not wants_mail(message.question):
        return False
    with once(f"vraagbaak.answer:{message.pk}") as first:
        if first:
            _send(
                message.question,
                kind=OutboundKind.ANSWER,
                template="answer",
                context={"message": message},
                message=message,
                files=list(message.attachments.all()),
            )
        return first


def _too_many_from(address: str, *, now: datetime.datetime) -> bool:
    """More than VRAAGBAAK_ACK_PER_HOUR mails from one address in the last hour: no more
    acknowledgements (a robot, or a loop that slipped through)."""
    if not address:
        return False
    since = now - datetime.timedelta(hours=1)
    count = InboundMail.objects.filter(sender__iexact=address, received_at__gte=since).count()
    return count > settings.VRAAGBAAK_ACK_PER_HOUR


def send_acknowledgement(*, question_pk: int, now: datetime.datetime | None = None) -> bool:
    """ "Uw vraag is ontvangen": once per question, for questions by web form or e-mail."""
    now = now or timezone.now()
    question = (
        Question.objects.select_related("asker", "council")
        .filter(pk=question_pk, channel__in=(Channel.WEB, Channel.EMAIL))
        .first()
    )
    if question is None or not recipient(question):
        return False
    if _too_many_from(recipient(question), now=now):
        logger.info("No acknowledgement for question %s: rate limit", question.pk)
        return False
    due = question.first_response_due
    with once(f"vraagbaak.ack:{question.pk}") as first:
        if first:
            with translation.override(_language(question)):
                due_text = dateformat.format(timezone.localtime(due), "l j F, H.i") if due else ""
            _send(
                question,
                kind=OutboundKind.ACKNOWLEDGEMENT,
                template="acknowledgement",
                context={"due": due_text},
                auto="auto-replied",
            )
        return first


# --- enqueueing, from the services ------------------------------------------------------------


def _enqueue_answer(message_pk: int) -> None:
    from . import tasks

    tasks.send_answer_mail.enqueue(message_pk)


def _enqueue_ack(question_pk: int) -> None:
    from . import tasks

    tasks.send_acknowledgement_mail.enqueue(question_pk)


def answer_on_commit(message: Message) -> None:
    """Called by ``services.reply``: the answer goes out once the reply has committed."""
    if message.kind == MessageKind.TO_COUNCIL:
        transaction.on_commit(partial(_enqueue_answer, message.pk))


def acknowledge_on_commit(question: Question) -> None:
    """Called by ``services.ask``: a question by web form or e-mail is acknowledged."""
    if question.channel in (Channel.WEB, Channel.EMAIL):
        transaction.on_commit(partial(_enqueue_ack, question.pk))
