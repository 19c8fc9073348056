"""Reports for a dossier or a period, as XLSX (openpyxl) and PDF (WeasyPrint, charts as SVG):
the figures with small numbers suppressed, the quotes staff chose, and what was done.

A report leaves the staff screens (it goes to the ministry, an insurer, the inspectorate), so
every figure in it goes through ``suppression.py``: counts of signals and of distinct councils
per theme, sector, province and month, with every figure seen by fewer than
``RAADSPLEIN_SIGNALS_MIN_COUNCILS`` councils suppressed and complements suppressed so that none
can be worked out from the totals. Quotes carry the sector and the year, never the council or
the care provider. No signal's title, council or reporter is in a report.

Which signals count: those not merged into another (a merged signal counts through the one it
went into); for a period, those reported in it; for a dossier, its signals.
"""

from __future__ import annotations

import datetime
import io
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from .models import CoSignature, Dossier, DossierAction, Signal
from .report_models import ReportQuote

CHART_TRACK = 300


@dataclass
class Scope:
    """What a report is about: a period (first and last month) or a dossier."""

    start: datetime.date | None = None
    end: datetime.date | None = None
    dossier: Dossier | None = None

    @property
    def title(self) -> str:
        if self.dossier is not None:
            return _("Dossier: %(title)s") % {"title": self.dossier.title}
        return _("Signalen van %(start)s tot en met %(end)s") % {
            "start": date_format(self.start, "F Y"),
            "end": date_format(self.end, "F Y"),
        }

    @property
    def slug(self) -> str:
        if self.dossier is not None:
            return f"dossier-{self.dossier.pk}"
        return f"{self.start:%Y-%m}-{self.end:%Y-%m}"

    def signals(self) -> QuerySet[Signal]:
        qs = Signal.objects.filter(merged_into__isnull=True)
        if self.dossier is not None:
            return qs.filter(dossiers=self.dossier)
        return qs.filter(
            created_at__gte=_month_start(self.start), created_at__lt=_month_start(_next(self.end))
        )


def _next(month: datetime.date) -> datetime.date:
    return (month.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)


def _month_start(month: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(month.replace(day=1), datetime.time()))


def months_between(start: datetime.date, end: datetime.date) -> list[datetime.date]:
    out, month = [], start.replace(day=1)
    while month <= end:
        out.append(month)
        month = _next(month)
    return out


@dataclass
class Dimension:
    key: str
    title: str
    first: str
    rows: list[dict] = field(default_factory=list)
    chart: dict = field(default_factory=dict)


def _dimension_values(scope: Scope, signal_ids: list[int]):
    """(key, title, column, [(value, label)], pairs of (signal id, value))."""
    from raadsplein.knowledge.models import Theme
    from raadsplein.organisations.models import CareSector, Province

    theme_pairs = list(
        Signal.themes.through.objects.filter(signal_id__in=signal_ids).values_list(
            "signal_id", "theme__slug"
        )
    )
    sector_pairs = list(
        Signal.sectors.through.objects.filter(signal_id__in=signal_ids).values_list(
            "signal_id", "caresector_id"
        )
    )
    facts = list(
        Signal.objects.filter(pk__in=signal_ids).values_list("pk", "province", "created_at")
    )
    province_pairs = [(pk, province) for pk, province, _created in facts]
    month_pairs = [
        (pk, timezone.localtime(created).date().replace(day=1).isoformat()[:7])
        for pk, _province, created in facts
    ]
    if scope.dossier is None:
        months = months_between(scope.start, scope.end)
    else:
        dates = sorted(timezone.localtime(c).date() for _pk, _p, c in facts)
        months = months_between(dates[0], dates[-1]) if dates else []
    used_themes = {slug for _pk, slug in theme_pairs}
    themes = [
        (t.slug, t.name)
        for t in Theme.objects.order_by("name")
        if scope.dossier is None or t.slug in used_themes
    ]
    used_sectors = {code for _pk, code in sector_pairs}
    sectors = [
        (s.code, s.name)
        for s in CareSector.objects.order_by("order", "name")
        if scope.dossier is None or s.code in used_sectors
    ]
    return [
        ("theme", _("Per thema"), _("Thema"), themes, theme_pairs),
        ("sector", _("Per zorgsector"), _("Zorgsector"), sectors, sector_pairs),
        ("province", _("Per provincie"), _("Provincie"), list(Province.choices), province_pairs),
        (
            "month",
            _("Per maand"),
            _("Maand"),
            [(m.isoformat()[:7], date_format(m, "M Y")) for m in months],
            month_pairs,
        ),
    ]


def _councils_of(signal_ids: list[int]) -> dict[int, set[int]]:
    """The councils that see each signal: its own and those that co-signed (not withdrawn)."""
    councils: dict[int, set[int]] = {}
    for pk, council in Signal.objects.filter(pk__in=signal_ids).values_list("pk", "council_id"):
        councils.setdefault(pk, set()).add(council)
    for pk, council in CoSignature.objects.filter(
        signal_id__in=signal_ids, withdrawn_at__isnull=True
    ).values_list("signal_id", "council_id"):
        councils.setdefault(pk, set()).add(council)
    return councils


def figures(scope: Scope) -> tuple[dict, list[Dimension]]:
    """The suppressed figures: the grand total and one table per dimension."""
    from . import suppression

    signal_ids = list(scope.signals().values_list("pk", flat=True))
    councils = _councils_of(signal_ids)
    dimensions = []
    total = None
    for key, title, first, values, pairs in _dimension_values(scope, signal_ids):
        records = [(pk, council, value) for pk, value in pairs for council in councils.get(pk, ())]
        table = suppression.suppress(
            suppression.table_from_records([key], [[v for v, _label in values]], records)
        )
        labels = dict(values)
        rows = [
            {
                "value": v,
                "label": str(labels[v]),
                "count": None if f.suppressed else f.count,
                "councils": None if f.suppressed else f.councils,
                "suppressed": f.suppressed,
            }
            for v, _label in values
            for f in [table.cells[(v,)]]
        ]
        if key == "province":
            total = table.total  # every signal has one province: the scope's grand total
        dimensions.append(Dimension(key, title, first, rows, chart(rows)))
    grand = {
        "count": None if total is None or total.suppressed else total.count,
        "councils": None if total is None or total.suppressed else total.councils,
        "suppressed": bool(total and total.suppressed),
    }
    return grand, dimensions


def chart(rows: list[dict], *, track: int = CHART_TRACK, bar: int = 14, gap: int = 6) -> dict:
    """Geometry of a horizontal SVG bar chart of the signals per value; a suppressed value
    has no bar and says so."""
    top = max((r["count"] or 0 for r in rows), default=0)
    pitch = bar + gap
    return {
        "bars": [
            {
                **r,
                "y": i * pitch,
                "text_y": i * pitch + bar * 3 // 4,
                "width": round(track * (r["count"] or 0) / top) if top else 0,
            }
            for i, r in enumerate(rows)
        ],
        "bar": bar,
        "track": track,
        "label_width": 150,
        "value_x": 160 + track,
        "width": 260 + track,
        "height": max(len(rows) * pitch, bar),
    }


def quotes(scope: Scope) -> list[dict]:
    """The quotes staff chose: a dossier's own, or those of signals reported in the period.
    Each with the sector and the year only."""
    qs = ReportQuote.objects.select_related("signal", "cosignature__sector", "cosignature__signal")
    if scope.dossier is not None:
        qs = qs.filter(dossier=scope.dossier)
    else:
        start, end = _month_start(scope.start), _month_start(_next(scope.end))
        qs = qs.filter(signal__created_at__gte=start, signal__created_at__lt=end) | qs.filter(
            cosignature__signal__created_at__gte=start, cosignature__signal__created_at__lt=end
        )
    out = []
    for quote in qs.prefetch_related("signal__sectors").order_by("created_at", "pk"):
        if quote.cosignature_id:
            sector = quote.cosignature.sector
            when = quote.cosignature.created_at
            kind = _("Een raad die het ook ziet")
        else:
            sector = next(iter(quote.signal.sectors.all()), None)
            when = quote.signal.created_at
            kind = _("De raad die het meldde")
        out.append(
            {
                "text": quote.text,
                "kind": kind,
                "sector": sector.name if sector else "",
                "year": timezone.localtime(when).year,
            }
        )
    return out


def actions(scope: Scope) -> list[DossierAction]:
    """What was done: the dossier's actions, or every action dated in the period; only those
    shown to councils (what staff keep for themselves does not go out in a report either)."""
    qs = (
        DossierAction.objects.filter(visible_to_councils=True)
        .select_related("dossier")
        .order_by("date", "pk")
    )
    if scope.dossier is not None:
        return list(qs.filter(dossier=scope.dossier))
    return list(qs.filter(date__gte=scope.start.replace(day=1), date__lt=_next(scope.end)))


def report_data(scope: Scope) -> dict:
    grand, dimensions = figures(scope)
    return {
        "scope": scope,
        "title": scope.title,
        "made_at": timezone.localtime(),
        "total": grand,
        "dimensions": dimensions,
        "quotes": quotes(scope),
        "actions": actions(scope),
        "dossier": scope.dossier,
        "min_councils": _min_councils(),
    }


def _min_councils() -> int:
    from django.conf import settings

    return settings.RAADSPLEIN_SIGNALS_MIN_COUNCILS


def _shown(value):
    return _("afgeschermd") if value is None else value


def report_xlsx(data: dict) -> bytes:
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    from .export import cell

    def clean(value):
        value = cell(value)
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    wb = Workbook()
    ws = wb.active
    ws.title = _("Samenvatting")[:31]
    ws.append([data["title"]])
    ws.append([_("Gemaakt op"), data["made_at"].strftime("%Y-%m-%d %H:%M")])
    ws.append([_("Signalen"), _shown(data["total"]["count"])])
    ws.append([_("Raden"), _shown(data["total"]["councils"])])
    ws.append([suppression_note(data["min_councils"])])
    if data["dossier"] is not None:
        ws.append([_("Samenvatting van het dossier"), clean(data["dossier"].summary)])
        ws.append([_("Resultaat"), clean(data["dossier"].outcome)])
    for dim in data["dimensions"]:
        sheet = wb.create_sheet(dim.title[:31])
        sheet.append([dim.first, _("Signalen"), _("Raden")])
        for row in dim.rows:
            sheet.append([clean(row["label"]), _shown(row["count"]), _shown(row["councils"])])
    sheet = wb.create_sheet(_("Citaten")[:31])
    sheet.append([_("Citaat"), _("Van"), _("Zorgsector"), _("Jaar")])
    for quote in data["quotes"]:
        sheet.append([clean(quote["text"]), quote["kind"], clean(quote["sector"]), quote["year"]])
    sheet = wb.create_sheet(_("Wat we deden")[:31])
    sheet.append(
        [_("Datum"), _("Soort"), _("Aan wie"), _("Titel"), _("Wat er gedaan is"), _("Uitkomst")]
        + ([_("Dossier")] if data["dossier"] is None else [])
    )
    for action in data["actions"]:
        sheet.append(
            [
                action.date,
                str(action.get_kind_display()),
                str(action.get_addressee_display()) if action.addressee else "",
                clean(action.title),
                clean(action.description),
                clean(action.outcome),
            ]
            + ([clean(action.dossier.title)] if data["dossier"] is None else [])
        )
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def suppression_note(min_councils: int) -> str:
    return _(
        "Aantallen van minder dan %(n)d raden zijn afgeschermd, en ook de aantallen waaruit "
        "die terug te rekenen zijn. Zo is geen enkele raad te herkennen."
    ) % {"n": min_councils}


def report_pdf(data: dict) -> bytes:
    from raadsplein.web.pdf import render_pdf

    return render_pdf(
        "advocacy/report/report_pdf.html",
        {**data, "note": suppression_note(data["min_councils"])},
        stylesheet="advocacy/report/report_pdf.css",
    )
