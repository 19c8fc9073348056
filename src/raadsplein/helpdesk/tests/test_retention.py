"""Bewaartermijn: questions closed more than N months ago lose the person and the words, keep
the figures; at the boundary; twice is once; the audit log gets counts only."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.utils import timezone

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.helpdesk import retention, satisfaction, services
from raadsplein.helpdesk.models import Attachment, Message, Question, Status
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db


def closed(asker, advisor, closed_at, council=None):
    question = services.ask(
        asker=asker,
        subject="Mijn ziekte en de verhuizing",
        question="Mijn moeder woont op de afdeling",
        council=council,
        phone="06-12345678",
        answer_by="phone",
        now=closed_at - datetime.timedelta(days=3),
    )
    services.reply(question=question, advisor=advisor, body="Ja", now=closed_at)
    question = services.set_status(
        question=question, status=Status.CLOSED, actor=advisor, now=closed_at
    )
    satisfaction.record_score(question=question, score=4, comment="Fijn", enforce_window=False)
    return question


def test_questions_past_the_period_are_anonymised_at_the_boundary(settings, capsys):
    settings.VRAAGBAAK_RETENTION_MONTHS = 24
    now = timezone.now()
    council = MemberCouncilFactory()
    asker, advisor = member(council=council), adviseur()
    limit = retention.cutoff(now)
    old = closed(asker, advisor, limit - datetime.timedelta(minutes=1), council=council)
    kept = closed(asker, advisor, limit + datetime.timedelta(minutes=1), council=council)
    attachment = Attachment.objects.create(
        question=old,
        file=ContentFile(b"%PDF-1.4", name="brief.pdf"),
        original_name="brief.pdf",
        content_type="application/pdf",
        size=8,
    )
    stored = attachment.file.name
    storage = attachment.file.storage
    figures_before = (
        Question.objects.filter(pk=old.pk)
        .values(
            "theme",
            "sector",
            "channel",
            "council",
            "created_at",
            "closed_at",
            "status",
            "first_response_on_time",
            "solution_on_time",
        )
        .get()
    )

    counts = retention.anonymise_old_questions(now=now)

    assert counts == {"questions": 1, "messages": 2, "attachments": 1}
    old.refresh_from_db()
    assert (old.asker, old.asker_name, old.asker_email, old.phone) == (None, "", "", "")
    assert old.subject == retention.ANONYMISED and old.anonymised_at is not None
    assert set(Message.objects.filter(question=old).values_list("body", flat=True)) == {
        retention.ANONYMISED
    }
    assert not Message.objects.filter(question=old, author=asker).exists()
    assert (old.satisfaction.score, old.satisfaction.comment) == (4, "")
    assert not Attachment.objects.filter(question=old).exists() and not storage.exists(stored)
    assert Question.objects.filter(pk=old.pk).values(*figures_before).get() == figures_before

    kept.refresh_from_db()
    assert kept.subject.startswith("Mijn ziekte") and kept.asker == asker
    assert kept.satisfaction.comment == "Fijn"

    (entry,) = AuditEntry.objects.filter(action="helpdesk.questions.anonymised")
    assert entry.data == {"questions": 1, "messages": 2, "attachments": 1, "months": 24}
    assert "ziekte" not in str(entry.data) + entry.object_label

    # Twice is once: nothing more, no second audit entry; the command says what it did.
    call_command("anonymise_old_questions")
    assert "anonymised: 0 questions" in capsys.readouterr().out
    assert AuditEntry.objects.filter(action="helpdesk.questions.anonymised").count() == 1
