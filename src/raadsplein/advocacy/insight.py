"""What the dashboard (staff, unsuppressed) and the public page (suppressed) show: figures by
theme, sector, province and month from ``facts``/``stats``, the province map and the charts
as SVG geometry (attributes only: no inline style, CSP)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from raadsplein.organisations.models import Province

from . import facts, stats

MAP_LEVELS = 5


@cache
def province_shapes() -> dict:
    """Simplified outlines of the twelve provinces (``data/provinces.json``)."""
    path = Path(__file__).parent / "data" / "provinces.json"
    return json.loads(path.read_text(encoding="utf-8"))


def levels(top: int) -> list[tuple[int, int]]:
    """Shading classes: (lowest, highest) count of each of MAP_LEVELS bands up to ``top``."""
    if top <= 0:
        return []
    step = max(1, -(-top // MAP_LEVELS))
    return [(i * step + 1, min(top, (i + 1) * step)) for i in range(MAP_LEVELS) if i * step < top]


def level_of(count: int | None, bands: list[tuple[int, int]]) -> str:
    if count is None:
        return "hidden"
    if not count:
        return "0"
    for i, (_low, high) in enumerate(bands, start=1):
        if count <= high:
            return str(i)
    return str(len(bands))


def province_map(figures: dict[str, dict]) -> dict:
    """The map: one path per province with its figures and shading class. ``figures`` maps a
    province code to ``{"count", "councils", "suppressed"}``."""
    shapes = province_shapes()
    top = max((f["count"] or 0 for f in figures.values()), default=0)
    bands = levels(top)
    provinces = []
    for code, label in Province.choices:
        shape = shapes["provinces"][code]
        figure = figures.get(code, {"count": 0, "councils": 0, "suppressed": False})
        provinces.append(
            {
                "code": code,
                "label": label,
                "d": shape["d"],
                # Strings: a float in a template is written with a Dutch comma.
                "x": str(shape["label_x"]),
                "y": str(shape["label_y"]),
                "level": level_of(figure["count"], bands),
                **figure,
            }
        )
    return {
        "width": shapes["width"],
        "height": shapes["height"],
        "provinces": provinces,
        "bands": [{"level": str(i), "low": lo, "high": hi} for i, (lo, hi) in enumerate(bands, 1)],
    }


def bars(rows: list[dict], *, height: int = 160, bar: int = 14, gap: int = 4) -> dict:
    """A vertical bar chart of ``rows[i]["count"]`` (months): geometry for the template."""
    top = max((r["count"] or 0 for r in rows), default=0)
    pitch = bar + gap
    out = []
    for i, r in enumerate(rows):
        h = round(height * (r["count"] or 0) / top) if top else 0
        out.append({**r, "x": 40 + i * pitch, "y": 10 + height - h, "h": h})
    return {
        "bars": out,
        "bar": bar,
        "width": 80 + len(rows) * pitch,
        "height": height + 40,
        "base": 10 + height,
        "top": top,
        "label_y": height + 30,
    }


def dashboard(filters: facts.Filters) -> dict:
    """Staff's figures, unsuppressed: totals, per month (trend), per province (map), per theme,
    per sector, and theme × sector. Seven queries."""
    keys = stats.Keys()

    def rows(dim: str) -> list[dict]:
        data = facts.grouped((dim,), filters)
        out = []
        for key in keys.values(dim, filters):
            count, councils = data.get((key,), (0, 0))
            value = keys.public(dim, key)
            out.append(
                {
                    "value": value,
                    "label": keys.label(dim, value),
                    "count": count,
                    "councils": councils,
                    "suppressed": False,
                }
            )
        return out

    total = facts.grouped((), filters).get((), (0, 0))
    months = rows("month")
    provinces = rows("province")
    themes = rows("theme")
    sectors = rows("sector")
    cross = facts.grouped(("theme", "sector"), filters)
    sector_keys = keys.values("sector", filters)
    grid = [
        {
            "label": keys.label("theme", keys.public("theme", t)),
            "cells": [cross.get((t, s), (0, 0)) for s in sector_keys],
        }
        for t in keys.values("theme", filters)
    ]
    return {
        "total": {"count": total[0], "councils": total[1]},
        "months": months,
        "trend": bars(months),
        "provinces": provinces,
        "map": province_map({r["value"]: r for r in provinces}),
        "themes": themes,
        "sectors": sectors,
        "grid": grid,
        "grid_sectors": [keys.label("sector", s) for s in sector_keys],
    }


def public_figures() -> dict:
    """The public page's figures, suppressed as the API answers them: theme × sector and
    per province."""
    keys = stats.Keys()
    cross = stats.published(("theme", "sector"))
    by_province = stats.published(("province",))
    sectors = [code for code, _name in keys.sectors]
    cells = {(c["theme"], c["sector"]): c for c in cross["cells"]}
    theme_totals = {t["theme"]: t for t in cross["totals"] if "theme" in t}
    sector_totals = {t["sector"]: t for t in cross["totals"] if "sector" in t}
    grid = [
        {
            "label": name,
            "cells": [cells[(slug, s)] for s in sectors],
            "total": theme_totals[slug],
        }
        for _pk, slug, name in keys.themes
    ]
    provinces = {c["province"]: c for c in by_province["cells"]}
    return {
        "min_councils": cross["min_councils"],
        "total": cross["total"],
        "grid": grid,
        "grid_sectors": [keys.label("sector", s) for s in sectors],
        "sector_totals": [sector_totals[s] for s in sectors],
        "provinces": [
            {"code": code, "label": label, **provinces[code]} for code, label in Province.choices
        ],
        "map": province_map(provinces),
        "any_hidden": any(
            f["suppressed"] for f in [*cross["cells"], *by_province["cells"], cross["total"]]
        ),
    }
