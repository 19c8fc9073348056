"""The stored office minutes to the first reaction and whether each promise was kept."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.helpdesk import services
from raadsplein.helpdesk.models import Status
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def at(d, hh, mm=0):
    return datetime.datetime(2026, 11, d, hh, mm, tzinfo=AMS)


def test_first_reaction_over_the_weekend_counts_office_minutes_only():
    asker, advisor = member(), adviseur()
    # Friday 27 November 16:00, answered Monday 10:30: one hour on Friday, 90 minutes Monday.
    question = services.ask(asker=asker, subject="S", question="V", now=at(27, 16))
    services.reply(
        question=question, advisor=advisor, body="A", then=Status.WAITING, now=at(30, 10, 30)
    )
    question.refresh_from_db()
    assert question.first_response_office_minutes == 150
    assert question.first_response_on_time is True
    assert question.solution_on_time is None
    # It waits for the council a whole week: that week does not count for the solution.
    services.council_reply(
        question=question,
        author=asker,
        body="Nog dit",
        now=datetime.datetime(2026, 12, 7, 9, tzinfo=AMS),
    )
    services.reply(
        question=question,
        advisor=advisor,
        body="B",
        now=datetime.datetime(2026, 12, 7, 12, tzinfo=AMS),
    )
    question.refresh_from_db()
    assert question.first_response_office_minutes == 150  # kept from the first reaction
    assert question.solution_on_time is True


def test_a_late_first_reaction_and_solution_are_recorded_as_late():
    asker, advisor = member(), adviseur()
    question = services.ask(asker=asker, subject="S", question="V", now=at(2, 9))
    services.reply(question=question, advisor=advisor, body="A", now=at(3, 10))
    question.refresh_from_db()
    assert (question.first_response_office_minutes, question.first_response_on_time) == (540, False)
    assert question.solution_on_time is True
    services.set_status(question=question, status=Status.OPEN, actor=advisor, now=at(4, 9))
    question.refresh_from_db()
    assert question.solution_on_time is None  # open again: not solved
    services.set_status(question=question, status=Status.CLOSED, actor=advisor, now=at(20, 9))
    question.refresh_from_db()
    # Closed without a new answer: the earlier answer was the solution, in time.
    assert question.solution_on_time is True
