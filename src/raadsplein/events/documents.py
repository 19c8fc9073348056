"""Files made from events data: the participant list of a session as CSV (``;`` for Dutch
Excel, with a byte-order mark) or XLSX, with the headers in the viewer's language, and the
printed check-in list (PDF, WeasyPrint)."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors


def _cell(value):
    """Text that a spreadsheet would read as a formula gets a leading quote."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def _header() -> list[str]:
    return [
        _("Naam"),
        _("E-mailadres"),
        _("Raad"),
        _("Status"),
        _("Geboekt op"),
        _("Geboekt door"),
        _("Toegankelijkheid"),
        _("Aanwezig"),
        _("Cijfer"),
    ]


def _rows(session) -> list[list]:
    attended = {True: _("ja"), False: _("nee"), None: ""}
    rows = []
    for b in selectors.participants(session):
        evaluation = getattr(b, "evaluation", None)
        by_other = b.booked_by is not None and b.booked_by_id != b.person_id
        row = [
            b.person.get_full_name(),
            b.person.email,
            b.council.name if b.council else "",
            str(b.get_status_display()),
            timezone.localtime(b.created_at).strftime("%d-%m-%Y %H:%M"),
            b.booked_by.get_full_name() if by_other else "",
            "; ".join(b.access_need_labels()),
            attended[b.attended],
            evaluation.score if evaluation else "",
        ]
        rows.append([_cell(v) for v in row])
    return rows


def participants_filename(session, ext: str) -> str:
    start = timezone.localtime(session.starts_at)
    name = _("aanwezigheidslijst") if ext == "pdf" else _("deelnemers")
    return f"{name}-{session.event.slug}-{start:%Y%m%d}.{ext}"


def participants_csv(session) -> str:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";")
    writer.writerow(_header())
    writer.writerows(_rows(session))
    return "\ufeff" + out.getvalue()


def participants_xlsx(session) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = _("Deelnemers")[:31]
    ws.append(_header())
    for row in _rows(session):
        ws.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def checkin_pdf(session) -> bytes:
    """The check-in list to print: each confirmed participant with council, access needs and
    a box to tick at the door, by name."""
    from raadsplein.web.pdf import render_pdf

    return render_pdf(
        "events/staff/checkin_pdf.html",
        {"session": session, "bookings": list(selectors.checkin_list(session))},
        stylesheet="events/staff/checkin_pdf.css",
    )
