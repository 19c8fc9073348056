"""How satisfied was the asker? One mail after closing, one score per question.

When an advisor closes a question (``services.set_status`` to closed; a merged duplicate is
not scored) the asker gets one mail, once (``jobs.once``), with five links, one per score.
A link carries a signed token naming the question and the score, valid for
``VRAAGBAAK_SATISFACTION_DAYS`` days. Opening it only shows a page with that score chosen and
a button: a GET never records, because mail scanners follow links. The asker may also score on
the question's page while signed in. A second score within the window replaces the first.

``record_score`` is the one write; the demo world calls it too.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from raadsplein.jobs.services import once
from raadsplein.web import links

from .mail import headers
from .models import Question, Status
from .satisfaction_models import SCORE_LABELS, Satisfaction

SALT = "raadsplein.helpdesk.satisfaction"
COMMENT_MAX = 2000
SCORES = tuple(SCORE_LABELS)


class SatisfactionError(Exception):
    """The score cannot be taken; the message is for the person."""


def window() -> datetime.timedelta:
    return datetime.timedelta(days=settings.VRAAGBAAK_SATISFACTION_DAYS)


def score_choices() -> list[tuple[int, str]]:
    """``(1, "1 — slecht")`` … ``(5, "5 — heel goed")``."""
    return [(n, f"{n} — {label}") for n, label in SCORE_LABELS.items()]


# -- tokens -------------------------------------------------------------------------------------


def make_token(question: Question, score: int) -> str:
    return signing.dumps({"q": question.pk, "s": score}, salt=SALT)


def read_token(token: str) -> tuple[int, int]:
    """The question id and score a link names; SatisfactionError if it is forged or old."""
    try:
        data = signing.loads(token, salt=SALT, max_age=window())
    except signing.SignatureExpired as exc:
        raise SatisfactionError(
            _("Deze link is verlopen. U kunt uw vraag niet meer beoordelen via deze link.")
        ) from exc
    except signing.BadSignature as exc:
        raise SatisfactionError(_("Deze link klopt niet. Gebruik de link uit de e-mail.")) from exc
    if (
        not isinstance(data, dict)
        or not isinstance(data.get("q"), int)
        or data.get("s") not in SCORES
    ):
        raise SatisfactionError(_("Deze link klopt niet. Gebruik de link uit de e-mail."))
    return data["q"], data["s"]


def score_url(question: Question, score: int) -> str:
    return links.absolute_reverse("helpdesk:satisfaction", token=make_token(question, score))


# -- the write ----------------------------------------------------------------------------------


def may_score(question: Question, *, now: datetime.datetime | None = None) -> bool:
    """Closed, not merged into another, not anonymised, and closed within the window."""
    now = now or timezone.now()
    return (
        question.status == Status.CLOSED
        and question.merged_into_id is None
        and question.anonymised_at is None
        and question.closed_at is not None
        and now - question.closed_at <= window()
    )


@transaction.atomic
def record_score(
    *,
    question: Question,
    score: int,
    comment: str = "",
    now: datetime.datetime | None = None,
    enforce_window: bool = True,
) -> Satisfaction:
    """Store the asker's score (1–5) and comment for a closed question; a second call replaces
    the first. ``enforce_window=False`` is for building demo data with old closing dates."""
    now = now or timezone.now()
    if score not in SCORES:
        raise SatisfactionError(_("Kies een score van 1 tot en met 5."))
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        raise SatisfactionError(
            _("Uw toelichting is te lang: ten hoogste %(max)s tekens.")
            % {"max": f"{COMMENT_MAX:,}".replace(",", ".")}
        )
    question = Question.objects.select_for_update().get(pk=question.pk)
    if question.merged_into_id is not None:
        raise SatisfactionError(
            _("Deze vraag is samengevoegd met een andere. U kunt die andere vraag beoordelen.")
        )
    if question.status != Status.CLOSED:
        raise SatisfactionError(
            _("Deze vraag is nog niet afgesloten. U kunt haar beoordelen als zij gesloten is.")
        )
    if enforce_window and not may_score(question, now=now):
        raise SatisfactionError(_("De termijn om deze vraag te beoordelen is voorbij."))
    item, created = Satisfaction.objects.get_or_create(
        question=question,
        defaults={"score": score, "comment": comment, "created_at": now, "updated_at": now},
    )
    if not created:
        item.score, item.comment, item.updated_at = score, comment, now
        item.save(update_fields=["score", "comment", "updated_at"])
    return item


def current(question: Question) -> Satisfaction | None:
    return Satisfaction.objects.filter(question=question).first()


# -- the mail -----------------------------------------------------------------------------------


def ask_on_commit(question: Question) -> None:
    """After the closing commits, queue the mail (a merged duplicate gets none)."""
    if question.merged_into_id is not None:
        return
    from . import satisfaction_tasks

    pk = question.pk
    transaction.on_commit(lambda: satisfaction_tasks.send_satisfaction_request.enqueue(pk))


def _recipient(question: Question) -> tuple[str, str]:
    """The address and the language to write in."""
    if question.asker is not None:
        return question.asker.email or question.asker_email, question.asker.mail_language
    return question.asker_email, settings.LANGUAGE_CODE


def send_request(*, question_id: int) -> bool:
    """Send the satisfaction mail for one question, once however often it runs. The mail names
    the question by number only, never by subject (mail leaves the platform)."""
    with once(f"vraagbaak.satisfaction:{question_id}") as first:
        if not first:
            return False
        question = Question.objects.select_related("asker").filter(pk=question_id).first()
        if question is None or not may_score(question):
            return False
        address, language = _recipient(question)
        if not address:
            return False
        with translation.override(language):
            context = {
                "question": question,
                "name": question.asker.get_full_name() if question.asker else question.asker_name,
                "choices": [
                    {"score": n, "label": label, "url": score_url(question, n)}
                    for n, label in SCORE_LABELS.items()
                ],
                "days": settings.VRAAGBAAK_SATISFACTION_DAYS,
                "question_url": links.absolute_reverse("helpdesk:question", pk=question.pk),
            }
            question_text = _("Hoe tevreden bent u over ons antwoord op %(ref)s?") % {
                "ref": question.reference
            }
            subject = f"{headers.subject_prefix(question)} {question_text}"
            text = render_to_string("helpdesk/satisfaction/email.txt", context)
            html = render_to_string("helpdesk/satisfaction/email.html", context)
        mail = EmailMultiAlternatives(
            subject=subject,
            body=text,
            from_email=headers.from_email(),
            to=[address],
            headers={"Auto-Submitted": "auto-generated"},
        )
        mail.attach_alternative(html, "text/html")
        mail.send()
    return True
