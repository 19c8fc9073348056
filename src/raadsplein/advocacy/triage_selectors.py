"""The policy staff's reads: the filtered list of signals and one signal with all it holds."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch, Q, QuerySet

from . import selectors
from .models import CoSignature, Signal


def triage_list(
    user,
    *,
    q: str = "",
    state=None,
    theme=None,
    sector=None,
    province: str = "",
    assigned: str = "",
    tag=None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[Signal]:
    """Signals that were not merged away, newest first. Without a state: those not closed.
    ``assigned`` is "mij", "niemand" or "iemand". The text search looks in title and
    description (case-insensitive)."""
    qs = selectors.triage_signals().filter(merged_into__isnull=True)
    qs = qs.filter(state=state) if state is not None else qs.filter(state__is_closed=False)
    if theme is not None:
        qs = qs.filter(themes=theme)
    if sector is not None:
        qs = qs.filter(sectors=sector)
    if province:
        qs = qs.filter(province=province)
    if assigned == "mij":
        qs = qs.filter(assigned_to=user)
    elif assigned == "niemand":
        qs = qs.filter(assigned_to__isnull=True)
    elif assigned == "iemand":
        qs = qs.filter(assigned_to__isnull=False)
    if tag is not None:
        qs = qs.filter(tags=tag)
    if since is not None:
        qs = qs.filter(created_at__date__gte=since)
    if until is not None:
        qs = qs.filter(created_at__date__lte=until)
    q = (q or "").strip()
    if q:
        qs = qs.filter(Q(title__icontains=q) | Q(description__icontains=q))
    return qs.order_by("-created_at", "-pk")


def staff_signal(pk: int) -> Signal:
    """One signal for the staff page, with its co-signatures (all, withdrawn ones too) and
    their accounts and people, its dossiers and its merged and split relatives."""
    return (
        selectors.triage_signals()
        .select_related("reporter", "split_from", "question")
        .prefetch_related(
            Prefetch(
                "cosignatures",
                queryset=CoSignature.objects.select_related("council", "person", "sector"),
            ),
            "dossiers",
            "merged_signals",
            "split_signals",
        )
        .get(pk=pk)
    )


def panel_counts(user) -> dict:
    """The staff start page's panel: open signals in all, for nobody, and for this person."""
    from django.db.models import Count

    counts = Signal.objects.filter(merged_into__isnull=True, state__is_closed=False).aggregate(
        open=Count("pk"),
        nobody=Count("pk", filter=Q(assigned_to__isnull=True)),
        mine=Count("pk", filter=Q(assigned_to=user)),
    )
    return {"counts": counts}
