"""The API says what it does: its OpenAPI schema, fuzzed with schemathesis, in-process.

schemathesis reads /api/v1/openapi.json from the WSGI app and calls every operation of every
router (a router added later is covered without editing this file) with generated valid and
invalid input, as a member with a personal API token, inside the test database. Every check
schemathesis has must pass: no server error, only declared statuses, bodies that match the
declared schemas, invalid input rejected.
"""

import collections
import json

import pytest
import schemathesis
from django.core import signals
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, settings
from ninja.responses import NinjaJSONEncoder

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.api import api
from raadsplein.events.models import Audience
from raadsplein.events.tests.factories import EventFactory, SessionFactory
from raadsplein.knowledge.tests.factories import publication
from raadsplein.learning.tests.factories import small_course
from raadsplein.organisations.tests.factories import member

SCHEMA_URL = "/api/v1/openapi.json"
EXAMPLES = 200  # per operation and phase; measured at about a minute for the whole test
CASES: collections.Counter = collections.Counter()


@pytest.fixture
def member_token(db):
    _token, raw = account_services.create_api_token(user=member(), name="schemathesis")
    return raw


@pytest.fixture
def in_process(db):
    """Django closes the database connection when a request ends; here that would end the
    test's transaction. The test client keeps it open the same way."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


@pytest.fixture
def content(db):
    """Something to list, find and book, so that response bodies are checked with content."""
    for audience in (Audience.MEMBERS, Audience.OPEN):
        SessionFactory(event=EventFactory(audience=audience), capacity=2)
    small_course(modules=1, steps_per_module=1)
    publication(title="Begroting lezen", body="Over de begroting en de jaarrekening.")


def _schema_document() -> dict:
    """What /api/v1/openapi.json serves (test_served_schema_is_the_one_fuzzed checks that),
    built without a request: at collection there is no database for the middleware."""
    return json.loads(json.dumps(api.get_openapi_schema(), cls=NinjaJSONEncoder))


# Every router the API has is in it, so routers added later are fuzzed without edits here.
schema = schemathesis.openapi.from_dict(_schema_document())
schema.app = get_wsgi_application()  # calls go in-process to the WSGI app


BUSINESS_CHECKED = {"POST /api/v1/signals/", "POST /api/v1/signals/{signal_id}/cosign"}


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,  # the same cases on every run: a failure in CI repeats locally
    suppress_health_check=list(HealthCheck),
    database=None,
)
def test_api_conforms_to_its_schema(case, in_process, content, member_token):
    CASES[case.operation.label] += 1
    excluded = []
    if case.operation.label in BUSINESS_CHECKED:
        # Schema-valid bodies are still refused there by rules the schema cannot say (a
        # council the caller sits on, a title of at least 5 characters): 422 with a message.
        excluded = [schemathesis.checks.positive_data_acceptance]
    case.call_and_validate(
        headers={"Authorization": f"Bearer {member_token}"}, excluded_checks=excluded
    )
    if CASES[case.operation.label] % 4 == 1:
        # A revoked or mistyped token: a declared 401 with the error body, on every operation.
        case.call_and_validate(headers={"Authorization": "Bearer rp_revoked"})


def test_schemathesis_ran_every_operation(capsys):
    """Runs after the fuzz test (file order): each operation got many cases. Prints the
    figures for the notes."""
    if not CASES:
        pytest.skip("run together with test_api_conforms_to_its_schema")
    operations = {name for name, _operation in _operations()}
    assert set(CASES) == operations
    assert all(n >= 1 for n in CASES.values()), CASES
    with capsys.disabled():
        print(f"\nschemathesis: {sum(CASES.values())} cases", dict(CASES))


def _served_schema() -> dict:
    return Client().get(SCHEMA_URL).json()


def _operations():
    for path, item in _schema_document()["paths"].items():
        for method, operation in item.items():
            yield f"{method.upper()} {path}", operation


def test_served_schema_is_the_one_fuzzed(client, db):
    assert client.get(SCHEMA_URL).json() == _schema_document()


def test_every_operation_declares_its_error_statuses(db):
    components = _served_schema()["components"]["schemas"]
    assert {"code", "message"} <= set(components["Error"]["required"])
    for name, operation in _operations():
        declared = set(operation["responses"])
        assert {"401", "422"} <= declared, name
        if "requestBody" in operation:
            assert "400" in declared, name
        for status, response in operation["responses"].items():
            if status.startswith(("4", "5")):
                ref = response["content"]["application/json"]["schema"]["$ref"]
                assert ref == "#/components/schemas/Error", (name, status)


def test_enums_are_declared(db):
    components = _served_schema()["components"]["schemas"]
    needs = components["BookingIn"]["properties"]["access_needs"]["items"]
    assert "wheelchair" in needs["enum"]
    assert "workshop" in components["SessionOut"]["properties"]["kind"]["enum"]
    status = components["BookingOut"]["properties"]["status"]
    assert set(status["enum"]) >= {"confirmed", "waitlisted"}
    assert "brochure" in components["SearchResultOut"]["properties"]["kind"]["enum"]


def _post_booking(client, session_id, **headers):
    return client.post(
        f"/api/v1/events/sessions/{session_id}/bookings",
        data=json.dumps({}),
        content_type="application/json",
        **headers,
    )


@pytest.mark.parametrize(
    "authorization", ["Bearer rp_nonsense", "Bearer ", "Basic dXNlcjpwYXNz", "rp_no_scheme"]
)
def test_bad_token_on_post_is_401_not_csrf(authorization, db):
    session = SessionFactory()
    # A browser session is present too, and CSRF checks are on: a bad token still says 401.
    client = Client(enforce_csrf_checks=True)
    client.force_login(member())
    response = _post_booking(client, session.pk, HTTP_AUTHORIZATION=authorization)
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"
    body = response.json()
    assert body["code"] == "unauthorized"
    assert "API-sleutel" in body["message"]
    assert not session.bookings.exists()


def test_bad_token_on_public_get_is_401_with_error_body(client, db):
    response = client.get("/api/v1/learning/courses", HTTP_AUTHORIZATION="Bearer rp_gone")
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    assert response.json()["message"] == "Deze API-sleutel is onbekend of ingetrokken."


def test_session_post_without_csrf_token_is_403_error_body(db):
    client = Client(enforce_csrf_checks=True)
    client.force_login(member())
    response = _post_booking(client, SessionFactory().pk)
    assert response.status_code == 403
    assert response.json()["code"] == "forbidden"
    assert response.json()["message"] == "U mag dit niet doen."


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ("{not json", 400, "bad_request"),
        (json.dumps({"access_needs": "wheelchair"}), 422, "invalid"),
        (json.dumps({"access_needs_other": "a\x00b"}), 422, "invalid"),
        (json.dumps({"access_needs": ["jetpack"]}), 400, "invalid"),
    ],
)
def test_bad_bodies_have_the_one_error_shape(client, db, body, status, code):
    _token, raw = account_services.create_api_token(user=member(), name="t")
    response = client.post(
        f"/api/v1/events/sessions/{SessionFactory().pk}/bookings",
        data=body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {raw}",
    )
    assert response.status_code == status
    data = response.json()
    assert data["code"] == code
    assert data["message"] and data["message"] == data["detail"]
    if status == 422:
        assert data["details"][0]["loc"][0] == "body"


def test_unknown_session_is_404_with_dutch_message(client, db):
    _token, raw = account_services.create_api_token(user=UserFactory(), name="t")
    response = _post_booking(client, 2**70, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 404
    assert response.json() == {
        "code": "not_found",
        "message": "Deze sessie bestaat niet.",
        "detail": "Deze sessie bestaat niet.",
    }
