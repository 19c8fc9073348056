"""Searches that found nothing: counted per day so editors can add the missing synonyms.

Privacy: only the normalised query text, the day and a count are stored (no user, no IP
address, no time). Kept for a month: each first row of a day removes what is older.
Queries may contain health details, so the list is shown only to staff who may edit
synonyms (``staff_panels.may_see_zero_results``)."""

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.utils import timezone

from .models import ZeroResultQuery

KEEP_DAYS = 31  # a month
WINDOW_DAYS = 30  # what editors see: today and the 29 days before
MAX_CHARS = 200


def normalise(query: str) -> str:
    """Lower case, control characters out, one space between words, no spaces or quotes
    around it, at most 200."""
    text = re.sub(r"[\x00-\x1f\x7f]", " ", str(query or ""))
    text = re.sub(r"\s+", " ", text).strip().strip("\"'").strip().lower()
    return text[:MAX_CHARS].strip()


def record(query: str, *, today: datetime.date | None = None) -> None:
    """Count one search for ``query`` that gave no results."""
    text = normalise(query)
    if len(text) < 2:
        return
    today = today or timezone.localdate()
    rows = ZeroResultQuery.objects.filter(query=text, day=today)
    if rows.update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ZeroResultQuery.objects.create(query=text, day=today, count=1)
    except IntegrityError:  # someone else made today's row just now
        rows.update(count=F("count") + 1)
        return
    prune(today=today)


def prune(*, today: datetime.date | None = None) -> int:
    """Remove the counts older than a month; returns how many rows went."""
    today = today or timezone.localdate()
    cutoff = today - datetime.timedelta(days=KEEP_DAYS)
    deleted, _by_model = ZeroResultQuery.objects.filter(day__lt=cutoff).delete()
    return deleted


def most_frequent(*, limit: int = 10, today: datetime.date | None = None) -> list[dict]:
    """The queries that found nothing most often in the last 30 days: [{query, total}]."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=WINDOW_DAYS - 1)
    return list(
        ZeroResultQuery.objects.filter(day__gte=since, day__lte=today)
        .values("query")
        .annotate(total=Sum("count"))
        .order_by("-total", "query")[:limit]
    )
