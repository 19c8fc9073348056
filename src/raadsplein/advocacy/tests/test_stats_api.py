"""GET /api/v1/signals/stats: members only, clear 422s, suppressed figures, and the same
figures in the one- and two-dimensional answers."""

import json

import pytest
from django.test import Client
from django.utils import timezone

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.advocacy import services, stats
from raadsplein.advocacy.tests.factories import council_in, report, sector
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db
URL = "/api/v1/signals/stats"


def theme(slug):
    return Theme.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})[0]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world():
    """Seven councils in Gelderland report about staff (ouderenzorg), six of them also about
    care; two in Utrecht about money (ggz); one Utrecht signal is co-signed by a Gelderland
    council."""
    staff, money = theme("personeel"), theme("geld")
    ggz = sector("ggz", "Ggz")
    gelderland = [council_in(province="GE") for _ in range(7)]
    for council in gelderland:
        report(council=council, themes=[staff])
    for council in gelderland[1:]:
        report(council=council, themes=[theme("zorg")])
    utrecht = [council_in(ggz, province="UT") for _ in range(2)]
    signals = [report(council=c, themes=[money]) for c in utrecht]
    services.cosign_signal(
        signal=signals[0],
        council=gelderland[0],
        person=member(council=gelderland[0]),
        account="Wij zien dit bij ons ook.",
    )
    return {"member": member(council=gelderland[1])}


def test_anonymous_is_401_and_a_non_member_403(world):
    response = Client().get(URL, {"by": "theme"})
    assert response.status_code == 401
    assert response.json()["code"] == "unauthorized"
    response = signed_in(UserFactory()).get(URL, {"by": "theme"})
    assert response.status_code == 403
    assert response.json()["message"] == "De cijfers over signalen zijn er voor leden."


@pytest.mark.parametrize(
    ("by", "message"),
    [
        ("colour", "Onbekende indeling: colour. Kies uit: theme, sector, province, month."),
        ("theme,sector,month", "Kies ten hoogste twee indelingen, bijvoorbeeld by=theme,sector."),
        ("theme,theme", "Noem elke indeling maar één keer."),
        (",", "Kies één of twee indelingen voor 'by', uit: theme, sector, province, month."),
    ],
)
def test_bad_dimensions_are_422_with_a_dutch_message(world, by, message):
    response = signed_in(world["member"]).get(URL, {"by": by})
    assert response.status_code == 422
    assert response.json()["code"] == "invalid"
    assert response.json()["message"] == message


def test_missing_by_is_422(world):
    response = signed_in(world["member"]).get(URL)
    assert response.status_code == 422


def test_answer_by_theme(world):
    response = signed_in(world["member"]).get(URL, {"by": "theme"})
    assert response.status_code == 200
    data = response.json()
    assert set(data) == {"by", "min_councils", "cells", "totals", "total"}
    assert data["by"] == ["theme"]
    assert data["min_councils"] == 5
    cells = {c["theme"]: c for c in data["cells"]}
    assert cells["personeel"] == {
        "theme": "personeel",
        "count": 7,
        "councils": 7,
        "suppressed": False,
    }
    # Two signals, three councils: fewer than five.
    assert cells["geld"] == {"theme": "geld", "count": None, "councils": None, "suppressed": True}
    # The total is shown, so total − personeel − zorg would give "geld" away: the smaller of
    # the other two goes too.
    assert cells["zorg"]["suppressed"] is True
    assert data["total"] == {"count": 15, "councils": 9, "suppressed": False}
    assert data["totals"] == data["cells"]


def test_answer_is_suppressed_and_consistent_across_shapes(world, settings):
    settings.RAADSPLEIN_SIGNALS_MIN_COUNCILS = 3
    client = signed_in(world["member"])
    one = client.get(URL, {"by": "theme"}).json()
    two = client.get(URL, {"by": "theme,sector"}).json()
    assert one["min_councils"] == 3
    theme_totals = [t for t in two["totals"] if "theme" in t]
    assert theme_totals == one["cells"]
    assert two["total"] == one["total"]
    for cell in two["cells"]:
        assert set(cell) == {"theme", "sector", "count", "councils", "suppressed"}
        if not cell["suppressed"] and cell["count"]:
            assert cell["councils"] >= 3
    seen = {(c["theme"], c["sector"]): c for c in two["cells"]}
    assert seen[("personeel", "ouderenzorg")]["count"] == 7
    assert seen[("geld", "ggz")] == {
        "theme": "geld",
        "sector": "ggz",
        "count": 2,
        "councils": 3,
        "suppressed": False,
    }


def test_month_and_province_keys(world, settings):
    client = signed_in(world["member"])
    data = client.get(URL, {"by": "province,month"}).json()
    month = timezone.localdate().strftime("%Y-%m")
    assert len({c["province"] for c in data["cells"]}) == 12
    assert {c["month"] for c in data["cells"]} == {month}
    cells = {c["province"]: c for c in data["cells"]}
    # Utrecht (two signals, three councils) is hidden; so is Gelderland, or the month's
    # total minus Gelderland would give Utrecht away. The empty provinces show 0.
    assert cells["UT"]["suppressed"] and cells["GE"]["suppressed"]
    assert cells["ZE"] == {
        "province": "ZE",
        "month": month,
        "count": 0,
        "councils": 0,
        "suppressed": False,
    }
    settings.RAADSPLEIN_SIGNALS_MIN_COUNCILS = 3
    data = client.get(URL, {"by": "province,month"}).json()
    cells = {c["province"]: c for c in data["cells"]}
    assert cells["GE"] == {
        "province": "GE",
        "month": month,
        "count": 13,
        "councils": 7,
        "suppressed": False,
    }
    assert cells["UT"] == {
        "province": "UT",
        "month": month,
        "count": 2,
        "councils": 3,
        "suppressed": False,
    }


def test_token_callers_get_the_same(world):
    _token, raw = account_services.create_api_token(user=world["member"], name="t")
    response = Client().get(URL, {"by": "sector"}, HTTP_AUTHORIZATION=f"Bearer {raw}")
    assert response.status_code == 200
    assert response.json() == signed_in(world["member"]).get(URL, {"by": "sector"}).json()


def test_schema_declares_the_dimensions(client):
    schema = client.get("/api/v1/openapi.json").json()
    components = schema["components"]["schemas"]
    assert components["StatsOut"]["properties"]["by"]["items"]["enum"] == list(stats.DIMENSIONS)
    operation = schema["paths"][URL]["get"]
    assert {"200", "401", "403", "422"} <= set(operation["responses"])
    assert json.dumps(components["FigureOut"]).count("suppressed") >= 1
