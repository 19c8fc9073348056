"""Forms of the subscriber side: subscribing, preferences, the staff's subscriber and segment
screens and the import. They parse; the services in ``subscriptions.py`` and
``csv_import.py`` write."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.accounts.models import FormOfAddress
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector, Province, SeatRole

from .models import MembershipFilter, Segment, SubscriberStatus
from .services import NewsletterError, normalise_email

FORM_OF_ADDRESS_CHOICES = [
    (FormOfAddress.FORMAL, _("Met ‘u’")),
    (FormOfAddress.INFORMAL, _("Met ‘je’")),
]


def _sectors_field(label=None):
    return forms.ModelMultipleChoiceField(
        label=label or _("Zorgsectoren (niet verplicht)"),
        queryset=CareSector.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies zorgsectoren uit de lijst.")},
    )


def _themes_field(label=None):
    return forms.ModelMultipleChoiceField(
        label=label or _("Thema's (niet verplicht)"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": _("Kies thema's uit de lijst.")},
    )


class PreferencesForm(forms.Form):
    name = forms.CharField(
        label=_("Naam (niet verplicht)"),
        max_length=120,
        required=False,
        help_text=_("Zo spreken wij u aan in de nieuwsbrief."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    form_of_address = forms.ChoiceField(
        label=_("Hoe spreken wij u aan?"),
        choices=FORM_OF_ADDRESS_CHOICES,
        initial=FormOfAddress.FORMAL,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies ‘u’ of ‘je’."),
            "invalid_choice": _("Kies ‘u’ of ‘je’."),
        },
    )
    sectors = _sectors_field()
    themes = _themes_field()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].help_text = _(
            "Kiest u niets, dan krijgt u het nieuws over alle sectoren."
        )
        self.fields["themes"].help_text = _("Waar u vooral over wilt lezen.")

    @classmethod
    def for_subscriber(cls, subscriber, data=None):
        return cls(
            data,
            initial={
                "name": subscriber.name,
                "form_of_address": subscriber.form_of_address,
                "sectors": [s.pk for s in subscriber.sectors.all()],
                "themes": [t.pk for t in subscriber.themes.all()],
            },
        )


class SubscribeForm(PreferencesForm):
    email = forms.CharField(
        label=_("Uw e-mailadres"),
        max_length=254,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={"required": _("Vul uw e-mailadres in.")},
    )
    field_order = ["email", "name", "form_of_address", "sectors", "themes"]

    def clean_email(self):
        try:
            return normalise_email(self.cleaned_data["email"])
        except NewsletterError as error:
            raise forms.ValidationError(str(error)) from error


# Staff -------------------------------------------------------------------------------------


class SubscriberSearchForm(forms.Form):
    q = forms.CharField(label=_("Zoek op e-mailadres"), required=False, max_length=254)
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle statussen")), *SubscriberStatus.choices],
    )


class StaffSubscriberForm(PreferencesForm):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=SubscriberStatus.choices,
        error_messages={"invalid_choice": _("Kies een status uit de lijst.")},
    )
    field_order = ["status", "name", "form_of_address", "sectors", "themes"]

    @classmethod
    def for_subscriber(cls, subscriber, data=None):
        form = super().for_subscriber(subscriber, data)
        form.initial["status"] = subscriber.status
        return form


class SegmentForm(forms.ModelForm):
    council_roles = forms.MultipleChoiceField(
        label=_("Rollen in de raad"),
        choices=SeatRole.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Alleen abonnees met een account en een zetel. Leeg: elke rol."),
        error_messages={"invalid_choice": _("Kies rollen uit de lijst.")},
    )
    provinces = forms.MultipleChoiceField(
        label=_("Provincies"),
        choices=Province.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Van de raad waarin iemand zit. Leeg: elke provincie."),
        error_messages={"invalid_choice": _("Kies provincies uit de lijst.")},
    )
    sectors = _sectors_field(_("Zorgsectoren"))
    themes = _themes_field(_("Thema's"))
    membership = forms.ChoiceField(
        label=_("Lidmaatschap"),
        choices=MembershipFilter.choices,
        required=False,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Segment
        fields = [
            "name",
            "description",
            "sectors",
            "themes",
            "council_roles",
            "provinces",
            "membership",
        ]
        error_messages = {
            "name": {
                "required": _("Geef het segment een naam."),
                "unique": _("Er is al een segment met deze naam."),
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sectors"].help_text = _(
            "Wie deze sector koos, of in een raad van deze sector zit. Leeg: elke sector."
        )
        self.fields["themes"].help_text = _("Wie dit thema koos. Leeg: elk thema.")


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV-bestand"),
        help_text=_(
            "Kolommen: email, naam, aanspreekvorm (u of je), sectoren, themas. "
            "Meerdere sectoren of thema's scheidt u met een puntkomma of een verticale streep."
        ),
        error_messages={"required": _("Kies een CSV-bestand.")},
    )
    source = forms.CharField(
        label=_("Bron van de toestemming"),
        max_length=100,
        help_text=_("Bijvoorbeeld ‘ledenlijst 2025’. Dit bewaren we bij elke abonnee."),
        error_messages={"required": _("Vul in waar de toestemming vandaan komt.")},
    )
