"""The Vraagbaak's figures for staff: questions per month, theme, sector, channel and advisor;
promises kept; time to the first reaction in office hours; satisfaction.

Everything is aggregated in the database, in a fixed number of queries whatever the number of
questions (one per table, and one for the spread of reaction times). The office minutes and
on-time flags are stored on each question when they happen (``sla.py``), so no office-hours
arithmetic runs here. Median and p90 use the nearest rank over a histogram of whole minutes
(one row per distinct number of minutes, so bounded), which works on SQLite and PostgreSQL.

A merged duplicate is not counted: it lives on in the question it went into. A promise counts
as judged once it was kept or broken: kept or late when it happened, or overdue while still
waiting for it.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Avg, Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone

from raadsplein.web.periods import add_months, last_months

from .models import Channel, Question, Status

OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING)


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve months, this month included: (first month, last month)."""
    return last_months(12, today)


@dataclass(frozen=True)
class Filters:
    start: datetime.date  # first day of the first month
    end: datetime.date  # first day of the last month (included)
    theme: object = None
    sector: object = None
    channel: str = ""


def questions(filters: Filters) -> QuerySet[Question]:
    zone = _zone()
    qs = Question.objects.filter(
        merged_into__isnull=True,
        created_at__gte=datetime.datetime.combine(filters.start, datetime.time(), tzinfo=zone),
        created_at__lt=datetime.datetime.combine(
            add_months(filters.end, 1), datetime.time(), tzinfo=zone
        ),
    )
    if filters.theme is not None:
        qs = qs.filter(theme=filters.theme)
    if filters.sector is not None:
        qs = qs.filter(sector=filters.sector)
    if filters.channel:
        qs = qs.filter(channel=filters.channel)
    return qs


def _aggregates(now: datetime.datetime) -> dict:
    return {
        "count": Count("pk"),
        "first_kept": Count("pk", filter=Q(first_response_on_time=True)),
        "first_judged": Count(
            "pk",
            filter=Q(first_response_on_time__isnull=False)
            | Q(first_response_at__isnull=True, first_response_due__lt=now),
        ),
        "solution_kept": Count("pk", filter=Q(solution_on_time=True)),
        "solution_judged": Count(
            "pk",
            filter=Q(solution_on_time__isnull=False)
            | Q(status__in=OPEN_STATUSES, solution_due__lt=now),
        ),
        "score_count": Count("satisfaction"),
        "score_avg": Avg("satisfaction__score"),
    }


def _percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def _finish(row: dict, label: str) -> dict:
    return {
        "label": label,
        "count": row["count"],
        "first_pct": _percent(row["first_kept"], row["first_judged"]),
        "first_judged": row["first_judged"],
        "solution_pct": _percent(row["solution_kept"], row["solution_judged"]),
        "solution_judged": row["solution_judged"],
        "score_avg": round(row["score_avg"], 1) if row["score_avg"] is not None else None,
        "score_count": row["score_count"],
    }


def nearest_rank(histogram: list[tuple[int, int]], p: float) -> int | None:
    """The p-th percentile (0 < p ≤ 1) of values given as sorted (value, count) pairs."""
    total = sum(n for _, n in histogram)
    if not total:
        return None
    rank = max(1, math.ceil(p * total))
    seen = 0
    for value, n in histogram:
        seen += n
        if seen >= rank:
            return value
    return histogram[-1][0]


def _spread(histogram: list[tuple[int, int]]) -> dict:
    return {
        "median": nearest_rank(histogram, 0.5),
        "p90": nearest_rank(histogram, 0.9),
        "n": sum(n for _, n in histogram),
    }


def figures(filters: Filters, *, now: datetime.datetime | None = None) -> dict:
    """All tables of the figures page (and the exports), in seven queries."""
    now = now or timezone.now()
    zone = _zone()
    qs = questions(filters)
    aggs = _aggregates(now)
    month = TruncMonth("created_at", tzinfo=zone)

    by_month = {
        row["month"].date() if isinstance(row["month"], datetime.datetime) else row["month"]: row
        for row in qs.annotate(month=month).values("month").annotate(**aggs).order_by("month")
    }
    minutes = list(
        qs.filter(first_response_office_minutes__isnull=False)
        .annotate(month=month)
        .values_list("month", "first_response_office_minutes")
        .annotate(n=Count("pk"))
        .order_by("month", "first_response_office_minutes")
    )
    per_month_hist: dict[datetime.date, list[tuple[int, int]]] = {}
    overall: dict[int, int] = {}
    for m, value, n in minutes:
        key = m.date() if isinstance(m, datetime.datetime) else m
        per_month_hist.setdefault(key, []).append((value, n))
        overall[value] = overall.get(value, 0) + n

    empty = dict.fromkeys(aggs, 0) | {"score_avg": None}
    months = []
    current = filters.start
    while current <= filters.end:
        row = _finish(by_month.get(current, empty), current.strftime("%Y-%m"))
        row["month"] = current
        row.update(_spread(per_month_hist.get(current, [])))
        months.append(row)
        current = add_months(current, 1)

    def grouped(field: str, label_of) -> list[dict]:
        rows = qs.values(*field).annotate(**aggs).order_by(*field)
        return sorted(
            (_finish(r, label_of(r)) for r in rows), key=lambda r: (-r["count"], r["label"])
        )

    channels = dict(Channel.choices)
    return {
        "filters": filters,
        "total": {**_finish(qs.aggregate(**aggs), ""), **_spread(sorted(overall.items()))},
        "months": months,
        "themes": grouped(("theme__name",), lambda r: r["theme__name"] or "—"),
        "sectors": grouped(("sector__name",), lambda r: r["sector__name"] or "—"),
        "channels": grouped(("channel",), lambda r: str(channels.get(r["channel"], r["channel"]))),
        "advisors": grouped(
            ("assigned_to", "assigned_to__first_name", "assigned_to__last_name"),
            lambda r: (
                " ".join(
                    p for p in (r["assigned_to__first_name"], r["assigned_to__last_name"]) if p
                )
                or ("—" if r["assigned_to"] is None else f"#{r['assigned_to']}")
            ),
        ),
    }


def hours_text(minutes: int | None) -> str:
    """Office minutes as "3:20" (hours:minutes); empty when there are none."""
    if minutes is None:
        return ""
    return f"{minutes // 60}:{minutes % 60:02d}"


def chart(rows: list[dict], *, key: str = "count", track: int = 400, bar: int = 22, gap: int = 8):
    """Geometry of a horizontal SVG bar chart of ``rows[key]`` (widths as attributes: CSP)."""
    top = max((r[key] or 0 for r in rows), default=0)
    pitch = bar + gap
    return {
        "bars": [
            {
                "label": r["label"],
                "value": r[key],
                "y": i * pitch,
                "text_y": i * pitch + bar * 2 // 3,
                "width": round(track * (r[key] or 0) / top) if top else 0,
            }
            for i, r in enumerate(rows)
        ],
        "track": track,
        "bar": bar,
        "label_width": 170,
        "value_x": 180 + track,
        "width": 240 + track,
        "height": max(len(rows) * pitch, bar),
    }
