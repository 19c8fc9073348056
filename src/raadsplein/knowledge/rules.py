"""Who may see what in the Kenniscentrum. The one place for these permissions."""

import rules

from raadsplein.organisations.rules import is_member

from .models import Audience


@rules.predicate
def sees_members_content(user) -> bool:
    """Members of a member council, individual members and staff see members-only content."""
    return bool(is_member(user))


@rules.predicate
def can_view_publication(user, page) -> bool:
    if page is None:
        return False
    return page.audience == Audience.PUBLIC or sees_members_content(user)


rules.add_perm("knowledge.view_publication", can_view_publication)
