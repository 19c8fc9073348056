"""Who may see and handle Vraagbaak questions. The one place for these permissions.

A question is the asker's; the seat holders of its council see it only when the asker shares
it; advisors handle every question. Expert pools see only what an advisor forwarded and
shared (never through these question rules: experts have their own pages, see pools.py).
"""

import rules

from raadsplein.accounts.rules import is_adviseur, is_beheerder
from raadsplein.organisations.rules import has_membership, holds_seat_on


@rules.predicate
def asked(user, question) -> bool:
    return (
        question is not None
        and getattr(user, "is_authenticated", False)
        and question.asker_id == user.pk
    )


@rules.predicate
def shares_council_of(user, question) -> bool:
    return (
        question is not None
        and question.share_with_council
        and question.council_id is not None
        and holds_seat_on(user, question.council)
    )


is_desk = is_adviseur | is_beheerder

rules.add_perm("helpdesk.ask", has_membership)
rules.add_perm("helpdesk.view_question", asked | shares_council_of | is_desk)
rules.add_perm("helpdesk.reply_as_council", asked | shares_council_of)
rules.add_perm("helpdesk.handle_questions", is_desk)


@rules.predicate
def is_expert(user) -> bool:
    """An active member of an active expert pool today (the expert role)."""
    from .pools import pools_of

    return pools_of(user).exists()


@rules.predicate
def may_open_forward(user, forward) -> bool:
    """An expert sees a question only through a live forward to a pool they are in."""
    from .pools import may_open

    return may_open(user, forward)


rules.add_perm("helpdesk.expert_pages", is_expert)
rules.add_perm("helpdesk.open_forward", may_open_forward)
rules.add_perm("helpdesk.forward_question", is_desk)
rules.add_perm("helpdesk.score_question", asked)
rules.add_perm("helpdesk.make_knowledge_draft", is_desk)
rules.add_perm("helpdesk.open_signal", is_desk)
