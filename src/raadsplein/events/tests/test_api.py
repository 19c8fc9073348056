import json

import pytest

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.events.models import Audience, Booking, BookingStatus, EventStatus
from raadsplein.organisations.tests.factories import member

from .factories import BookingFactory, EventFactory, SessionFactory

pytestmark = pytest.mark.django_db

URL = "/api/v1/events/"


def _book(client, session_id, token=None, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"} if token else {}
    return client.post(
        f"{URL}sessions/{session_id}/bookings",
        data=json.dumps(body or {}),
        content_type="application/json",
        **headers,
    )


def test_list_shows_open_events_to_anonymous_and_members_only_to_members(client):
    open_session = SessionFactory(event=EventFactory(audience=Audience.OPEN), capacity=10)
    BookingFactory(session=open_session)
    members_session = SessionFactory()
    data = client.get(URL).json()
    assert [s["id"] for s in data] == [open_session.pk]
    assert data[0]["free_seats"] == 9
    person = member()
    BookingFactory(session=members_session, person=person, status=BookingStatus.WAITLISTED)
    client.force_login(person)
    data = {s["id"]: s for s in client.get(URL).json()}
    assert set(data) == {open_session.pk, members_session.pk}
    assert data[members_session.pk]["my_status"] == "waitlisted"


def test_book_with_token_confirmed_then_waitlisted(client):
    session = SessionFactory(capacity=1)
    first, second = member(), member()
    _, token1 = account_services.create_api_token(user=first, name="test")
    _, token2 = account_services.create_api_token(user=second, name="test")
    response = _book(client, session.pk, token1, {"access_needs": ["easy_language"]})
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"
    assert Booking.objects.get(person=first).access_needs == ["easy_language"]
    response = _book(client, session.pk, token2)
    assert response.status_code == 201
    assert response.json()["status"] == "waitlisted"
    again = _book(client, session.pk, token2)
    assert again.status_code == 409
    assert again.json()["code"] == "duplicate"


def test_book_with_session_login(client):
    session = SessionFactory()
    person = member()
    client.force_login(person)
    assert _book(client, session.pk).json()["status"] == "confirmed"


@pytest.mark.parametrize(
    ("case", "status", "code"),
    [
        ("anonymous", 401, None),
        ("bad_token", 401, None),
        ("non_member", 404, "not_found"),
        ("unknown_session", 404, "not_found"),
        ("cancelled", 409, "cancelled"),
        ("bad_need", 400, "invalid"),
    ],
)
def test_booking_errors_are_clear(client, case, status, code):
    session = SessionFactory()
    person = member()
    token = None
    body = {}
    session_id = session.pk
    if case == "bad_token":
        token = "rp_nonsense"
    elif case == "non_member":
        _, token = account_services.create_api_token(user=UserFactory(), name="t")
    elif case != "anonymous":
        _, token = account_services.create_api_token(user=person, name="t")
    if case == "unknown_session":
        session_id = 999999
    elif case == "cancelled":
        session.event.status = EventStatus.CANCELLED
        session.event.save()
    elif case == "bad_need":
        body = {"access_needs": ["jetpack"]}
    response = _book(client, session_id, token, body)
    assert response.status_code == status
    if code:
        assert response.json()["code"] == code
        assert response.json()["detail"]
    assert not Booking.objects.exists()


def test_endpoints_in_openapi_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/events/" in schema["paths"]
    assert "/api/v1/events/sessions/{session_id}/bookings" in schema["paths"]


def test_non_member_books_open_event_via_api(client):
    session = SessionFactory(event=EventFactory(audience=Audience.OPEN))
    _, token = account_services.create_api_token(user=UserFactory(), name="t")
    response = _book(client, session.pk, token)
    assert response.status_code == 201
    assert response.json()["status"] == "confirmed"


def test_api_refuses_an_access_need_that_does_not_fit_the_session(client):
    person = member()
    client.force_login(person)
    online = SessionFactory()
    response = _book(client, online.pk, body={"access_needs": ["wheelchair"]})
    assert response.status_code == 400
    assert "past niet bij deze sessie" in response.json()["message"]
    assert "captions" in response.json()["message"]
    assert not Booking.objects.filter(person=person).exists()
    response = _book(client, online.pk, body={"access_needs": ["captions"]})
    assert response.status_code == 201
    assert Booking.objects.get(person=person).access_needs == ["captions"]
