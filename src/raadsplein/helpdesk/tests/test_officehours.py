"""The office-hours clock: examples a person can check on a calendar, and properties that must
hold for every moment (hypothesis) across weekends, Dutch holidays and the nights the clocks
change."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from raadsplein.helpdesk.officehours import OfficeCalendar, run_clock

AMS = ZoneInfo("Europe/Amsterdam")
H = datetime.timedelta(hours=1)
DESK = OfficeCalendar()


def at(y, m, d, hh=0, mm=0):
    return datetime.datetime(y, m, d, hh, mm, tzinfo=AMS)


# -- examples ---------------------------------------------------------------------------------


def test_a_working_day_from_mid_morning_ends_mid_morning_the_next_day():
    # Tuesday 1 December 2026, 10:30 → Wednesday 10:30.
    assert DESK.add(at(2026, 12, 1, 10, 30), 8 * H) == at(2026, 12, 2, 10, 30)


def test_eight_hours_from_opening_is_closing_time_the_same_day():
    assert DESK.add(at(2026, 12, 1, 9), 8 * H) == at(2026, 12, 1, 17)


def test_a_question_on_friday_afternoon_is_due_on_monday_afternoon():
    assert DESK.add(at(2026, 11, 27, 16), 8 * H) == at(2026, 11, 30, 16)


def test_a_question_sent_at_night_or_at_the_weekend_starts_at_the_next_opening():
    assert DESK.add(at(2026, 11, 28, 14), 8 * H) == at(2026, 11, 30, 17)  # Saturday
    assert DESK.add(at(2026, 12, 1, 22), 1 * H) == at(2026, 12, 2, 10)  # Tuesday night
    assert DESK.add(at(2026, 12, 2, 6), 1 * H) == at(2026, 12, 2, 10)  # Wednesday early


def test_easter_and_christmas_are_skipped():
    # Thursday 2 April 2026 16:00; Good Friday 3 April and Easter Monday 6 April are holidays.
    assert DESK.add(at(2026, 4, 2, 16), 8 * H) == at(2026, 4, 7, 16)
    # Thursday 24 December 2026 12:00; Christmas Day is a Friday, Boxing Day a Saturday.
    assert DESK.add(at(2026, 12, 24, 12), 8 * H) == at(2026, 12, 28, 12)
    # King's Day, Tuesday 27 April 2027.
    assert not DESK.is_open_day(datetime.date(2027, 4, 27))


def test_five_working_days_is_a_calendar_week_without_holidays():
    assert DESK.add_working_days(at(2026, 12, 1, 11), 5) == at(2026, 12, 8, 11)


def test_the_night_summer_time_ends_has_no_extra_office_hour():
    # Clocks go back in the night of Saturday 24 to Sunday 25 October 2026.
    start = at(2026, 10, 23, 16)
    due = DESK.add(start, 8 * H)
    assert due == at(2026, 10, 26, 16)
    assert due.utcoffset() == H  # winter time
    assert start.utcoffset() == 2 * H
    assert DESK.between(start, due) == 8 * H


def test_the_night_summer_time_begins():
    # Clocks go forward in the night of Saturday 25 to Sunday 26 March 2028.
    assert DESK.add(at(2028, 3, 24, 12), 8 * H) == at(2028, 3, 27, 12)
    # In 2027 they do so in the Easter weekend: Good Friday and Easter Monday are skipped too.
    assert DESK.add(at(2027, 3, 25, 12), 8 * H) == at(2027, 3, 30, 12)


def test_days_the_organisation_closes_and_opens_itself():
    desk = OfficeCalendar(
        closed=frozenset({datetime.date(2026, 12, 2)}),
        opened=frozenset({datetime.date(2026, 4, 3)}),
    )
    assert desk.add(at(2026, 12, 1, 16), 8 * H) == at(2026, 12, 3, 16)
    assert desk.add(at(2026, 4, 2, 16), 8 * H) == at(2026, 4, 3, 16)  # open on Good Friday
    # "Opened" does not open a Saturday.
    assert not OfficeCalendar(opened=frozenset({datetime.date(2026, 12, 5)})).is_open_day(
        datetime.date(2026, 12, 5)
    )


def test_between_counts_only_office_time():
    assert DESK.between(at(2026, 11, 27, 16), at(2026, 11, 30, 10)) == 2 * H
    assert DESK.between(at(2026, 11, 30, 10), at(2026, 11, 27, 16)) == datetime.timedelta(0)
    assert DESK.between(at(2026, 11, 28, 0), at(2026, 11, 29, 23)) == datetime.timedelta(0)


def test_naive_moments_and_nonsense_are_refused():
    with pytest.raises(ValueError):
        DESK.add(datetime.datetime(2026, 12, 1, 10), H)  # noqa: DTZ001 (naive on purpose)
    with pytest.raises(ValueError):
        DESK.add(at(2026, 12, 1, 10), -H)
    with pytest.raises(ValueError):
        OfficeCalendar(opens=datetime.time(17), closes=datetime.time(9))


def test_other_hours_from_the_settings():
    short = OfficeCalendar(opens=datetime.time(10), closes=datetime.time(12, 30))
    assert short.hours_per_day == datetime.timedelta(hours=2, minutes=30)
    assert short.add(at(2026, 12, 1, 12), H) == at(2026, 12, 2, 10, 30)


# -- the clock with pauses (waiting for the council) --------------------------------------------


def test_waiting_for_the_council_stops_the_clock():
    start = at(2026, 12, 1, 9)  # Tuesday
    # Waiting for the council from Tuesday 11:00 to Thursday 11:00: two office days stand still.
    clock = run_clock(
        DESK,
        start=start,
        target=8 * H,
        pauses=[(at(2026, 12, 1, 11), at(2026, 12, 3, 11))],
        now=at(2026, 12, 3, 12),
    )
    assert clock.due == at(2026, 12, 3, 17)
    assert clock.used == 3 * H
    assert clock.remaining == 5 * H
    assert not clock.paused


def test_a_pause_still_running_has_no_due_moment():
    clock = run_clock(
        DESK,
        start=at(2026, 12, 1, 9),
        target=8 * H,
        pauses=[(at(2026, 12, 1, 13), None)],
        now=at(2026, 12, 7, 12),
    )
    assert clock.due is None
    assert clock.paused
    assert clock.used == 4 * H and clock.remaining == 4 * H


def test_a_promise_kept_before_the_pause_keeps_its_due_moment():
    clock = run_clock(
        DESK,
        start=at(2026, 12, 1, 9),
        target=2 * H,
        pauses=[(at(2026, 12, 1, 13), None)],
        now=at(2026, 12, 1, 14),
    )
    assert clock.due == at(2026, 12, 1, 11)
    assert clock.remaining == datetime.timedelta(0)


def test_an_overdue_clock_has_used_more_than_its_target():
    clock = run_clock(DESK, start=at(2026, 12, 1, 9), target=8 * H, now=at(2026, 12, 3, 9))
    assert clock.due == at(2026, 12, 1, 17)
    assert clock.used == 16 * H and clock.remaining == datetime.timedelta(0)


# -- properties ---------------------------------------------------------------------------------

# Moments from 2024 to 2029 to the minute, as aware datetimes in Amsterdam (from UTC, so also
# the hour that happens twice in October).
# (hypothesis draws naive datetimes between naive bounds; they are read as UTC.)
moments = st.datetimes(
    min_value=datetime.datetime(2024, 1, 1),  # noqa: DTZ001
    max_value=datetime.datetime(2029, 12, 31),  # noqa: DTZ001
).map(lambda d: d.replace(second=0, microsecond=0, tzinfo=datetime.UTC).astimezone(AMS))
durations = st.integers(min_value=0, max_value=60 * 8 * 30).map(
    lambda m: datetime.timedelta(minutes=m)
)
closed_days = st.frozensets(
    st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2030, 3, 1)),
    max_size=40,
)


@settings(max_examples=300, deadline=None)
@given(start=moments, duration=durations, closed=closed_days)
def test_between_is_the_inverse_of_add(start, duration, closed):
    desk = OfficeCalendar(closed=closed)
    due = desk.add(start, duration)
    assert desk.between(start, due) == duration
    assert due >= start


@settings(max_examples=300, deadline=None)
@given(start=moments, duration=durations.filter(bool))
def test_a_due_moment_falls_in_office_hours(start, duration):
    due = DESK.add(start, duration)
    local = due.astimezone(AMS)
    assert DESK.is_open_day(local.date())
    opens, closes = DESK.window(local.date())
    assert opens < local <= closes


@settings(max_examples=300, deadline=None)
@given(a=moments, b=moments, c=moments)
def test_between_adds_up_and_never_exceeds_the_clock(a, b, c):
    a, b, c = sorted([a, b, c])
    assert DESK.between(a, b) + DESK.between(b, c) == DESK.between(a, c)
    assert DESK.between(a, c) <= c - a


@settings(max_examples=200, deadline=None)
@given(start=moments, d1=durations, d2=durations)
def test_adding_in_two_steps_is_adding_once(start, d1, d2):
    assert DESK.add(DESK.add(start, d1), d2) == DESK.add(start, d1 + d2)


@settings(max_examples=200, deadline=None)
@given(day=st.dates(min_value=datetime.date(2024, 1, 1), max_value=datetime.date(2029, 12, 31)))
def test_every_open_day_has_eight_office_hours_also_when_the_clocks_change(day):
    start = datetime.datetime.combine(day, datetime.time(0), tzinfo=AMS)
    end = datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time(0), tzinfo=AMS)
    expected = 8 * H if DESK.is_open_day(day) else datetime.timedelta(0)
    assert DESK.between(start, end) == expected
    if day.weekday() >= 5:
        assert expected == datetime.timedelta(0)


@settings(max_examples=200, deadline=None)
@given(
    start=moments,
    target=durations.filter(bool),
    pause_at=durations,
    pause_for=durations,
)
def test_a_pause_moves_the_due_moment_by_exactly_its_office_time(
    start, target, pause_at, pause_for
):
    """A pause that begins before the promise is due pushes the due moment on by the office
    time the pause took; a pause after it changes nothing."""
    a = DESK.add(start, pause_at)
    b = DESK.add(a, pause_for)
    far = b + datetime.timedelta(days=400)
    clock = run_clock(DESK, start=start, target=target, pauses=[(a, b)], now=far)
    plain = DESK.add(start, target)
    if plain <= a:
        assert clock.due == plain
    else:
        assert clock.due == DESK.add(start, target + DESK.between(a, b))
    assert DESK.between(start, clock.due) - DESK.between(a, min(b, clock.due)) == target
