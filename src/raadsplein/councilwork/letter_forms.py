"""Forms of the model letters: choosing a template (and the trajectory it is for), then the
filled-in letter to edit."""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import letters, selectors
from .models import LetterKind, LetterTemplate, Trajectory


class TemplateChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.get_kind_display()})"


class TrajectoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.get_kind_display()}, {letters.dutch_date(obj.received)})"


class ChooseTemplateForm(forms.Form):
    """Step one of a new letter, sent as GET: which model letter, for which trajectory."""

    template = TemplateChoiceField(
        label=_("Welke modelbrief wilt u gebruiken?"),
        queryset=LetterTemplate.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een modelbrief.")},
    )
    trajectory = TrajectoryChoiceField(
        label=_("Bij welk traject hoort de brief? (niet verplicht)"),
        queryset=Trajectory.objects.none(),
        required=False,
        empty_label=_("Bij geen traject"),
        help_text=_(
            "Kiest u een traject? Dan vullen wij de titel, de datum van ontvangst en de "
            "uiterste datum voor u in."
        ),
    )

    def __init__(self, *args, council, kind: str = "", saving: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        kind = kind if kind in LetterKind.values else None
        self.fields["template"].queryset = letters.live_templates(kind)
        if saving:
            # A letter being saved keeps its template even if the editors took it offline
            # meanwhile: the service then refuses it with a message and the text stays.
            self.fields["template"].queryset = LetterTemplate.objects.select_related("publication")
        self.fields["trajectory"].queryset = selectors.trajectories_for(council).order_by(
            "-received", "-pk"
        )


class LetterForm(forms.Form):
    """The letter's subject line and text, as the council edits them."""

    subject_line = forms.CharField(
        label=_("Onderwerp"),
        max_length=letters.SUBJECT_MAX,
        error_messages={"required": _("Vul het onderwerp van de brief in.")},
    )
    body = forms.CharField(
        label=_("Tekst van de brief"),
        max_length=letters.BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 24, "class": "letter-text"}),
        strip=False,
        help_text=_(
            "Pas de tekst aan zoals u wilt. Tekst tussen [haken] vult u zelf in. "
            "Een lege regel begint een nieuwe alinea."
        ),
        error_messages={"required": _("De brief heeft nog geen tekst.")},
    )
    revision = forms.CharField(widget=forms.HiddenInput, required=False, max_length=64)


class DeleteLetterForm(forms.Form):
    sure = forms.BooleanField(
        label=_("Ja, verwijder deze brief"),
        error_messages={"required": _("Zet een vinkje als u de brief echt wilt verwijderen.")},
    )
