"""From an answered question to a draft knowledge publication ("Maak een veelgestelde vraag").

One step: the question and the answers the council received (never internal notes) are
scrubbed of names, addresses and numbers (``scrub.py``), put in a draft PublicationPage under
the knowledge index with the question's theme and sector, and submitted to the Wagtail
workflow of the knowledge index (the project's "Goedkeuring voor publicatie"), so a reviewer
reads it before anyone publishes it. Nothing is published here. A second call returns the
draft made the first time.
"""

from __future__ import annotations

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from . import scrub
from .loop_models import QuestionPublication
from .models import MessageKind, Question, Status
from .services import QuestionError

audit.register_action(
    "helpdesk.question.knowledge_draft",
    gettext_lazy("Vraagbaak: veelgestelde vraag (concept) gemaakt van een vraag"),
)

# knowledge.Kind has no "veelgestelde vraag"; an article is the closest kind.
DRAFT_KIND = "artikel"
SUMMARY_MAX = 300


def can_make_draft(question: Question) -> bool:
    return question.status in (Status.ANSWERED, Status.CLOSED) and question.merged_into_id is None


def _texts(question: Question) -> tuple[str, list[str]]:
    messages = list(question.messages.exclude(kind=MessageKind.NOTE).order_by("created_at", "pk"))
    asked = next((m.body for m in messages if m.kind == MessageKind.FROM_COUNCIL), "")
    answers = [m.body for m in messages if m.kind == MessageKind.TO_COUNCIL and m.body.strip()]
    return asked, answers


def _paragraphs(text: str) -> str:
    from django.utils.html import escape

    parts = [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]
    return "".join("<p>" + escape(p).replace("\n", "<br>") + "</p>" for p in parts)


def _start_review(page, user) -> bool:
    """Submit the draft's revision to the page's workflow; False if there is none."""
    workflow = page.get_workflow()
    if workflow is None:
        return False
    workflow.start(page, user)
    return True


@transaction.atomic
def make_draft(*, question: Question, editor) -> tuple[QuestionPublication, bool]:
    """The draft publication made from this question, and whether it was made just now."""
    from raadsplein.knowledge.models import Audience, PublicationPage
    from raadsplein.knowledge.services import knowledge_index

    question = Question.objects.select_for_update().get(pk=question.pk)
    existing = QuestionPublication.objects.filter(question=question).first()
    if existing is not None and existing.page_id is not None:
        return existing, False
    if not can_make_draft(question):
        raise QuestionError(
            _("Alleen van een beantwoorde of gesloten vraag kunt u een veelgestelde vraag maken.")
        )
    asked, answers = _texts(question)
    if not answers:
        raise QuestionError(
            _("Deze vraag heeft nog geen antwoord aan de raad. Er is niets om te delen.")
        )
    names = scrub.known_names(question)
    title = scrub.scrub(question.subject, names=names)[:255]
    asked_clean = scrub.scrub(asked, names=names)
    answer_clean = "\n\n".join(scrub.scrub(a, names=names) for a in answers)
    body = [
        ("heading", _("De vraag")),
        ("paragraph", _paragraphs(asked_clean or title)),
        ("heading", _("Het antwoord")),
        ("paragraph", _paragraphs(answer_clean)),
    ]
    page = PublicationPage(
        title=title,
        slug=f"{slugify(title)[:60].strip('-') or 'vraag'}-vb{question.pk}",
        summary=Truncator(asked_clean or title).chars(SUMMARY_MAX),
        body=body,
        kind=DRAFT_KIND,
        audience=Audience.MEMBERS,
        published_on=timezone.localdate(),
        live=False,
    )
    knowledge_index().add_child(instance=page)
    if question.theme_id:
        page.themes.set([question.theme_id])
    if question.sector_id:
        page.sectors.set([question.sector_id])
    page.save_revision(user=editor, log_action=True)
    in_review = _start_review(page, editor)
    try:
        with transaction.atomic():
            if existing is not None:
                existing.page = page
                existing.made_by = editor
                existing.save(update_fields=["page", "made_by"])
                link = existing
            else:
                link = QuestionPublication.objects.create(
                    question=question, page=page, made_by=editor
                )
    except IntegrityError:  # pragma: no cover - the row lock makes this a second line
        raise QuestionError(_("Er is al een veelgestelde vraag van deze vraag gemaakt.")) from None
    audit.log(
        actor=editor,
        action="helpdesk.question.knowledge_draft",
        obj=question,
        council=question.council_id,
        data={"page": page.pk, "in_review": in_review},
    )
    return link, True
