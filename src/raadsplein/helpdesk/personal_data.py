"""What the Vraagbaak keeps about a person: for "Mijn gegevens" and for erasure."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import AnswerBy, Message, MessageKind, Question, Satisfaction

ERASED = "(verwijderd op verzoek)"


def export_helpdesk_data(user) -> dict:
    questions = (
        Question.objects.filter(asker=user)
        .select_related("council", "satisfaction")
        .order_by("created_at")
    )
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
                "tevredenheid": _satisfaction(q),
                "bijlagen": [a.original_name for a in q.attachments.order_by("created_at")],
            }
            for q in questions
        ],
    }


def _satisfaction(question) -> dict | None:
    try:
        item = question.satisfaction
    except Satisfaction.DoesNotExist:
        return None
    return {"score": item.score, "toelichting": item.comment}


@transaction.atomic
def erase_helpdesk_data(user) -> None:
    """Keep the questions for the desk's figures (theme, channel, dates, scores), without the
    person: their name, address and phone number, the subject and everything they wrote go.
    The desk's own answers and notes on those questions go too: they may quote the person."""
    asked = Question.objects.filter(asker=user)
    # The score stays for the figures; the comment is what the person wrote.
    Satisfaction.objects.filter(question__in=asked).update(comment="")
    Message.objects.filter(question__in=asked).update(body=ERASED, author_email="", message_id="")
    _erase_mail_and_files(asked, user)
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


def export_pool_data(user) -> dict:
    """The person as a volunteer in expert pools: memberships and the answers they gave."""
    from .pool_models import PoolAnswer, PoolMember

    memberships = PoolMember.objects.filter(user=user).select_related("pool").order_by("since")
    answers = (
        PoolAnswer.objects.filter(message__author=user)
        .select_related("forward__pool", "forward__question", "message")
        .order_by("message__created_at", "pk")
    )
    return {
        "expertpools": [
            {
                "pool": m.pool.name,
                "lid_sinds": m.since.isoformat(),
                "lid_tot": m.until.isoformat() if m.until else None,
            }
            for m in memberships
        ],
        "antwoorden": [
            {
                "nummer": a.forward.question.reference,
                "pool": a.forward.pool.name,
                "aan_de_raad": a.to_council,
                "datum": timezone.localtime(a.message.created_at).isoformat(),
                "tekst": a.message.body,
            }
            for a in answers
        ],
    }


@transaction.atomic
def erase_pool_data(user) -> None:
    """Memberships go. Answers stay on their questions as messages (the forward still shows
    that the pool answered) but, as with everything a person wrote to the desk
    (``erase_helpdesk_data``), without their text, name or address."""
    from .pool_models import PoolAnswer, PoolMember

    PoolMember.objects.filter(user=user).delete()
    Message.objects.filter(
        pk__in=PoolAnswer.objects.filter(message__author=user).values("message")
    ).update(body=ERASED, author=None, author_email="")


def _erase_mail_and_files(asked, user) -> None:
    """Attachments (files and rows), the raw mails and the addresses mail went to."""
    from .models import Attachment, InboundMail, OutboundMail

    for item in Attachment.objects.filter(question__in=asked):
        item.file.delete(save=False)
        item.delete()
    InboundMail.objects.filter(Q(question__in=asked) | Q(sender__iexact=user.email)).update(
        raw=b"", sender="", subject=""
    )
    OutboundMail.objects.filter(question__in=asked).update(recipient="")
