"""The agenda and the minutes of a meeting as PDF (A4), laid out by ``web.pdf.render_pdf``
from a template with its stylesheet beside it. The meeting comes with its items, documents,
decisions and actions prefetched (``meetings.meeting_page``)."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from . import meetings


def _title(meeting, what: str) -> str:
    """ "Vergadering 12 januari 2027 — agenda" """
    date = formats.date_format(timezone.localtime(meeting.starts_at), "j F Y")
    return _("%(title)s %(date)s — %(what)s") % {
        "title": meeting.title,
        "date": date,
        "what": what,
    }


def _context(meeting, title: str) -> dict:
    return {
        "meeting": meeting,
        "council": meeting.council,
        "title": title,
        "items": list(meeting.items.all()),
        "meeting_documents": meetings.meeting_documents(meeting),
    }


def agenda_pdf(meeting) -> bytes:
    from raadsplein.web.pdf import render_pdf

    return render_pdf(
        "councilwork/meetings/agenda_pdf.html",
        _context(meeting, _title(meeting, _("agenda"))),
        stylesheet="councilwork/meetings/meeting_pdf.css",
    )


def minutes_pdf(meeting) -> bytes:
    from raadsplein.web.pdf import render_pdf

    context = _context(meeting, _title(meeting, _("verslag")))
    context["decisions"] = list(meeting.decisions.all())
    context["actions"] = list(meeting.actions.all())
    return render_pdf(
        "councilwork/meetings/minutes_pdf.html",
        context,
        stylesheet="councilwork/meetings/meeting_pdf.css",
    )
