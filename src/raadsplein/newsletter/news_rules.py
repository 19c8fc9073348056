"""Who may read a news item: public items everyone, members-only items members (and staff),
the same rule as the knowledge centre's publications."""

import rules

from raadsplein.knowledge.models import Audience
from raadsplein.knowledge.rules import sees_members_content


@rules.predicate
def can_view_news(user, page) -> bool:
    if page is None:
        return False
    return page.audience == Audience.PUBLIC or sees_members_content(user)


rules.add_perm("newsletter.view_news", can_view_news)
