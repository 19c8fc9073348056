"""Who may see which course, step and overview. The one place for learning permissions."""

import rules

from raadsplein.accounts.rules import is_staff_member
from raadsplein.organisations.rules import is_member, is_officer_of

from .models import Audience


@rules.predicate
def can_see_course(user, course) -> bool:
    """Published public courses: everyone. Published members' courses: members. Drafts: staff."""
    if course is None:
        return False
    if not course.is_published:
        return is_staff_member(user)
    if course.audience == Audience.PUBLIC:
        return True
    return is_member(user)


@rules.predicate
def can_follow_course(user, course) -> bool:
    """Taking part (steps, progress) needs a signed-in person who may see the course."""
    return bool(getattr(user, "is_authenticated", False)) and can_see_course(user, course)


@rules.predicate
def can_take_step(user, step) -> bool:
    """A step (its page, marking it done, its quiz) is for whoever may follow its course."""
    return step is not None and can_follow_course(user, step.module.course)


rules.add_perm("learning.view_course", can_see_course)
rules.add_perm("learning.follow_course", can_follow_course)
rules.add_perm("learning.take_step", can_take_step)
rules.add_perm("learning.view_council_overview", is_staff_member | is_officer_of)
rules.add_perm("learning.view_course_statistics", is_staff_member)
