from django import forms
from django.utils.translation import gettext_lazy as _

from raadsplein.organisations.models import CareSector, SeatRole

from .models import Experience, LearnerProfile, Level, QuestionKind, Step, Theme
from .services import match_token


class CatalogueFilterForm(forms.Form):
    theme = forms.ModelChoiceField(
        Theme.objects.all(),
        required=False,
        label=_("Thema"),
        to_field_name="slug",
        empty_label=_("Alle thema's"),
    )
    level = forms.ChoiceField(
        choices=[("", _("Alle niveaus")), *Level.choices], required=False, label=_("Niveau")
    )
    role = forms.ChoiceField(
        choices=[("", _("Alle rollen")), *SeatRole.choices], required=False, label=_("Rol")
    )

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        theme = self.cleaned_data.get("theme")
        return {
            "theme": theme.slug if theme else "",
            "level": self.cleaned_data.get("level") or "",
            "role": self.cleaned_data.get("role") or "",
        }


class LearnerProfileForm(forms.ModelForm):
    council_role = forms.ChoiceField(
        choices=[("", _("Geen rol / weet ik niet")), *SeatRole.choices],
        required=False,
        label=_("Uw rol in de raad"),
    )
    care_sector = forms.ModelChoiceField(
        CareSector.objects.all(),
        required=False,
        label=_("Zorgsector"),
        empty_label=_("Geen voorkeur"),
    )
    experience = forms.ChoiceField(
        choices=Experience.choices,
        label=_("Hoe lang zit u in de raad?"),
        widget=forms.RadioSelect,
    )
    interests = forms.ModelMultipleChoiceField(
        Theme.objects.all(),
        required=False,
        label=_("Waar wilt u meer over weten?"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = LearnerProfile
        fields = ["council_role", "care_sector", "experience", "interests", "share_progress"]


def answers_from_post(post) -> dict:
    """Group quiz fields by question. Names: ``q__<question>`` (a choice, or several) and
    ``q__<question>__<option>`` (a position or a match per option). The service checks every
    id against the quiz itself."""
    answers: dict = {}
    for key in post:
        if not key.startswith("q__"):
            continue
        parts = key.split("__")
        if len(parts) == 2 and parts[1]:
            answers[parts[1]] = post.getlist(key)
        elif len(parts) == 3 and parts[1] and parts[2]:
            bucket = answers.setdefault(parts[1], {})
            if isinstance(bucket, dict):
                bucket[parts[2]] = post.get(key, "")
            else:
                answers[parts[1]] = {"__tampered__": ""}
    return answers


def quiz_questions(
    step: Step, *, answers: dict | None = None, errors: dict | None = None
) -> list[dict]:
    """The quiz as the form shows it, without the answer key: texts and ids only. Options of
    ordering and matching questions come in a fixed mixed order (by id), so the stored order
    gives nothing away; the right-hand texts of a matching question carry an opaque token
    instead of the option id they belong to. ``answers_from_post`` reads the answers back.

    Shown again after a refused submission, ``answers`` (as ``answers_from_post`` gives them)
    mark what the person chose — ``checked`` on a choice, ``given`` (a place or a match
    token) on an option of an ordering or matching question — and ``errors`` (question id →
    message) puts each message on its question."""
    answers = answers or {}
    errors = errors or {}
    questions = []
    for number, q in enumerate(step.question_list(), start=1):
        given = answers.get(q["id"])
        chosen = set(given) if isinstance(given, list) else set()
        per_option = given if isinstance(given, dict) else {}
        options = [
            {
                "id": o["id"],
                "text": o["text"],
                "checked": o["id"] in chosen,
                "given": str(per_option.get(o["id"], "")),
            }
            for o in q["options"]
        ]
        matches = []
        if q["kind"] in (QuestionKind.ORDERING, QuestionKind.MATCHING):
            options = sorted(options, key=lambda o: o["id"])
        if q["kind"] == QuestionKind.MATCHING:
            unique = {o["match"].strip().casefold(): o["match"] for o in q["options"]}
            matches = sorted(
                ({"id": match_token(q["id"], t), "text": t} for t in unique.values()),
                key=lambda o: o["text"].casefold(),
            )
        questions.append(
            {
                "id": q["id"],
                "number": number,
                "kind": q["kind"],
                "prompt": q["prompt"],
                "options": options,
                "matches": matches,
                "positions": [str(p) for p in range(1, len(options) + 1)],
                "error": errors.get(q["id"], ""),
            }
        )
    return questions
