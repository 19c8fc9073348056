"""Forms of the staff's dossier screens."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from raadsplein.knowledge.models import Theme
from raadsplein.web.forms import DateInput

from .models import ActionKind, Addressee, DossierStatus

DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
DOCUMENT_EXTENSIONS = ("pdf", "docx", "doc", "odt", "xlsx", "txt")


class DossierForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200)
    summary = forms.CharField(
        label=_("Samenvatting voor raden"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Raden met een signaal in dit dossier lezen dit."),
    )
    themes = forms.ModelMultipleChoiceField(
        queryset=Theme.objects.order_by("name"),
        required=False,
        label=_("Thema's"),
        widget=forms.CheckboxSelectMultiple,
    )
    status = forms.ChoiceField(label=_("Status"), choices=DossierStatus.choices)
    outcome = forms.CharField(
        label=_("Resultaat"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ActionForm(forms.Form):
    kind = forms.ChoiceField(label=_("Soort"), choices=ActionKind.choices)
    addressee = forms.ChoiceField(
        label=_("Aan wie"),
        choices=[("", _("Niemand in het bijzonder")), *Addressee.choices],
        required=False,
    )
    title = forms.CharField(label=_("Titel"), max_length=200)
    date = forms.DateField(label=_("Datum"), widget=DateInput)
    description = forms.CharField(
        label=_("Wat er gedaan is"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.CharField(
        label=_("Uitkomst"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    document = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Bestaand document"),
        empty_label=_("Geen document"),
        help_text=_("Een document uit de documentenbibliotheek."),
    )
    upload = forms.FileField(
        label=_("Of upload een nieuw document"),
        required=False,
        help_text=_("PDF, Word, OpenDocument, Excel of tekst; ten hoogste 20 MB."),
    )
    visible_to_councils = forms.BooleanField(
        label=_("Zichtbaar voor raden met een signaal in dit dossier"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["document"].queryset = get_document_model().objects.order_by("title")

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return None
        extension = upload.name.rsplit(".", 1)[-1].lower() if "." in upload.name else ""
        if extension not in DOCUMENT_EXTENSIONS:
            raise forms.ValidationError(
                _(
                    "Dit soort bestand kan niet. Kies een PDF, Word-, OpenDocument-, Excel- of "
                    "tekstbestand."
                )
            )
        if upload.size > DOCUMENT_MAX_BYTES:
            raise forms.ValidationError(_("Het bestand is groter dan 20 MB."))
        return upload

    def clean(self):
        data = super().clean()
        if data.get("document") and data.get("upload"):
            self.add_error(
                "upload", _("Kies een bestaand document of upload er een, niet allebei.")
            )
        return data


class SignalToDossierForm(forms.Form):
    signal = forms.IntegerField(
        label=_("Nummer van het signaal"),
        min_value=1,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
