"""Tailored support ("Ondersteuning op maat"): a training op maat, a kennismakingsgesprek or
help with a participation scheme, asked through its own form at /vraagbaak/ondersteuning/.
It is a question of kind ``support`` with its ``support_kind``, the kind's own fields
(``SupportRequest.details``) and a planned appointment the advisor sets."""

from __future__ import annotations

import datetime

from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from icalendar import Calendar
from icalendar import Event as IcsEvent

from raadsplein.audit import services as audit
from raadsplein.web import links

from . import services
from .forms import AskForm
from .models import Kind, Question, SupportKind
from .support_models import SupportRequest

audit.register_action(
    "helpdesk.question.appointment", gettext_lazy("Vraagbaak: afspraak gepland of gewijzigd")
)

STAGES = [
    ("new", gettext_lazy("We maken een nieuwe regeling")),
    ("review", gettext_lazy("We passen de regeling aan")),
    ("dispute", gettext_lazy("We zijn het niet eens met de zorgaanbieder")),
    ("other", gettext_lazy("Anders")),
]
MAX_PARTICIPANTS = 200

# What each kind asks, in order; the labels of the stored keys.
FIELDS = {
    SupportKind.TRAINING: ("topic", "participants", "period"),
    SupportKind.INTRODUCTION: ("moments",),
    SupportKind.SCHEME: ("provider", "stage"),
}
LABELS = {
    "topic": gettext_lazy("Onderwerp van de training"),
    "participants": gettext_lazy("Aantal deelnemers"),
    "period": gettext_lazy("Wanneer ongeveer"),
    "moments": gettext_lazy("Voorkeur voor dagen en tijden"),
    "provider": gettext_lazy("Zorgaanbieder"),
    "stage": gettext_lazy("Waar staat u"),
}


class SupportForm(AskForm):
    """The ask form with the kind of support and the fields of each kind."""

    support_kind = forms.ChoiceField(
        label=gettext_lazy("Welke ondersteuning wilt u?"),
        choices=SupportKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": gettext_lazy("Kies welke ondersteuning u wilt.")},
    )
    topic = forms.CharField(label=LABELS["topic"], max_length=200, required=False)
    participants = forms.IntegerField(
        label=LABELS["participants"],
        required=False,
        min_value=1,
        max_value=MAX_PARTICIPANTS,
        error_messages={
            "invalid": gettext_lazy("Vul het aantal deelnemers in als getal."),
            "min_value": gettext_lazy("Er is minstens één deelnemer."),
            "max_value": gettext_lazy("Vul hoogstens %(limit_value)s deelnemers in."),
        },
    )
    period = forms.CharField(
        label=LABELS["period"],
        max_length=200,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld: in maart, of na de zomer."),
    )
    moments = forms.CharField(
        label=LABELS["moments"],
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Bijvoorbeeld: dinsdagmiddag of donderdagochtend."),
    )
    provider = forms.CharField(label=LABELS["provider"], max_length=200, required=False)
    stage = forms.ChoiceField(
        label=LABELS["stage"], choices=[("", "---------"), *STAGES], required=False
    )

    REQUIRED = {
        "topic": gettext_lazy("Schrijf op waar de training over moet gaan."),
        "participants": gettext_lazy("Vul in hoeveel mensen meedoen."),
        "period": gettext_lazy("Schrijf op wanneer de training ongeveer kan zijn."),
        "moments": gettext_lazy("Schrijf op welke dagen en tijden u kunt."),
        "provider": gettext_lazy("Vul de naam van de zorgaanbieder in."),
        "stage": gettext_lazy("Kies waar u staat met de regeling."),
    }

    field_order = ["support_kind", "subject", "question"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Files go with a question (Stel een vraag), not with a request for support.
        del self.fields["attachments"]

    def clean(self):
        data = super().clean()
        kind = data.get("support_kind")
        for name in FIELDS.get(kind, ()):
            if data.get(name) in (None, "") and name not in self.errors:
                self.add_error(name, self.REQUIRED[name])
        return data

    def details(self) -> dict:
        kind = self.cleaned_data["support_kind"]
        return {name: self.cleaned_data[name] for name in FIELDS[kind]}


def details_for_display(question: Question) -> list[tuple[str, str]]:
    request = getattr(question, "support_request", None)
    if request is None:
        return []
    stages = dict(STAGES)
    rows = []
    for name, value in request.details.items():
        shown = stages.get(value, value) if name == "stage" else value
        rows.append((str(LABELS.get(name, name)), str(shown)))
    return rows


@transaction.atomic
def request_support(*, asker, form: SupportForm) -> Question:
    data = form.cleaned_data
    question = services.ask(
        asker=asker,
        subject=data["subject"],
        question=data["question"],
        kind=Kind.SUPPORT,
        support_kind=data["support_kind"],
        council=data["council"],
        share_with_council=data["share_with_council"],
        theme=data["theme"],
        sector=data["sector"],
        answer_by=data["answer_by"],
        phone=data["phone"],
    )
    SupportRequest.objects.create(question=question, details=form.details())
    return question


class AppointmentForm(forms.Form):
    appointment_at = forms.DateTimeField(
        label=gettext_lazy("Afspraak op"),
        required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%d-%m-%Y %H:%M"],
        help_text=gettext_lazy("Leeg laten haalt de afspraak weg."),
        error_messages={
            "invalid": gettext_lazy("Vul een datum en tijd in, zoals 14-03-2027 10:00.")
        },
    )


@transaction.atomic
def set_appointment(*, question: Question, when: datetime.datetime | None, actor) -> Question:
    if question.kind != Kind.SUPPORT:
        raise services.QuestionError(_("Alleen bij ondersteuning op maat plant u een afspraak."))
    question = Question.objects.select_for_update().get(pk=question.pk)
    question.appointment_at = when
    question.save(update_fields=["appointment_at"])
    audit.log(
        actor=actor,
        action="helpdesk.question.appointment",
        obj=question,
        council=question.council_id,
        data={"planned": when is not None},
    )
    return question


APPOINTMENT_MINUTES = 60


def appointment_ics(question: Question) -> bytes:
    cal = Calendar()
    cal.add("prodid", "-//Raadsplein//Vraagbaak//NL")
    cal.add("version", "2.0")
    ev = IcsEvent()
    ev.add("uid", f"vraagbaak-afspraak-{question.pk}@{links.domain()}")
    ev.add("dtstamp", timezone.now())
    ev.add("dtstart", question.appointment_at)
    ev.add("dtend", question.appointment_at + datetime.timedelta(minutes=APPOINTMENT_MINUTES))
    ev.add("summary", f"{question.get_support_kind_display()} ({question.reference})")
    ev.add("description", question.subject)
    cal.add_component(ev)
    return cal.to_ical()
