"""/api/v1/helpdesk/: ask the Vraagbaak a question and read one's own and shared questions.

The same services and selectors as the web pages: a question asked here has channel "api";
the list and the detail are scoped by ``selectors.questions_for`` (someone else's question
answers 404) and a question's messages are those the council sees (never internal notes).
"""

import datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Router, Schema, Status
from pydantic import StringConstraints

from raadsplein.api import ApiError, one_of, responses, signed_in, text
from raadsplein.knowledge.models import Theme

from . import selectors, services
from .forms import councils_of
from .models import Channel, MessageKind, Question
from .models import Status as QuestionStatus

router = Router(tags=["vraagbaak"])


def filled(max_length: int):
    """A text with at least one visible character (empty is a 422) and no NUL."""
    return Annotated[
        str, StringConstraints(pattern=r"^[^\x00]*[^\s\x00][^\x00]*$", max_length=max_length)
    ]


class QuestionIn(Schema):
    subject: filled(services.SUBJECT_MAX)
    question: filled(services.BODY_MAX)
    council: int | None = None
    theme: text(max_length=80) | None = None


class QuestionOut(Schema):
    id: int
    subject: str
    status: one_of(QuestionStatus)
    channel: one_of(Channel)
    first_response_due: datetime.datetime | None


class AskedOut(Schema):
    id: int
    status: one_of(QuestionStatus)
    first_response_due: datetime.datetime | None


class MessageOut(Schema):
    kind: one_of((MessageKind.FROM_COUNCIL, MessageKind.TO_COUNCIL))
    author: str
    body: str
    created_at: datetime.datetime


class QuestionDetailOut(QuestionOut):
    messages: list[MessageOut]


def _local(moment):
    # ISO 8601 with the Amsterdam offset (+01:00 / +02:00), as people read the due moment.
    return timezone.localtime(moment) if moment else None


def _out(q: Question) -> dict:
    return {
        "id": q.pk,
        "subject": q.subject,
        "status": q.status,
        "channel": q.channel,
        "first_response_due": _local(q.first_response_due),
    }


@router.post(
    "/questions",
    auth=signed_in,
    response=responses({201: AskedOut}, 400, 403, 404),
    summary="Stel een vraag aan de Vraagbaak",
)
def ask(request: HttpRequest, payload: QuestionIn):
    """For members. ``council`` is the id of a council on which the caller holds a seat
    (or null: a personal question); ``theme`` a theme's slug (or null). A council the caller
    holds no seat on, or a theme that does not exist, answers 404."""
    user = request.auth
    if not user.has_perm("helpdesk.ask"):
        raise ApiError(
            403,
            "members_only",
            gettext("De Vraagbaak is er voor leden. Word lid om een vraag te stellen."),
        )
    council = None
    if payload.council is not None:
        council = councils_of(user).filter(pk=payload.council).first()
        if council is None:
            raise ApiError(
                404,
                "not_found",
                gettext("U kunt alleen een vraag stellen namens een raad waarin u zit."),
            )
    theme = None
    if payload.theme:
        theme = Theme.objects.filter(slug=payload.theme).first()
        if theme is None:
            raise ApiError(404, "not_found", gettext("Dit thema bestaat niet."))
    try:
        question = services.ask(
            asker=user,
            subject=payload.subject,
            question=payload.question,
            channel=Channel.API,
            council=council,
            theme=theme,
        )
    except services.QuestionError as exc:
        raise ApiError(400, "invalid", str(exc)) from exc
    return Status(
        201,
        AskedOut(
            id=question.pk,
            status=question.status,
            first_response_due=_local(question.first_response_due),
        ),
    )


@router.get(
    "/questions",
    auth=signed_in,
    response=responses({200: list[QuestionOut]}),
    summary="Mijn vragen en de vragen die met mijn raad zijn gedeeld",
)
def list_questions(request: HttpRequest):
    return [_out(q) for q in selectors.questions_for(request.auth)]


@router.get(
    "/questions/{question_id}",
    auth=signed_in,
    response=responses({200: QuestionDetailOut}, 404),
    summary="Eén vraag met de berichten die de raad ziet",
)
def question_detail(request: HttpRequest, question_id: int):
    question = selectors.questions_for(request.auth).filter(pk=question_id).first()
    if question is None:
        raise ApiError(
            404, "not_found", gettext("Deze vraag bestaat niet, of u mag haar niet zien.")
        )
    messages = [
        {
            "kind": m.kind,
            "author": gettext("Vraagbaak")
            if m.kind == MessageKind.TO_COUNCIL
            else (m.author.get_full_name() if m.author else "") or gettext("de raad"),
            "body": m.body,
            "created_at": _local(m.created_at),
        }
        for m in selectors.messages_for_council(question)
    ]
    return {**_out(question), "messages": messages}
