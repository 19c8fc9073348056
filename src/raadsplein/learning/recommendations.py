"""The next recommended course and step for a person, with the reason in plain words."""

from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.organisations.models import SeatRole

from . import selectors
from .models import Course, Experience, LearnerProfile, LearningPathRole, Step

ROLE_PHRASES = {
    LearningPathRole.NEW_MEMBER: gettext_lazy("nieuw lid"),
    LearningPathRole.LID: gettext_lazy("lid"),
    LearningPathRole.VOORZITTER: gettext_lazy("voorzitter"),
    LearningPathRole.SECRETARIS: gettext_lazy("secretaris"),
    LearningPathRole.ONDERSTEUNER: gettext_lazy("ondersteuner"),
}


def path_role(profile: LearnerProfile | None, *, new_member: bool) -> str:
    """The learning path for the person's role. The path (and the reason "Omdat u nieuw lid
    bent") for new members only when their first seat began less than a year ago
    (``new_member``) and they did not say in their profile that they are experienced."""
    role = profile.council_role if profile else ""
    if role == SeatRole.VOORZITTER:
        return LearningPathRole.VOORZITTER
    if role == SeatRole.SECRETARIS:
        return LearningPathRole.SECRETARIS
    if role in (SeatRole.ONDERSTEUNER, SeatRole.AMBTELIJK_SECRETARIS):
        return LearningPathRole.ONDERSTEUNER
    if new_member and (profile is None or profile.experience == Experience.NEW):
        return LearningPathRole.NEW_MEMBER
    return LearningPathRole.LID


def _reason(profile: LearnerProfile | None, role: str) -> str:
    phrase = str(ROLE_PHRASES.get(role, _("lid")))
    if profile and profile.care_sector:
        return _("Omdat u %(role)s bent in de %(sector)s.") % {
            "role": phrase,
            "sector": profile.care_sector.name.lower(),
        }
    return _("Omdat u %(role)s bent.") % {"role": phrase}


@dataclass
class Recommendation:
    course: Course
    step: Step | None
    reason: str
    in_progress: bool = False


def recommendation_for(person) -> Recommendation | None:
    visible = set(selectors.courses_visible_to(person).values_list("pk", flat=True))
    enrolments = selectors.enrolments_by_course(person)
    # 1. Carry on with a course you started.
    started = sorted(
        (e for e in enrolments.values() if e.completed_at is None and e.course_id in visible),
        key=lambda e: e.last_activity_at,
        reverse=True,
    )
    if started:
        course = Course.objects.get(pk=started[0].course_id)
        return _with_next_step(
            course,
            person,
            _("U bent met deze cursus bezig. Ga verder waar u was."),
            True,
            last_step_id=started[0].last_step_id,
        )
    # 2. The next course on the learning path for your role.
    profile = selectors.profile_for(person)
    role = path_role(profile, new_member=selectors.is_new_member(person))
    path = selectors.path_for_role(role)
    if path:
        for item in path.items.all():
            course = item.course
            if course.pk in visible and not (
                course.pk in enrolments and enrolments[course.pk].completed_at
            ):
                return _with_next_step(course, person, _reason(profile, role))
    # 3. A course on one of your interests.
    if profile:
        interests = list(profile.interests.all())
        if interests:
            done = {cid for cid, e in enrolments.items() if e.completed_at}
            course = (
                Course.objects.filter(pk__in=visible - done, themes__in=interests)
                .order_by("title")
                .first()
            )
            if course:
                return _with_next_step(
                    course,
                    person,
                    _("Omdat u interesse heeft in %(theme)s.")
                    % {"theme": ", ".join(t.name.lower() for t in interests[:2])},
                )
    return None


def _with_next_step(course, person, reason, in_progress=False, last_step_id=None) -> Recommendation:
    progress = selectors.progress_for(person, course)
    return Recommendation(
        course=course,
        step=progress.resume_step(last_step_id),
        reason=reason,
        in_progress=in_progress,
    )


def panel_context(request) -> dict:
    return {"recommendation": recommendation_for(request.user)}
