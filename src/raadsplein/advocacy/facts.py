"""The figures about signals, precomputed so that they stay fast at a million signals.

What counts: every signal that was not merged into another, in the month it was reported
(Europe/Amsterdam) and its province, under each of its themes and sectors. The councils that
see a signal are its own council, the councils that co-signed it and did not withdraw, and
the councils of the signals merged into it (with their co-signers): a merged-away signal
does not count as a signal again, but its council still sees the one it went into. States do
not matter: a closed signal still counts.

``refresh_signal(signal_id)`` brings the figures of one signal (and of the signal it was
merged into) in step; it is safe to call twice and cheap (it recomputes only the cells the
signal was and is in). The services call it after reporting, co-signing, withdrawing;
merge and split must call it for every signal they touch. ``rebuild()`` (command
``rebuild_signal_facts``) starts from scratch.

``grouped(dims, filters)`` reads the figures: per combination of the dimensions, the
number of signals and of distinct councils. On PostgreSQL from ``SignalCube``
(``bit_count(bit_or(councils))``); elsewhere from ``SignalFact`` with COUNT(DISTINCT).
"""

from __future__ import annotations

import datetime
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import Count, Q
from django.utils import timezone

from .facts_models import ANY_SECTOR, ANY_THEME, SignalCube, SignalFact
from .models import CoSignature, Signal

DIMENSIONS = ("theme", "sector", "province", "month")
VERSION_KEY = "rp:advocacy:facts"
MIN_BITS = 1024
LOCK = 1_313_013  # pg_advisory_xact_lock key: one refresh at a time recomputes cells

_COLUMN = {"theme": "theme_key", "sector": "sector_key", "province": "province", "month": "month"}


def postgres() -> bool:
    return connection.vendor == "postgresql"


def version() -> str:
    """Changes whenever the figures change (a key for caching answers)."""
    value = cache.get(VERSION_KEY)
    if value is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        value = cache.get(VERSION_KEY)
    return value


def _bump() -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def month_of(moment: datetime.datetime) -> datetime.date:
    return timezone.localtime(moment).date().replace(day=1)


# -- facts of signals --------------------------------------------------------------------------


def _root_id(signal_id: int) -> int | None:
    """The signal that ``signal_id`` was (perhaps through a chain) merged into, or itself."""
    seen = set()
    current = signal_id
    while current is not None and current not in seen:
        seen.add(current)
        parent = Signal.objects.filter(pk=current).values_list("merged_into_id", flat=True).first()
        if parent is None:
            return current if Signal.objects.filter(pk=current).exists() else None
        current = parent
    return current


def _merged_into(root_ids: set[int]) -> dict[int, int]:
    """Every signal merged (directly or through a chain) into one of ``root_ids``."""
    found: dict[int, int] = {}
    frontier = {r: r for r in root_ids}
    while frontier:
        children = Signal.objects.filter(merged_into_id__in=list(frontier)).values_list(
            "pk", "merged_into_id"
        )
        frontier = {}
        for child, parent in children:
            root = found.get(parent, parent if parent in root_ids else None)
            if root is not None and child not in found and child not in root_ids:
                found[child] = root
                frontier[child] = root
    return found


def fact_rows(root_ids: Iterable[int]) -> list[SignalFact]:
    """The facts of the given signals (those merged into another give none)."""
    signals = list(
        Signal.objects.filter(pk__in=list(root_ids), merged_into__isnull=True).values_list(
            "pk", "council_id", "province", "created_at"
        )
    )
    if not signals:
        return []
    ids = {pk for pk, *_ in signals}
    children = _merged_into(ids)
    seers: dict[int, set[int]] = {pk: {council} for pk, council, *_ in signals}
    for child, council in Signal.objects.filter(pk__in=list(children)).values_list(
        "pk", "council_id"
    ):
        seers[children[child]].add(council)
    for signal_id, council in CoSignature.objects.filter(
        signal_id__in=[*ids, *children], withdrawn_at__isnull=True
    ).values_list("signal_id", "council_id"):
        seers[children.get(signal_id, signal_id)].add(council)
    themes: dict[int, list] = {pk: [ANY_THEME] for pk in ids}
    for signal_id, theme in Signal.themes.through.objects.filter(signal_id__in=ids).values_list(
        "signal_id", "theme_id"
    ):
        themes[signal_id].append(theme)
    sectors: dict[int, list] = {pk: [ANY_SECTOR] for pk in ids}
    for signal_id, sector in Signal.sectors.through.objects.filter(signal_id__in=ids).values_list(
        "signal_id", "caresector_id"
    ):
        sectors[signal_id].append(sector)
    return [
        SignalFact(
            signal_id=pk,
            council_id=council,
            own=council == own,
            theme_key=theme,
            sector_key=sector,
            province=province,
            month=month_of(created),
        )
        for pk, own, province, created in signals
        for council in sorted(seers[pk])
        for theme in themes[pk]
        for sector in sectors[pk]
    ]


def _cell(fact) -> tuple:
    return (fact.theme_key, fact.sector_key, fact.province, fact.month)


@transaction.atomic
def refresh_signal(signal_id: int) -> None:
    """Bring the figures of this signal, and of the signal it went into, in step with the
    database. Safe to call twice, and for a signal that no longer exists."""
    if postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
    ids = {signal_id}
    root = _root_id(signal_id)
    if root is not None:
        ids.add(root)
    old = SignalFact.objects.filter(signal_id__in=ids)
    cells = set(old.values_list("theme_key", "sector_key", "province", "month").distinct())
    old.delete()
    rows = fact_rows(ids)
    SignalFact.objects.bulk_create(rows, batch_size=2000)
    cells |= {_cell(r) for r in rows}
    if postgres() and cells:
        _recompute_cells(cells, max((r.council_id for r in rows), default=0))
    transaction.on_commit(_bump)


def _width(cursor, need: int) -> int:
    cursor.execute("SELECT length(councils) FROM advocacy_signalcube LIMIT 1")
    row = cursor.fetchone()
    width = row[0] if row else 0
    if width > need:
        return width
    bits = MIN_BITS
    while bits <= need:
        bits *= 2
    return bits


_CUBE_SELECT = """
    SELECT f.theme_key, f.sector_key, f.province, f.month, count(*) FILTER (WHERE f.own),
           bit_or(set_bit(repeat('0', %(width)s)::varbit, f.council_id, 1))
    FROM advocacy_signalfact f
"""


def _recompute_cells(cells: set[tuple], top_council: int) -> None:
    with connection.cursor() as cursor:
        width = _width(cursor, top_council)
        cursor.execute("SELECT length(councils) FROM advocacy_signalcube LIMIT 1")
        row = cursor.fetchone()
        if row and row[0] != width:
            _build_cube(cursor)  # a council beyond the bit strings' width: all anew
            return
        values = ", ".join(["(%s, %s, %s, %s::date)"] * len(cells))
        params = [v for cell in sorted(cells) for v in cell]
        cursor.execute(
            f"""
            WITH cells(t, s, p, m) AS (VALUES {values})
            DELETE FROM advocacy_signalcube c USING cells
            WHERE c.theme_key = cells.t AND c.sector_key = cells.s
              AND c.province = cells.p AND c.month = cells.m
            """,  # noqa: S608 - placeholders only
            params,
        )
        cursor.execute(
            f"""
            WITH cells(t, s, p, m) AS (VALUES {values})
            INSERT INTO advocacy_signalcube
                (theme_key, sector_key, province, month, signals, councils)
            {_CUBE_SELECT % {"width": width}}
            JOIN cells ON f.theme_key = cells.t AND f.sector_key = cells.s
                AND f.province = cells.p AND f.month = cells.m
            GROUP BY 1, 2, 3, 4
            """,  # noqa: S608 - placeholders only; the width is an int
            params,
        )


def _build_cube(cursor) -> None:
    cursor.execute("SELECT coalesce(max(council_id), 0) FROM advocacy_signalfact")
    top = cursor.fetchone()[0]
    cursor.execute("DELETE FROM advocacy_signalcube")
    width = MIN_BITS
    while width <= top:
        width *= 2
    cursor.execute(
        f"""
        INSERT INTO advocacy_signalcube
            (theme_key, sector_key, province, month, signals, councils)
        {_CUBE_SELECT % {"width": width}}
        GROUP BY 1, 2, 3, 4
        """  # noqa: S608 - the width is an int
    )


_FACTS_SQL = """
WITH RECURSIVE root(signal_id, root_id) AS (
    SELECT id, id FROM advocacy_signal WHERE merged_into_id IS NULL
    UNION ALL
    SELECT s.id, root.root_id FROM advocacy_signal s JOIN root ON s.merged_into_id = root.signal_id
),
seers(root_id, council_id) AS (
    SELECT root.root_id, s.council_id FROM root JOIN advocacy_signal s ON s.id = root.signal_id
    UNION
    SELECT root.root_id, c.council_id FROM root
    JOIN advocacy_cosignature c ON c.signal_id = root.signal_id AND c.withdrawn_at IS NULL
),
themes(signal_id, theme_key) AS (
    SELECT id, 0 FROM advocacy_signal WHERE merged_into_id IS NULL
    UNION ALL SELECT signal_id, theme_id FROM advocacy_signal_themes
),
sectors(signal_id, sector_key) AS (
    SELECT id, '' FROM advocacy_signal WHERE merged_into_id IS NULL
    UNION ALL SELECT signal_id, caresector_id FROM advocacy_signal_sectors
)
INSERT INTO advocacy_signalfact
    (signal_id, council_id, own, theme_key, sector_key, province, month)
SELECT s.id, seers.council_id, seers.council_id = s.council_id, themes.theme_key,
       sectors.sector_key, s.province,
       date_trunc('month', s.created_at AT TIME ZONE %s)::date
FROM advocacy_signal s
JOIN seers ON seers.root_id = s.id
JOIN themes ON themes.signal_id = s.id
JOIN sectors ON sectors.signal_id = s.id
WHERE s.merged_into_id IS NULL
"""


@transaction.atomic
def rebuild() -> int:
    """All figures from scratch (the command ``rebuild_signal_facts``). Returns the number
    of fact rows."""
    if postgres():
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK])
            cursor.execute("TRUNCATE advocacy_signalfact, advocacy_signalcube")
            cursor.execute(_FACTS_SQL, [settings.TIME_ZONE])
            cursor.execute("ANALYZE advocacy_signalfact")
            _build_cube(cursor)
            cursor.execute("ANALYZE advocacy_signalcube")
    else:
        SignalFact.objects.all().delete()
        SignalCube.objects.all().delete()
        ids = list(Signal.objects.filter(merged_into__isnull=True).values_list("pk", flat=True))
        for start in range(0, len(ids), 500):
            SignalFact.objects.bulk_create(fact_rows(ids[start : start + 500]), batch_size=2000)
    transaction.on_commit(_bump)
    return SignalFact.objects.count()


# -- reading -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Filters:
    """Narrow the figures: one theme (id), one sector (code), one province, months from
    ``start`` to ``end`` (first days of months, both included)."""

    theme: int | None = None
    sector: str | None = None
    province: str | None = None
    start: datetime.date | None = None
    end: datetime.date | None = None


def _where(dims: Sequence[str], filters: Filters) -> Q:
    q = Q()
    if filters.theme is not None:
        q &= Q(theme_key=filters.theme)
    elif "theme" in dims:
        q &= ~Q(theme_key=ANY_THEME)
    else:
        q &= Q(theme_key=ANY_THEME)
    if filters.sector is not None:
        q &= Q(sector_key=filters.sector)
    elif "sector" in dims:
        q &= ~Q(sector_key=ANY_SECTOR)
    else:
        q &= Q(sector_key=ANY_SECTOR)
    if filters.province:
        q &= Q(province=filters.province)
    if filters.start:
        q &= Q(month__gte=filters.start)
    if filters.end:
        q &= Q(month__lte=filters.end)
    return q


def grouped(
    dims: Sequence[str], filters: Filters | None = None, *, from_facts: bool = False
) -> dict[tuple, tuple[int, int]]:
    """``{(value, ...): (signals, distinct councils)}`` per combination of ``dims`` (raw keys:
    theme id, sector code, province code, first day of the month). One query."""
    filters = filters or Filters()
    columns = [_COLUMN[d] for d in dims]
    where = _where(dims, filters)
    if postgres() and not from_facts:
        sql, params = (
            SignalCube.objects.filter(where).values(*columns).query.sql_with_params()
        )  # only for the WHERE clause
        where_sql = sql.split(" WHERE ", 1)[1] if " WHERE " in sql else "TRUE"
        select = ", ".join(columns)
        group = f"GROUP BY {select}" if columns else ""
        comma = ", " if columns else ""
        # Column names from _COLUMN, the WHERE clause and its parameters from the ORM.
        query = (
            f"SELECT {select}{comma}coalesce(sum(signals), 0), "  # noqa: S608
            "coalesce(bit_count(bit_or(councils)), 0) "
            f"FROM advocacy_signalcube WHERE {where_sql} {group}"
        )
        with connection.cursor() as cursor:
            cursor.execute(query, params)
            rows = cursor.fetchall()
        n = len(columns)
        return {tuple(r[:n]): (int(r[n]), int(r[n + 1])) for r in rows if r[n]}
    qs = SignalFact.objects.filter(where)
    if columns:
        qs = qs.values(*columns)
    rows = qs.annotate(
        n_signals=Count("signal_id", distinct=True), n_councils=Count("council_id", distinct=True)
    ).order_by()
    if not columns:
        found = SignalFact.objects.filter(where).aggregate(
            n_signals=Count("signal_id", distinct=True),
            n_councils=Count("council_id", distinct=True),
        )
        return {(): (found["n_signals"], found["n_councils"])} if found["n_signals"] else {}
    return {tuple(r[c] for c in columns): (r["n_signals"], r["n_councils"]) for r in rows}
