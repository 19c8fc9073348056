"""The desk's own days: kept by advisors in the admin, read by the office-hours clock."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from raadsplein.accounts.tests.factories import adviseur, redacteur
from raadsplein.helpdesk.models import ClosedDay
from raadsplein.helpdesk.officehours import office_calendar
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")
URL = "/admin/snippets/helpdesk/closedday/"


def test_the_clock_skips_days_staff_close_and_works_on_holidays_they_open(settings):
    ClosedDay.objects.create(date=datetime.date(2026, 12, 2), name="Teamdag")
    ClosedDay.objects.create(date=datetime.date(2026, 4, 3), name="Goede Vrijdag", is_open=True)
    desk = office_calendar()
    hour = datetime.timedelta(hours=1)
    assert desk.add(datetime.datetime(2026, 12, 1, 16, tzinfo=AMS), 8 * hour) == datetime.datetime(
        2026, 12, 3, 16, tzinfo=AMS
    )
    assert desk.is_open_day(datetime.date(2026, 4, 3))

    settings.VRAAGBAAK_OFFICE_HOURS = ("08:30", "16:30")
    assert office_calendar().hours_per_day == 8 * hour
    assert office_calendar().window(datetime.date(2026, 12, 1))[0].hour == 8


def test_an_advisor_adds_a_day_and_sees_the_coming_holidays(client):
    client.force_login(adviseur())
    response = client.get(URL)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Feestdagen die de Vraagbaak al overslaat" in page
    assert "Hemelvaartsdag" in page  # always a Thursday, always within the coming year

    response = client.post(
        URL + "add/", {"date": "2027-05-07", "name": "Dag na Hemelvaart", "is_open": ""}
    )
    assert response.status_code == 302
    assert ClosedDay.objects.get().name == "Dag na Hemelvaart"
    assert not office_calendar().is_open_day(datetime.date(2027, 5, 7))


def test_the_same_day_twice_is_refused_and_changes_nothing(client):
    ClosedDay.objects.create(date=datetime.date(2027, 5, 7), name="Dag na Hemelvaart")
    client.force_login(adviseur())
    response = client.post(URL + "add/", {"date": "2027-05-07", "name": "Nog eens"})
    assert response.status_code == 200
    assert ClosedDay.objects.get().name == "Dag na Hemelvaart"


@pytest.mark.parametrize("who", [member, redacteur])
def test_members_and_editors_do_not_keep_the_desks_days(client, who):
    client.force_login(who())
    assert client.get(URL).status_code in (302, 403)
