"""The staff screen of failed and stuck tasks, with its retry button."""

import datetime

import pytest
from django.urls import reverse
from django_tasks_db.compat import TaskResultStatus

from raadsplein.accounts.tests.factories import adviseur, beheerder
from raadsplein.organisations.tests.factories import member

from .factories import heartbeat, task_row

pytestmark = pytest.mark.django_db

MIN = datetime.timedelta(minutes=1)


@pytest.fixture(autouse=True)
def _lease(settings):
    settings.RAADSPLEIN_TASK_LEASE_SECONDS = 30


def test_beheerder_sees_failed_and_stuck_tasks_but_not_healthy_ones(client):
    failed = task_row(status=TaskResultStatus.FAILED, path="raadsplein.jobs.tests.tasks.record")
    heartbeat("gone", ago=MIN)
    stuck = task_row(status=TaskResultStatus.RUNNING, worker_ids=["gone"], started_ago=2 * MIN)
    heartbeat("busy", ago=datetime.timedelta(seconds=1))
    healthy = task_row(status=TaskResultStatus.RUNNING, worker_ids=["busy"], started_ago=MIN)
    client.force_login(beheerder())
    response = client.get(reverse("jobs_tasks"))
    assert response.status_code == 200
    html = response.content.decode()
    assert str(failed.pk) in html
    assert str(stuck.pk) in html
    assert str(healthy.pk) not in html
    assert "Opnieuw proberen" in html


def test_retry_button_puts_the_task_back_in_the_queue(client):
    failed = task_row(status=TaskResultStatus.FAILED, worker_ids=["w"], started_ago=MIN)
    client.force_login(beheerder())
    response = client.post(reverse("jobs_task_retry", args=[failed.pk]), follow=True)
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.READY
    assert "weer in de wachtrij" in response.content.decode()


def test_retry_of_a_finished_task_changes_nothing_and_says_why(client):
    done = task_row(status=TaskResultStatus.SUCCESSFUL)
    client.force_login(beheerder())
    response = client.post(reverse("jobs_task_retry", args=[done.pk]), follow=True)
    done.refresh_from_db()
    assert done.status == TaskResultStatus.SUCCESSFUL
    assert "kan niet opnieuw" in response.content.decode()


@pytest.mark.parametrize("who", ["adviseur", "member"])
def test_others_do_not_get_the_task_screen(client, who):
    user = adviseur() if who == "adviseur" else member()
    failed = task_row(status=TaskResultStatus.FAILED)
    client.force_login(user)
    listing = client.get(reverse("jobs_tasks"))
    retry = client.post(reverse("jobs_task_retry", args=[failed.pk]))
    assert listing.status_code in (302, 404)
    assert retry.status_code in (302, 404)
    failed.refresh_from_db()
    assert failed.status == TaskResultStatus.FAILED
