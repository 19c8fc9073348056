"""The figures page for the desk (``/vraagbaak/behandelen/cijfers/``) and its exports."""

import datetime

from django import forms
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.fields import theme_filter
from raadsplein.organisations.access import permission_required
from raadsplein.organisations.fields import sector_filter
from raadsplein.web import periods
from raadsplein.web.periods import MonthField, check_month_range

from . import figures, figures_documents
from .models import Channel


class FiguresForm(forms.Form):
    van = MonthField(label=_("Van maand"), help_text=_("Bijvoorbeeld 2026-01"))
    tot = MonthField(label=_("Tot en met maand"), help_text=_("Bijvoorbeeld 2026-12"))
    thema = theme_filter()
    sector = sector_filter()
    kanaal = forms.ChoiceField(
        label=_("Kanaal"),
        choices=[("", _("Alle kanalen")), *Channel.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een kanaal uit de lijst.")},
    )

    def clean(self):
        data = super().clean()
        check_month_range(self, data)
        return data

    def filters(self, today: datetime.date) -> figures.Filters:
        start, end = figures.default_period(today)
        data = self.cleaned_data if self.is_valid() else {}
        start = data.get("van").replace(day=1) if data.get("van") else start
        end = data.get("tot").replace(day=1) if data.get("tot") else max(start, end)
        if start > end or periods.add_months(start, periods.MAX_MONTHS) <= end:
            start, end = figures.default_period(today)
        return figures.Filters(
            start=start,
            end=end,
            theme=data.get("thema"),
            sector=data.get("sector"),
            channel=data.get("kanaal") or "",
        )


@permission_required("helpdesk.handle_questions", hide=True)
def figures_view(request, export: str = ""):
    if export not in ("", "csv", "xlsx"):
        raise Http404
    form = FiguresForm(request.GET or None)
    filters = form.filters(timezone.localdate()) if form.is_bound else None
    if filters is None:
        start, end = figures.default_period()
        filters = figures.Filters(start=start, end=end)
    data = figures.figures(filters)
    name = f"vraagbaak-cijfers-{filters.start:%Y-%m}-{filters.end:%Y-%m}"
    if export == "csv":
        response = HttpResponse(
            figures_documents.figures_csv(data), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
        return response
    if export == "xlsx":
        response = HttpResponse(
            figures_documents.figures_xlsx(data),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    for row in data["months"]:
        row["median_text"] = figures.hours_text(row["median"])
        row["p90_text"] = figures.hours_text(row["p90"])
    query = request.GET.urlencode()
    return render(
        request,
        "helpdesk/figures/figures.html",
        {
            "form": form,
            "data": data,
            "total_median": figures.hours_text(data["total"]["median"]),
            "total_p90": figures.hours_text(data["total"]["p90"]),
            "charts": [
                ("maand", _("Vragen per maand"), data["months"], figures.chart(data["months"])),
                ("thema", _("Vragen per thema"), data["themes"], figures.chart(data["themes"])),
                ("sector", _("Vragen per sector"), data["sectors"], figures.chart(data["sectors"])),
                (
                    "kanaal",
                    _("Vragen per kanaal"),
                    data["channels"],
                    figures.chart(data["channels"]),
                ),
                (
                    "adviseur",
                    _("Vragen per adviseur"),
                    data["advisors"],
                    figures.chart(data["advisors"]),
                ),
            ],
            "query": f"?{query}" if query else "",
        },
    )
