"""A new member's checklist (inwerklijst): the steps of ``STEPS``, each ticked by the member
or an officer. The course step also shows done when the member completed the course
"Welkom in de cliëntenraad" (read through the learning app's selectors); the reading steps
link the council's scheme and publications of the knowledge centre."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.knowledge import selectors as knowledge_selectors
from raadsplein.knowledge.models import Kind as PublicationKind
from raadsplein.learning import selectors as learning_selectors
from raadsplein.organisations.models import Council, Seat

from . import selectors
from .models import Onboarding
from .services import CouncilworkError, log_change
from .terms import NEW_MEMBER_DAYS


@dataclass(frozen=True)
class StepDef:
    key: str
    label: str
    help: str


COURSE, SCHEME, READING, CHAIR, YEAR_PLAN = "course", "scheme", "reading", "chair", "year_plan"

STEPS = (
    StepDef(
        COURSE,
        gettext_lazy("Volg de cursus ‘Welkom in de cliëntenraad’"),
        gettext_lazy("Een korte cursus over wat de raad doet. U kunt hem thuis volgen."),
    ),
    StepDef(
        SCHEME,
        gettext_lazy("Lees de medezeggenschapsregeling van de raad"),
        gettext_lazy("Hierin staan de afspraken met de zorgaanbieder: waarover de raad meepraat."),
    ),
    StepDef(
        READING,
        gettext_lazy("Lees de bewaarkaarten en de basisinformatie over de Wmcz"),
        gettext_lazy("Korte stukken uit het kenniscentrum om te bewaren en later na te lezen."),
    ),
    StepDef(
        CHAIR,
        gettext_lazy("Maak kennis met de voorzitter"),
        gettext_lazy("Een gesprek over hoe de raad werkt en wat u graag wilt doen."),
    ),
    StepDef(
        YEAR_PLAN,
        gettext_lazy("Krijg het jaarplan van de raad"),
        gettext_lazy("Daarin staat waar de raad dit jaar mee bezig is."),
    ),
)
STEP_KEYS = tuple(step.key for step in STEPS)

WELCOME_COURSE_SLUG = "welkom-in-de-clientenraad"
WELCOME_COURSE_TITLE = "Welkom in de cliëntenraad"
# Publications for the reading step: these by their slug, and the knowledge centre's
# bewaarkaarten (cards to keep), at most READING_MAX in all.
READING_SLUGS = ("basisinformatie-wmcz",)
READING_MAX = 5


@dataclass
class ChecklistStep:
    key: str
    label: str
    help: str
    done: bool
    ticked: bool  # ticked by hand (the course step can also be done by completing it)
    links: list[tuple[str, str]]  # (label, url)


def new_member_seats(council: Council, *, today=None) -> list[Seat]:
    """The council's current seats that began within the last year, with their checklist."""
    today = today or timezone.localdate()
    return [
        seat
        for seat in selectors.seat_holders(council, today=today).select_related("onboarding")
        if (today - seat.start_date).days < NEW_MEMBER_DAYS
    ]


def may_tick(user, seat: Seat) -> bool:
    """The member themself, or an officer of the seat's council (never an advisor)."""
    return seat.person_id == user.pk or selectors.standing(user, seat.council).officer


def welcome_course(user):
    courses = learning_selectors.courses_visible_to(user)
    return (
        courses.filter(slug=WELCOME_COURSE_SLUG).first()
        or courses.filter(title__iexact=WELCOME_COURSE_TITLE).first()
    )


def reading_list(user) -> list:
    """The publications for the reading step that ``user`` may open."""
    return list(
        knowledge_selectors.publications_for(user)
        .filter(Q(slug__in=READING_SLUGS) | Q(kind=PublicationKind.BEWAARKAART))
        .order_by("-kind", "title")[:READING_MAX]
    )


def course_completed(viewer, seat: Seat, course) -> bool:
    """Whether the seat's person completed the course. An officer looking at someone else's
    list sees it only when that person shares their progress with the council."""
    if course is None:
        return False
    if viewer.pk != seat.person_id:
        profile = learning_selectors.profile_for(seat.person)
        if profile is None or not profile.share_progress:
            return False
    enrolment = learning_selectors.enrolment_for(seat.person, course)
    return bool(enrolment and enrolment.completed_at)


def checklist(viewer, seat: Seat, *, request=None) -> list[ChecklistStep]:
    onboarding = Onboarding.objects.filter(seat=seat).first()
    ticked = set(onboarding.done if onboarding else [])
    course = welcome_course(seat.person)
    completed = course_completed(viewer, seat, course)
    council_id = seat.council_id
    links: dict[str, list[tuple[str, str]]] = {
        COURSE: [(course.title, course.get_absolute_url())] if course else [],
        SCHEME: [(_("De regeling van de raad"), reverse("councilwork:scheme", args=[council_id]))],
        READING: [(p.title, p.get_url(request)) for p in reading_list(seat.person)],
        CHAIR: [],
        YEAR_PLAN: [(_("Het jaarplan"), reverse("councilwork:year_plan", args=[council_id]))],
    }
    return [
        ChecklistStep(
            key=step.key,
            label=str(step.label),
            help=str(step.help),
            done=step.key in ticked or (step.key == COURSE and completed),
            ticked=step.key in ticked,
            links=links[step.key],
        )
        for step in STEPS
    ]


@transaction.atomic
def tick_step(*, seat: Seat, step: str, done: bool, by) -> Onboarding:
    """Mark one step of the seat's checklist done (or not done again)."""
    if step not in STEP_KEYS:
        raise CouncilworkError(_("Deze stap staat niet op de inwerklijst."))
    if not may_tick(by, seat):
        raise CouncilworkError(_("Alleen het lid zelf of de voorzitter of secretaris kan dit."))
    onboarding, _created = Onboarding.objects.select_for_update().get_or_create(seat=seat)
    current = [key for key in onboarding.done if key in STEP_KEYS]
    if done and step not in current:
        current.append(step)
    if not done and step in current:
        current.remove(step)
    onboarding.done = [key for key in STEP_KEYS if key in current]
    onboarding.save(update_fields=["done", "updated_at"])
    log_change(by=by, council=seat.council, obj=onboarding, what=f"onboarding {step}={done}")
    return onboarding
