"""/api/v1/councilwork/: a council's trajectories (GET, POST) and the caller's meetings —
404 for a council without a seat (advisors too), 403 for a seat holder who is not an officer,
422 with a Dutch message for bad input, and nothing made then."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from raadsplein.accounts import services as account_services

from ..models import DeadlineSource, Kind, State, Trajectory
from . import factories as f

pytestmark = pytest.mark.django_db


def today():
    return timezone.localdate()


def token_client(person) -> Client:
    _token, raw = account_services.create_api_token(user=person, name="test")
    return Client(headers={"Authorization": f"Bearer {raw}"})


def path(council_id):
    return f"/api/v1/councilwork/councils/{council_id}/trajectories"


def test_list_trajectories_of_a_council_the_caller_sits_on(world):
    t = f.TrajectoryFactory(council=world.council, title="Begroting 2027")
    f.TrajectoryFactory(council=world.other_council, title="Anker")
    response = token_client(world.member).get(path(world.council.pk))
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": t.pk,
            "kind": "advice",
            "title": "Begroting 2027",
            "received": t.received.isoformat(),
            "deadline": t.deadline.isoformat(),
            "state": "received",
        }
    ]


@pytest.mark.parametrize("who", ["other_member", "advisor", "editor", "outsider"])
def test_list_of_a_council_without_a_seat_is_404(world, who):
    f.TrajectoryFactory(council=world.council)
    response = token_client(getattr(world, who)).get(path(world.council.pk))
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_list_without_sign_in_is_401(world):
    assert Client().get(path(world.council.pk)).status_code == 401


def test_session_works_too(world):
    client = Client()
    client.force_login(world.member)
    assert client.get(path(world.council.pk)).status_code == 200


def test_post_makes_a_trajectory_with_the_scheme_deadline(world):
    received = today() - datetime.timedelta(days=1)
    response = token_client(world.chair).post(
        path(world.council.pk),
        {"kind": "advice", "title": "Nieuwe dagbesteding", "received": received.isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    body = response.json()
    trajectory = Trajectory.objects.get(pk=body["id"])
    assert body["deadline"] == (received + datetime.timedelta(days=42)).isoformat()
    assert body == {
        "id": trajectory.pk,
        "kind": "advice",
        "title": "Nieuwe dagbesteding",
        "received": received.isoformat(),
        "deadline": body["deadline"],
        "state": "received",
    }
    assert trajectory.council == world.council
    assert trajectory.deadline_source == DeadlineSource.SCHEME
    assert trajectory.created_by == world.chair
    assert trajectory.steps.get().state == State.RECEIVED


def test_post_with_the_request_deadline(world):
    deadline = today() + datetime.timedelta(days=14)
    response = token_client(world.secretary).post(
        path(world.council.pk),
        {
            "kind": "consent",
            "title": "Klachtenregeling",
            "received": today().isoformat(),
            "deadline": deadline.isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 201
    assert response.json()["deadline"] == deadline.isoformat()
    assert Trajectory.objects.get().kind == Kind.CONSENT


def test_post_by_a_member_who_is_not_an_officer_is_403(world):
    response = token_client(world.member).post(
        path(world.council.pk),
        {"kind": "advice", "title": "Nieuwe dagbesteding", "received": today().isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 403
    assert "trajecten vast" in response.json()["message"]
    assert not Trajectory.objects.exists()


@pytest.mark.parametrize("who", ["other_member", "advisor"])
def test_post_for_a_council_without_a_seat_is_404(world, who):
    response = token_client(getattr(world, who)).post(
        path(world.council.pk),
        {"kind": "advice", "title": "Nieuwe dagbesteding", "received": today().isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 404
    assert not Trajectory.objects.exists()


def test_post_with_deadline_before_received_is_422_in_dutch(world):
    response = token_client(world.chair).post(
        path(world.council.pk),
        {
            "kind": "advice",
            "title": "Nieuwe dagbesteding",
            "received": today().isoformat(),
            "deadline": (today() - datetime.timedelta(days=1)).isoformat(),
        },
        content_type="application/json",
    )
    assert response.status_code == 422
    assert response.json()["message"] == "De uiterste datum ligt vóór de datum van ontvangst."
    assert not Trajectory.objects.exists()


@pytest.mark.parametrize(
    "body",
    [
        {"kind": "klacht", "title": "Nieuwe dagbesteding", "received": "2026-01-01"},
        {"title": "Nieuwe dagbesteding", "received": "2026-01-01"},
        {"kind": "advice", "title": "a\x00b", "received": "2026-01-01"},
        {"kind": "advice", "title": "Nieuwe dagbesteding", "received": "99999-01-01"},
    ],
)
def test_post_with_invalid_body_is_422(world, body):
    response = token_client(world.chair).post(
        path(world.council.pk), body, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["message"] == "De invoer klopt niet. Zie details."
    assert not Trajectory.objects.exists()


def test_post_with_too_short_title_or_future_received_is_422(world):
    client = token_client(world.chair)
    for body, message in [
        ({"title": "ab", "received": today().isoformat()}, "ten minste 3 tekens"),
        (
            {"title": "Begroting", "received": (today() + datetime.timedelta(1)).isoformat()},
            "in de toekomst",
        ),
    ]:
        response = client.post(
            path(world.council.pk), {"kind": "advice", **body}, content_type="application/json"
        )
        assert response.status_code == 422
        assert message in response.json()["message"]
    assert not Trajectory.objects.exists()


def test_meetings_of_the_callers_councils(world):
    mine = f.MeetingFactory(council=world.council, title="Raadsvergadering maart")
    mine.agenda_sent_at = timezone.now()
    mine.save()
    other = f.MeetingFactory(council=world.council, title="Werkoverleg")
    f.MeetingFactory(council=world.council, title="Afgelast", cancelled_at=timezone.now())
    f.MeetingFactory(council=world.other_council, title="Van het Anker")
    response = token_client(world.member).get("/api/v1/councilwork/meetings")
    assert response.status_code == 200
    rows = {row["title"]: row for row in response.json()}
    assert set(rows) == {"Raadsvergadering maart", "Werkoverleg"}
    assert rows["Raadsvergadering maart"]["agenda_sent"] is True
    assert rows["Werkoverleg"] == {
        "id": other.pk,
        "council": world.council.pk,
        "title": "Werkoverleg",
        "starts_at": rows["Werkoverleg"]["starts_at"],
        "ends_at": None,
        "location": other.location,
        "agenda_sent": False,
    }


def test_meetings_for_an_advisor_with_access_are_none(world):
    f.MeetingFactory(council=world.council)
    response = token_client(world.advisor).get("/api/v1/councilwork/meetings")
    assert response.status_code == 200
    assert response.json() == []


@pytest.mark.parametrize("n", [1, 3])
def test_api_query_counts_do_not_grow(world, n, django_assert_num_queries):
    for _ in range(n):
        f.TrajectoryFactory(council=world.council)
        f.MeetingFactory(council=world.council)
    client = token_client(world.member)
    with django_assert_num_queries(5):
        assert len(client.get(path(world.council.pk)).json()) == n
    with django_assert_num_queries(2):
        assert len(client.get("/api/v1/councilwork/meetings").json()) == n
