"""Who is staff. Other apps build on these predicates."""

import rules

from . import roles


def staff_group_names(user) -> frozenset[str]:
    """Names of the staff groups the user is in, read once per user object."""
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    cached = getattr(user, "_raadsplein_staff_groups", None)
    if cached is None:
        cached = frozenset(
            user.groups.filter(name__in=roles.STAFF_GROUPS).values_list("name", flat=True)
        )
        user._raadsplein_staff_groups = cached
    return cached


@rules.predicate
def is_staff_member(user) -> bool:
    """Adviseur, redacteur, beheerder, beleidsadviseur, or a superuser."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(user.is_superuser or staff_group_names(user))


@rules.predicate
def is_adviseur(user) -> bool:
    return roles.ADVISEUR in staff_group_names(user)


@rules.predicate
def is_redacteur(user) -> bool:
    return roles.REDACTEUR in staff_group_names(user)


@rules.predicate
def is_beleidsadviseur(user) -> bool:
    return roles.BELEIDSADVISEUR in staff_group_names(user)


@rules.predicate
def is_beheerder(user) -> bool:
    return bool(getattr(user, "is_superuser", False)) or roles.BEHEERDER in staff_group_names(user)


rules.add_perm("accounts.manage_people", is_beheerder)
