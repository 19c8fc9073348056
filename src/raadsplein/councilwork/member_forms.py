"""Forms of members, terms and recruitment: a vacancy, a candidate, closing a vacancy."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.organisations.models import SeatRole
from raadsplein.web.forms import DateInput

from . import recruitment
from .models import CandidateState
from .terms import MEMBER_ROLES

ROLE_CHOICES = [(value, label) for value, label in SeatRole.choices if value in MEMBER_ROLES]


class VacancyForm(forms.Form):
    title = forms.CharField(
        label=_("Titel"),
        max_length=recruitment.TITLE_MAX,
        help_text=_("Bijvoorbeeld: De cliëntenraad zoekt een nieuw lid."),
    )
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=ROLE_CHOICES,
        initial=SeatRole.LID,
        error_messages={"invalid_choice": _("Kies een rol uit de lijst.")},
    )
    text = forms.CharField(
        label=_("Tekst om te delen"),
        max_length=recruitment.TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 10}),
        help_text=_(
            "Wat doet de raad, wie zoekt u, hoeveel tijd kost het, en hoe kan iemand reageren "
            "(bijvoorbeeld het e-mailadres van de raad)? Noem geen namen van leden: deze tekst "
            "kan openbaar worden."
        ),
    )
    closes_on = forms.DateField(
        label=_("Reageren kan tot en met (niet verplicht)"),
        required=False,
        widget=DateInput,
    )


class CloseVacancyForm(forms.Form):
    FILLED, NOT_FILLED = "vervuld", "niet_vervuld"
    outcome = forms.ChoiceField(
        label=_("Hoe eindigt de vacature?"),
        widget=forms.RadioSelect,
        choices=[
            (FILLED, _("Vervuld: er is een nieuw lid")),
            (NOT_FILLED, _("Gesloten zonder nieuw lid")),
        ],
        error_messages={
            "required": _("Kies hoe de vacature eindigt."),
            "invalid_choice": _("Kies hoe de vacature eindigt."),
        },
    )


class CandidateForm(forms.Form):
    name = forms.CharField(label=_("Naam"), max_length=recruitment.NAME_MAX)
    email = forms.EmailField(
        label=_("E-mailadres"),
        required=False,
        max_length=254,
        error_messages={"invalid": _("Vul een geldig e-mailadres in.")},
    )
    phone = forms.CharField(label=_("Telefoon"), max_length=recruitment.PHONE_MAX, required=False)
    note = forms.CharField(
        label=_("Korte aantekening (niet verplicht)"),
        max_length=recruitment.NOTE_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Alleen wat nodig is voor de procedure, bijvoorbeeld: kennismaking op 12 maart. "
            "Geen gegevens over gezondheid of zorg. Alles wordt gewist als de vacature sluit."
        ),
    )
    state = forms.ChoiceField(
        label=_("Stand"),
        choices=CandidateState.choices,
        initial=CandidateState.NEW,
        error_messages={"invalid_choice": _("Kies een stand uit de lijst.")},
    )

    def clean(self):
        data = super().clean()
        if not self.errors and not data.get("email") and not data.get("phone"):
            raise forms.ValidationError(_("Vul een e-mailadres of een telefoonnummer in."))
        return data
