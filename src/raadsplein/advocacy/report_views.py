"""Staff pages for reports and the export (``/signalen/behandelen/rapport/``)."""

from __future__ import annotations

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations.access import permission_required

from . import export, report_services, reports
from .models import Dossier, Signal
from .report_forms import (
    DossierChoiceForm,
    ExportForm,
    FindSignalForm,
    PeriodForm,
    QuoteForm,
    default_period,
)
from .report_models import ReportQuote
from .services import SignalError

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMATS = ("xlsx", "pdf")


@permission_required("advocacy.manage_dossiers", hide=True)
def reports_home(request):
    start, end = default_period()
    return render(
        request,
        "advocacy/report/home.html",
        {
            "period_form": PeriodForm(initial={"van": start, "tot": end}),
            "dossier_form": DossierChoiceForm(),
            "export_form": ExportForm(),
            "may_export": request.user.has_perm("advocacy.triage_signals"),
        },
    )


def _document(data: dict, fmt: str, name: str) -> HttpResponse:
    if fmt == "xlsx":
        response = HttpResponse(reports.report_xlsx(data), content_type=XLSX)
    else:
        response = HttpResponse(reports.report_pdf(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


@permission_required("advocacy.manage_dossiers", hide=True)
def period_report(request, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    form = PeriodForm(request.GET)
    if not form.is_valid():
        return render(
            request,
            "advocacy/report/home.html",
            {
                "period_form": form,
                "dossier_form": DossierChoiceForm(),
                "export_form": ExportForm(),
                "may_export": request.user.has_perm("advocacy.triage_signals"),
            },
        )
    scope = reports.Scope(start=form.cleaned_data["van"], end=form.cleaned_data["tot"])
    return _document(reports.report_data(scope), fmt, f"signalen-rapport-{scope.slug}")


@permission_required("advocacy.manage_dossiers", hide=True)
def dossier_report(request, pk: int, fmt: str):
    if fmt not in FORMATS:
        raise Http404
    dossier = get_object_or_404(Dossier, pk=pk)
    scope = reports.Scope(dossier=dossier)
    return _document(reports.report_data(scope), fmt, f"signalen-rapport-{scope.slug}")


@permission_required("advocacy.manage_dossiers", hide=True)
def dossier_report_choice(request):
    """The dossier chosen on the report page: on to its downloads."""
    form = DossierChoiceForm(request.GET)
    if not form.is_valid():
        messages.error(request, form.errors["dossier"][0])
        return redirect("advocacy_reports:home")
    fmt = request.GET.get("formaat", "pdf")
    if fmt not in FORMATS:
        fmt = "pdf"
    return redirect("advocacy_reports:dossier", pk=form.cleaned_data["dossier"].pk, fmt=fmt)


@permission_required("advocacy.triage_signals", hide=True)
def export_signals(request, fmt: str):
    if fmt not in ("csv", "xlsx"):
        raise Http404
    form = ExportForm(request.GET)
    if not form.is_valid():
        start, end = default_period()
        return render(
            request,
            "advocacy/report/home.html",
            {
                "period_form": PeriodForm(initial={"van": start, "tot": end}),
                "dossier_form": DossierChoiceForm(),
                "export_form": form,
                "may_export": True,
            },
        )
    qs = form.filters().apply(Signal.objects.all())
    name = f"signalen-{timezone.localdate():%Y-%m-%d}.{fmt}"
    if fmt == "csv":
        response = StreamingHttpResponse(
            export.csv_stream(qs), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    response = FileResponse(export.xlsx_file(qs), content_type=XLSX, as_attachment=True)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@permission_required("advocacy.manage_dossiers", hide=True)
def quotes_view(request):
    """The quotes chosen so far, and choosing a new one from a signal (``?signaal=S-123``)."""
    find = FindSignalForm(request.GET or None)
    signal = find.cleaned_data["signaal"] if find.is_bound and find.is_valid() else None
    form = None
    if signal is not None:
        form = QuoteForm(request.POST or None, signal=signal)
        if request.method == "POST" and form.is_valid():
            try:
                report_services.add_quote(
                    by=request.user,
                    text=form.cleaned_data["tekst"],
                    dossier=form.cleaned_data["dossier"],
                    **form.source(),
                )
            except SignalError as exc:
                form.add_error("tekst", str(exc))
            else:
                messages.success(request, _("Het citaat is bewaard."))
                return redirect("advocacy_reports:quotes")
    elif request.method == "POST":
        raise Http404
    quotes = ReportQuote.objects.select_related("dossier", "cosignature").order_by(
        "-created_at", "-pk"
    )
    return render(
        request,
        "advocacy/report/quotes.html",
        {"find": find, "signal": signal, "form": form, "quotes": quotes},
    )


@require_POST
@permission_required("advocacy.manage_dossiers", hide=True)
def remove_quote(request, pk: int):
    quote = get_object_or_404(ReportQuote, pk=pk)
    report_services.remove_quote(quote=quote, by=request.user)
    messages.success(request, _("Het citaat is verwijderd."))
    return redirect("advocacy_reports:quotes")
