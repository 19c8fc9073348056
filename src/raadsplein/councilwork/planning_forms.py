"""Forms of the year plan and the annual report."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from . import planning, selectors
from .models import OPEN_STATES, Kind


class TrajectoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.get_kind_display().lower()}, {obj.received:%d-%m-%Y})"


class YearPlanIntroForm(forms.Form):
    intro = forms.CharField(
        label=_("Inleiding"),
        required=False,
        max_length=planning.INTRO_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Waar wil de raad dit jaar vooral op letten? Een paar zinnen is genoeg."),
    )


class TopicForm(forms.Form):
    title = forms.CharField(label=_("Onderwerp"), max_length=planning.TOPIC_TITLE_MAX)
    description = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=planning.TOPIC_TEXT_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    quarter = forms.TypedChoiceField(
        label=_("Kwartaal"),
        required=False,
        coerce=int,
        empty_value=None,
        choices=[
            ("", _("Nog niet bekend")),
            (1, _("1e kwartaal (januari – maart)")),
            (2, _("2e kwartaal (april – juni)")),
            (3, _("3e kwartaal (juli – september)")),
            (4, _("4e kwartaal (oktober – december)")),
        ],
        error_messages={"invalid_choice": _("Kies een kwartaal uit de lijst.")},
    )
    planned_kind = forms.ChoiceField(
        label=_("Verwacht traject"),
        required=False,
        choices=[("", _("Geen of nog niet bekend")), *Kind.choices],
        error_messages={"invalid_choice": _("Kies een soort traject uit de lijst.")},
    )
    trajectory = TrajectoryChoiceField(
        label=_("Hoort bij traject (niet verplicht)"),
        required=False,
        queryset=None,
        empty_label=_("Nog geen traject"),
        error_messages={"invalid_choice": _("Kies een traject uit de lijst.")},
        help_text=_("Is de aanvraag binnen? Koppel het onderwerp dan aan het traject."),
    )

    def __init__(self, *args, council, year: int, current=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The year's trajectories, the year before's and the open ones: not ten years of them.
        near = Q(received__year__gte=year - 1, received__year__lte=year) | Q(state__in=OPEN_STATES)
        if current is not None:
            near |= Q(pk=current.pk)
        self.fields["trajectory"].queryset = (
            selectors.trajectories_for(council).filter(near).order_by("-received", "-pk")
        )


class AnnualReportForm(forms.Form):
    text = forms.CharField(
        label=_("Tekst van het jaarverslag"),
        max_length=planning.REPORT_MAX,
        widget=forms.Textarea(attrs={"rows": 24}),
        help_text=_(
            "Een regel die begint met ## is een kop. Een regel die begint met - is een "
            "opsomming. Laat een lege regel tussen twee alinea's."
        ),
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=2**31 - 1)
