"""Expert pools: making pools and members, forwarding a question, the experts' reads and answers.

An advisor forwards a question to a pool with a note and a choice of what to share (the
question itself, chosen messages the council also sees; never internal notes). The pool's
members see only that, and only while the forward is live: not withdrawn, and until
``VRAAGBAAK_POOL_ACCESS_DAYS`` after the question closes (reopening restores access). They
answer the advisor (an internal note), or the council directly where the advisor allowed it.
Every opening of a forwarded question by an expert is written to the audit log.

For the demo world and for administrators' scripts: ``create_pool(name=…, slug=…)`` and
``add_member(pool=…, user=…)`` are idempotent.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from . import services
from .models import Channel, Message, MessageKind, Question, Status
from .pool_models import ExpertPool, Forward, PoolAnswer, PoolMember
from .services import BODY_MAX, QuestionError

audit.register_action(
    "helpdesk.pool.forwarded", gettext_lazy("Vraagbaak: naar expertpool gestuurd")
)
audit.register_action("helpdesk.pool.withdrawn", gettext_lazy("Vraagbaak: expertpool ingetrokken"))
audit.register_action("helpdesk.pool.opened", gettext_lazy("Vraagbaak: expert opende een vraag"))
audit.register_action("helpdesk.pool.answered", gettext_lazy("Vraagbaak: expert antwoordde"))
audit.register_action("helpdesk.pool.member", gettext_lazy("Vraagbaak: lid van expertpool"))


# --- pools and members ------------------------------------------------------------------


@transaction.atomic
def create_pool(*, name: str, slug: str = "", description: str = "", active: bool = True):
    """The pool with this slug (made from the name when empty), created or brought up to date."""
    name = (name or "").strip()
    if not name:
        raise QuestionError(_("Geef de pool een naam."))
    pool, _created = ExpertPool.objects.update_or_create(
        slug=slug or slugify(name)[:60],
        defaults={"name": name, "description": description, "active": active},
    )
    return pool


@transaction.atomic
def add_member(*, pool: ExpertPool, user, since: datetime.date | None = None, by=None):
    """Make ``user`` a member of ``pool`` from ``since`` (today); a former member is a member
    again. Twice changes nothing."""
    since = since or timezone.localdate()
    member, created = PoolMember.objects.get_or_create(
        pool=pool, user=user, defaults={"since": since}
    )
    if not created and member.until is not None:
        member.until = None
        member.since = since
        member.save(update_fields=["until", "since"])
    elif not created:
        return member
    audit.log(
        actor=by,
        action="helpdesk.pool.member",
        obj=pool,
        subject=user,
        data={"pool": pool.pk, "member": True},
    )
    return member


@transaction.atomic
def end_membership(*, pool: ExpertPool, user, until: datetime.date | None = None, by=None) -> None:
    """The person leaves the pool after ``until`` (today): from the next day they see nothing."""
    until = until or timezone.localdate()
    changed = PoolMember.objects.filter(pool=pool, user=user, until__isnull=True).update(
        until=until
    )
    if changed:
        audit.log(
            actor=by,
            action="helpdesk.pool.member",
            obj=pool,
            subject=user,
            data={"pool": pool.pk, "member": False},
        )


# --- reads --------------------------------------------------------------------------------


def pools_of(user, *, day: datetime.date | None = None) -> QuerySet[ExpertPool]:
    """The active pools of which ``user`` is a member on ``day`` (today)."""
    if not getattr(user, "is_authenticated", False):
        return ExpertPool.objects.none()
    day = day or timezone.localdate()
    members = PoolMember.objects.filter(PoolMember.current_q(day), user=user)
    return ExpertPool.objects.filter(active=True, pk__in=members.values("pool"))


def live_q(now: datetime.datetime, prefix: str = "") -> Q:
    """Forwards that give access at ``now``: not withdrawn, and the question open or closed
    less than VRAAGBAAK_POOL_ACCESS_DAYS ago."""
    since = now - datetime.timedelta(days=settings.VRAAGBAAK_POOL_ACCESS_DAYS)
    return Q(**{f"{prefix}withdrawn_at__isnull": True}) & (
        Q(**{f"{prefix}question__closed_at__isnull": True})
        | Q(**{f"{prefix}question__closed_at__gt": since})
    )


def forwards_for(user, *, now: datetime.datetime | None = None) -> QuerySet[Forward]:
    """What an expert may open: live forwards to the pools they are an active member of."""
    now = now or timezone.now()
    return (
        Forward.objects.filter(live_q(now), pool__in=pools_of(user, day=timezone.localdate(now)))
        .select_related("pool", "question", "question__theme", "question__sector")
        .order_by("-created_at", "-pk")
    )


def may_open(user, forward: Forward, *, now: datetime.datetime | None = None) -> bool:
    now = now or timezone.now()
    return (
        forward is not None
        and forward.is_live(now)
        and pools_of(user, day=timezone.localdate(now)).filter(pk=forward.pool_id).exists()
    )


def shareable_messages(question: Question) -> QuerySet[Message]:
    """What an advisor may choose to share: what the council also sees, never internal notes."""
    return question.messages.exclude(kind=MessageKind.NOTE).order_by("created_at", "pk")


def first_question_message(question: Question) -> Message | None:
    return (
        question.messages.filter(kind=MessageKind.FROM_COUNCIL).order_by("created_at", "pk").first()
    )


def shared_with_pool(forward: Forward) -> dict:
    """Exactly what the pool sees of the question, for the expert's page."""
    question = forward.question
    opening = first_question_message(question) if forward.share_question else None
    shared = [
        m
        for m in forward.shared_messages.exclude(kind=MessageKind.NOTE).order_by("created_at", "pk")
        if opening is None or m.pk != opening.pk
    ]
    answers = list(
        forward.answers.select_related("message", "message__author").order_by(
            "message__created_at", "pk"
        )
    )
    return {
        "subject": question.subject if forward.share_question else "",
        "question_text": opening.body if opening else "",
        "messages": shared,
        "answers": answers,
        "attachments": list(shared_attachments(forward)),
    }


def shared_attachments(forward: Forward):
    """The attachments the pool may fetch: those of the shared messages, and of the question's
    first message when the question itself is shared. No others."""
    from .mail_models import Attachment

    ids = set(forward.shared_messages.exclude(kind=MessageKind.NOTE).values_list("pk", flat=True))
    if forward.share_question:
        opening = first_question_message(forward.question)
        if opening is not None:
            ids.add(opening.pk)
    return Attachment.objects.filter(question=forward.question_id, message__in=ids).order_by(
        "created_at", "pk"
    )


def forwards_of_question(question: Question) -> list[Forward]:
    """The question's forwards with the experts' answers, for the advisor's page."""
    answers = PoolAnswer.objects.select_related("message", "message__author")
    return list(
        question.forwards.select_related("pool", "by")
        .prefetch_related(Prefetch("answers", queryset=answers), "shared_messages")
        .order_by("created_at", "pk")
    )


def at_pool_exists(pool: ExpertPool | None = None) -> Exists:
    """For the queue: the question has a forward that was not withdrawn (to ``pool``)."""
    forwards = Forward.objects.filter(question=OuterRef("pk"), withdrawn_at__isnull=True)
    if pool is not None:
        forwards = forwards.filter(pool=pool)
    return Exists(forwards)


def answer_to_pass_on(question: Question, raw: str) -> str | None:
    """The text of an expert's answer on this question, for "Gebruik in antwoord"."""
    if not (raw.isascii() and raw.isdigit()):
        return None
    answer = (
        PoolAnswer.objects.filter(forward__question=question, message_id=int(raw))
        .select_related("message")
        .first()
    )
    return answer.message.body if answer else None


# --- writes -------------------------------------------------------------------------------


def _is_desk(user) -> bool:
    return user.has_perm("helpdesk.handle_questions")


@transaction.atomic
def forward(
    *,
    question: Question,
    pool: ExpertPool,
    by,
    note: str,
    share_question: bool = True,
    messages: Iterable[Message] = (),
    may_answer_council: bool = False,
    now: datetime.datetime | None = None,
) -> Forward:
    """Hand a question to a pool. The members get a mail (once each) after commit."""
    now = now or timezone.now()
    if not _is_desk(by):
        raise QuestionError(_("Alleen adviseurs kunnen een vraag doorsturen naar een expertpool."))
    if pool is None or not pool.active:
        raise QuestionError(_("Kies een actieve expertpool."))
    note = services._clean_text(note, field=_("de toelichting voor de pool"), maximum=BODY_MAX)
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.status == Status.CLOSED:
        raise QuestionError(_("Deze vraag is gesloten. Open haar eerst weer."))
    if question.forwards.filter(pool=pool, withdrawn_at__isnull=True).exists():
        raise QuestionError(
            _("Deze vraag ligt al bij %(pool)s. Trek dat eerst in.") % {"pool": pool.name}
        )
    chosen = [m.pk for m in messages]
    allowed = set(shareable_messages(question).filter(pk__in=chosen).values_list("pk", flat=True))
    if set(chosen) - allowed:
        raise QuestionError(_("U kunt alleen berichten van deze vraag delen, geen notities."))
    if not share_question and not chosen:
        raise QuestionError(_("Deel de vraag zelf of ten minste één bericht met de pool."))
    item = Forward.objects.create(
        question=question,
        pool=pool,
        by=by,
        note=note,
        share_question=share_question,
        may_answer_council=may_answer_council,
        created_at=now,
    )
    item.shared_messages.set(allowed)
    audit.log(
        actor=by,
        action="helpdesk.pool.forwarded",
        obj=question,
        subject=question.asker,
        council=question.council,
        data={
            "pool": pool.pk,
            "forward": item.pk,
            "question_shared": share_question,
            "messages": len(allowed),
            "may_answer_council": may_answer_council,
        },
    )
    from . import pool_tasks

    transaction.on_commit(lambda: pool_tasks.notify_pool.enqueue(item.pk))
    return item


@transaction.atomic
def withdraw(*, forward: Forward, by, now: datetime.datetime | None = None) -> Forward:
    """The pool no longer sees the question (its answers stay on the question)."""
    if not _is_desk(by):
        raise QuestionError(_("Alleen adviseurs kunnen dit intrekken."))
    forward = Forward.objects.select_for_update().select_related("question").get(pk=forward.pk)
    if forward.withdrawn_at is None:
        forward.withdrawn_at = now or timezone.now()
        forward.save(update_fields=["withdrawn_at"])
        audit.log(
            actor=by,
            action="helpdesk.pool.withdrawn",
            obj=forward.question,
            subject=forward.question.asker,
            council=forward.question.council,
            data={"pool": forward.pool_id, "forward": forward.pk},
        )
    return forward


def log_opened(*, forward: Forward, expert, what: str = "question") -> None:
    """Every opening of a forwarded question by an expert, in the audit log."""
    audit.log(
        actor=expert,
        action="helpdesk.pool.opened",
        obj=forward,
        subject=forward.question.asker,
        council=forward.question.council_id,
        data={"question": forward.question_id, "pool": forward.pool_id, "what": what},
    )


@transaction.atomic
def answer(
    *,
    forward: Forward,
    expert,
    body: str,
    to_council: bool = False,
    now: datetime.datetime | None = None,
) -> Message:
    """An expert answers: to the advisor, as an internal note; or, where the advisor allowed
    it and the question is not closed, to the council (``services.reply`` as the expert: the
    question is answered, the desk sees the answer in the thread and on the forward)."""
    now = now or timezone.now()
    if not may_open(expert, forward, now=now):
        raise QuestionError(_("U heeft geen toegang meer tot deze vraag."))
    body = services._clean_text(body, field=_("uw antwoord"), maximum=BODY_MAX)
    question = forward.question
    if to_council:
        if not forward.may_answer_council:
            raise QuestionError(
                _(
                    "De adviseur heeft niet gevraagd de raad direct te antwoorden. Stuur uw "
                    "antwoord aan de adviseur."
                )
            )
        if question.status == Status.CLOSED:
            raise QuestionError(_("Deze vraag is gesloten. Stuur uw antwoord aan de adviseur."))
        message = services.reply(
            question=question, advisor=expert, body=body, then=Status.ANSWERED, now=now
        )
    else:
        message = Message.objects.create(
            question=question,
            kind=MessageKind.NOTE,
            channel=Channel.WEB,
            author=expert,
            author_email=getattr(expert, "email", "") or "",
            body=body,
            created_at=now,
        )
    pool_answer = PoolAnswer.objects.create(forward=forward, message=message, to_council=to_council)
    audit.log(
        actor=expert,
        action="helpdesk.pool.answered",
        obj=forward,
        subject=question.asker,
        council=question.council_id,
        data={"question": question.pk, "pool": forward.pool_id, "to_council": to_council},
    )
    from . import pool_tasks

    transaction.on_commit(lambda: pool_tasks.notify_advisor.enqueue(pool_answer.pk))
    return message


# --- mail ---------------------------------------------------------------------------------


def notify_pool(*, forward_id: int, now: datetime.datetime | None = None) -> int:
    """Tell each current member of the pool that a question came in, once per member
    (``jobs.once``). No subject, no council, nothing the question says: mail leaves the
    platform. In each member's language, with the link to the expert page. Returns how many
    mails went out now."""
    from django.core.mail import EmailMultiAlternatives
    from django.template.loader import render_to_string
    from django.utils import translation

    from raadsplein.jobs.services import once
    from raadsplein.web import links

    item = Forward.objects.select_related("pool", "question").filter(pk=forward_id).first()
    now = now or timezone.now()
    if item is None or not item.is_live(now) or not item.pool.active:
        return 0
    members = (
        PoolMember.objects.filter(PoolMember.current_q(timezone.localdate(now)), pool=item.pool)
        .filter(user__is_active=True)
        .select_related("user")
        .order_by("pk")
    )
    sent = 0
    for member in members:
        person = member.user
        if not person.email:
            continue
        with once(f"helpdesk.pool.forwarded:{item.pk}:{person.pk}") as first:
            if not first:
                continue
            with translation.override(person.mail_language):
                context = {
                    "person": person,
                    "pool": item.pool,
                    "reference": item.question.reference,
                    "url": links.absolute_reverse("helpdesk:expert_forward", item.pk),
                    "list_url": links.absolute_reverse("helpdesk:expert_list"),
                }
                subject = _("[Raadsplein] Er is een vraag voor de %(pool)s doorgestuurd") % {
                    "pool": item.pool.name
                }
                body = render_to_string("helpdesk/pools/email/forwarded.txt", context)
            EmailMultiAlternatives(
                subject=subject,
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[person.email],
                headers={"Auto-Submitted": "auto-generated"},
            ).send()
            sent += 1
    return sent


def notify_advisor(*, answer_id: int) -> bool:
    """Tell the advisor (the question's, else who forwarded it) that the pool answered, once
    (``jobs.once``): number, pool and link, never the text. True if it went out now."""
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.utils import translation

    from raadsplein.jobs.services import once
    from raadsplein.web import links

    item = (
        PoolAnswer.objects.select_related(
            "forward__pool", "forward__by", "forward__question__assigned_to"
        )
        .filter(pk=answer_id)
        .first()
    )
    if item is None:
        return False
    question = item.forward.question
    advisor = question.assigned_to or item.forward.by
    if advisor is None or not advisor.email or not advisor.is_active:
        return False
    with once(f"helpdesk.pool.answered:{item.pk}") as first:
        if not first:
            return False
        with translation.override(advisor.mail_language):
            context = {
                "advisor": advisor,
                "pool": item.forward.pool,
                "reference": question.reference,
                "to_council": item.to_council,
                "url": links.absolute_reverse("helpdesk_staff:question", question.pk),
            }
            subject = _("[Raadsplein] Antwoord van de %(pool)s op %(ref)s") % {
                "pool": item.forward.pool.name,
                "ref": question.reference,
            }
            body = render_to_string("helpdesk/pools/email/answered.txt", context)
        EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[advisor.email],
            headers={"Auto-Submitted": "auto-generated"},
        ).send()
    return True
