"""Forms of the trajectories: a new one with its documents, the next step, editing the request,
more documents, and the list's filter. They parse; the services in ``services`` and
``trajectories`` decide."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from raadsplein.web import uploads
from raadsplein.web.forms import DateInput

from . import documents, selectors, services, trajectories
from .models import Kind, Outcome, Right, State

NOT_VERIFIED = _("nog te controleren")


def subject_label(subject) -> str:
    label = f"{subject.title} ({subject.article}"
    if not subject.verified:
        label += f", {NOT_VERIFIED}"
    return label + ")"


def subject_choices(council, *, kind: str | None = None) -> tuple[list, dict]:
    """The catalogue's subjects this council may use, grouped by right (optgroups), and the
    subjects by their value. With ``kind`` only the subjects of its right."""
    right = services.RIGHT_OF_KIND.get(kind) if kind else None
    subjects = list(selectors.legal_subjects_for(council, right=right))
    groups: dict[str, list] = {}
    for subject in subjects:
        groups.setdefault(subject.right, []).append((str(subject.pk), subject_label(subject)))
    choices: list = [("", _("Geen onderwerp uit de lijst"))]
    for value, label in Right.choices:
        if value in groups:
            choices.append((label, groups[value]))
    return choices, {str(s.pk): s for s in subjects}


def deadline_help(council) -> tuple[str, bool]:
    """The deadline field's help: what applies when it is left empty (the scheme's period),
    and whether the scheme sets any period at all."""
    periods = trajectories.scheme_defaults(council)
    advice, consent = periods[Kind.ADVICE], periods[Kind.CONSENT]
    if not advice and not consent:
        return (
            str(
                _(
                    "Uw regeling noemt nog geen termijn. Laat u dit leeg, dan is er geen "
                    "uiterste datum."
                )
            ),
            False,
        )

    def days(n):
        return ngettext("%(n)s dag", "%(n)s dagen", n) % {"n": n}

    if advice == consent:
        text = _(
            "Laat u dit leeg, dan geldt de termijn uit uw regeling: %(days)s na ontvangst."
        ) % {"days": days(advice)}
    else:
        parts = []
        if advice:
            parts.append(_("voor een advies %(days)s") % {"days": days(advice)})
        if consent:
            parts.append(_("voor instemming %(days)s") % {"days": days(consent)})
        text = _(
            "Laat u dit leeg, dan geldt de termijn uit uw regeling: %(parts)s na ontvangst."
        ) % {"parts": _(" en ").join(str(p) for p in parts)}
    text = str(text) + " " + str(_("Bij ongevraagd advies is er dan geen uiterste datum."))
    return text, True


def _files_field(required: bool = False):
    field = uploads.MultipleFileField(
        label=_("Documenten (niet verplicht)") if not required else _("Documenten"),
        required=required,
        help_text=_(
            "Bijvoorbeeld de brief van de bestuurder en de bijlagen. PDF, Word (DOCX), Excel "
            "(XLSX), PNG of JPEG; ten hoogste %(mb)s MB per bestand."
        )
        % {"mb": documents.max_bytes() // uploads.MB},
    )
    field.widget.attrs["accept"] = uploads.ACCEPT
    return field


def _clean_files(form, name: str = "files"):
    return [
        (file_name, data)
        for file_name, data, _type in uploads.checked_uploads(
            form.cleaned_data.get(name) or [],
            max_bytes=documents.max_bytes(),
            max_total_bytes=trajectories.MAX_TOTAL_MB * uploads.MB,
            again=str(_("Kies de bestanden opnieuw; de rest van wat u invulde staat er nog.")),
        )
    ]


class _SubjectMixin:
    def _setup_subject(self, council, kind=None):
        choices, self._subjects = subject_choices(council, kind=kind)
        self.fields["subject"].choices = choices

    def clean_subject(self):
        return self._subjects.get(self.cleaned_data.get("subject") or "")


class TrajectoryForm(_SubjectMixin, forms.Form):
    kind = forms.ChoiceField(
        label=_("Soort traject"),
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een soort traject.")},
    )
    subject = forms.ChoiceField(
        label=_("Onderwerp uit de wet"),
        required=False,
        help_text=_(
            "Het onderwerp moet passen bij de soort: adviesrecht bij een adviesaanvraag of "
            "ongevraagd advies, instemmingsrecht bij een instemmingsverzoek. Bij elk "
            "onderwerp staat het artikel."
        ),
    )
    title = forms.CharField(
        label=_("Titel"),
        max_length=services.TITLE_MAX,
        help_text=_("Kort, zodat u het traject terugvindt. Bijvoorbeeld: Nieuwe klachtenregeling."),
    )
    received = forms.DateField(label=_("Ontvangen op"), widget=DateInput)
    question = forms.CharField(
        label=_("Wat vraagt de bestuurder? (niet verplicht)"),
        required=False,
        max_length=services.QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    deadline = forms.DateField(
        label=_("Uiterste datum (niet verplicht)"), required=False, widget=DateInput
    )
    files = _files_field()

    def __init__(self, *args, council, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("received", timezone.localdate())
        super().__init__(*args, **kwargs)
        self._setup_subject(council)
        self.fields["files"] = _files_field()
        self.fields["deadline"].help_text, self.scheme_has_period = deadline_help(council)

    def clean_files(self):
        return _clean_files(self)

    def clean(self):
        data = super().clean()
        if self.errors and data.get("files") and "files" not in self.errors:
            # A browser never keeps chosen files on a page that comes back with errors.
            self.add_error("files", _("Kies de bestanden opnieuw als u het traject opslaat."))
        return data


class RequestForm(_SubjectMixin, forms.Form):
    """Correcting the request of a trajectory (officers)."""

    title = TrajectoryForm.base_fields["title"]
    subject = forms.ChoiceField(label=_("Onderwerp uit de wet"), required=False)
    question = TrajectoryForm.base_fields["question"]
    deadline = forms.DateField(
        label=_("Uiterste datum (niet verplicht)"), required=False, widget=DateInput
    )

    def __init__(self, *args, trajectory, **kwargs):
        super().__init__(*args, **kwargs)
        self._setup_subject(trajectory.council, kind=trajectory.kind)
        help_text, _has = deadline_help(trajectory.council)
        self.fields["deadline"].help_text = help_text


class StepForm(forms.Form):
    """The next step of a trajectory: only the steps that can follow its state, with the
    fields those need."""

    state = forms.ChoiceField(
        label=_("Volgende stap"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies de stap die u wilt vastleggen."),
            "invalid_choice": _("Deze stap kan nu niet: kies een van de volgende stappen."),
        },
    )
    on = forms.DateField(label=_("Datum van deze stap"), widget=DateInput)
    note = forms.CharField(
        label=_("Toelichting (niet verplicht)"),
        required=False,
        max_length=services.QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld welke informatie u vroeg, of wat de raad besloot."),
    )
    outcome = forms.ChoiceField(
        label=_("Uitkomst"),
        required=False,
        help_text=_("Nodig als u het traject afsluit. Weet u het nog niet, laat het dan leeg."),
    )
    outcome_note = forms.CharField(
        label=_("Toelichting op de uitkomst (niet verplicht)"),
        required=False,
        max_length=services.QUESTION_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    decided_without_consent = forms.BooleanField(
        label=_("Besloten zonder instemming van de raad?"),
        required=False,
        help_text=_(
            "Vink dit aan als de bestuurder het besluit nam zonder dat de raad instemde. "
            "Alleen bij de stap 'Besluit van de bestuurder ontvangen'."
        ),
    )
    council_learned_on = forms.DateField(
        label=_("Wanneer hoorde de raad van dat besluit?"),
        required=False,
        widget=DateInput,
        help_text=_("Vanaf die dag telt de termijn om het besluit nietig te verklaren."),
    )

    def __init__(self, *args, trajectory, committee: str | None = None, **kwargs):
        kwargs.setdefault("initial", {}).setdefault("on", timezone.localdate())
        super().__init__(*args, **kwargs)
        committee = committee or trajectories.dispute_committee_name(trajectory.council)
        choices = []
        for state in services.NEXT_STATES.get(State(trajectory.state), ()):
            label = State(state).label
            if state == State.DISPUTE:
                label = _("Geschil voorgelegd aan: %(committee)s") % {"committee": committee}
            choices.append((state.value, label))
        self.fields["state"].choices = choices
        outcomes = services.OUTCOMES_OF_KIND[Kind(trajectory.kind)]
        self.fields["outcome"].choices = [("", _("Nog niet bekend"))] + [
            (o.value, Outcome(o).label) for o in outcomes
        ]
        self.consent_fields = trajectory.kind == Kind.CONSENT and State.BOARD_DECIDED in dict(
            choices
        )
        if not self.consent_fields:
            del self.fields["decided_without_consent"]
            del self.fields["council_learned_on"]

    def clean_council_learned_on(self):
        learned = self.cleaned_data.get("council_learned_on")
        if learned and learned > timezone.localdate():
            raise forms.ValidationError(_("Deze datum ligt in de toekomst."))
        return learned

    def clean(self):
        data = super().clean()
        if data.get("decided_without_consent") and data.get("state") != State.BOARD_DECIDED:
            self.add_error(
                "decided_without_consent",
                _("Dit hoort bij de stap 'Besluit van de bestuurder ontvangen'."),
            )
        return data


class DocumentsForm(forms.Form):
    files = _files_field(required=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"] = _files_field(required=True)
        self.fields["files"].error_messages["required"] = _("Kies een of meer bestanden.")

    def clean_files(self):
        return _clean_files(self)


class FilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Welke trajecten"),
        required=False,
        choices=[
            (trajectories.OPEN, _("Lopend")),
            (trajectories.CLOSED, _("Afgesloten")),
            (trajectories.ALL, _("Alle")),
        ],
    )
    kind = forms.ChoiceField(
        label=_("Soort"), required=False, choices=[("", _("Alle soorten")), *Kind.choices]
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {"status": trajectories.OPEN, "kind": ""}
        return {
            "status": self.cleaned_data.get("status") or trajectories.OPEN,
            "kind": self.cleaned_data.get("kind") or "",
        }
