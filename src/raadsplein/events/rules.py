"""Who may do what with events and bookings. The one place for these permissions.

Booking for a council's members is for its officers: ``organisations.rules.is_officer_of``
(checked by ``services.book_seat``)."""

import rules

from raadsplein.accounts.rules import is_staff_member


@rules.predicate
def is_session_trainer(user, session) -> bool:
    return (
        session is not None
        and getattr(user, "is_authenticated", False)
        and session.trainer_account_id == user.pk
    )


rules.add_perm("events.run_session", is_staff_member | is_session_trainer)
rules.add_perm("events.manage_sessions", is_staff_member)
