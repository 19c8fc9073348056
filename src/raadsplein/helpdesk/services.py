"""Every write to the Vraagbaak: asking, replying, notes, assigning, status and the clock.

Keyword-only, atomic, and a :class:`QuestionError` with a Dutch message for whatever a person
can get wrong; nothing is half-written. Staff actions are written to the audit log (codes
registered below); what people wrote never goes into the log.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.accounts.rules import is_adviseur
from raadsplein.audit import services as audit
from raadsplein.organisations.models import Seat

from . import officehours, satisfaction, sla
from .mail import outbound as mail_outbound
from .models import (
    AnswerBy,
    Channel,
    Kind,
    Message,
    MessageKind,
    Question,
    Status,
    StatusChange,
)

SUBJECT_MAX = 200
BODY_MAX = 20_000

audit.register_action("helpdesk.question.assigned", gettext_lazy("Vraagbaak: vraag toegewezen"))
audit.register_action("helpdesk.question.answered", gettext_lazy("Vraagbaak: antwoord gestuurd"))
audit.register_action("helpdesk.question.noted", gettext_lazy("Vraagbaak: interne notitie gemaakt"))
audit.register_action("helpdesk.question.status", gettext_lazy("Vraagbaak: status gewijzigd"))
audit.register_action("helpdesk.call.logged", gettext_lazy("Vraagbaak: telefoongesprek vastgelegd"))

# Which status may follow which (staff); a council's reply reopens (see council_reply).
TRANSITIONS = {
    Status.NEW: {Status.OPEN, Status.WAITING, Status.ANSWERED, Status.CLOSED},
    Status.OPEN: {Status.WAITING, Status.ANSWERED, Status.CLOSED},
    Status.WAITING: {Status.OPEN, Status.ANSWERED, Status.CLOSED},
    Status.ANSWERED: {Status.OPEN, Status.CLOSED},
    Status.CLOSED: {Status.OPEN},
}


class QuestionError(Exception):
    """Something a person did that the desk cannot accept; the message is for them."""


class StaleVersionError(QuestionError):
    """The question changed since the writer opened it."""


def _clean_text(value: str, *, field: str, maximum: int) -> str:
    value = (value or "").strip()
    if not value:
        raise QuestionError(_("Vul %(field)s in.") % {"field": field})
    if len(value) > maximum:
        raise QuestionError(
            _("%(field)s is te lang: ten hoogste %(max)s tekens.")
            % {"field": field.capitalize(), "max": f"{maximum:,}".replace(",", ".")}
        )
    return value


def _targets(kind: str, support_kind: str = "") -> tuple[int, int]:
    targets = settings.VRAAGBAAK_TARGETS
    # "support:<support kind>" first (its own target per kind of support), then the kind.
    target = (targets.get(f"{kind}:{support_kind}") if support_kind else None) or (
        targets.get(kind) or targets["question"]
    )
    return target["first_response"], target["solution"]


def _waiting_periods(
    question: Question,
) -> list[tuple[datetime.datetime, datetime.datetime | None]]:
    periods, since = [], None
    for change in question.changes.order_by("at", "pk"):
        if change.new == Status.WAITING and since is None:
            since = change.at
        elif change.new != Status.WAITING and since is not None:
            periods.append((since, change.at))
            since = None
    if since is not None:
        periods.append((since, None))
    return periods


def refresh_clock(question: Question, *, now: datetime.datetime | None = None) -> None:
    """Set the due moments from the targets, counted in office hours and standing still while
    the question waits for the council. A promise that was kept has no due moment any more."""
    now = now or timezone.now()
    calendar = officehours.office_calendar()
    first_days, solution_days = _targets(question.kind, question.support_kind)
    pauses = _waiting_periods(question) if question.pk else []
    day = calendar.hours_per_day
    first = officehours.run_clock(
        calendar, start=question.created_at, target=day * first_days, pauses=pauses, now=now
    )
    solution = officehours.run_clock(
        calendar, start=question.created_at, target=day * solution_days, pauses=pauses, now=now
    )
    question.first_response_due = None if question.first_response_at else first.due
    question.solution_due = (
        None if question.status in (Status.ANSWERED, Status.CLOSED) else solution.due
    )
    sla.record(
        question,
        calendar=calendar,
        pauses=pauses,
        first_target=day * first_days,
        solution_target=day * solution_days,
    )


def _record_status(question: Question, new: str, *, actor, at: datetime.datetime) -> None:
    old = question.status
    if old == new:
        return
    question.status = new
    StatusChange.objects.create(question=question, old=old, new=new, actor=actor, at=at)
    if new == Status.ANSWERED:
        question.answered_at = at
    if new == Status.CLOSED:
        question.closed_at = at
    if new in (Status.OPEN, Status.WAITING, Status.NEW):
        question.closed_at = None


def _save(question: Question, *fields: str) -> None:
    question.version = F("version") + 1
    question.save(
        update_fields=[*fields, "version", "first_response_due", "solution_due", *sla.FIELDS]
    )
    question.refresh_from_db(fields=["version"])


def _check_version(question: Question, version: int | None) -> None:
    if version is None:
        return
    current = Question.objects.filter(pk=question.pk).values_list("version", flat=True).first()
    if current != version:
        raise StaleVersionError(
            _(
                "Deze vraag is veranderd terwijl u schreef. Lees eerst wat er nieuw is; uw tekst "
                "staat nog in het veld."
            )
        )


@transaction.atomic
def ask(
    *,
    asker,
    subject: str,
    question: str,
    channel: str = Channel.WEB,
    kind: str = Kind.QUESTION,
    council=None,
    share_with_council: bool = False,
    theme=None,
    sector=None,
    answer_by: str = AnswerBy.EMAIL,
    phone: str = "",
    support_kind: str = "",
    appointment_at: datetime.datetime | None = None,
    message_id: str = "",
    now: datetime.datetime | None = None,
) -> Question:
    """A member asks the desk a question, about one of their councils or for themselves."""
    now = now or timezone.now()
    subject = _clean_text(subject, field=_("het onderwerp"), maximum=SUBJECT_MAX)
    body = _clean_text(question, field=_("uw vraag"), maximum=BODY_MAX)
    if kind not in Kind.values:
        raise QuestionError(_("Kies wat voor vraag het is."))
    if council is not None:
        seated = Seat.objects.filter(
            Seat.current_q(timezone.localdate()), person=asker, council=council
        ).exists()
        if not seated:
            raise QuestionError(_("U kunt alleen een vraag stellen namens een raad waarin u zit."))
    elif share_with_council:
        raise QuestionError(_("Kies de raad waarmee u de vraag wilt delen."))
    phone = (phone or "").strip()
    if answer_by == AnswerBy.PHONE and not phone:
        raise QuestionError(_("Vul het telefoonnummer in waarop wij u kunnen bellen."))
    if answer_by not in AnswerBy.values:
        raise QuestionError(_("Kies hoe u het antwoord wilt krijgen."))
    if kind == Kind.SUPPORT and not support_kind:
        raise QuestionError(_("Kies welke ondersteuning u wilt."))

    item = Question(
        kind=kind,
        support_kind=support_kind if kind == Kind.SUPPORT else "",
        appointment_at=appointment_at if kind == Kind.SUPPORT else None,
        channel=channel,
        subject=subject,
        asker=asker,
        asker_email=getattr(asker, "email", "") or "",
        council=council,
        share_with_council=bool(share_with_council and council is not None),
        theme=theme,
        sector=sector,
        answer_by=answer_by,
        phone=phone,
        created_at=now,
    )
    refresh_clock(item, now=now)
    item.save()
    StatusChange.objects.create(question=item, old="", new=Status.NEW, actor=asker, at=now)
    Message.objects.create(
        question=item,
        kind=MessageKind.FROM_COUNCIL,
        channel=channel,
        author=asker,
        author_email=item.asker_email,
        body=body,
        message_id=message_id,
        created_at=now,
    )
    mail_outbound.acknowledge_on_commit(item)
    return item


@transaction.atomic
def council_reply(
    *,
    question: Question,
    author,
    body: str,
    channel: str = Channel.WEB,
    message_id: str = "",
    author_email: str = "",
    now: datetime.datetime | None = None,
) -> Message:
    """The council writes again. A question that was answered, closed or waiting opens again,
    and the clock runs on."""
    now = now or timezone.now()
    body = _clean_text(body, field=_("uw bericht"), maximum=BODY_MAX)
    question = Question.objects.select_for_update().get(pk=question.pk)
    message = Message.objects.create(
        question=question,
        kind=MessageKind.FROM_COUNCIL,
        channel=channel,
        author=author,
        author_email=author_email or getattr(author, "email", "") or "",
        body=body,
        message_id=message_id,
        created_at=now,
    )
    if question.status in (Status.WAITING, Status.ANSWERED, Status.CLOSED):
        _record_status(question, Status.OPEN, actor=author, at=now)
    refresh_clock(question, now=now)
    _save(question, "status", "answered_at", "closed_at")
    return message


@transaction.atomic
def reply(
    *,
    question: Question,
    advisor,
    body: str,
    then: str = Status.ANSWERED,
    version: int | None = None,
    channel: str = Channel.WEB,
    now: datetime.datetime | None = None,
) -> Message:
    """An advisor answers the council; ``then`` is the status afterwards (answered, or
    waiting for the council when the advisor asked something back, or still open)."""
    now = now or timezone.now()
    body = _clean_text(body, field=_("het antwoord"), maximum=BODY_MAX)
    if then not in (Status.ANSWERED, Status.WAITING, Status.OPEN):
        raise QuestionError(_("Kies de status na het antwoord."))
    question = Question.objects.select_for_update().get(pk=question.pk)
    _check_version(question, version)
    message = Message.objects.create(
        question=question,
        kind=MessageKind.TO_COUNCIL,
        channel=channel,
        author=advisor,
        author_email=getattr(advisor, "email", "") or "",
        body=body,
        created_at=now,
    )
    if question.first_response_at is None:
        question.first_response_at = now
    if question.assigned_to_id is None and is_adviseur(advisor):
        # Whoever answers a question nobody had taken, has it now.
        question.assigned_to = advisor
    _record_status(question, then, actor=advisor, at=now)
    refresh_clock(question, now=now)
    _save(question, "status", "first_response_at", "answered_at", "closed_at", "assigned_to")
    audit.log(
        actor=advisor,
        action="helpdesk.question.answered",
        obj=question,
        subject=question.asker,
        council=question.council,
        data={"status": then},
    )
    mail_outbound.answer_on_commit(message)
    return message


@transaction.atomic
def add_note(
    *, question: Question, advisor, body: str, now: datetime.datetime | None = None
) -> Message:
    """An internal note: for the desk only, never shown or sent to the council."""
    body = _clean_text(body, field=_("de notitie"), maximum=BODY_MAX)
    message = Message.objects.create(
        question=question,
        kind=MessageKind.NOTE,
        channel=Channel.WEB,
        author=advisor,
        author_email=getattr(advisor, "email", "") or "",
        body=body,
        created_at=now or timezone.now(),
    )
    audit.log(
        actor=advisor,
        action="helpdesk.question.noted",
        obj=question,
        subject=question.asker,
        council=question.council,
    )
    return message


@transaction.atomic
def assign(*, question: Question, advisor, actor) -> Question:
    """Give the question to an advisor (``None``: back to the unassigned queue)."""
    if advisor is not None and not is_adviseur(advisor):
        raise QuestionError(_("Een vraag kan alleen aan een adviseur worden toegewezen."))
    question = Question.objects.select_for_update().get(pk=question.pk)
    question.assigned_to = advisor
    if advisor is not None and question.status == Status.NEW:
        _record_status(question, Status.OPEN, actor=actor, at=timezone.now())
    refresh_clock(question)
    _save(question, "assigned_to", "status", "answered_at", "closed_at")
    audit.log(
        actor=actor,
        action="helpdesk.question.assigned",
        obj=question,
        subject=question.asker,
        council=question.council,
        data={"advisor": advisor.pk if advisor else None},
    )
    return question


@transaction.atomic
def set_status(
    *, question: Question, status: str, actor, now: datetime.datetime | None = None
) -> Question:
    now = now or timezone.now()
    question = Question.objects.select_for_update().get(pk=question.pk)
    if status == question.status:
        return question
    if status not in TRANSITIONS.get(question.status, set()):
        raise QuestionError(
            _("Een vraag met status “%(old)s” kan niet naar “%(new)s”.")
            % {"old": Status(question.status).label, "new": Status(status).label}
        )
    _record_status(question, status, actor=actor, at=now)
    refresh_clock(question, now=now)
    _save(question, "status", "answered_at", "closed_at")
    if status == Status.CLOSED:
        satisfaction.ask_on_commit(question)
    audit.log(
        actor=actor,
        action="helpdesk.question.status",
        obj=question,
        subject=question.asker,
        council=question.council,
        data={"status": status},
    )
    return question


@transaction.atomic
def log_call(
    *,
    advisor,
    subject: str,
    summary: str,
    person=None,
    name: str = "",
    email: str = "",
    phone: str = "",
    council=None,
    theme=None,
    answer: str = "",
    follow_up: bool = False,
    now: datetime.datetime | None = None,
) -> Question:
    """An advisor writes down a phone call: who called (a person with an account, or a name
    and how to reach them), what it was about, the answer given. Without an answer, or with a
    follow-up, the question stays open for the desk; otherwise it is answered."""
    now = now or timezone.now()
    subject = _clean_text(subject, field=_("het onderwerp"), maximum=SUBJECT_MAX)
    summary = _clean_text(summary, field=_("waar het gesprek over ging"), maximum=BODY_MAX)
    answer = (answer or "").strip()
    if len(answer) > BODY_MAX:
        raise QuestionError(_("Het antwoord is te lang."))
    if person is None and not (name or "").strip():
        raise QuestionError(_("Vul in wie er belde, of kies de persoon."))
    item = Question(
        kind=Kind.QUESTION,
        channel=Channel.PHONE,
        subject=subject,
        asker=person,
        asker_email=(getattr(person, "email", "") or email or "").strip(),
        asker_name="" if person else name.strip(),
        council=council,
        theme=theme,
        answer_by=AnswerBy.PHONE if phone.strip() else AnswerBy.EMAIL,
        phone=phone.strip(),
        assigned_to=advisor,
        created_at=now,
    )
    refresh_clock(item, now=now)
    item.save()
    StatusChange.objects.create(question=item, old="", new=Status.NEW, actor=advisor, at=now)
    Message.objects.create(
        question=item,
        kind=MessageKind.FROM_COUNCIL,
        channel=Channel.PHONE,
        author=person,
        author_email=item.asker_email,
        body=summary,
        created_at=now,
    )
    if answer:
        Message.objects.create(
            question=item,
            kind=MessageKind.TO_COUNCIL,
            channel=Channel.PHONE,
            author=advisor,
            author_email=getattr(advisor, "email", "") or "",
            body=answer,
            created_at=now,
        )
        item.first_response_at = now
    _record_status(
        item, Status.OPEN if (follow_up or not answer) else Status.ANSWERED, actor=advisor, at=now
    )
    refresh_clock(item, now=now)
    _save(item, "status", "first_response_at", "answered_at", "closed_at")
    audit.log(
        actor=advisor,
        action="helpdesk.call.logged",
        obj=item,
        subject=person,
        council=council,
        data={"answered": bool(answer), "follow_up": follow_up},
    )
    return item


audit.register_action("helpdesk.question.merged", gettext_lazy("Vraagbaak: vragen samengevoegd"))


@transaction.atomic
def merge(*, duplicate: Question, into: Question, advisor) -> Question:
    """Fold a duplicate question into another: its messages (notes stay notes, internal) move
    to ``into``; the duplicate is closed and points to it, and its asker is told on the site
    where the conversation goes on."""
    if duplicate.pk == into.pk:
        raise QuestionError(_("Een vraag kan niet met zichzelf worden samengevoegd."))
    first, second = sorted([duplicate.pk, into.pk])
    locked = {q.pk: q for q in Question.objects.select_for_update().filter(pk__in=[first, second])}
    duplicate, into = locked[duplicate.pk], locked[into.pk]
    if duplicate.merged_into_id:
        raise QuestionError(_("Deze vraag is al samengevoegd met een andere."))
    if into.merged_into_id:
        raise QuestionError(_("Voeg samen met de vraag waarin de andere al is opgegaan."))
    if (duplicate.council_id or into.council_id) and duplicate.council_id != into.council_id:
        raise QuestionError(_("Alleen vragen van dezelfde raad kunnen worden samengevoegd."))
    if duplicate.asker_id != into.asker_id and not (
        duplicate.share_with_council and into.share_with_council
    ):
        # Each would see the other's question: only where both shared it with their council.
        raise QuestionError(
            _(
                "Deze vragen komen van verschillende mensen en zijn niet allebei gedeeld met de "
                "raad. Beantwoord ze apart."
            )
        )
    now = timezone.now()
    duplicate.messages.update(question=into)
    Message.objects.create(
        question=duplicate,
        kind=MessageKind.TO_COUNCIL,
        channel=Channel.WEB,
        author=advisor,
        author_email=getattr(advisor, "email", "") or "",
        body=_(
            "Uw vraag is samengevoegd met vraag %(ref)s over hetzelfde onderwerp. Daar vindt u "
            "ook uw eigen bericht, en daar gaat het gesprek verder."
        )
        % {"ref": into.reference},
        created_at=now,
    )
    duplicate.merged_into = into
    _record_status(duplicate, Status.CLOSED, actor=advisor, at=now)
    refresh_clock(duplicate, now=now)
    _save(duplicate, "merged_into", "status", "answered_at", "closed_at")
    refresh_clock(into, now=now)
    _save(into)
    audit.log(
        actor=advisor,
        action="helpdesk.question.merged",
        obj=into,
        subject=duplicate.asker,
        council=into.council,
        data={"duplicate": duplicate.pk},
    )
    return into


PRESENCE_SECONDS = 120


def seen(*, question: Question, user, now: datetime.datetime | None = None) -> list:
    """Record that ``user`` has the question open; the others who had it open in the last
    two minutes (for "<naam> bekijkt deze vraag")."""
    from .models import Presence

    now = now or timezone.now()
    Presence.objects.update_or_create(question=question, user=user, defaults={"seen_at": now})
    recent = now - datetime.timedelta(seconds=PRESENCE_SECONDS)
    Presence.objects.filter(seen_at__lt=now - datetime.timedelta(days=1)).delete()
    return [
        p.user
        for p in Presence.objects.filter(question=question, seen_at__gte=recent)
        .exclude(user=user)
        .select_related("user")
        .order_by("seen_at")
    ]
