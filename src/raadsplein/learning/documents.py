"""Files and figures made from learning data: the certificate PDF, the statistics exports and
the bar chart of the course statistics page."""

import csv
import io

from django.utils.translation import gettext as _


def certificate_pdf(certificate, *, verify_url: str) -> bytes:
    from raadsplein.web.pdf import render_pdf

    return render_pdf(
        "learning/certificate_pdf.html",
        {"certificate": certificate, "verify_url": verify_url},
        stylesheet="learning/certificate_pdf.css",
    )


def step_chart(steps: list[dict], *, bar_height: int = 28, gap: int = 10, track: int = 400):
    """Geometry of the SVG bar chart "completed per step": one bar per step row of
    ``selectors.course_statistics``, ``track`` pixels wide at 100%, with the top of each bar
    (``y``), its width, where its label's baseline goes, and the height of the whole chart."""
    pitch = bar_height + gap
    bars = [
        {
            **row,
            "y": i * pitch,
            "label_y": i * pitch + bar_height * 2 // 3,
            "width": round(track * min(max(row["percent"], 0), 100) / 100),
        }
        for i, row in enumerate(steps)
    ]
    return {
        "bars": bars,
        "bar_height": bar_height,
        "track": track,
        "height": max(len(steps) * pitch, bar_height),
    }


def _cell(value):
    """Text that a spreadsheet would read as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _rows(course, stats) -> tuple[list[str], list[list]]:
    header = [_("Module"), _("Stap"), _("Soort"), _("Verplicht"), _("Afgerond"), _("Procent")]
    rows = [
        [
            _cell(r["module"]),
            _cell(r["step"]),
            r["kind"],
            _("ja") if r["required"] else _("nee"),
            r["done"],
            r["percent"],
        ]
        for r in stats["steps"]
    ]
    return header, rows


def statistics_csv(course, stats) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow([_("Cursus"), _cell(course.title)])
    writer.writerow([_("Ingeschreven"), stats["enrolled"]])
    writer.writerow([_("Afgerond"), stats["completed"]])
    writer.writerow([_("Percentage afgerond"), stats["rate"]])
    writer.writerow([_("Gemiddelde toetsscore"), stats["average_score"] or ""])
    writer.writerow([])
    header, rows = _rows(course, stats)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def statistics_xlsx(course, stats) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = _("Overzicht")[:31]
    ws.append([_("Cursus"), _cell(course.title)])
    ws.append([_("Ingeschreven"), stats["enrolled"]])
    ws.append([_("Afgerond"), stats["completed"]])
    ws.append([_("Percentage afgerond"), stats["rate"]])
    ws.append([_("Gemiddelde toetsscore"), stats["average_score"]])
    steps = wb.create_sheet(_("Per stap")[:31])
    header, rows = _rows(course, stats)
    steps.append(header)
    for row in rows:
        steps.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
