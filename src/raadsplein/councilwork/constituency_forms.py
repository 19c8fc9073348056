"""Forms of the achterban: a contact, the list's filter, a meeting to put a contact on, and the
signal to report."""

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.web.forms import DateInput

from . import constituency
from .models import ConstituencyContact, ContactKind, Meeting

NO_NAMES = _("Schrijf geen namen van cliënten op.")


class ContactForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat voor contact was het?"),
        choices=ContactKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies wat voor contact het was.")},
    )
    held_on = forms.DateField(
        label=_("Datum"),
        widget=DateInput,
        error_messages={
            "required": _("Vul de datum van het contact in."),
            "invalid": _("Vul een echte datum in, bijvoorbeeld 3-12-2026."),
        },
    )
    reached = forms.CharField(
        label=_("Wie heeft u gesproken of bereikt?"),
        max_length=constituency.REACHED_MAX,
        help_text=_("Een groep, bijvoorbeeld: bewoners van afdeling De Linde. Geen namen."),
        error_messages={"required": _("Schrijf op wie u bereikte.")},
    )
    reached_count = forms.IntegerField(
        label=_("Hoeveel mensen ongeveer? (niet verplicht)"),
        required=False,
        min_value=1,
        max_value=constituency.COUNT_MAX,
        error_messages={"invalid": _("Vul een getal in, bijvoorbeeld 12.")},
    )
    heard = forms.CharField(
        label=_("Wat hoorde de raad?"),
        max_length=constituency.HEARD_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Wat vinden de mensen goed, wat gaat niet goed, wat willen zij? Schrijf geen namen "
            "van cliënten op, ook niet van naasten of medewerkers."
        ),
        error_messages={"required": _("Schrijf op wat de raad hoorde.")},
    )

    @classmethod
    def initial_of(cls, contact: ConstituencyContact) -> dict:
        return {
            "kind": contact.kind,
            "held_on": contact.held_on,
            "reached": contact.reached,
            "reached_count": contact.reached_count,
            "heard": contact.heard,
        }


class ContactFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort contact"),
        required=False,
        choices=[("", _("Alle soorten")), *ContactKind.choices],
    )
    year = forms.TypedChoiceField(
        label=_("Jaar"), required=False, coerce=int, empty_value=None, choices=()
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [("", _("Alle jaren")), *[(y, str(y)) for y in years]]


class MeetingChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        from django.utils import formats, timezone

        when = formats.date_format(timezone.localtime(obj.starts_at), "l j F Y, H:i")
        return f"{obj.title} ({when})"


class ToAgendaForm(forms.Form):
    meeting = MeetingChoiceField(
        label=_("Op de agenda van welke vergadering?"),
        queryset=Meeting.objects.none(),
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een vergadering.")},
    )

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings


class ToSignalForm(forms.Form):
    title = forms.CharField(
        label=_("Titel van het signaal"),
        max_length=200,
        error_messages={"required": _("Geef het signaal een titel.")},
    )
    description = forms.CharField(
        label=_("Wat gebeurt er?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Andere raden en medewerkers van de organisatie lezen dit. Noem geen namen van "
            "cliënten, naasten of medewerkers."
        ),
        error_messages={"required": _("Beschrijf wat er gebeurt.")},
    )
