"""Office hours: the clock the Vraagbaak's promises run on.

The desk is open on weekdays from 9:00 to 17:00 in Amsterdam, not on Dutch public holidays
(the ``holidays`` package) and not on the days the organisation closes itself; it may also open
on a day the package lists (Goede Vrijdag is one for many employers). A first answer "within
one working day" is eight office hours, a solution "within five working days" forty.

:class:`OfficeCalendar` does the arithmetic and knows nothing of the database, so it can be
tested on its own (``tests/test_officehours.py``, with hypothesis). :func:`office_calendar`
builds the calendar the desk uses today, with the days staff added in the admin.

Every function takes and returns aware datetimes; results are in the office's time zone.
Differences are taken in UTC, so the night the clocks change counts right.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays as holiday_calendars

UTC = datetime.UTC
ZERO = datetime.timedelta(0)
# A promise longer than this many calendar days is a mistake in the settings, not a plan.
_MAX_DAYS = 3 * 366


@lru_cache(maxsize=8)
def _public_holidays(year: int) -> frozenset[datetime.date]:
    return frozenset(holiday_calendars.country_holidays("NL", years=year, language="nl"))


def public_holidays(year: int) -> dict[datetime.date, str]:
    """The Dutch public holidays of ``year`` with their Dutch names."""
    return dict(holiday_calendars.country_holidays("NL", years=year, language="nl"))


@dataclass(frozen=True)
class OfficeCalendar:
    """When the desk is open: ``opens``–``closes`` local time on weekdays that are no holiday.

    ``closed`` are extra days the organisation is shut; ``opened`` are public holidays on which
    it works anyway (a weekday in ``opened`` is open even if the package lists it).
    """

    timezone: str = "Europe/Amsterdam"
    opens: datetime.time = datetime.time(9, 0)
    closes: datetime.time = datetime.time(17, 0)
    closed: frozenset[datetime.date] = field(default_factory=frozenset)
    opened: frozenset[datetime.date] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.opens < self.closes:
            raise ValueError("opens must be before closes")

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    @property
    def hours_per_day(self) -> datetime.timedelta:
        day = datetime.date(2000, 1, 3)
        return datetime.datetime.combine(day, self.closes) - datetime.datetime.combine(
            day, self.opens
        )

    # -- days -------------------------------------------------------------------------------

    def is_open_day(self, day: datetime.date) -> bool:
        if day in self.closed:
            return False
        if day.weekday() >= 5:
            return False
        return day in self.opened or day not in _public_holidays(day.year)

    def window(self, day: datetime.date) -> tuple[datetime.datetime, datetime.datetime]:
        """The opening and closing moment of ``day`` (whether or not it is an open day)."""
        zone = self.zone
        return (
            datetime.datetime.combine(day, self.opens, tzinfo=zone),
            datetime.datetime.combine(day, self.closes, tzinfo=zone),
        )

    def _local(self, moment: datetime.datetime) -> datetime.datetime:
        if moment.tzinfo is None:
            raise ValueError("office hours need an aware datetime")
        return moment.astimezone(self.zone)

    def is_open(self, moment: datetime.datetime) -> bool:
        local = self._local(moment)
        start, end = self.window(local.date())
        return self.is_open_day(local.date()) and start <= local < end

    def next_opening(self, moment: datetime.datetime) -> datetime.datetime:
        """``moment`` itself if the desk is open then, else the next moment it opens."""
        local = self._local(moment)
        day = local.date()
        for _ in range(_MAX_DAYS):
            if self.is_open_day(day):
                start, end = self.window(day)
                if local < start:
                    return start
                if local < end:
                    return local
            day += datetime.timedelta(days=1)
            local = self.window(day)[0]
        raise ValueError("the desk is not open in the next three years")

    # -- durations --------------------------------------------------------------------------

    def between(self, start: datetime.datetime, end: datetime.datetime) -> datetime.timedelta:
        """The office time from ``start`` to ``end`` (zero if ``end`` is not after ``start``)."""
        a, b = self._local(start), self._local(end)
        if b <= a:
            return ZERO
        total = ZERO
        day = a.date()
        last = b.date()
        while day <= last:
            if self.is_open_day(day):
                opens, closes = self.window(day)
                lo, hi = max(a, opens), min(b, closes)
                if hi > lo:
                    total += hi.astimezone(UTC) - lo.astimezone(UTC)
            day += datetime.timedelta(days=1)
        return total

    def add(self, start: datetime.datetime, duration: datetime.timedelta) -> datetime.datetime:
        """The moment ``duration`` of office time after ``start``.

        With a zero duration that is ``start`` itself; otherwise the result lies inside office
        hours or exactly at a closing time (eight hours from 9:00 is 17:00 the same day).
        """
        if duration < ZERO:
            raise ValueError("duration must not be negative")
        local = self._local(start)
        if duration == ZERO:
            return local
        remaining = duration
        day = local.date()
        for _ in range(_MAX_DAYS):
            if self.is_open_day(day):
                opens, closes = self.window(day)
                lo = max(local, opens)
                if lo < closes:
                    available = closes.astimezone(UTC) - lo.astimezone(UTC)
                    if remaining <= available:
                        return (lo.astimezone(UTC) + remaining).astimezone(self.zone)
                    remaining -= available
            day += datetime.timedelta(days=1)
            local = self.window(day)[0]
        raise ValueError("the desk is not open long enough in the next three years")

    def add_working_days(self, start: datetime.datetime, days: int) -> datetime.datetime:
        """``days`` working days of office time after ``start`` (a working day = one day's
        opening hours)."""
        return self.add(start, self.hours_per_day * days)


@dataclass(frozen=True)
class Clock:
    """A promise's clock: how much office time it has used and when it falls due.

    ``pauses`` are the periods the clock stood still (a question waiting for the council);
    the last may still be running (``end`` None), in which case the promise has no due moment
    until the council answers.
    """

    due: datetime.datetime | None
    used: datetime.timedelta
    remaining: datetime.timedelta
    paused: bool


def run_clock(
    calendar: OfficeCalendar,
    *,
    start: datetime.datetime,
    target: datetime.timedelta,
    pauses: Iterable[tuple[datetime.datetime, datetime.datetime | None]] = (),
    now: datetime.datetime,
) -> Clock:
    """Run a promise of ``target`` office time from ``start``, standing still during
    ``pauses``, as it stands at ``now``."""
    spans = sorted(((max(a, start), b) for a, b in pauses), key=lambda p: p[0])
    # The active stretches of time: from start to the first pause, between pauses, and on
    # from the end of the last one.
    active: list[tuple[datetime.datetime, datetime.datetime | None]] = []
    cursor: datetime.datetime | None = start
    for a, b in spans:
        if cursor is None:
            break
        if a > cursor:
            active.append((cursor, a))
        if b is None:
            cursor = None
        elif b > cursor:
            cursor = b
    paused_now = cursor is None or cursor > now
    if cursor is not None:
        active.append((cursor, None))

    used = ZERO
    consumed = ZERO
    due = None
    for a, b in active:
        span = calendar.between(a, b) if b is not None else None
        if due is None:
            if span is not None and consumed + span < target:
                consumed += span
            else:
                due = calendar.add(a, target - consumed)
        used += calendar.between(a, min(b, now) if b is not None else now)
    remaining = max(target - used, ZERO)
    return Clock(due=due, used=used, remaining=remaining, paused=paused_now)


def office_calendar() -> OfficeCalendar:
    """The calendar the desk works by: the settings' hours and the days staff added."""
    from django.conf import settings

    from .models import ClosedDay

    closed, opened = set(), set()
    for day, is_open in ClosedDay.objects.values_list("date", "is_open"):
        (opened if is_open else closed).add(day)
    hours = settings.VRAAGBAAK_OFFICE_HOURS
    return OfficeCalendar(
        timezone=settings.TIME_ZONE,
        opens=datetime.time.fromisoformat(hours[0]),
        closes=datetime.time.fromisoformat(hours[1]),
        closed=frozenset(closed),
        opened=frozenset(opened),
    )
