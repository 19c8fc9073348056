import pytest

from raadsplein.accounts.tests.factories import adviseur, beheerder
from raadsplein.organisations.tests.factories import member

from .factories import SessionFactory

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
