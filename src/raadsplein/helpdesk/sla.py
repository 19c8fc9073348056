"""Whether the desk kept its promises on a question, stored on the question for the figures.

``services.refresh_clock`` nulls a due moment once the promise is kept, so afterwards the due
moment cannot tell whether it was kept in time. This module records it when it happens:

- ``first_response_office_minutes``: office time from the question to the first reaction,
  with the time the question waited for the council left out (the clock stood still);
- ``first_response_on_time``: that time was within the target (``VRAAGBAAK_TARGETS``);
- ``solution_on_time``: the same for the solution (the answer, or the closing of a question
  that was never answered); None again while the question is open once more.

Pure arithmetic on ``officehours``; the migration that fills existing rows uses it too.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from . import officehours

ANSWERED, CLOSED = "answered", "closed"


def _until(
    pauses: Iterable[tuple[datetime.datetime, datetime.datetime | None]], moment: datetime.datetime
) -> list[tuple[datetime.datetime, datetime.datetime]]:
    """The waiting periods before ``moment``, cut off there (one still running ends there)."""
    return [(a, min(b, moment) if b is not None else moment) for a, b in pauses if a < moment]


def office_time(
    calendar: officehours.OfficeCalendar,
    *,
    start: datetime.datetime,
    end: datetime.datetime,
    pauses: Iterable[tuple[datetime.datetime, datetime.datetime | None]],
) -> datetime.timedelta:
    """Office time from ``start`` to ``end`` without the waiting periods."""
    clock = officehours.run_clock(
        calendar,
        start=start,
        target=datetime.timedelta(days=1),
        pauses=_until(pauses, end),
        now=end,
    )
    return clock.used


def solved_at(question) -> datetime.datetime | None:
    if question.status == ANSWERED:
        return question.answered_at
    if question.status == CLOSED:
        return question.answered_at or question.closed_at
    return None


def record(
    question,
    *,
    calendar: officehours.OfficeCalendar,
    pauses: list[tuple[datetime.datetime, datetime.datetime | None]],
    first_target: datetime.timedelta,
    solution_target: datetime.timedelta,
) -> None:
    """Fill the three fields on ``question`` (not saved)."""
    if question.first_response_at is None:
        question.first_response_office_minutes = None
        question.first_response_on_time = None
    elif question.first_response_office_minutes is None:
        used = office_time(
            calendar, start=question.created_at, end=question.first_response_at, pauses=pauses
        )
        question.first_response_office_minutes = int(used.total_seconds() // 60)
        question.first_response_on_time = used <= first_target
    solved = solved_at(question)
    if solved is None:
        question.solution_on_time = None
    else:
        used = office_time(calendar, start=question.created_at, end=solved, pauses=pauses)
        question.solution_on_time = used <= solution_target


FIELDS = ("first_response_office_minutes", "first_response_on_time", "solution_on_time")
