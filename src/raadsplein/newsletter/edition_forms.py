"""Forms of the editors' screens for editions: they parse; the services decide."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.organisations.models import CareSector

from .schedule import AMSTERDAM


class EditionForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=160)
    subject = forms.CharField(
        label=_("Onderwerpregel"),
        max_length=160,
        help_text=_("Wat mensen in hun inbox zien. Kort en duidelijk."),
    )
    intro = forms.CharField(
        label=_("Inleiding"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ItemForm(forms.Form):
    heading = forms.CharField(label=_("Kop"), max_length=200)
    text = forms.CharField(
        label=_("Tekst"), required=False, max_length=4000, widget=forms.Textarea(attrs={"rows": 4})
    )
    url = forms.CharField(
        label=_("Link"),
        required=False,
        max_length=500,
        help_text=_("Een webadres dat begint met https://. Leeg: geen link."),
        widget=forms.URLInput(),
    )
    sector = forms.ModelChoiceField(
        label=_("Alleen voor zorgsector"),
        queryset=CareSector.objects.all(),
        required=False,
        empty_label=_("Iedereen"),
        help_text=_("Alleen abonnees van deze sector krijgen dit onderdeel."),
    )
    members_only = forms.BooleanField(
        label=_("Alleen voor leden"),
        required=False,
        help_text=_(
            "In het openbare archief zien anderen alleen de kop en een link om in te loggen."
        ),
    )


class MoveForm(forms.Form):
    direction = forms.ChoiceField(choices=[("up", _("Omhoog")), ("down", _("Omlaag"))])


class ScheduleForm(forms.Form):
    date = forms.DateField(label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}))
    time = forms.TimeField(
        label=_("Tijd"),
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Nederlandse tijd."),
    )

    @classmethod
    def for_moment(cls, moment: datetime.datetime):
        local = moment.astimezone(AMSTERDAM)
        return cls(initial={"date": local.date(), "time": local.time().replace(second=0)})

    def moment(self) -> datetime.datetime:
        """The chosen date and time in Amsterdam, as an aware datetime."""
        return datetime.datetime.combine(
            self.cleaned_data["date"], self.cleaned_data["time"], tzinfo=AMSTERDAM
        )


class PreviewForm(forms.Form):
    """Whom to preview as: an address on the list, or an example reader of one sector."""

    address = forms.CharField(
        label=_("E-mailadres van een abonnee"),
        required=False,
        max_length=254,
        help_text=_("U ziet de editie zoals deze abonnee hem krijgt."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    example = forms.ChoiceField(label=_("Of een voorbeeldlezer"), required=False, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["example"].choices = [("", _("Iemand zonder sectorkeuze (alles)"))] + [
            (sector.pk, _("Lezer in de sector %(sector)s") % {"sector": sector.name})
            for sector in CareSector.objects.all()
        ]
