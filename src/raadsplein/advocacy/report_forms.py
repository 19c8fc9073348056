"""Forms of the staff's report and export pages."""

from __future__ import annotations

import datetime
import re

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.fields import theme_filter
from raadsplein.organisations.fields import province_filter, sector_filter
from raadsplein.web.periods import MonthField, check_month_range, last_months

from .export import ExportFilters
from .models import Dossier, Signal, State


def default_period(today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
    """The last twelve months, this month included."""
    return last_months(12, today)


class PeriodForm(forms.Form):
    van = MonthField(required=True, label=_("Van maand"), help_text=_("Bijvoorbeeld 2026-01"))
    tot = MonthField(
        required=True, label=_("Tot en met maand"), help_text=_("Bijvoorbeeld 2026-12")
    )

    def clean(self):
        data = super().clean()
        check_month_range(self, data)
        return data


class DossierChoiceForm(forms.Form):
    dossier = forms.ModelChoiceField(
        label=_("Dossier"),
        queryset=Dossier.objects.order_by("title"),
        empty_label=_("Kies een dossier"),
        error_messages={
            "required": _("Kies een dossier."),
            "invalid_choice": _("Kies een dossier uit de lijst."),
        },
    )


class ExportForm(forms.Form):
    """Filters of the export; every field may stay empty (then: all signals)."""

    vanaf = forms.DateField(
        label=_("Gemeld vanaf"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in als jjjj-mm-dd.")},
    )
    tot_en_met = forms.DateField(
        label=_("Gemeld tot en met"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": _("Vul een datum in als jjjj-mm-dd.")},
    )
    thema = theme_filter(to_field_name="slug")
    sector = sector_filter()
    provincie = province_filter()
    stap = forms.ModelChoiceField(
        label=_("Stap"),
        queryset=State.objects.order_by("order", "name"),
        required=False,
        empty_label=_("Alle stappen"),
        to_field_name="slug",
        error_messages={"invalid_choice": _("Kies een stap uit de lijst.")},
    )

    def clean(self):
        data = super().clean()
        start, end = data.get("vanaf"), data.get("tot_en_met")
        if start and end and start > end:
            self.add_error("tot_en_met", _("De einddatum ligt vóór de begindatum."))
        return data

    def filters(self) -> ExportFilters:
        data = self.cleaned_data
        return ExportFilters(
            start=data.get("vanaf"),
            end=data.get("tot_en_met"),
            theme=data.get("thema"),
            sector=data.get("sector"),
            province=data.get("provincie") or "",
            state=data.get("stap"),
        )


SOURCE_RE = re.compile(r"^\s*S-?(\d{1,10})\s*$", re.IGNORECASE)


class FindSignalForm(forms.Form):
    signaal = forms.CharField(
        label=_("Signaal"),
        max_length=20,
        help_text=_("Het nummer van het signaal, bijvoorbeeld S-123."),
        error_messages={"required": _("Vul het nummer van het signaal in.")},
    )

    def clean_signaal(self) -> Signal:
        match = SOURCE_RE.match(self.cleaned_data["signaal"])
        signal = Signal.objects.filter(pk=int(match.group(1))).first() if match else None
        if signal is None:
            raise forms.ValidationError(_("Er is geen signaal met dit nummer."))
        return signal


def _excerpt(text: str, n: int = 120) -> str:
    return text if len(text) <= n else text[:n].rsplit(" ", 1)[0] + " …"


class QuoteForm(forms.Form):
    """An excerpt of one signal's text or of one of its co-signatures' accounts."""

    bron = forms.ChoiceField(
        label=_("Citaat uit"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies waar het citaat uit komt."),
            "invalid_choice": _("Kies waar het citaat uit komt."),
        },
    )
    tekst = forms.CharField(
        label=_("Citaat"),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=1000,
        help_text=_(
            "Neem de woorden letterlijk over. Laat u iets weg, zet dan … op die plaats. "
            "Het rapport toont het citaat zonder de naam van de raad of de zorgaanbieder."
        ),
        error_messages={
            "required": _("Vul het citaat in."),
            "max_length": _("Een citaat heeft ten hoogste 1000 tekens."),
        },
    )
    dossier = forms.ModelChoiceField(
        label=_("Voor het rapport van dossier"),
        queryset=Dossier.objects.order_by("title"),
        required=False,
        empty_label=_("Geen dossier: rapporten over een periode"),
        error_messages={"invalid_choice": _("Kies een dossier uit de lijst.")},
    )

    def __init__(self, *args, signal: Signal, **kwargs):
        super().__init__(*args, **kwargs)
        self.signal = signal
        self.cosignatures = {
            f"c{c.pk}": c for c in signal.cosignatures.select_related("sector").order_by("pk")
        }
        self.fields["bron"].choices = [
            ("signal", _("De tekst van het signaal: %(t)s") % {"t": _excerpt(signal.description)}),
            *[
                (key, _("Een raad die het ook ziet: %(t)s") % {"t": _excerpt(c.account)})
                for key, c in self.cosignatures.items()
            ],
        ]
        self.fields["bron"].initial = "signal"

    def source(self) -> dict:
        choice = self.cleaned_data["bron"]
        if choice == "signal":
            return {"signal": self.signal}
        return {"cosignature": self.cosignatures[choice]}
