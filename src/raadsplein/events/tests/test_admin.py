import datetime

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import querydict_from_html

from raadsplein.accounts.tests.factories import adviseur, beheerder
from raadsplein.events.models import Session
from raadsplein.organisations.tests.factories import member

from .factories import BookingFactory, SessionFactory

pytestmark = pytest.mark.django_db

PATHS = [
    "/admin/snippets/events/event/",
    "/admin/snippets/events/event/add/",
    "/admin/snippets/events/session/",
    "/admin/snippets/events/session/add/",
    "/admin/snippets/events/programme/",
    "/admin/snippets/knowledge/theme/",
]


@pytest.mark.parametrize("path", PATHS)
def test_staff_manage_events_in_wagtail_admin(client, path):
    session = SessionFactory()
    client.force_login(beheerder())
    response = client.get(path)
    assert response.status_code == 200
    if path == "/admin/snippets/events/session/":
        assert session.event.title in response.content.decode()


def test_adviseur_edits_a_session_and_member_cannot(client):
    session = SessionFactory()
    url = f"/admin/snippets/events/session/edit/{session.pk}/"
    client.force_login(adviseur())
    assert client.get(url).status_code == 200
    client.force_login(member())
    assert client.get(url).status_code in (302, 403)


def _event_form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return querydict_from_html(response.content.decode(), form_id="w-editor-form")


def test_sessions_are_added_changed_and_removed_on_the_event(client):
    kept = SessionFactory(capacity=8)
    event = kept.event
    removed = SessionFactory(event=event)
    client.force_login(beheerder())
    url = f"/admin/snippets/events/event/edit/{event.pk}/"
    data = _event_form(client, url)
    assert data["sessions-TOTAL_FORMS"] == "2"
    prefix = {int(data[f"sessions-{i}-id"]): f"sessions-{i}" for i in range(2)}
    data[f"{prefix[kept.pk]}-capacity"] = "20"
    data[f"{prefix[removed.pk]}-DELETE"] = "1"
    start = timezone.localtime(kept.starts_at) + datetime.timedelta(days=7)
    data["sessions-TOTAL_FORMS"] = "3"
    data.update(
        {
            "sessions-2-id": "",
            "sessions-2-starts_at": f"{start:%Y-%m-%d %H:%M}",
            "sessions-2-ends_at": f"{start + datetime.timedelta(hours=2):%Y-%m-%d %H:%M}",
            "sessions-2-is_online": "on",
            "sessions-2-meeting_url": "https://meet.example.org/nieuw",
            "sessions-2-capacity": "12",
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    sessions = list(event.sessions.order_by("starts_at"))
    assert [s.pk for s in sessions][0] == kept.pk and len(sessions) == 2
    assert sessions[0].capacity == 20
    assert sessions[1].capacity == 12 and sessions[1].meeting_url.endswith("/nieuw")
    assert not Session.objects.filter(pk=removed.pk).exists()


def test_a_booked_session_is_not_removed_from_the_event(client):
    session = SessionFactory()
    BookingFactory(session=session, status="confirmed")
    client.force_login(beheerder())
    url = f"/admin/snippets/events/event/edit/{session.event.pk}/"
    data = _event_form(client, url)
    data["title"] = "Niet opgeslagen"
    data["sessions-0-DELETE"] = "1"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "hebben boekingen en blijven staan" in response.content.decode()
    session.refresh_from_db()
    assert session.event.title != "Niet opgeslagen"
    assert session.bookings.count() == 1


def test_a_session_ending_before_it_starts_gets_a_dutch_message(client):
    session = SessionFactory()
    client.force_login(beheerder())
    url = f"/admin/snippets/events/event/edit/{session.event.pk}/"
    data = _event_form(client, url)
    data["sessions-0-ends_at"] = data["sessions-0-starts_at"]
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Het einde moet na het begin liggen." in response.content.decode()
    assert Session.objects.get(pk=session.pk).ends_at == session.ends_at
