"""Who may see what of councils and member pages. The one place for these permissions."""

import rules
from django.utils import timezone

from raadsplein.accounts.rules import is_staff_member
from raadsplein.web.caching import for_person

from . import selectors
from .models import Seat


@rules.predicate
def has_membership(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    cached = getattr(user, "_raadsplein_has_membership", None)
    if cached is None:
        # Every signed-in page asks (the header): kept for this person until seats or
        # memberships change (raadsplein.web.caching.for_person).
        cached = for_person("has-membership", user, lambda: selectors.has_membership(user))
        user._raadsplein_has_membership = cached
    return cached


# A "member": a seat on a member council, an active individual membership, or staff.
is_member = is_staff_member | has_membership


@rules.predicate
def holds_seat_on(user, council) -> bool:
    if not getattr(user, "is_authenticated", False) or council is None:
        return False
    return Seat.objects.filter(
        Seat.current_q(timezone.localdate()), person=user, council=council
    ).exists()


@rules.predicate
def is_officer_of(user, council) -> bool:
    """A current seat on the council in one of the roles that act for it
    (``Council.officer_roles``: chair and secretary unless the council chose otherwise)."""
    if not getattr(user, "is_authenticated", False) or council is None:
        return False
    roles = council.officer_role_set()
    return Seat.objects.filter(
        Seat.current_q(timezone.localdate()), person=user, council=council, role__in=roles
    ).exists()


rules.add_perm("organisations.browse_directory", is_member)
# A council's profile for other councils (the view finds only visible ones, or one's own).
rules.add_perm("organisations.browse_directory_entry", is_member)
rules.add_perm("organisations.view_council_records", is_staff_member | holds_seat_on)
# Book for the council's members, see their progress, choose the officer roles.
rules.add_perm("organisations.act_for_council", is_staff_member | is_officer_of)
