"""Forms of the participation scheme: its settings, its text, a comment, two versions to
compare. Limits come from ``scheme.py`` so a form and its service agree."""

import re
from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from . import scheme
from .models import DisputeCommittee

REVISION_MAX = 2**31 - 1
THOUSANDS = re.compile(r"\d{1,3}(\.\d{3})+")


class EuroField(forms.DecimalField):
    """An amount in euros as people type it: "5000", "5.000", "5.000,50", "€ 5000,50" or
    "5000.50"."""

    def to_python(self, value):
        if isinstance(value, str):
            value = value.replace("€", "").replace(" ", "").replace("\u00a0", "").strip()
            if "," in value:
                value = value.replace(".", "").replace(",", ".")
            elif THOUSANDS.fullmatch(value):
                value = value.replace(".", "")
        return super().to_python(value)


def _number(name: str, label, help_text="", required=False) -> forms.IntegerField:
    low, high = scheme.SETTINGS_LIMITS[name]
    return forms.IntegerField(
        label=label,
        min_value=low,
        max_value=high,
        required=required,
        help_text=help_text,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )


class SchemeSettingsForm(forms.Form):
    members_target = _number(
        "members_target",
        _("Aantal leden"),
        _(
            "Hoeveel leden de raad volgens de regeling heeft. "
            "Dit ziet u terug bij Leden en werving."
        ),
    )
    term_years = _number(
        "term_years",
        _("Zittingstermijn in jaren"),
        _("Hoe lang een lid in de raad zit. Hiermee waarschuwt Raadswerk als een termijn afloopt."),
    )
    max_terms = _number(
        "max_terms",
        _("Hoeveel termijnen achter elkaar"),
        _("Bijvoorbeeld 2: een lid kan één keer opnieuw worden benoemd."),
    )
    advice_days = _number(
        "advice_days",
        _("Termijn voor een advies (dagen)"),
        _(
            "Zoveel dagen heeft de raad voor een advies, als de adviesaanvraag zelf geen datum "
            "noemt. Hiermee rekent Raadswerk de uiterste datum uit."
        ),
    )
    consent_days = _number(
        "consent_days",
        _("Termijn voor instemming (dagen)"),
        _("Zoveel dagen heeft de raad voor een instemmingsverzoek zonder eigen datum."),
    )
    notice_days = _number(
        "notice_days",
        _("Agenda vooraf versturen (dagen)"),
        _("Zoveel dagen voor een vergadering krijgen de leden de agenda. Meestal 7."),
        required=True,
    )
    budget = EuroField(
        label=_("Budget per jaar (in euro)"),
        min_value=Decimal("0"),
        max_value=Decimal(scheme.BUDGET_MAX_CENTS) / 100,
        max_digits=9,
        decimal_places=2,
        required=False,
        help_text=_(
            "Het bedrag dat de zorgaanbieder per jaar voor de raad betaalt. Bijvoorbeeld 5000."
        ),
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    meetings_per_year = _number(
        "meetings_per_year",
        _("Vergaderingen per jaar"),
        _("Hoe vaak de raad volgens de regeling ten minste vergadert."),
    )
    dispute_committee = forms.ChoiceField(
        label=_("Commissie bij een geschil"),
        choices=DisputeCommittee.choices,
        widget=forms.RadioSelect,
        help_text=_("Bij wie de raad en de bestuurder terechtkunnen als zij het niet eens worden."),
    )
    dispute_committee_name = forms.CharField(
        label=_("Naam van de commissie"),
        max_length=scheme.DISPUTE_NAME_MAX,
        required=False,
        help_text=_("Alleen nodig bij een eigen of een andere commissie."),
    )
    revision = forms.IntegerField(min_value=0, max_value=REVISION_MAX, widget=forms.HiddenInput)

    @classmethod
    def initial_from(cls, settings) -> dict:
        initial = {name: getattr(settings, name) for name in scheme.SETTINGS_LIMITS}
        cents = settings.budget_cents
        initial["budget"] = None if cents is None else f"{cents // 100},{cents % 100:02d}"
        initial["dispute_committee"] = settings.dispute_committee
        initial["dispute_committee_name"] = settings.dispute_committee_name
        initial["revision"] = settings.revision
        return initial

    def values(self) -> dict:
        """The cleaned values as the service takes them (the budget in cents)."""
        data = self.cleaned_data
        values = {name: data[name] for name in scheme.SETTINGS_LIMITS}
        budget = data["budget"]
        values["budget_cents"] = None if budget is None else int(budget * 100)
        values["dispute_committee"] = data["dispute_committee"]
        values["dispute_committee_name"] = data["dispute_committee_name"]
        return values


class SchemeTextField(forms.CharField):
    """Browsers send a textarea's lines ending in CR LF: count them as one character each, so
    the limit is the one the version keeps."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n")


class SchemeTextForm(forms.Form):
    text = SchemeTextField(
        label=_("Tekst van de regeling"),
        max_length=scheme.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 30, "spellcheck": "true"}),
        help_text=_(
            "Laat een witregel tussen de artikelen. Dan kunnen leden bij elk artikel een "
            "opmerking maken en ziet u per artikel wat er veranderd is."
        ),
    )
    note = forms.CharField(
        label=_("Wat heeft u veranderd? (kort)"),
        max_length=scheme.NOTE_MAX,
        required=False,
        help_text=_("Bijvoorbeeld: termijn voor advies naar 6 weken."),
    )
    based_on = forms.IntegerField(min_value=0, max_value=REVISION_MAX, widget=forms.HiddenInput)


class SchemeCommentForm(forms.Form):
    paragraph = forms.IntegerField(min_value=1, max_value=REVISION_MAX, widget=forms.HiddenInput)
    body = forms.CharField(
        label=_("Uw opmerking"),
        max_length=scheme.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Iedereen met toegang tot de werkruimte van de raad ziet uw opmerking."),
    )


class CompareForm(forms.Form):
    van = forms.TypedChoiceField(label=_("Oude versie"), coerce=int, choices=())
    naar = forms.TypedChoiceField(label=_("Nieuwe versie"), coerce=int, choices=())

    def __init__(self, *args, numbers: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        choices = [(n, _("Versie %(number)s") % {"number": n}) for n in numbers]
        self.fields["van"].choices = choices
        self.fields["naar"].choices = choices

    def clean(self):
        data = super().clean()
        if data.get("van") is not None and data.get("van") == data.get("naar"):
            raise forms.ValidationError(_("Kies twee verschillende versies."))
        return data
