"""Forms of the council's side of the Vraagbaak: asking a question and writing again."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector, Council, Seat
from raadsplein.web import uploads as web_uploads
from raadsplein.web.uploads import MultipleFileField, MultipleFileInput  # noqa: F401

from .models import AnswerBy
from .services import BODY_MAX, SUBJECT_MAX

FOR_MYSELF = "self"


def checked_uploads(uploads, *, again=None) -> list[tuple[str, bytes, str]]:
    """[(name, bytes, content type)], each checked by its first bytes and its size; a
    ValidationError with every reason when one is refused (``raadsplein.web.uploads``)."""
    from .attachments import max_file_bytes, max_total_bytes

    return web_uploads.checked_uploads(
        uploads,
        max_bytes=max_file_bytes(),
        max_total_bytes=max_total_bytes(),
        again=str(again or _("Kies de bestanden opnieuw; de rest van uw vraag staat er nog.")),
    )


def councils_of(user):
    """The councils on which the person holds a seat today: the ones they may ask about."""
    seats = Seat.objects.filter(Seat.current_q(timezone.localdate()), person=user).values("council")
    return Council.objects.filter(pk__in=seats).order_by("name")


class AskForm(forms.Form):
    subject = forms.CharField(
        label=_("Onderwerp"),
        max_length=SUBJECT_MAX,
        help_text=_("In een paar woorden: waar gaat uw vraag over?"),
        error_messages={"required": _("Vul het onderwerp in.")},
    )
    question = forms.CharField(
        label=_("Uw vraag"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Schrijf op wat u wilt weten en wat er al is gebeurd."),
        error_messages={"required": _("Schrijf uw vraag op.")},
    )
    council = forms.ChoiceField(
        label=_("Over welke raad gaat de vraag?"),
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": _("Kies een raad waarin u zit, of ‘voor mijzelf’.")},
    )
    share_with_council = forms.BooleanField(
        label=_("Deel de vraag met mijn raad"),
        required=False,
        help_text=_("Dan zien de andere leden van de raad de vraag en het antwoord."),
    )
    theme = forms.ModelChoiceField(
        label=_("Thema"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        empty_label=_("Weet ik niet"),
    )
    sector = forms.ModelChoiceField(
        label=_("Zorgsector"),
        queryset=CareSector.objects.order_by("order", "name"),
        required=False,
        empty_label=_("Weet ik niet"),
    )
    answer_by = forms.ChoiceField(
        label=_("Hoe wilt u het antwoord krijgen?"),
        choices=AnswerBy.choices,
        initial=AnswerBy.EMAIL,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies hoe u het antwoord wilt krijgen.")},
    )
    phone = forms.CharField(
        label=_("Telefoonnummer"),
        max_length=30,
        required=False,
        help_text=_("Alleen nodig als u gebeld wilt worden."),
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )

    attachments = MultipleFileField(
        label=_("Bijlagen (niet verplicht)"),
        required=False,
        help_text=_(
            "PDF, Word (DOCX), Excel (XLSX), PNG of JPEG; ten hoogste 10 MB per bestand en "
            "25 MB samen. U kunt meer bestanden tegelijk kiezen."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["attachments"].widget.attrs["accept"] = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"
        self.councils = {str(c.pk): c for c in councils_of(user)}
        self.fields["council"].choices = [
            *((pk, c.name) for pk, c in self.councils.items()),
            (FOR_MYSELF, _("Voor mijzelf (niet namens een raad)")),
        ]
        self.fields["council"].initial = (
            next(iter(self.councils)) if len(self.councils) == 1 else FOR_MYSELF
        )

    def clean_council(self):
        value = self.cleaned_data["council"]
        return None if value == FOR_MYSELF else self.councils[value]

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and not any(ch.isdigit() for ch in phone):
            raise forms.ValidationError(_("Vul een telefoonnummer in met cijfers."))
        return phone

    def clean_attachments(self):
        return checked_uploads(self.cleaned_data.get("attachments") or [])

    def clean(self):
        data = super().clean()
        if self.errors and data.get("attachments") and "attachments" not in self.errors:
            # A browser never keeps chosen files on a page that comes back with errors.
            self.add_error(
                "attachments",
                _("Kies uw bijlagen opnieuw als u het formulier weer verstuurt."),
            )
        phone_missing = data.get("answer_by") == AnswerBy.PHONE and not data.get("phone")
        if phone_missing and "phone" not in self.errors:
            self.add_error("phone", _("Vul het telefoonnummer in waarop wij u kunnen bellen."))
        if data.get("share_with_council") and "council" in data and data["council"] is None:
            self.add_error(
                "share_with_council",
                _("Kies de raad waarmee u de vraag wilt delen, of zet dit vinkje uit."),
            )
        return data


class CouncilReplyForm(forms.Form):
    body = forms.CharField(
        label=_("Uw bericht aan de Vraagbaak"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": _("Schrijf uw bericht op.")},
    )
