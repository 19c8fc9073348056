"""Reads of Vraagbaak questions, scoped to whoever looks."""

from django.db.models import Q, QuerySet
from django.utils import timezone

from raadsplein.organisations.models import Seat

from .models import Message, MessageKind, Question


def questions_for(user) -> QuerySet[Question]:
    """The questions a council member may see: their own, and those the asker shared with a
    council on which the member holds a seat today."""
    if not getattr(user, "is_authenticated", False):
        return Question.objects.none()
    councils = Seat.objects.filter(Seat.current_q(timezone.localdate()), person=user).values(
        "council"
    )
    return (
        Question.objects.filter(Q(asker=user) | Q(share_with_council=True, council__in=councils))
        .select_related("council", "theme")
        .order_by("-created_at", "-pk")
    )


def messages_for_council(question: Question) -> QuerySet[Message]:
    """The messages the council sees: never the advisors' internal notes."""
    return (
        question.messages.exclude(kind=MessageKind.NOTE)
        .select_related("author", "pool_answer__forward__pool")
        .prefetch_related("attachments")
        .order_by("created_at", "pk")
    )


def messages_for_desk(question: Question) -> QuerySet[Message]:
    return question.messages.select_related("author").order_by("created_at", "pk")
