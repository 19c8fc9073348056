"""Who may do what with events and bookings. The one place for these permissions."""

import rules
from django.utils import timezone

from raadsplein.accounts.rules import is_staff_member
from raadsplein.organisations.models import Seat, SeatRole

BOOKING_ROLES = (SeatRole.VOORZITTER, SeatRole.SECRETARIS)


@rules.predicate
def can_book_for_council(user, council) -> bool:
    """The chair or secretary of a council may book for that council's members."""
    if not getattr(user, "is_authenticated", False) or council is None:
        return False
    return Seat.objects.filter(
        Seat.current_q(timezone.localdate()), person=user, council=council, role__in=BOOKING_ROLES
    ).exists()


@rules.predicate
def is_session_trainer(user, session) -> bool:
    return (
        session is not None
        and getattr(user, "is_authenticated", False)
        and session.trainer_account_id == user.pk
    )


rules.add_perm("events.run_session", is_staff_member | is_session_trainer)
rules.add_perm("events.manage_sessions", is_staff_member)
