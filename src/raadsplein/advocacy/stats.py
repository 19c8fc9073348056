"""Tables of figures about signals, from the precomputed facts (``facts.py``).

``table(dims, filters)`` gives a :class:`suppression.Table` of one or two dimensions with a
cell for every combination of values (every theme, every sector, the twelve provinces, every
month from the first signal to this month), the margins and the total, with the number of
signals and of distinct councils each — unsuppressed, for staff. ``published(dims)`` is the
same table suppressed (``suppression.suppress``), as the API, the public page and the reports
show it; answers are kept in the cache until the figures change.

Values are the public keys: a theme's slug, a sector's code, a province's code and a month as
``YYYY-MM``. ``label(dim, key)`` gives the Dutch name.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence

from django.conf import settings
from django.db.models import Max, Min
from django.utils import timezone
from django.utils.formats import date_format

from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector, Province
from raadsplein.web import caching
from raadsplein.web.periods import add_months

from . import facts, suppression
from .facts_models import SignalCube, SignalFact

DIMENSIONS = facts.DIMENSIONS


class DimensionError(ValueError):
    """Unknown, repeated or too many dimensions; the message is Dutch, for people."""


def parse_dims(value: str | Sequence[str]) -> tuple[str, ...]:
    """``"theme,sector"`` → ``("theme", "sector")``: one or two known dimensions, each once."""
    from django.utils.translation import gettext as _

    parts = value.split(",") if isinstance(value, str) else list(value)
    parts = [p.strip() for p in parts if p.strip()]
    known = ", ".join(DIMENSIONS)
    if not parts:
        raise DimensionError(
            _("Kies één of twee indelingen voor 'by', uit: %(known)s.") % {"known": known}
        )
    unknown = [p for p in parts if p not in DIMENSIONS]
    if unknown:
        raise DimensionError(
            _("Onbekende indeling: %(names)s. Kies uit: %(known)s.")
            % {"names": ", ".join(unknown), "known": known}
        )
    if len(set(parts)) != len(parts):
        raise DimensionError(_("Noem elke indeling maar één keer."))
    if len(parts) > 2:
        raise DimensionError(_("Kies ten hoogste twee indelingen, bijvoorbeeld by=theme,sector."))
    return tuple(parts)


def month_range(filters: facts.Filters | None = None) -> list[datetime.date]:
    """Every month from the first with signals (or the filter's start) to this month (or the
    filter's end)."""
    filters = filters or facts.Filters()
    source = SignalCube if facts.postgres() else SignalFact
    found = source.objects.aggregate(first=Min("month"), last=Max("month"))
    this_month = timezone.localdate().replace(day=1)
    start = filters.start or found["first"] or this_month
    end = filters.end or max(this_month, found["last"] or this_month)
    months = []
    while start <= end and len(months) < 240:
        months.append(start)
        start = add_months(start, 1)
    return months


class Keys:
    """What the raw keys of the facts mean: themes and sectors, loaded once per table."""

    def __init__(self):
        self.themes = list(Theme.objects.order_by("name").values_list("pk", "slug", "name"))
        self.sectors = list(
            CareSector.objects.order_by("order", "name").values_list("code", "name")
        )
        self.theme_slug = {pk: slug for pk, slug, _name in self.themes}
        self.theme_pk = {slug: pk for pk, slug, _name in self.themes}
        self.names = {
            "theme": {slug: name for _pk, slug, name in self.themes},
            "sector": dict(self.sectors),
            "province": dict(Province.choices),
        }

    def values(self, dim: str, filters: facts.Filters) -> list:
        """Raw keys of every value of ``dim`` (a filtered dimension has only its value)."""
        if dim == "theme":
            keys = [pk for pk, _slug, _name in self.themes]
            return [filters.theme] if filters.theme is not None else keys
        if dim == "sector":
            keys = [code for code, _name in self.sectors]
            return [filters.sector] if filters.sector is not None else keys
        if dim == "province":
            return [filters.province] if filters.province else list(Province.values)
        return month_range(filters)

    def public(self, dim: str, key):
        if dim == "theme":
            return self.theme_slug.get(key, str(key))
        if dim == "month":
            return key.strftime("%Y-%m")
        return key

    def label(self, dim: str, value: str) -> str:
        if dim == "month":
            return date_format(datetime.date.fromisoformat(value + "-01"), "F Y")
        return str(self.names[dim].get(value, value))


def table(dims: Sequence[str], filters: facts.Filters | None = None, keys: Keys | None = None):
    """The unsuppressed table (public keys as values). Four queries for two dimensions (cells,
    both margins, total), three for one."""
    dims = tuple(dims)
    filters = filters or facts.Filters()
    keys = keys or Keys()
    raw_values = [keys.values(d, filters) for d in dims]

    def public(data: dict, which: Sequence[str]) -> dict:
        return {
            tuple(keys.public(d, k) for d, k in zip(which, key, strict=True)): value
            for key, value in data.items()
        }

    cells = public(facts.grouped(dims, filters), dims)
    margins = (
        [{k[0]: v for k, v in public(facts.grouped((d,), filters), (d,)).items()} for d in dims]
        if len(dims) == 2
        else [{k[0]: v for k, v in cells.items()}]
    )
    total = facts.grouped((), filters).get((), (0, 0))
    values = [[keys.public(d, k) for k in raw] for d, raw in zip(dims, raw_values, strict=True)]
    return suppression.build_table(dims, values, cells, margins, total)


def published(dims: Sequence[str], *, min_councils: int | None = None) -> dict:
    """The suppressed answer of the API: ``{"by", "min_councils", "cells", "totals",
    "total"}``; kept in the cache until the figures change."""
    dims = tuple(dims)
    k = settings.RAADSPLEIN_SIGNALS_MIN_COUNCILS if min_councils is None else min_councils

    def compute():
        suppressed = suppression.suppress(table(dims), min_councils=k)
        totals = []
        for d, margin in zip(dims, suppressed.margins, strict=True):
            totals += [f.as_dict((d,)) for f in margin.values()]
        return {
            "by": list(dims),
            "min_councils": k,
            "cells": [f.as_dict(dims) for f in suppressed.cells.values()],
            "totals": totals,
            "total": suppressed.total.as_dict(()),
        }

    # Dropped when the figures change, and with content (a theme's slug, say).
    return caching.shared("advocacy-stats", (dims, k, facts.version()), compute)
