"""Forms of the advisors' screens: filters, answer, note, assign, status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector

from . import queue
from .forms import MultipleFileField, checked_uploads
from .models import Channel, Status


class QueueFilterForm(forms.Form):
    thema = forms.ModelChoiceField(
        queryset=Theme.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        label=_("Thema"),
        empty_label=_("Alle thema's"),
    )
    sector = forms.ModelChoiceField(
        queryset=CareSector.objects.order_by("order", "name"),
        required=False,
        label=_("Zorgsector"),
        empty_label=_("Alle sectoren"),
    )
    kanaal = forms.ChoiceField(
        choices=[("", _("Alle kanalen")), *Channel.choices], required=False, label=_("Kanaal")
    )
    pool = forms.ModelChoiceField(
        queryset=None,
        to_field_name="slug",
        required=False,
        label=_("Expertpool"),
        empty_label=_("Met en zonder expertpool"),
    )

    def __init__(self, *args, **kwargs):
        from .pool_models import ExpertPool

        super().__init__(*args, **kwargs)
        self.fields["pool"].queryset = ExpertPool.objects.order_by("name")


class ReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Uw antwoord aan de raad"),
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=20_000,
    )
    then = forms.ChoiceField(
        label=_("Daarna"),
        choices=[
            (Status.ANSWERED, _("Beantwoord: de vraag is klaar")),
            (Status.WAITING, _("Wacht op de raad: ik stel een vraag terug")),
            (Status.OPEN, _("Blijft in behandeling")),
        ],
        initial=Status.ANSWERED,
        widget=forms.RadioSelect,
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)
    attachments = MultipleFileField(
        label=_("Bijlagen bij het antwoord (niet verplicht)"),
        required=False,
        help_text=_("PDF, DOCX, XLSX, PNG of JPEG. Ze gaan mee met de e-mail aan de raad."),
    )

    def clean_attachments(self):
        return checked_uploads(
            self.cleaned_data.get("attachments") or [],
            again=_("Kies de bestanden opnieuw; uw antwoord staat er nog."),
        )


class NoteForm(forms.Form):
    note = forms.CharField(
        label=_("Interne notitie (de raad ziet dit niet)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=20_000,
    )


class AssignForm(forms.Form):
    advisor = forms.ModelChoiceField(
        queryset=queue.advisors(),
        required=False,
        label=_("Adviseur"),
        empty_label=_("Niemand (terug naar niet toegewezen)"),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = queue.advisors()
        self.fields["advisor"].label_from_instance = lambda u: u.get_full_name() or u.email


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=Status.choices)


class CallForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van de beller"),
        required=False,
        help_text=_("Heeft de beller een account? Dan koppelen wij de vraag aan die persoon."),
    )
    name = forms.CharField(label=_("Naam van de beller"), max_length=200, required=False)
    phone = forms.CharField(label=_("Telefoonnummer"), max_length=30, required=False)
    council = forms.ModelChoiceField(
        queryset=None,
        label=_("Raad"),
        required=False,
        empty_label=_("Geen raad (persoonlijke vraag)"),
    )
    subject = forms.CharField(label=_("Onderwerp"), max_length=200)
    summary = forms.CharField(
        label=_("Waar ging het gesprek over?"), widget=forms.Textarea(attrs={"rows": 5})
    )
    answer = forms.CharField(
        label=_("Welk antwoord heeft u gegeven?"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    follow_up = forms.BooleanField(
        label=_("Er moet nog iets gebeuren (de vraag blijft open)"), required=False
    )

    def __init__(self, *args, **kwargs):
        from raadsplein.organisations.models import Council

        super().__init__(*args, **kwargs)
        self.fields["council"].queryset = Council.objects.order_by("name")

    def clean(self):
        from django.contrib.auth import get_user_model

        data = super().clean()
        email = data.get("email")
        data["person"] = (
            get_user_model().objects.filter(email__iexact=email, is_active=True).first()
            if email
            else None
        )
        if data["person"] is None and not data.get("name") and "name" not in self.errors:
            self.add_error("name", _("Vul in wie er belde, of het e-mailadres van een lid."))
        return data


class MergeForm(forms.Form):
    into = forms.CharField(
        label=_("Samenvoegen met vraag"),
        max_length=20,
        help_text=_("Het nummer van de vraag waarin deze opgaat, bijvoorbeeld VB-12."),
    )

    def clean_into(self):
        import re

        from .models import Question

        raw = self.cleaned_data["into"].strip()
        match = re.fullmatch(r"(?:VB-?)?(\d{1,12})", raw, flags=re.IGNORECASE)
        question = Question.objects.filter(pk=int(match.group(1))).first() if match else None
        if question is None:
            raise forms.ValidationError(_("Er is geen vraag met dit nummer."))
        return question
