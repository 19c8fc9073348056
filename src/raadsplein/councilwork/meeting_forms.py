"""Forms of meetings, the agenda, minutes, decisions and actions. They parse what people
type; the rules live in ``meetings.py``."""

import datetime
import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from raadsplein.web import uploads
from raadsplein.web.forms import DateInput

from . import meetings, selectors

TIME_RE = re.compile(r"^\s*(\d{1,2})(?:\s*(?:[:.hu]|uur)\s*(\d{2})?)?\s*(?:uur)?\s*$", re.I)
COMPACT_TIME_RE = re.compile(r"^\s*(\d{2})(\d{2})\s*$")


class SimpleTimeField(forms.CharField):
    """A time typed the way people write it: 19:30, 19.30, 19u30, 1930 or 19."""

    default_error_messages = {"invalid": _("Typ een tijd, bijvoorbeeld 19:30.")}

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"})
        )
        super().__init__(**kwargs)

    def prepare_value(self, value):
        if isinstance(value, datetime.time):
            return value.strftime("%H:%M")
        return value

    def clean(self, value):
        value = super().clean(value)
        if value in self.empty_values:
            return None
        match = COMPACT_TIME_RE.match(value) or TIME_RE.match(value)
        if not match:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        hour, minute = int(match.group(1)), int(match.group(2) or 0)
        if hour > 23 or minute > 59:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return datetime.time(hour, minute)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.get_full_name() or obj.email


class TrajectoryChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.title} ({obj.get_kind_display()})"


def _people_field(council, *, label, help_text=""):
    people = meetings.owner_choices(council)
    from django.contrib.auth import get_user_model

    field = PersonChoiceField(
        label=label,
        queryset=get_user_model()
        .objects.filter(pk__in=[p.pk for p in people])
        .order_by("first_name", "last_name", "pk"),
        required=False,
        empty_label=_("Niemand in het bijzonder"),
        help_text=help_text,
    )
    return field


def _trajectory_field(council, current=None):
    """The council's open trajectories (and the one already chosen) to link to."""
    ids = list(selectors.open_trajectories(council).values_list("pk", flat=True)[:100])
    if current is not None:
        ids.append(current.pk)
    return TrajectoryChoiceField(
        label=_("Hoort bij traject (niet verplicht)"),
        queryset=selectors.trajectories_for(council).filter(pk__in=ids).order_by("title"),
        required=False,
        empty_label=_("Geen traject"),
        help_text=_("Bijvoorbeeld een adviesaanvraag die de raad nu bespreekt."),
    )


class MeetingForm(forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=200, initial=_("Vergadering"))
    date = forms.DateField(label=_("Datum"), widget=DateInput)
    start = SimpleTimeField(
        label=_("Begintijd"), help_text=_("Bijvoorbeeld 19:30 of 10.00."), initial="19:30"
    )
    end = SimpleTimeField(
        label=_("Eindtijd (niet verplicht)"), required=False, help_text=_("Bijvoorbeeld 21:30.")
    )
    location = forms.CharField(
        label=_("Plaats (niet verplicht)"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: vergaderzaal De Linde, Hoofdstraat 1."),
    )
    online_url = forms.URLField(
        label=_("Link voor online meedoen (niet verplicht)"),
        max_length=200,
        required=False,
        assume_scheme="https",
        help_text=_("Alleen de leden van de raad zien deze link."),
    )


def meeting_initial(meeting) -> dict:
    from django.utils import timezone

    starts = timezone.localtime(meeting.starts_at)
    return {
        "title": meeting.title,
        "date": starts.date(),
        "start": starts.time(),
        "end": timezone.localtime(meeting.ends_at).time() if meeting.ends_at else None,
        "location": meeting.location,
        "online_url": meeting.online_url,
    }


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Onderwerp"), max_length=200)
    description = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        max_length=meetings.TEXT_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    decision_wanted = forms.BooleanField(label=_("Er moet een besluit komen"), required=False)

    def __init__(self, *args, council, current_trajectory=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = _people_field(
            council,
            label=_("Wie brengt het in (niet verplicht)"),
            help_text=_("Een lid van de raad die dit punt toelicht."),
        )
        self.fields["trajectory"] = _trajectory_field(council, current_trajectory)
        self.order_fields(["title", "description", "owner", "decision_wanted", "trajectory"])


class DocumentForm(forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        widget=forms.ClearableFileInput(attrs={"accept": uploads.ACCEPT}),
        help_text=_("PDF, Word (DOCX), Excel (XLSX), PNG of JPEG."),
    )
    title = forms.CharField(
        label=_("Naam van het stuk (niet verplicht)"),
        max_length=200,
        required=False,
        help_text=_("Zonder naam gebruiken wij de naam van het bestand."),
    )

    def __init__(self, *args, meeting, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"] = forms.ModelChoiceField(
            label=_("Bij welk punt"),
            queryset=meeting.items.order_by("position", "pk"),
            required=False,
            empty_label=_("Bij de hele vergadering"),
        )


class SendForm(forms.Form):
    revision = forms.IntegerField(widget=forms.HiddenInput, min_value=0, max_value=32767)
    confirm_late = forms.BooleanField(
        label=_("Ik weet dat dit later is dan de regeling vraagt. Verstuur de agenda toch."),
        required=False,
    )

    def clean(self):
        data = super().clean()
        if "revision" in self.errors:
            # A hidden field: say what to do rather than point at a field nobody sees.
            del self.errors["revision"]
            self.add_error(
                None, _("De pagina is verouderd. Laad haar opnieuw en probeer het nog eens.")
            )
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reden (niet verplicht)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Deze tekst gaat mee in de e-mail aan de leden."),
    )


class MinutesForm(forms.Form):
    minutes = forms.CharField(
        label=_("Algemeen verslag"),
        max_length=meetings.MINUTES_MAX,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Wie waren er, wie hadden afgezegd, en wat verder besproken is."),
    )
    approved_on = forms.DateField(
        label=_("Verslag vastgesteld op (niet verplicht)"),
        required=False,
        widget=DateInput,
        help_text=_("Meestal in de volgende vergadering."),
    )

    def __init__(self, *args, items, **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for number, item in enumerate(items, start=1):
            self.fields[f"note_{item.pk}"] = forms.CharField(
                label=_("Punt %(number)s: %(title)s") % {"number": number, "title": item.title},
                max_length=meetings.NOTE_MAX,
                required=False,
                initial=item.minutes_note,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        self.order_fields([f"note_{i.pk}" for i in items] + ["minutes", "approved_on"])

    def notes(self) -> dict[int, str]:
        return {item.pk: self.cleaned_data.get(f"note_{item.pk}", "") for item in self.items}


class DecisionForm(forms.Form):
    text = forms.CharField(
        label=_("Besluit"),
        max_length=meetings.DECISION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf het besluit zo op dat ook wie er niet bij was het begrijpt."),
    )
    decided_on = forms.DateField(label=_("Datum van het besluit"), widget=DateInput)

    def __init__(self, *args, council, current_trajectory=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["trajectory"] = _trajectory_field(council, current_trajectory)


class ActionForm(forms.Form):
    text = forms.CharField(label=_("Actie"), max_length=meetings.ACTION_MAX)
    due_on = forms.DateField(label=_("Klaar op (niet verplicht)"), required=False, widget=DateInput)

    def __init__(self, *args, council, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner"] = _people_field(council, label=_("Wie doet het"))
        self.order_fields(["text", "owner", "due_on"])
