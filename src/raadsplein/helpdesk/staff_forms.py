"""Forms of the advisors' screens: filters, answer, note, assign, status."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector

from . import queue
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
