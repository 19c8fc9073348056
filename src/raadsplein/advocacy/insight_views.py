"""Signalen in cijfers (staff dashboard, ``/signalen/inzicht/``) and the public page "Wat we met
uw signalen doen" (``/signalen/wat-we-doen/``)."""

import datetime

from django import forms
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.fields import theme_filter
from raadsplein.organisations.access import permission_required
from raadsplein.organisations.fields import province_filter, sector_filter
from raadsplein.web import caching
from raadsplein.web.periods import MonthField, add_months, check_month_range

from . import facts, insight
from .models import Dossier, DossierAction


class InsightForm(forms.Form):
    thema = theme_filter()
    sector = sector_filter()
    provincie = province_filter()
    van = MonthField(label=_("Van maand"), help_text=_("Bijvoorbeeld 2026-01"))
    tot = MonthField(label=_("Tot en met maand"), help_text=_("Bijvoorbeeld 2026-12"))

    def clean(self):
        data = super().clean()
        check_month_range(self, data)
        return data

    def filters(self, today: datetime.date) -> facts.Filters:
        """The chosen filters; the last 24 months when no period is chosen (or it is wrong)."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        end = data.get("tot").replace(day=1) if data.get("tot") else today.replace(day=1)
        start = data.get("van").replace(day=1) if data.get("van") else add_months(end, -23)
        if start > end:
            start = add_months(end, -23)
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
