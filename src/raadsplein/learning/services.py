"""Every write of the learning environment: enrolment, progress, quizzes, certificates,
learner profiles. Writes are idempotent where a person may repeat them (double click, back
button, two tabs): unique constraints in the database plus get_or_create."""

import datetime
import secrets
from collections import Counter
from dataclasses import dataclass

from django.core import signing
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raadsplein.organisations import selectors as org_selectors
from raadsplein.organisations.models import SeatRole

from .models import (
    Certificate,
    Course,
    CoursePrerequisite,
    Enrolment,
    Experience,
    LearnerProfile,
    PrerequisiteStrength,
    QuestionKind,
    QuizAttempt,
    Step,
    StepKind,
    StepProgress,
    Theme,
)
from .rules import can_follow_course
from .selectors import is_new_member, skipped_step_ids

QUIZ_SALT = "raadsplein.learning.quiz"
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I


class LearningError(Exception):
    """A request we refuse, with a message for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class QuizRejected(LearningError):
    pass


class QuizAnswersIncomplete(QuizRejected):
    """Answers the person can put right: per question id the message to show beside it.
    Nothing is recorded; the form is shown again with every answer as given."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(
            ngettext(
                "Eén vraag is nog niet goed ingevuld. Uw antwoorden staan er nog.",
                "%(n)d vragen zijn nog niet goed ingevuld. Uw antwoorden staan er nog.",
                len(errors),
            )
            % {"n": len(errors)}
        )
        self.errors = errors


# --- enrolment and progress -------------------------------------------------------------


def missing_required_courses(*, person, course: Course) -> list[Course]:
    required = CoursePrerequisite.objects.filter(
        course=course, strength=PrerequisiteStrength.REQUIRED
    ).select_related("required_course")
    done = set(
        Enrolment.objects.filter(person=person, completed_at__isnull=False).values_list(
            "course_id", flat=True
        )
    )
    return [p.required_course for p in required if p.required_course_id not in done]


def _check_may_follow(person, course: Course) -> None:
    if not can_follow_course(person, course):
        raise LearningError(_("U kunt deze cursus niet volgen."))


@transaction.atomic
def enrol(*, person, course: Course) -> Enrolment:
    """Enrol the person (idempotent). Required prerequisites must be completed first."""
    _check_may_follow(person, course)
    existing = Enrolment.objects.filter(person=person, course=course).first()
    if existing:
        return existing
    missing = missing_required_courses(person=person, course=course)
    if missing:
        raise LearningError(
            _("Rond eerst deze cursus af: %(titles)s.")
            % {"titles": ", ".join(c.title for c in missing)}
        )
    enrolment, _created = Enrolment.objects.get_or_create(person=person, course=course)
    return enrolment


def _ensure_enrolment(person, course: Course) -> Enrolment:
    enrolment = Enrolment.objects.filter(person=person, course=course).first()
    return enrolment or enrol(person=person, course=course)


@transaction.atomic
def record_visit(*, person, step: Step) -> None:
    """Remember the step the person opened last, so they can resume there."""
    Enrolment.objects.filter(person=person, course_id=step.module.course_id).update(
        last_step=step, last_activity_at=timezone.now()
    )


@transaction.atomic
def complete_step(*, person, step: Step, via_quiz: bool = False) -> bool:
    """Mark a step done for the person. Returns True if it was new. Safe to repeat.

    A quiz step is only done by passing it (``via_quiz``); a live session by attendance
    (``complete_steps_for_attendance``) or, for a session without a booking, by hand.
    """
    course = step.module.course
    _check_may_follow(person, course)
    if step.kind == StepKind.QUIZ and not via_quiz:
        raise LearningError(_("Een toets rondt u af door hem te halen."))
    if step.kind == StepKind.LIVE and step.event_session_id:
        raise LearningError(_("Deze stap is klaar zodra in de agenda staat dat u aanwezig was."))
    return _complete(person=person, step=step, course=course)


def _complete(*, person, step: Step, course: Course) -> bool:
    enrolment = _ensure_enrolment(person, course)
    _progress, created = StepProgress.objects.get_or_create(
        person=person, step=step, defaults={"course": course}
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_step=step, last_activity_at=timezone.now()
    )
    if created and enrolment.completed_at is None:
        _complete_course_if_done(person=person, course=course, enrolment=enrolment)
    return created


def _complete_course_if_done(*, person, course: Course, enrolment: Enrolment) -> None:
    required = Step.objects.filter(module__course=course, required=True).exclude(
        pk__in=skipped_step_ids(person, course)
    )
    total = required.count()
    done = StepProgress.objects.filter(person=person, step__in=required).count()
    if total and done >= total:
        now = timezone.now()
        updated = Enrolment.objects.filter(pk=enrolment.pk, completed_at__isnull=True).update(
            completed_at=now
        )
        if updated:
            issue_certificate(person=person, course=course, issued_on=timezone.localdate(now))


def complete_steps_for_attendance(*, session_id: int, person) -> int:
    """Mark every live-session step that points at this event session as done for the
    person. Called by the events app when attendance is marked present. Idempotent; returns
    how many steps were newly done. Steps of courses the person may not follow are skipped."""
    count = 0
    steps = Step.objects.filter(kind=StepKind.LIVE, event_session_id=session_id).select_related(
        "module__course"
    )
    for step in steps:
        course = step.module.course
        if not can_follow_course(person, course):
            continue
        with transaction.atomic():
            try:
                count += _complete(person=person, step=step, course=course)
            except LearningError:
                continue  # e.g. a required prerequisite is still missing
    return count


# --- quizzes ----------------------------------------------------------------------------


def quiz_token(*, person, step: Step) -> str:
    """A signed, single-use token that ties a quiz form to this person and this quiz."""
    return signing.dumps({"p": person.pk, "s": step.pk, "n": secrets.token_hex(12)}, salt=QUIZ_SALT)


@dataclass
class QuizOutcome:
    attempt: QuizAttempt
    passed: bool
    score: int


def match_token(question_id: str, text: str) -> str:
    """An opaque value for a right-hand text of a matching question. Option ids would give the
    pairs away in the HTML; this token says nothing about which left item it belongs to."""
    key = f"{question_id}:{(text or '').strip().casefold()}"
    return salted_hmac("raadsplein.learning.match", key).hexdigest()[:16]


class _Unanswerable(Exception):
    """An answer that cannot have come from the form: the whole submission is refused."""


def _normalise(question: dict, raw) -> object:
    """Check one raw answer against the question. Raise QuizRejected (with the message for
    this question) on an answer the person can put right — none given, one radio too few,
    a place given twice — and _Unanswerable on ids that do not belong to the quiz."""
    option_ids = [o["id"] for o in question["options"]]
    kind = question["kind"]
    if raw is None:
        raise QuizRejected(_("Beantwoord deze vraag."))
    if kind in (QuestionKind.SINGLE, QuestionKind.TRUE_FALSE, QuestionKind.MULTIPLE):
        values = raw if isinstance(raw, list) else [raw]
        values = [v for v in values if v != ""]
        if not values:
            raise QuizRejected(_("Beantwoord deze vraag."))
        if any(v not in option_ids for v in values) or len(set(values)) != len(values):
            raise _Unanswerable
        if kind != QuestionKind.MULTIPLE and len(values) != 1:
            raise QuizRejected(_("Kies bij deze vraag één antwoord."))
        return sorted(values)
    if not isinstance(raw, dict) or set(raw) != set(option_ids):
        raise _Unanswerable
    if kind == QuestionKind.ORDERING:
        if any(v == "" for v in raw.values()):
            raise QuizRejected(_("Geef elk onderdeel een plaats in de volgorde."))
        try:
            positions = {k: int(v) for k, v in raw.items()}
        except (TypeError, ValueError):
            raise _Unanswerable from None
        if any(p < 1 or p > len(option_ids) for p in positions.values()):
            raise _Unanswerable
        counts = Counter(positions.values())
        twice = sorted(p for p, n in counts.items() if n > 1)
        if twice:
            raise QuizRejected(
                ngettext(
                    "U koos plaats %(places)s twee keer. Geef elk onderdeel een andere plaats.",
                    "U koos de plaatsen %(places)s meer dan één keer. Geef elk onderdeel een "
                    "andere plaats.",
                    len(twice),
                )
                % {"places": ", ".join(str(p) for p in twice)}
            )
        return positions
    # matching: every left item gets the opaque token of one of the right-hand texts
    if any(v == "" for v in raw.values()):
        raise QuizRejected(_("Koppel elk onderdeel aan een van de keuzes."))
    tokens = {match_token(question["id"], o["match"]) for o in question["options"]}
    if any(v not in tokens for v in raw.values()):
        raise _Unanswerable
    return dict(raw)


def _is_correct(question: dict, answer) -> bool:
    options = question["options"]
    kind = question["kind"]
    if kind == QuestionKind.ORDERING:
        return all(answer[o["id"]] == i + 1 for i, o in enumerate(options))
    if kind == QuestionKind.MATCHING:
        token_of = {o["id"]: match_token(question["id"], o["match"]) for o in options}
        return all(token_of[left] == chosen for left, chosen in answer.items())
    correct = sorted(o["id"] for o in options if o["correct"])
    return answer == correct


@transaction.atomic
def submit_quiz(*, person, step: Step, token: str, answers: dict) -> QuizOutcome:
    """Score a quiz on the server. Rejects tampered or replayed submissions without
    recording anything; a pass completes the step."""
    course = step.module.course
    _check_may_follow(person, course)
    if step.kind != StepKind.QUIZ:
        raise QuizRejected(_("Deze stap is geen toets."))
    try:
        data = signing.loads(token, salt=QUIZ_SALT, max_age=datetime.timedelta(days=2))
    except signing.BadSignature:
        raise QuizRejected(
            _("Dit formulier is verlopen of niet geldig. Open de toets opnieuw.")
        ) from None
    if data.get("p") != person.pk or data.get("s") != step.pk:
        raise QuizRejected(_("Deze antwoorden horen niet bij deze toets."))
    nonce = str(data.get("n", ""))
    if QuizAttempt.objects.filter(token=nonce).exists():
        raise QuizRejected(_("Deze antwoorden zijn al ingestuurd. Wij hebben ze één keer geteld."))
    previous = QuizAttempt.objects.filter(person=person, step=step)
    if step.max_attempts and previous.count() >= step.max_attempts:
        raise QuizRejected(_("U heeft alle pogingen voor deze toets gebruikt."))
    questions = step.question_list()
    known = {q["id"] for q in questions}
    if set(answers) - known:
        raise QuizRejected(_("Deze antwoorden horen niet bij deze toets."))
    results = {}
    normalised = {}
    errors = {}
    for question in questions:
        try:
            answer = _normalise(question, answers.get(question["id"]))
        except _Unanswerable:
            raise QuizRejected(_("Deze antwoorden horen niet bij deze toets.")) from None
        except QuizRejected as exc:
            errors[question["id"]] = exc.message
            continue
        normalised[question["id"]] = answer
        results[question["id"]] = _is_correct(question, answer)
    if errors:
        raise QuizAnswersIncomplete(errors)
    score = round(100 * sum(results.values()) / len(questions)) if questions else 0
    passed = score >= step.pass_mark
    try:
        with transaction.atomic():
            attempt = QuizAttempt.objects.create(
                person=person,
                step=step,
                course=course,
                token=nonce,
                answers=normalised,
                results=results,
                score=score,
                passed=passed,
            )
    except IntegrityError:
        raise QuizRejected(
            _("Deze antwoorden zijn al ingestuurd. Wij hebben ze één keer geteld.")
        ) from None
    if passed:
        _complete(person=person, step=step, course=course)
    return QuizOutcome(attempt=attempt, passed=passed, score=score)


def feedback_for(step: Step, attempt: QuizAttempt) -> list[dict]:
    """What the learner sees after submitting: per question right or wrong, the feedback of
    the options they chose, and the explanation. The answer key itself is not shown."""
    rows = []
    for question in step.question_list():
        answer = attempt.answers.get(question["id"])
        by_id = {o["id"]: o for o in question["options"]}
        chosen = []
        if isinstance(answer, list):
            chosen = [by_id[i] for i in answer if i in by_id]
        rows.append(
            {
                "prompt": question["prompt"],
                "correct": bool(attempt.results.get(question["id"])),
                "feedback": [o["feedback"] for o in chosen if o["feedback"]],
                "chosen": [o["text"] for o in chosen],
                "explanation": question["explanation"],
            }
        )
    return rows


# --- certificates -----------------------------------------------------------------------


def _new_code() -> str:
    body = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"RP-{body[:4]}-{body[4:]}"


def issue_certificate(*, person, course: Course, issued_on: datetime.date | None = None):
    """Issue the certificate for a completed course (once per person and course)."""
    existing = Certificate.objects.filter(person=person, course=course).first()
    if existing:
        return existing
    with transaction.atomic():
        return Certificate.objects.create(
            person=person,
            course=course,
            code=_new_code(),
            holder_name=person.get_full_name() or person.email,
            course_title=course.title,
            issued_on=issued_on or timezone.localdate(),
        )


# --- learner profile --------------------------------------------------------------------

ROLE_PRIORITY = [
    SeatRole.VOORZITTER,
    SeatRole.SECRETARIS,
    SeatRole.AMBTELIJK_SECRETARIS,
    SeatRole.ONDERSTEUNER,
    SeatRole.LID,
]
# Slugs of the one theme list (knowledge/taxonomy.py).
ROLE_INTERESTS = {
    SeatRole.VOORZITTER: ["de-raad-organiseren", "samenwerken-met-de-bestuurder"],
    SeatRole.SECRETARIS: ["de-raad-organiseren", "achterban"],
    SeatRole.AMBTELIJK_SECRETARIS: ["de-raad-organiseren", "medezeggenschap-en-de-wet"],
    SeatRole.ONDERSTEUNER: ["de-raad-organiseren", "achterban"],
    SeatRole.LID: ["medezeggenschap-en-de-wet", "achterban"],
}


def profile_defaults(person) -> dict:
    """What we can guess from the person's current seats: role, sector, new or experienced."""
    seats = list(org_selectors.current_seats_for(person).prefetch_related("council__sectors"))
    if not seats:
        return {"council_role": "", "care_sector": None, "experience": Experience.NEW}
    roles = {s.role for s in seats}
    role = next((r for r in ROLE_PRIORITY if r in roles), SeatRole.LID)
    sector = next((sec for s in seats for sec in s.council.sectors.all()), None)
    new = is_new_member(person)
    return {
        "council_role": role,
        "care_sector": sector,
        "experience": Experience.NEW if new else Experience.EXPERIENCED,
    }


@transaction.atomic
def get_or_create_profile(*, person) -> LearnerProfile:
    profile = LearnerProfile.objects.filter(person=person).first()
    if profile:
        return profile
    defaults = profile_defaults(person)
    profile, created = LearnerProfile.objects.get_or_create(person=person, defaults=defaults)
    if created and defaults["council_role"]:
        profile.interests.set(
            Theme.objects.filter(slug__in=ROLE_INTERESTS.get(defaults["council_role"], []))
        )
    return profile


@transaction.atomic
def update_profile(
    *, person, council_role: str, care_sector, experience: str, interests, share_progress: bool
) -> LearnerProfile:
    profile = get_or_create_profile(person=person)
    profile.council_role = council_role
    profile.care_sector = care_sector
    profile.experience = experience
    profile.share_progress = share_progress
    profile.full_clean()
    profile.save()
    profile.interests.set(interests)
    return profile


# --- personal data ----------------------------------------------------------------------


def export_learning_data(person) -> dict:
    profile = LearnerProfile.objects.filter(person=person).select_related("care_sector").first()
    return {
        "profile": (
            {
                "council_role": profile.council_role,
                "care_sector": profile.care_sector.name if profile.care_sector else None,
                "experience": profile.experience,
                "interests": list(profile.interests.values_list("name", flat=True)),
                "share_progress": profile.share_progress,
            }
            if profile
            else None
        ),
        "enrolments": [
            {
                "course": e.course.title,
                "enrolled_at": e.enrolled_at.isoformat(),
                "completed_at": e.completed_at.isoformat() if e.completed_at else None,
            }
            for e in Enrolment.objects.filter(person=person).select_related("course")
        ],
        "completed_steps": [
            {"step": p.step.title, "completed_at": p.completed_at.isoformat()}
            for p in StepProgress.objects.filter(person=person).select_related("step")
        ],
        "quiz_attempts": [
            {
                "quiz": a.step.title,
                "score": a.score,
                "passed": a.passed,
                "submitted_at": a.submitted_at.isoformat(),
            }
            for a in QuizAttempt.objects.filter(person=person).select_related("step")
        ],
        "certificates": [
            {"course": c.course_title, "code": c.code, "issued_on": c.issued_on.isoformat()}
            for c in Certificate.objects.filter(person=person)
        ],
    }


@transaction.atomic
def erase_learning_data(person) -> None:
    """Remove everything the learning environment keeps about the person, including
    certificates (they carry the name; verification of those codes stops)."""
    Certificate.objects.filter(person=person).delete()
    QuizAttempt.objects.filter(person=person).delete()
    StepProgress.objects.filter(person=person).delete()
    Enrolment.objects.filter(person=person).delete()
    LearnerProfile.objects.filter(person=person).delete()
