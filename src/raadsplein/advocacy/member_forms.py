"""Forms of the councils' side of Signalen: reporting a signal and "Wij zien dit ook"."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector, Council, Province
from raadsplein.web import uploads

from . import selectors, services
from .models import ClientsAffected

FILE_MAX_BYTES = 10 * uploads.MB  # the same limits as the Vraagbaak's attachments
FILES_TOTAL_BYTES = 25 * uploads.MB
ANONYMOUS, NAMED = "anoniem", "naam"


def councils_for(user, *, exclude=()) -> dict[str, Council]:
    """The member councils the person may act for, by id as text, sorted by name."""
    ids = [pk for pk in selectors.council_ids_of(user) if pk not in set(exclude)]
    councils = Council.objects.filter(pk__in=ids).prefetch_related("sectors").order_by("name")
    return {str(c.pk): c for c in councils}


def anonymous_label(council: Council, *, sector=None, province: str = "") -> str:
    sectors = list(council.sectors.all())
    return selectors.public_label(
        council=council,
        sector=sector or (sectors[0] if sectors else None),
        province=province or council.province,
    )


def visibility_choices(councils: dict[str, Council]):
    if len(councils) == 1:
        label = anonymous_label(next(iter(councils.values())))
        anonymous = _("Zonder naam: andere raden lezen “%(label)s”") % {"label": label}
    else:
        anonymous = _(
            "Zonder naam: andere raden lezen alleen de soort raad, de sector en de provincie"
        )
    return [(ANONYMOUS, anonymous), (NAMED, _("Met de naam van onze raad"))]


class _CouncilFormMixin:
    def _setup_council(self, councils: dict[str, Council]):
        self.councils = councils
        field = self.fields["council"]
        field.choices = [(pk, c.name) for pk, c in councils.items()]
        if len(councils) == 1:
            field.initial = next(iter(councils))
        self.fields["named"].choices = visibility_choices(councils)

    def clean_council(self):
        return self.councils[self.cleaned_data["council"]]

    def clean_named(self):
        return self.cleaned_data["named"] == NAMED


def _province_field(help_text):
    return forms.ChoiceField(
        label=_("Provincie"),
        choices=[("", _("De provincie van onze raad")), *Province.choices],
        required=False,
        help_text=help_text,
        error_messages={"invalid_choice": _("Kies een provincie uit de lijst.")},
    )


def _named_field():
    return forms.ChoiceField(
        label=_("Wat zien andere raden van uw raad?"),
        widget=forms.RadioSelect,
        initial=ANONYMOUS,
        help_text=_(
            "Andere raden zien nooit wie het meldt. De organisatie ziet wel welke raad het is."
        ),
        error_messages={"required": _("Kies wat andere raden van uw raad zien.")},
    )


class ReportForm(_CouncilFormMixin, forms.Form):
    council = forms.ChoiceField(
        label=_("Voor welke raad meldt u dit?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de raad waarvoor u meldt."),
            "invalid_choice": _("Kies een raad waarin u zit."),
        },
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=services.TITLE_MAX,
        help_text=_("In een paar woorden: wat ziet u? Bijvoorbeeld: lange wachttijd 's avonds."),
        error_messages={"required": _("Vul de titel in.")},
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
    description = forms.CharField(
        label=_("Wat gebeurt er?"),
        max_length=services.DESCRIPTION_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Beschrijf wat cliënten merken en hoe vaak het gebeurt. Noem geen namen of andere "
            "gegevens waaraan iemand te herkennen is."
        ),
        error_messages={"required": _("Schrijf op wat er gebeurt.")},
    )
    since = forms.DateField(
        label=_("Sinds wanneer ziet u dit? (niet verplicht)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 1-3-2026.")},
    )
    clients_affected = forms.ChoiceField(
        label=_("Hoeveel cliënten merken het?"),
        choices=ClientsAffected.choices,
        initial=ClientsAffected.UNKNOWN,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoeveel cliënten het merken.")},
    )
    themes = forms.ModelMultipleChoiceField(
        label=_("Thema's (niet verplicht)"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    sectors = forms.ModelMultipleChoiceField(
        label=_("Zorgsectoren"),
        queryset=CareSector.objects.order_by("order", "name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kiest u niets, dan nemen we de sectoren van uw raad."),
    )
    province = _province_field(_("Speelt het ergens anders dan in de provincie van uw raad?"))
    about_provider = forms.BooleanField(
        label=_("Het gaat over de zorgaanbieder van onze raad"),
        required=False,
        help_text=_("Laat dit uit als het over zorg in het algemeen gaat."),
    )
    provider_hidden = forms.BooleanField(
        label=_("Houd de naam van de zorgaanbieder weg bij andere raden"),
        required=False,
        initial=True,
        help_text=_("De organisatie ziet de naam wel."),
    )
    named = _named_field()
    files = uploads.MultipleFileField(
        label=_("Bestanden (niet verplicht)"),
        required=False,
        help_text=_(
            "Bijvoorbeeld een brief of een foto van een mededeling. PDF, Word (DOCX), Excel "
            "(XLSX), PNG of JPEG; ten hoogste 10 MB per bestand en 25 MB samen. Alleen uw "
            "eigen raad en de organisatie zien ze, andere raden niet."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].widget.attrs["accept"] = uploads.ACCEPT
        self._setup_council(councils_for(user))
        if len(self.councils) == 1:
            council = next(iter(self.councils.values()))
            self.fields["province"].initial = council.province
        for name in ("title", "description"):
            self.fields[name].widget.attrs["data-signal-text"] = ""

    def clean_files(self):
        return uploads.checked_uploads(
            self.cleaned_data.get("files") or [],
            max_bytes=FILE_MAX_BYTES,
            max_total_bytes=FILES_TOTAL_BYTES,
            again=str(_("Kies de bestanden opnieuw; de rest van uw signaal staat er nog.")),
        )

    def clean(self):
        data = super().clean()
        if self.errors and data.get("files") and "files" not in self.errors:
            # A browser never keeps chosen files on a page that comes back with errors.
            self.add_error("files", _("Kies uw bestanden opnieuw als u het signaal verstuurt."))
        return data


class CosignForm(_CouncilFormMixin, forms.Form):
    council = forms.ChoiceField(
        label=_("Namens welke raad?"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de raad namens wie u dit zegt."),
            "invalid_choice": _("Kies een raad waarin u zit."),
        },
    )
    account = forms.CharField(
        label=_("Wat ziet uw raad?"),
        max_length=services.ACCOUNT_MAX,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Een paar zinnen in uw eigen woorden: wat merken de cliënten bij u? Noem geen namen."
        ),
        error_messages={"required": _("Schrijf kort op wat uw raad ziet.")},
    )
    sector = forms.ModelChoiceField(
        label=_("Zorgsector"),
        queryset=CareSector.objects.order_by("order", "name"),
        required=False,
        empty_label=_("De sector van onze raad"),
    )
    province = _province_field(_("Leeg laten: de provincie van uw raad."))
    named = _named_field()

    def __init__(self, *args, councils: dict[str, Council], **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_council(councils)
