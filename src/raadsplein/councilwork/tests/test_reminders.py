"""Deadline reminders: the council's officers get a mail 7 and 2 days before an open
trajectory's deadline and on the day itself, each once; a changed deadline is reminded again."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone, translation

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import SeatFactory

from .. import reminders, tasks
from ..models import State
from . import factories as f

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def in_days(n):
    return today() + datetime.timedelta(days=n)


def test_officers_get_a_reminder_seven_days_before_in_their_language(world):
    world.secretary.language = "en"
    world.secretary.save()
    trajectory = f.TrajectoryFactory(
        council=world.council, title="Begroting 2027", deadline=in_days(7)
    )
    assert reminders.send_due() == 2
    to = sorted(m.to[0] for m in mail.outbox)
    assert to == sorted([world.chair.email, world.secretary.email])  # not the member
    dutch = next(m for m in mail.outbox if m.to == [world.chair.email])
    assert dutch.subject == "[Raadsplein] Nog 7 dagen voor uw reactie: Begroting 2027"
    assert dutch.extra_headers["Auto-Submitted"] == "auto-generated"
    assert f"/raadswerk/{world.council.pk}/trajecten/{trajectory.pk}/" in dutch.body
    assert dutch.body.startswith("Beste ")
    assert "Over 7 dagen moet Cliëntenraad De Linde reageren op dit traject:" in dutch.body
    assert "Begroting 2027" in dutch.body
    english = next(m for m in mail.outbox if m.to == [world.secretary.email])
    with translation.override("en"):
        greeting = translation.gettext("Beste %(name)s,") % {"name": world.secretary.display_name}
    assert english.body.startswith(greeting)


def test_reminder_is_sent_once_however_often_it_runs(world):
    f.TrajectoryFactory(council=world.council, deadline=in_days(2))
    assert reminders.send_due() == 2
    assert reminders.send_due() == 0
    assert len(mail.outbox) == 2


def test_reminders_at_seven_two_and_the_day_itself(world):
    trajectory = f.TrajectoryFactory(council=world.council, deadline=in_days(7))
    sent = {}
    for n in range(8, -2, -1):
        day = trajectory.deadline - datetime.timedelta(days=n)
        sent[n] = reminders.send_due(today=day)
    assert {n: c for n, c in sent.items() if c} == {7: 2, 2: 2, 0: 2}
    subjects = [m.subject for m in mail.outbox]
    assert any("Vandaag is de uiterste datum" in s for s in subjects)


def test_a_changed_deadline_is_reminded_again(world):
    trajectory = f.TrajectoryFactory(council=world.council, deadline=in_days(2))
    assert reminders.send_due() == 2
    trajectory.deadline = in_days(1)
    trajectory.save()
    assert reminders.send_due() == 2
    assert reminders.send_due() == 0


def test_a_missed_run_is_caught_up_once(world):
    f.TrajectoryFactory(council=world.council, deadline=in_days(5))
    assert reminders.send_due() == 2  # the 7-day reminder, a little late
    assert "Nog 5 dagen" in mail.outbox[0].subject
    assert reminders.send_due(today=in_days(1)) == 0  # 4 days left: still the 7-day one


def test_no_reminder_for_closed_or_without_deadline_or_far_away(world):
    f.TrajectoryFactory(council=world.council, deadline=in_days(2), state=State.CLOSED)
    f.TrajectoryFactory(council=world.council, deadline=None)
    f.TrajectoryFactory(council=world.council, deadline=in_days(30))
    f.TrajectoryFactory(
        council=world.council,
        received=today() - datetime.timedelta(days=60),
        deadline=today() - datetime.timedelta(days=10),
    )
    assert reminders.send_due() == 0
    assert mail.outbox == []


def test_officer_roles_of_the_council_decide_who_gets_it(world):
    world.council.officer_roles = ["voorzitter"]
    world.council.save()
    SeatFactory(
        person=UserFactory(),
        council=world.council,
        role=SeatRole.VOORZITTER,
        start_date=today() - datetime.timedelta(days=400),
        end_date=today() - datetime.timedelta(days=1),
    )
    f.TrajectoryFactory(council=world.council, deadline=in_days(2))
    assert reminders.send_due() == 1
    assert mail.outbox[0].to == [world.chair.email]


def test_setting_changes_the_days(world, settings):
    settings.COUNCILWORK_REMINDER_DAYS = [10]
    f.TrajectoryFactory(council=world.council, deadline=in_days(10))
    assert reminders.send_due() == 2
    assert "Nog 10 dagen" in mail.outbox[0].subject
    assert reminders.send_due(today=in_days(3)) == 0  # no 7-day reminder now
    assert reminders.send_due(today=in_days(8)) == 0  # nor a 2-day one
    assert reminders.send_due(today=in_days(10)) == 2  # the day itself


def test_command_and_task_run_the_sweep_and_print_counts(world, capsys):
    f.TrajectoryFactory(council=world.council, deadline=in_days(2))
    call_command("process_councilwork")
    out = capsys.readouterr().out
    assert "trajectory_reminders: 2" in out
    assert tasks.sweep()["trajectory_reminders"] == 0
    assert len(mail.outbox) == 2
