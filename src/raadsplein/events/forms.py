import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.organisations.models import Region

from .models import AccessNeed, EventKind, Theme, access_needs_for


class DutchDateInput(forms.DateInput):
    """A text field for a date as people in the Netherlands write it: dd-mm-jjjj."""

    def __init__(self, attrs=None):
        super().__init__(
            attrs={"inputmode": "numeric", "autocomplete": "off", "size": 10, **(attrs or {})},
            format="%d-%m-%Y",
        )


# strptime's %d and %m also take one digit: "3-12-2026" and "03-12-2026" both parse.
DUTCH_DATE_FORMATS = ["%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d"]


class DutchDateField(forms.DateField):
    """A date typed as dd-mm-jjjj (also d-m-jjjj), shown back as dd-mm-jjjj."""

    input_formats = DUTCH_DATE_FORMATS
    widget = DutchDateInput

    def bound_data(self, data, initial):
        # Show a valid date the way we write it ("3-12-2026" comes back as "03-12-2026").
        try:
            return self.to_python(data) or data
        except forms.ValidationError:
            return data


class AgendaFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Zoek op woord"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search"}),
        help_text=_("Bijvoorbeeld: begroting, of de naam van een trainer."),
    )
    kind = forms.ChoiceField(label=_("Soort"), required=False)
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    region = forms.ChoiceField(label=_("Regio"), required=False)
    mode = forms.ChoiceField(
        label=_("Online of op locatie"),
        required=False,
        choices=[("", _("Allebei")), ("online", _("Online")), ("physical", _("Op locatie"))],
    )
    date_from = DutchDateField(
        label=_("Vanaf datum"),
        required=False,
        help_text=_("dd-mm-jjjj, bijvoorbeeld 3-12-2026."),
        error_messages={"invalid": _("Schrijf de datum als dd-mm-jjjj, bijvoorbeeld 3-12-2026.")},
    )

    def __init__(self, *args, themes=None, regions=None, **kwargs):
        """``themes`` and ``regions``: (slug, name) pairs, when the caller has them already."""
        super().__init__(*args, **kwargs)
        if themes is None:
            themes = Theme.objects.values_list("slug", "name")
        if regions is None:
            regions = Region.objects.values_list("slug", "name")
        self.fields["kind"].choices = [("", _("Alle soorten")), *EventKind.choices]
        self.fields["theme"].choices = [("", _("Alle thema's")), *themes]
        self.fields["region"].choices = [("", _("Alle regio's")), *regions]

    def clean_q(self) -> str:
        return " ".join(self.cleaned_data["q"].split())

    def filters(self) -> dict:
        """The valid filters; a field with bad input is left out (its error is shown)."""
        self.is_valid()
        return {k: v for k, v in getattr(self, "cleaned_data", {}).items() if v}


class BookingForm(forms.Form):
    who = forms.ChoiceField(
        label=_("Voor wie boekt u?"),
        required=False,
        help_text=_("Als voorzitter of secretaris kunt u ook voor leden van uw raad boeken."),
    )
    council = forms.TypedChoiceField(
        label=_("Voor welke raad komt u?"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_("U zit in meer dan één raad. De plaats telt mee voor de raad die u kiest."),
    )
    access_needs = forms.MultipleChoiceField(
        label=_("Wensen voor toegankelijkheid"),
        required=False,
        choices=AccessNeed.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies wat nodig is om goed mee te kunnen doen. De organisator ziet dit."),
    )
    access_needs_other = forms.CharField(
        label=_("Andere wens"),
        required=False,
        max_length=300,
        help_text=_("Alleen invullen als u hierboven 'Anders' koos."),
    )

    def __init__(self, *args, seats=(), own_seats=(), session=None, **kwargs):
        """``seats``: the people the booker may book for (``selectors.people_to_book_for``);
        ``own_seats``: the booker's own current seats (a choice of council when there are
        several); ``session``: the access needs offered are those that fit it."""
        super().__init__(*args, **kwargs)
        councils = {seat.council_id: seat.council.name for seat in own_seats}
        if len(councils) > 1:
            self.fields["council"].choices = list(councils.items())
            self.fields["council"].widget = forms.RadioSelect(choices=list(councils.items()))
        else:
            del self.fields["council"]
        if session is not None:
            self.fields["access_needs"].choices = access_needs_for(session)
            if session.is_online:
                self.fields["access_needs"].help_text = _(
                    "Dit is een online bijeenkomst. Kies wat u nodig heeft om mee te doen, "
                    "zoals ondertiteling of een tolk. De organisator ziet dit."
                )
        self.fields["who"].choices = [("self", _("Mijzelf"))] + [
            (
                f"{seat.council_id}:{seat.person_id}",
                f"{seat.person.get_full_name() or seat.person.email} ({seat.council.name})",
            )
            for seat in seats
        ]
        if len(self.fields["who"].choices) <= 1:
            self.fields["who"].widget = forms.HiddenInput()
        elif "council" in self.fields:
            self.fields["council"].help_text = _(
                "Alleen als u voor uzelf boekt: u zit in meer dan één raad. "
                "De plaats telt mee voor de raad die u kiest."
            )

    def clean(self):
        data = super().clean()
        if "other" in data.get("access_needs", []) and not data.get("access_needs_other", ""):
            self.add_error("access_needs_other", _("Beschrijf uw andere wens."))
        if (
            "council" in self.fields
            and data.get("who", "self") in ("", "self")
            and not data.get("council")
            and "council" not in self.errors
        ):
            self.add_error("council", _("Kies voor welke raad u komt."))
        return data


class AddParticipantForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mailadres van de deelnemer"),
        max_length=254,
        help_text=_("De persoon moet een account op Raadsplein hebben."),
    )
    access_needs = forms.MultipleChoiceField(
        label=_("Wensen voor toegankelijkheid"),
        required=False,
        choices=AccessNeed.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, session=None, **kwargs):
        super().__init__(*args, **kwargs)
        if session is not None:
            self.fields["access_needs"].choices = [
                (code, label) for code, label in access_needs_for(session) if code != "other"
            ]


class EvaluationForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Welk cijfer geeft u deze bijeenkomst?"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 11)],
        widget=forms.RadioSelect,
        help_text=_("1 is heel slecht, 10 is uitstekend."),
    )
    comments = forms.CharField(
        label=_("Wat wilt u ons nog meegeven? (niet verplicht)"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class ProgrammeFilterForm(forms.Form):
    day = forms.ChoiceField(label=_("Dag"), required=False)
    theme = forms.ChoiceField(label=_("Thema"), required=False)
    mode = forms.ChoiceField(
        label=_("Toon"),
        required=False,
        choices=[("", _("Het hele programma")), ("mine", _("Alleen mijn programma"))],
    )

    def __init__(self, *args, days=(), themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        from django.utils.formats import date_format

        self.fields["day"].choices = [("", _("Alle dagen"))] + [
            (d.isoformat(), date_format(d, "l j F")) for d in days
        ]
        self.fields["theme"].choices = [("", _("Alle thema's"))] + [
            (t.slug, t.name) for t in themes
        ]

    def clean_day(self) -> datetime.date | None:
        value = self.cleaned_data["day"]
        return datetime.date.fromisoformat(value) if value else None

    def filters(self) -> dict:
        """The chosen day (a date), theme and mode, for ``selectors.programme_sessions``."""
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v}


class StaffMessageForm(forms.Form):
    subject = forms.CharField(label=_("Onderwerp"), max_length=150)
    body = forms.CharField(
        label=_("Bericht"), max_length=5000, widget=forms.Textarea(attrs={"rows": 6})
    )
