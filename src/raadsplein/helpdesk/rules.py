"""Who may see and handle Vraagbaak questions. The one place for these permissions.

A question is the asker's; the seat holders of its council see it only when the asker shares
it; advisors handle every question. Expert pools (later) see only what was forwarded to them.
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
