"""Signalen in cijfers (staff dashboard, ``/signalen/inzicht/``) and the public page "Wat we met
uw signalen doen" (``/signalen/wat-we-doen/``)."""

import datetime

from django import forms
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.models import Theme
from raadsplein.organisations.access import permission_required
from raadsplein.organisations.models import CareSector, Province
from raadsplein.web import caching

from . import facts, insight, stats
from .models import Dossier, DossierAction

MAX_MONTHS = 60


class MonthField(forms.DateField):
    widget = forms.DateInput(attrs={"type": "month"}, format="%Y-%m")

    def __init__(self, **kwargs):
        super().__init__(
            input_formats=["%Y-%m"],
            required=False,
            error_messages={"invalid": _("Vul een maand in als jjjj-mm, bijvoorbeeld 2026-03.")},
            **kwargs,
        )


class InsightForm(forms.Form):
    thema = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label=_("Alle thema's"),
        error_messages={"invalid_choice": _("Kies een thema uit de lijst.")},
    )
    sector = forms.ModelChoiceField(
        label=_("Zorgsector"),
        queryset=CareSector.objects.order_by("order", "name"),
        required=False,
        empty_label=_("Alle sectoren"),
        error_messages={"invalid_choice": _("Kies een sector uit de lijst.")},
    )
    provincie = forms.ChoiceField(
        label=_("Provincie"),
        choices=[("", _("Alle provincies")), *Province.choices],
        required=False,
        error_messages={"invalid_choice": _("Kies een provincie uit de lijst.")},
    )
    van = MonthField(label=_("Van maand"), help_text=_("Bijvoorbeeld 2026-01"))
    tot = MonthField(label=_("Tot en met maand"), help_text=_("Bijvoorbeeld 2026-12"))

    def clean(self):
        data = super().clean()
        start, end = data.get("van"), data.get("tot")
        for name, month in (("van", start), ("tot", end)):
            if month and not 2000 <= month.year <= 2100:
                self.add_error(name, _("Kies een maand tussen 2000 en 2100."))
                return data
        if start and end:
            if start > end:
                self.add_error("tot", _("De laatste maand ligt vóór de eerste."))
            elif stats.add_months(start.replace(day=1), MAX_MONTHS) <= end:
                self.add_error("tot", _("Kies ten hoogste 60 maanden."))
        return data

    def filters(self, today: datetime.date) -> facts.Filters:
        """The chosen filters; the last 24 months when no period is chosen (or it is wrong)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        end = data.get("tot").replace(day=1) if data.get("tot") else today.replace(day=1)
        start = data.get("van").replace(day=1) if data.get("van") else stats.add_months(end, -23)
        if start > end:
            start = stats.add_months(end, -23)
        theme, sector = data.get("thema"), data.get("sector")
        return facts.Filters(
            theme=theme.pk if theme else None,
            sector=sector.code if sector else None,
            province=data.get("provincie") or None,
            start=start,
            end=end,
        )


@permission_required("advocacy.view_dashboard", hide=True)
def dashboard_view(request):
    form = InsightForm(request.GET or None)
    filters = form.filters(timezone.localdate())
    # The same for every member of staff who asks the same; dropped when the figures change
    # (facts.version) or content such as a theme's name does.
    data = caching.shared(
        "advocacy-dashboard", (filters, facts.version()), lambda: insight.dashboard(filters)
    )
    return render(
        request,
        "advocacy/insight/dashboard.html",
        {"form": form, "filters": filters, "data": data},
    )


def public_view(request):
    """For everyone, signed in or not: the same page (suppressed figures, public summaries)."""
    dossiers = (
        Dossier.objects.exclude(summary="")
        .prefetch_related(
            Prefetch(
                "actions",
                queryset=DossierAction.objects.filter(visible_to_councils=True).order_by(
                    "-date", "-pk"
                ),
                to_attr="public_actions",
            ),
            "themes",
        )
        .order_by("-updated_at", "-pk")[:20]
    )
    return render(
        request,
        "advocacy/insight/public.html",
        {"data": insight.public_figures(), "dossiers": dossiers},
    )
