"""The figures page as CSV and XLSX: the same tables, one section (sheet) each."""

import csv
import io

from django.utils.translation import gettext as _

from .figures import hours_text


def _cell(value):
    """Text that a spreadsheet would read as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _blank(value):
    return "" if value is None else value


def sections(data: dict) -> list[tuple[str, list[str], list[list]]]:
    header = [
        _("Aantal vragen"),
        _("Eerste reactie op tijd (%)"),
        _("Oplossing op tijd (%)"),
        _("Gemiddelde tevredenheid (1-5)"),
        _("Aantal beoordelingen"),
    ]

    def row(r):
        return [
            r["count"],
            _blank(r["first_pct"]),
            _blank(r["solution_pct"]),
            _blank(r["score_avg"]),
            r["score_count"],
        ]

    months = [
        [r["label"], *row(r), hours_text(r["median"]), hours_text(r["p90"])] for r in data["months"]
    ]
    out = [
        (
            _("Per maand"),
            [_("Maand"), *header, _("Eerste reactie mediaan (uur)"), _("Eerste reactie p90 (uur)")],
            months,
        )
    ]
    for key, title, first in (
        ("themes", _("Per thema"), _("Thema")),
        ("sectors", _("Per sector"), _("Sector")),
        ("channels", _("Per kanaal"), _("Kanaal")),
        ("advisors", _("Per adviseur"), _("Adviseur")),
    ):
        out.append((title, [first, *header], [[_cell(r["label"]), *row(r)] for r in data[key]]))
    return out


def _summary(data: dict) -> list[list]:
    f, total = data["filters"], data["total"]
    return [
        [_("Periode"), f"{f.start:%Y-%m} – {f.end:%Y-%m}"],
        [_("Thema"), _cell(str(f.theme)) if f.theme else _("alle")],
        [_("Sector"), _cell(str(f.sector)) if f.sector else _("alle")],
        [_("Kanaal"), f.channel or _("alle")],
        [_("Aantal vragen"), total["count"]],
        [_("Eerste reactie op tijd (%)"), _blank(total["first_pct"])],
        [_("Oplossing op tijd (%)"), _blank(total["solution_pct"])],
        [_("Eerste reactie mediaan (uur)"), hours_text(total["median"])],
        [_("Eerste reactie p90 (uur)"), hours_text(total["p90"])],
        [_("Gemiddelde tevredenheid (1-5)"), _blank(total["score_avg"])],
        [_("Aantal beoordelingen"), total["score_count"]],
    ]


def figures_csv(data: dict) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerows(_summary(data))
    for title, header, rows in sections(data):
        writer.writerow([])
        writer.writerow([title])
        writer.writerow(header)
        writer.writerows(rows)
    return out.getvalue()


def figures_xlsx(data: dict) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = _("Overzicht")[:31]
    for r in _summary(data):
        ws.append(r)
    for title, header, rows in sections(data):
        sheet = wb.create_sheet(title[:31])
        sheet.append(header)
        for r in rows:
            sheet.append(r)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
