"""Forms of the policy staff's screens: the list's filters and the actions on one signal."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.fields import theme_filter
from raadsplein.organisations.fields import province_filter, sector_filter
from raadsplein.web.forms import DateInput

from . import triage
from .models import Dossier, DossierStatus, Signal, State, Tag

ASSIGNED_CHOICES = [
    ("", _("Iedereen")),
    ("mij", _("Aan mij")),
    ("niemand", _("Aan niemand")),
    ("iemand", _("Aan iemand")),
]


class TriageFilterForm(forms.Form):
    q = forms.CharField(label=_("Zoeken in titel en tekst"), required=False, max_length=100)
    stap = forms.ModelChoiceField(
        queryset=State.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Stap"),
        empty_label=_("Alle open stappen"),
    )
    thema = theme_filter(to_field_name="slug")
    sector = sector_filter(to_field_name="code")
    provincie = province_filter()
    toegewezen = forms.ChoiceField(choices=ASSIGNED_CHOICES, required=False, label=_("Toegewezen"))
    label = forms.ModelChoiceField(
        queryset=Tag.objects.all(),
        required=False,
        label=_("Label"),
        empty_label=_("Alle labels"),
    )
    van = forms.DateField(label=_("Gemeld vanaf"), required=False, widget=DateInput)
    tot = forms.DateField(label=_("Gemeld tot en met"), required=False, widget=DateInput)

    def clean(self):
        data = super().clean()
        if data.get("van") and data.get("tot") and data["van"] > data["tot"]:
            self.add_error("tot", _("De einddatum ligt voor de begindatum."))
        return data


class AssignForm(forms.Form):
    to = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Beleidsadviseur"),
        empty_label=_("Niemand"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["to"].queryset = triage.policy_staff()
        self.fields["to"].label_from_instance = lambda u: u.get_full_name() or u.email


class TagsForm(forms.Form):
    tags = forms.ModelMultipleChoiceField(
        queryset=Tag.objects.all(),
        required=False,
        label=_("Labels"),
        widget=forms.CheckboxSelectMultiple,
    )


class StateForm(forms.Form):
    state = forms.ModelChoiceField(
        queryset=State.objects.all(), label=_("Nieuwe stap"), empty_label=None
    )
    public_answer = forms.CharField(
        label=_("Antwoord voor de raden (optioneel)"),
        required=False,
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "De melder en de raden die meetekenden lezen dit bij de stap en krijgen een "
            "e-mail. Alleen bij een stap die raden zien."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].label_from_instance = lambda s: (
            s.name
            if s.visible_to_councils
            else _("%(name)s (alleen voor medewerkers)") % {"name": s.name}
        )


class NoteForm(forms.Form):
    text = forms.CharField(
        label=_("Interne notitie"),
        max_length=triage.NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Alleen medewerkers lezen dit. Raden zien het nooit."),
    )


class SignalNumberField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("min_value", 1)
        super().__init__(**kwargs)

    def clean(self, value):
        value = str(value or "").strip().lstrip("#")
        number = super().clean(value)
        signal = Signal.objects.select_related("provider").filter(pk=number).first()
        if signal is None:
            raise forms.ValidationError(_("Er is geen signaal met nummer %(n)s.") % {"n": number})
        return signal

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["inputmode"] = "numeric"
        return attrs


class MergeForm(forms.Form):
    into = SignalNumberField(
        label=_("Nummer van het signaal waarmee u dit samenvoegt"),
        widget=forms.TextInput,
        help_text=_(
            "Dit signaal gaat op in het andere. De raad van dit signaal en de raden die "
            "meetekenden staan daarna bij het andere signaal en krijgen een e-mail; zij kunnen "
            "hun ondertekening intrekken."
        ),
    )


class SplitForm(forms.Form):
    title = forms.CharField(label=_("Titel van het nieuwe signaal"), max_length=200)
    description = forms.CharField(
        label=_("Wat er gebeurt (het deel dat u afsplitst)"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Uw vraag aan de melder"),
        max_length=triage.QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "De melder krijgt een e-mail met een link om te antwoorden. Alleen de raad van "
            "de melder ziet de vraag, niet de raden die meetekenden."
        ),
    )


class AddToDossierForm(forms.Form):
    dossier = forms.ModelChoiceField(
        queryset=Dossier.objects.filter(status=DossierStatus.OPEN),
        required=False,
        label=_("Dossier"),
        empty_label=_("Kies een dossier"),
    )
    new_title = forms.CharField(
        label=_("Of maak een nieuw dossier met deze titel"),
        required=False,
        max_length=200,
    )

    def clean(self):
        data = super().clean()
        if data.get("dossier") and (data.get("new_title") or "").strip():
            self.add_error("new_title", _("Kies een dossier of maak een nieuw, niet allebei."))
        elif not data.get("dossier") and not (data.get("new_title") or "").strip():
            self.add_error("dossier", _("Kies een dossier of vul de titel van een nieuw in."))
        return data


class AnswerForm(forms.Form):
    text = forms.CharField(
        label=_("Uw antwoord"),
        max_length=triage.ANSWER_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
    )
