"""The annual report as PDF (WeasyPrint, through web.pdf.render_pdf)."""

from django.utils import timezone
from django.utils.text import slugify

from . import planning
from .models import AnnualReport


def annual_report_pdf(report: AnnualReport) -> bytes:
    from raadsplein.web.pdf import render_pdf

    return render_pdf(
        "councilwork/planning/annual_report_pdf.html",
        {
            "report": report,
            "council": report.council,
            "blocks": planning.report_blocks(report.text),
            "printed_on": timezone.localdate(),
        },
        stylesheet="councilwork/planning/annual_report_pdf.css",
    )


def annual_report_filename(report: AnnualReport) -> str:
    return f"jaarverslag-{report.year}-{slugify(report.council.name)[:60] or 'raad'}.pdf"
