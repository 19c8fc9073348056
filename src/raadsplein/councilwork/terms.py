"""Members' terms, read from the council's seats and its scheme's settings.

For each current seat: the role, when the term began and ends, which term in a row this is
(the person's earlier seats on this council that run on into this one), whether the scheme
allows re-appointment (``max_terms``; unknown when the scheme says nothing), and a warning when
the term ends within ``RAADSPLEIN_TERM_WARNING_DAYS``. Vacancies are the scheme's number of
members minus the members seated now, when the scheme sets that number.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.utils import timezone

from raadsplein.organisations.models import Council, Seat, SeatRole

from . import selectors
from .models import SchemeSettings

# Seats that make someone a member of the council: the supporter and the official secretary
# help the council but are not among its members (and do not fill a place of the scheme).
MEMBER_ROLES = frozenset({SeatRole.VOORZITTER, SeatRole.SECRETARIS, SeatRole.LID})
# A new seat that starts within this many days after the previous one ended continues it:
# a re-appointment is often recorded with a small gap (the board's letter comes later).
CONSECUTIVE_GAP_DAYS = 31
# A seat that began within this many days makes its holder a new member (onboarding).
NEW_MEMBER_DAYS = 365


@dataclass
class MemberTerm:
    seat: Seat
    start: datetime.date  # when this run of terms' current term began
    end: datetime.date | None
    end_estimated: bool  # no end date on the seat: start + the scheme's term length
    number: int  # 1 for a first term, 2 after one re-appointment, …
    max_terms: int | None
    ends_within_warning: bool
    days_left: int | None
    is_new: bool

    @property
    def person(self):
        return self.seat.person

    @property
    def role(self) -> str:
        return self.seat.get_role_display()

    @property
    def reappointment(self) -> bool | None:
        """True: the scheme allows another term; False: this is the last; None: unknown."""
        if not self.max_terms:
            return None
        return self.number < self.max_terms

    @property
    def is_member(self) -> bool:
        return self.seat.role in MEMBER_ROLES


def term_number(seat: Seat, earlier_seats: list[Seat]) -> int:
    """Which term in a row ``seat`` is: 1 plus each earlier seat of the same person on the
    same council that ended just before the next began (``earlier_seats`` newest first). A
    seat that overlaps (a second role held at the same time) is not an earlier term; a gap of
    more than ``CONSECUTIVE_GAP_DAYS`` ends the row."""
    number, start = 1, seat.start_date
    for earlier in earlier_seats:
        if earlier.pk == seat.pk or earlier.start_date >= start:
            continue
        if earlier.end_date is None or earlier.end_date >= start:
            continue
        if (start - earlier.end_date).days > CONSECUTIVE_GAP_DAYS:
            break
        number += 1
        start = earlier.start_date
    return number


def member_terms(
    council: Council, *, scheme: SchemeSettings | None = None, today: datetime.date | None = None
) -> list[MemberTerm]:
    """Every current seat of the council with its term. Three queries however many seats
    (two when ``scheme`` is given)."""
    today = today or timezone.localdate()
    scheme = scheme or selectors.scheme_settings(council)
    seats = list(selectors.seat_holders(council, today=today))
    earlier: dict[int, list[Seat]] = {}
    if seats:
        past = Seat.objects.filter(
            council=council,
            person_id__in={s.person_id for s in seats},
            start_date__lte=today,
        ).order_by("-start_date", "-pk")
        for row in past:
            earlier.setdefault(row.person_id, []).append(row)
    warn_days = settings.RAADSPLEIN_TERM_WARNING_DAYS
    result = []
    for seat in seats:
        end, estimated = seat.end_date, False
        if end is None and scheme.term_years:
            end = seat.start_date + relativedelta(years=scheme.term_years) - datetime.timedelta(1)
            estimated = True
        days_left = (end - today).days if end else None
        result.append(
            MemberTerm(
                seat=seat,
                start=seat.start_date,
                end=end,
                end_estimated=estimated,
                number=term_number(seat, earlier.get(seat.person_id, [])),
                max_terms=scheme.max_terms,
                ends_within_warning=days_left is not None and days_left <= warn_days,
                days_left=days_left,
                is_new=(today - seat.start_date).days < NEW_MEMBER_DAYS,
            )
        )
    return result


def open_places(scheme: SchemeSettings, terms: list[MemberTerm]) -> int | None:
    """The scheme's number of members minus the members seated now (never below 0); None when
    the scheme does not set a number."""
    target = scheme.members_target
    if not target:
        return None
    seated = {t.seat.person_id for t in terms if t.is_member}
    return max(0, target - len(seated))
