"""/api/v1/signals/: report, co-sign and "mine" — what is stored, and the Dutch errors."""

import pytest

from raadsplein.accounts.services import create_api_token
from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.advocacy import services
from raadsplein.advocacy.models import CoSignature, Signal, State
from raadsplein.advocacy.tests.factories import council_in, report, sector
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import Province
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

URL = "/api/v1/signals/"


def post(client, url, body, **headers):
    return client.post(url, body, content_type="application/json", headers=headers)


def body_for(own, **overrides):
    body = {
        "title": "Te weinig personeel in de nacht",
        "description": "Bewoners wachten 's nachts lang op hulp bij het naar bed gaan.",
        "council": own.pk,
    }
    body.update(overrides)
    return body


def test_a_member_reports_by_api_and_gets_id_and_state(client):
    council = council_in(province=Province.UTRECHT)
    Theme.objects.create(name="Personeel", slug="personeel")
    ggz = sector("ggz", "Ggz")
    client.force_login(member(council=council))
    response = post(
        client, URL, body_for(council, themes=["personeel"], sectors=["ggz"], province="LI")
    )
    assert response.status_code == 201, response.content
    signal = Signal.objects.get()
    assert response.json() == {"id": signal.pk, "state": "ontvangen"}
    assert signal.province == "LI" and list(signal.sectors.all()) == [ggz]
    assert [t.slug for t in signal.themes.all()] == ["personeel"]


def test_a_token_works_as_well(client):
    council = council_in()
    person = member(council=council)
    token = create_api_token(user=person, name="test")[1]
    response = post(client, URL, body_for(council), Authorization=f"Bearer {token}")
    assert response.status_code == 201 and Signal.objects.get().reporter == person


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"council": "OTHER"}, "raad waarin u zit"),
        ({"council": 999999}, "raad waarin u zit"),
        ({"themes": ["bestaat-niet"]}, "Onbekende thema's: bestaat-niet"),
        ({"sectors": ["ruimtevaart"]}, "Onbekende zorgsectoren: ruimtevaart"),
        ({"title": "Kort"}, "minstens 5 tekens"),
        ({"title": "  "}, "De invoer klopt niet"),
        ({"province": "XX"}, "De invoer klopt niet"),
    ],
)
def test_bad_input_is_422_in_dutch_and_stores_nothing(client, overrides, message):
    council = council_in()
    if overrides.get("council") == "OTHER":
        overrides = {**overrides, "council": council_in().pk}
    client.force_login(member(council=council))
    response = post(client, URL, body_for(council, **overrides))
    assert response.status_code == 422
    assert message in response.json()["message"]
    assert not Signal.objects.exists()


def test_a_non_member_is_403_and_anonymous_401(client):
    council = council_in()
    assert post(client, URL, body_for(council)).status_code == 401
    client.force_login(UserFactory())
    response = post(client, URL, body_for(council))
    assert response.status_code == 403 and "leden" in response.json()["message"]


def test_cosign_by_api_counts_and_refuses_twice_and_own(client):
    signal = report()
    other = council_in()
    person = member(council=other)
    client.force_login(person)
    url = f"{URL}{signal.pk}/cosign"
    body = {"council": other.pk, "account": "Bij ons wachten ze ook lang."}
    response = post(client, url, body)
    assert response.status_code == 201, response.content
    assert response.json() == {
        "id": CoSignature.objects.get().pk,
        "signal": signal.pk,
        "councils": 2,
    }
    again = post(client, url, body)
    assert again.status_code == 422 and "al mede ondertekend" in again.json()["message"]
    client.force_login(signal.reporter)
    own = post(client, url, {"council": signal.council_id, "account": "Wij zien het zelf."})
    assert own.status_code == 422 and "eigen raad" in own.json()["message"]
    assert CoSignature.objects.count() == 1


def test_cosign_a_missing_or_merged_signal_is_404(client):
    root = report()
    merged = report()
    Signal.objects.filter(pk=merged.pk).update(merged_into=root)
    other = council_in()
    client.force_login(member(council=other))
    body = {"council": other.pk, "account": "Bij ons wachten ze ook lang."}
    assert post(client, f"{URL}999999/cosign", body).status_code == 404
    assert post(client, f"{URL}{merged.pk}/cosign", body).status_code == 404
    assert not CoSignature.objects.exists()


def test_mine_lists_own_and_cosigned_with_state_answer_and_count(client):
    council = council_in()
    person = member(council=council)
    own = report(council=council, title="Ons eigen signaal")
    theirs = report(title="Signaal van een ander")
    report(title="Niet van ons")
    services.cosign_signal(signal=theirs, council=council, person=person, account="Wij ook, ja.")
    services.change_state(
        signal=own,
        state=State.objects.get(slug="resultaat"),
        by=UserFactory(),
        public_answer="Het zorgkantoor past de regels aan.",
    )
    client.force_login(person)
    rows = client.get(f"{URL}mine").json()
    assert [(r["title"], r["own"], r["councils"]) for r in rows] == [
        ("Signaal van een ander", False, 2),
        ("Ons eigen signaal", True, 1),
    ]
    assert rows[1]["state"] == "resultaat" and rows[1]["public_answer"].startswith("Het zorg")


def test_the_schema_lists_the_endpoints(client):
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert {
        "/api/v1/signals/",
        "/api/v1/signals/{signal_id}/cosign",
        "/api/v1/signals/mine",
    } <= set(paths)
