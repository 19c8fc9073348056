"""What the Vraagbaak keeps about a person: for "Mijn gegevens" and for erasure."""

from django.db import transaction
from django.utils import timezone

from .models import AnswerBy, Message, MessageKind, Question

ERASED = "(verwijderd op verzoek)"


def export_helpdesk_data(user) -> dict:
    questions = Question.objects.filter(asker=user).select_related("council").order_by("created_at")
    return {
        "vragen": [
            {
                "nummer": q.reference,
                "onderwerp": q.subject,
                "status": str(q.get_status_display()),
                "namens_raad": q.council.name if q.council else None,
                "gedeeld_met_raad": q.share_with_council,
                "gesteld_op": timezone.localtime(q.created_at).isoformat(),
                "berichten": [
                    {
                        "soort": str(m.get_kind_display()),
                        "datum": timezone.localtime(m.created_at).isoformat(),
                        "tekst": m.body,
                    }
                    for m in q.messages.exclude(kind=MessageKind.NOTE).order_by("created_at")
                ],
            }
            for q in questions
        ],
    }


@transaction.atomic
def erase_helpdesk_data(user) -> None:
    """Keep the questions for the desk's figures (theme, channel, dates, scores), without the
    person: their name, address and phone number, the subject and everything they wrote go.
    The desk's own answers and notes on those questions go too: they may quote the person."""
    asked = Question.objects.filter(asker=user)
    Message.objects.filter(question__in=asked).update(body=ERASED, author_email="", message_id="")
    asked.update(
        asker=None,
        asker_email="",
        asker_name="",
        phone="",
        answer_by=AnswerBy.EMAIL,
        subject=ERASED,
        share_with_council=False,
    )
    Message.objects.filter(author=user).update(body=ERASED, author_email="", author=None)
