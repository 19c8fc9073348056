"""Reads for the learning environment, scoped to what a person may see."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Avg, Count, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from raadsplein.accounts.rules import is_staff_member
from raadsplein.events import selectors as events_selectors
from raadsplein.organisations import selectors as org_selectors
from raadsplein.organisations.models import Seat
from raadsplein.organisations.rules import is_member
from raadsplein.web.caching import shared

from .models import (
    MEMBERS_ONLY_STEP,
    Audience,
    Certificate,
    Course,
    Enrolment,
    LearnerProfile,
    LearningPath,
    LearningPathCourse,
    Module,
    QuizAttempt,
    Step,
    StepKind,
    StepProgress,
)

# Heavy fields the outline never shows.
OUTLINE_DEFER = ("body", "transcript", "questions")


def courses_visible_to(user) -> QuerySet[Course]:
    """Courses the user may see in the catalogue: drafts for staff only, members' courses for
    members only."""
    qs = Course.objects.all()
    if is_staff_member(user):
        return qs
    qs = qs.filter(is_published=True)
    if not is_member(user):
        qs = qs.filter(audience=Audience.PUBLIC)
    return qs


def reachable_courses(user) -> QuerySet[Course]:
    """Courses whose page answers this user instead of 404: every published course (on a
    members' course a non-member meets the members-only page, see rules.can_see_course) and,
    for staff, drafts too."""
    qs = Course.objects.all()
    return qs if is_staff_member(user) else qs.filter(is_published=True)


def reachable_step(user, slug: str, step_id: int) -> Step:
    """A step of a reachable course, with its module and course (DoesNotExist otherwise:
    also for a step id of another course)."""
    return Step.objects.select_related("module__course", "media_document", "captions_document").get(
        pk=step_id, module__course__in=reachable_courses(user), module__course__slug=slug
    )


def catalogue(user, *, theme: str = "", level: str = "", role: str = "") -> QuerySet[Course]:
    qs = (
        courses_visible_to(user)
        .prefetch_related("themes")
        .annotate(
            module_count=Count("modules", distinct=True),
            step_count=Count("modules__steps", distinct=True),
        )
        .order_by("title", "pk")
    )
    if theme:
        qs = qs.filter(themes__slug=theme)
    if level:
        qs = qs.filter(level=level)
    if role:
        # JSON "contains" is not on SQLite; roles are few, so filter the small list in SQL-free
        # form: an empty list suits everyone.
        ids = [c.pk for c in Course.objects.only("pk", "roles") if not c.roles or role in c.roles]
        qs = qs.filter(pk__in=ids)
    return qs.distinct()


def api_courses(user) -> QuerySet[Course]:
    return (
        courses_visible_to(user)
        .annotate(
            module_count=Count("modules", distinct=True),
            step_count=Count("modules__steps", distinct=True),
            quiz_count=Count(
                "modules__steps", filter=Q(modules__steps__kind=StepKind.QUIZ), distinct=True
            ),
        )
        .order_by("title", "pk")
    )


def course_outline(course: Course) -> list[Module]:
    """Modules with their steps (light fields only), two queries whatever the size."""
    steps = Step.objects.defer(*OUTLINE_DEFER).order_by("sort_order", "pk")
    return list(
        Module.objects.filter(course=course)
        .order_by("sort_order", "pk")
        .prefetch_related(Prefetch("steps", queryset=steps))
    )


def live_session(user, step: Step):
    """The agenda session a live step points at, read through the events app (None when the
    step has none, or its event is not one the user may see)."""
    return events_selectors.linked_session(user, step.event_session_id)


def done_step_ids(person, course: Course) -> set[int]:
    if not getattr(person, "is_authenticated", False):
        return set()
    return set(
        StepProgress.objects.filter(person=person, course=course).values_list("step_id", flat=True)
    )


def enrolment_for(person, course: Course) -> Enrolment | None:
    if not getattr(person, "is_authenticated", False):
        return None
    return Enrolment.objects.filter(person=person, course=course).first()


def enrolments_by_course(person) -> dict[int, Enrolment]:
    if not getattr(person, "is_authenticated", False):
        return {}
    return {e.course_id: e for e in Enrolment.objects.filter(person=person)}


@dataclass
class ModuleProgress:
    module: Module
    steps: list
    done: int = 0
    total: int = 0

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0


@dataclass
class CourseProgress:
    """A course outline with one person's progress: per module its steps (each with
    ``is_done``), the required steps done, the first open step, and around the step the person
    is on (``at``) the steps before and after it."""

    modules: list[ModuleProgress] = field(default_factory=list)
    done_required: int = 0
    total_required: int = 0
    next_step: Step | None = None
    done_ids: frozenset[int] = frozenset()
    previous: Step | None = None
    following: Step | None = None

    @property
    def percent(self) -> int:
        return round(100 * self.done_required / self.total_required) if self.total_required else 0

    @property
    def complete(self) -> bool:
        return self.total_required > 0 and self.done_required >= self.total_required

    def steps(self) -> list[Step]:
        return [s for m in self.modules for s in m.steps]

    def is_done(self, step: Step) -> bool:
        return step.pk in self.done_ids

    def resume_step(self, last_step_id: int | None) -> Step | None:
        """Where to carry on: the step opened last if it is not done yet, else the first step
        after it that is not done, else the first open step of the course."""
        steps = self.steps()
        ids = [s.pk for s in steps]
        if last_step_id in ids:
            for step in steps[ids.index(last_step_id) :]:
                if not step.is_done and not step.is_skipped:
                    return step
        return self.next_step


def skipped_step_ids(person, course: Course) -> set[int]:
    """Steps the person need not take: in a course for everyone, the members-only steps
    (MEMBERS_ONLY_STEP) for someone who is not a member. Editors cannot add such a step to
    such a course (Step.clean); this covers data from before that check."""
    if course.audience != Audience.PUBLIC or is_member(person):
        return set()
    return set(
        Step.objects.filter(MEMBERS_ONLY_STEP, module__course=course).values_list("pk", flat=True)
    )


def course_progress(
    outline: list[Module], done: set[int], skipped: set[int] = frozenset()
) -> CourseProgress:
    """Progress per module and course from an outline, the ids of done steps and of steps
    the person need not take (``skipped``: not counted, never the next step; no queries)."""
    progress = CourseProgress(done_ids=frozenset(done))
    for module in outline:
        steps = list(module.steps.all())
        for step in steps:
            step.is_done = step.pk in done
            step.is_skipped = step.pk in skipped and not step.is_done
        mp = ModuleProgress(
            module=module, steps=steps, done=sum(s.is_done for s in steps), total=len(steps)
        )
        progress.modules.append(mp)
        for step in steps:
            if step.is_skipped:
                continue
            if step.required:
                progress.total_required += 1
                progress.done_required += step.is_done
            if progress.next_step is None and not step.is_done:
                progress.next_step = step
    return progress


def progress_for(person, course: Course, *, at: Step | None = None) -> CourseProgress:
    """The outline of the course with what this person has done (nothing for an anonymous
    visitor), and with ``at`` the steps before and after that step. Three queries whatever
    the size of the course; the course page, the step page, the quiz result, the redirect
    after a step and the dashboard's recommendation all read it here."""
    progress = course_progress(
        course_outline(course), done_step_ids(person, course), skipped_step_ids(person, course)
    )
    if at is not None:
        flat = progress.steps()
        ids = [s.pk for s in flat]
        if at.pk in ids:
            i = ids.index(at.pk)
            progress.previous = flat[i - 1] if i > 0 else None
            progress.following = flat[i + 1] if i + 1 < len(flat) else None
    return progress


def catalogue_page(user, filters: dict) -> dict:
    """What the catalogue shows this user: the courses (each with ``my_enrolment``), and for
    a signed-in person their certificates, the learning paths and the councils whose
    overview they may open."""
    courses = list(catalogue(user, **filters))
    enrolments = enrolments_by_course(user)
    for course in courses:
        course.my_enrolment = enrolments.get(course.pk)
    signed_in = bool(getattr(user, "is_authenticated", False))
    return {
        "courses": courses,
        "certificates": list(certificates_for(user)),
        "paths": list(learning_paths()) if signed_in else [],
        "overseen_councils": org_selectors.officer_councils(user),
        "can_see_statistics": user.has_perm("learning.view_course_statistics"),
    }


def course_page(person, course: Course) -> dict:
    """The course page: outline with the person's progress, enrolment, where to resume,
    prerequisites, themes and sectors, and the certificate once the course is done."""
    progress = progress_for(person, course)
    enrolment = enrolment_for(person, course)
    return {
        "course": course,
        "progress": progress,
        "enrolment": enrolment,
        "prerequisites": list(course.prerequisites.select_related("required_course")),
        "themes": list(course.themes.all()),
        "sectors": list(course.care_sectors.all()),
        "resume": progress.resume_step(enrolment.last_step_id if enrolment else None),
        "certificate": (
            certificates_for(person).filter(course=course).first()
            if enrolment and enrolment.completed_at
            else None
        ),
    }


def quiz_attempts_page(person, step: Step, *, limit: int = 20) -> dict:
    """The person's earlier attempts at a quiz (newest first) and how many they have left
    (None: no limit)."""
    attempts = list(attempts_for(person, step)[:limit])
    if not step.max_attempts:
        left = None
    else:
        used = len(attempts) if len(attempts) < limit else attempts_for(person, step).count()
        left = max(step.max_attempts - used, 0)
    return {"attempts": attempts, "attempts_left": left}


def attempts_for(person, step: Step) -> QuerySet[QuizAttempt]:
    if not getattr(person, "is_authenticated", False):
        return QuizAttempt.objects.none()
    return QuizAttempt.objects.filter(person=person, step=step).order_by("-submitted_at")


def certificates_for(person) -> QuerySet[Certificate]:
    if not getattr(person, "is_authenticated", False):
        return Certificate.objects.none()
    return Certificate.objects.filter(person=person).select_related("course")


def certificate_by_code(code: str) -> Certificate | None:
    code = (code or "").strip().upper()
    if not code or len(code) > 20:
        return None
    return (
        Certificate.objects.filter(code=code)
        .only("holder_name", "course_title", "issued_on")
        .first()
    )


def profile_for(person) -> LearnerProfile | None:
    return (
        LearnerProfile.objects.filter(person=person)
        .select_related("care_sector")
        .prefetch_related("interests")
        .first()
    )


NEW_MEMBER_DAYS = 365


def is_new_member(person, *, today=None) -> bool:
    """The person's first seat on any council (past seats included) began less than a year
    ago. No seat at all, say an individual member or staff: not a new council member."""
    if not getattr(person, "is_authenticated", False):
        return False
    first = org_selectors.seats_for(person).aggregate(first=Min("start_date"))["first"]
    if first is None:
        return False
    return ((today or timezone.localdate()) - first).days < NEW_MEMBER_DAYS


def path_for_role(role: str) -> LearningPath | None:
    items = LearningPathCourse.objects.select_related("course").order_by("sort_order", "pk")
    return (
        LearningPath.objects.filter(role=role)
        .prefetch_related(Prefetch("items", queryset=items))
        .first()
    )


def learning_paths() -> QuerySet[LearningPath]:
    items = LearningPathCourse.objects.select_related("course").order_by("sort_order", "pk")
    return LearningPath.objects.prefetch_related(Prefetch("items", queryset=items))


def council_completions(council) -> list[dict]:
    """Members of the council (current seats) who agreed to share, with their completed
    courses. Members who did not agree are left out entirely."""
    today = timezone.localdate()
    seats = (
        Seat.objects.filter(
            Seat.current_q(today),
            council=council,
            person__learner_profile__share_progress=True,
        )
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "pk")
    )
    people = {}
    for seat in seats:
        people.setdefault(seat.person_id, {"person": seat.person, "roles": [], "completed": []})
        people[seat.person_id]["roles"].append(seat.get_role_display())
    completions = (
        Enrolment.objects.filter(person_id__in=people.keys(), completed_at__isnull=False)
        .select_related("course")
        .order_by("completed_at")
    )
    for enrolment in completions:
        people[enrolment.person_id]["completed"].append(enrolment)
    return list(people.values())


def council_coverage(council, rows: list[dict]) -> dict:
    """How many people sit on the council, how many share, and how many of those finished a
    course. Nothing is said about people who do not share."""
    seated = (
        Seat.objects.filter(Seat.current_q(timezone.localdate()), council=council)
        .values("person")
        .distinct()
        .count()
    )
    return {
        "seated": seated,
        "sharing": len(rows),
        "with_completion": sum(1 for r in rows if r["completed"]),
    }


def statistics_overview() -> list[Course]:
    """Every course with how many enrolled and completed it. Counting every enrolment takes
    time in proportion to them all, and the figures are the same for every staff member: they
    are shared for RAADSPLEIN_PAGE_CACHE_SECONDS (a minute), or until a course changes."""
    return shared(
        "learning-statistics",
        (),
        lambda: list(
            Course.objects.annotate(
                enrolled=Count("enrolments", distinct=True),
                completed=Count(
                    "enrolments", filter=Q(enrolments__completed_at__isnull=False), distinct=True
                ),
            ).order_by("title", "pk")
        ),
    )


def course_statistics(course: Course) -> dict:
    """Enrolments, completions, rate, average quiz score and how many reached each step."""
    enrolled = Enrolment.objects.filter(course=course).count()
    completed = Enrolment.objects.filter(course=course, completed_at__isnull=False).count()
    avg = QuizAttempt.objects.filter(course=course).aggregate(a=Avg("score"))["a"]
    per_step = defaultdict(
        int,
        StepProgress.objects.filter(course=course)
        .values_list("step_id")
        .annotate(n=Count("pk"))
        .values_list("step_id", "n"),
    )
    rows = []
    for module in course_outline(course):
        for step in module.steps.all():
            done = per_step[step.pk]
            rows.append(
                {
                    "module": module.title,
                    "step": step.title,
                    "kind": step.get_kind_display(),
                    "required": step.required,
                    "done": done,
                    "percent": round(100 * done / enrolled) if enrolled else 0,
                }
            )
    return {
        "enrolled": enrolled,
        "completed": completed,
        "rate": round(100 * completed / enrolled) if enrolled else 0,
        "average_score": round(avg) if avg is not None else None,
        "steps": rows,
    }
