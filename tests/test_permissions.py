"""The foundation's permission matrix: every URL × every kind of visitor, asserting content.

Apps add their own matrices in their tests; this one covers what the foundation serves.
"""

import pytest
from django.urls import reverse

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory

ROLES = ["anonymous", "nonmember", "member_a", "member_b", "adviseur", "redacteur", "beheerder"]
STAFF = {"adviseur", "redacteur", "beheerder"}
MEMBERS = {"member_a", "member_b"} | STAFF


@pytest.fixture
def world(db):
    council_a = MemberCouncilFactory(name="Cliëntenraad Alfa")
    council_b = MemberCouncilFactory(name="Cliëntenraad Bravo")
    seat_a = SeatFactory(
        council=council_a,
        role=SeatRole.VOORZITTER,
        person=UserFactory(first_name="Anneke", last_name="Alfa"),
    )
    seat_b = SeatFactory(
        council=council_b, person=UserFactory(first_name="Bert", last_name="Bravo")
    )
    return {
        "council_a": council_a,
        "council_b": council_b,
        "users": {
            "anonymous": None,
            "nonmember": UserFactory(first_name="Niels"),
            "member_a": seat_a.person,
            "member_b": seat_b.person,
            "adviseur": adviseur(),
            "redacteur": redacteur(),
            "beheerder": beheerder(),
        },
    }


def _client_for(client, world, role):
    user = world["users"][role]
    if user is not None:
        client.force_login(user)
    return client


PUBLIC_PAGES = [
    ("/", "Welkom op Raadsplein"),
    ("/privacy/", "wat wij bewaren en wie het ziet"),
    ("/toegankelijkheid/", "WCAG 2.2"),
    ("/lid-worden/", "Hoe wordt u lid?"),
    ("/robots.txt", "Disallow: /admin/"),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "text"), PUBLIC_PAGES)
def test_public_pages(client, world, role, url, text):
    response = _client_for(client, world, role).get(url)
    assert response.status_code == 200
    assert text in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_login_page(client, world, role):
    response = _client_for(client, world, role).get(reverse("account_login"))
    if role == "anonymous":
        assert response.status_code == 200
        assert 'name="login"' in response.content.decode()
    else:  # already signed in: straight on to Mijn Raadsplein, or staff to their start page
        assert response.status_code == 302
        home = "web:staff_home" if role in STAFF else "web:dashboard"
        assert response["Location"] == reverse(home)


SIGNED_IN_PAGES = [
    ("web:dashboard", "Mijn Raadsplein"),
    ("accounts:profile", "Profiel en voorkeuren"),
    ("accounts:personal_data", "Mijn gegevens"),
    ("accounts:erase", "Mijn account wissen"),
    ("accounts:api_tokens", "API-sleutels"),
    ("organisations:my_councils", "Mijn raden"),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("name", "text"), SIGNED_IN_PAGES)
def test_signed_in_pages(client, world, role, name, text):
    url = reverse(name)
    response = _client_for(client, world, role).get(url)
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login") + "?next=")
        return
    assert response.status_code == 200
    assert text in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_directory_is_members_only(client, world, role):
    response = _client_for(client, world, role).get(reverse("organisations:directory"))
    html = response.content.decode()
    if role == "anonymous":
        assert response.status_code == 302
        assert response["Location"] == reverse("account_login") + "?next=/raden/"
    elif role in MEMBERS:
        assert response.status_code == 200
        assert "Cliëntenraad Alfa" in html and "Cliëntenraad Bravo" in html
    else:
        assert response.status_code == 403
        assert "Deze pagina is alleen voor leden" in html
        assert "Cliëntenraad Alfa" not in html


@pytest.mark.parametrize("role", ROLES)
def test_council_records_only_for_own_seat_holders_and_staff(client, world, role):
    url = reverse("organisations:council_detail", args=[world["council_a"].pk])
    response = _client_for(client, world, role).get(url)
    html = response.content.decode()
    if role == "anonymous":
        assert response.status_code == 302
    elif role == "member_a" or role in STAFF:
        assert response.status_code == 200
        assert "Anneke Alfa" in html and "Voorzitter" in html
    else:
        # another council's object: 404, never a hint that it exists
        assert response.status_code == 404
        assert "Anneke" not in html and "Cliëntenraad Alfa" not in html


@pytest.mark.parametrize("role", ROLES)
def test_unknown_council_is_404(client, world, role):
    response = _client_for(client, world, role).get("/raden/999999/")
    assert response.status_code in (302, 404)


@pytest.mark.parametrize("role", ROLES)
def test_dashboard_shows_only_own_councils(client, world, role):
    if role == "anonymous":
        return
    html = _client_for(client, world, role).get(reverse("web:dashboard")).content.decode()
    if role == "member_a":
        assert "Cliëntenraad Alfa" in html and "Cliëntenraad Bravo" not in html
    elif role == "member_b":
        assert "Cliëntenraad Bravo" in html and "Cliëntenraad Alfa" not in html
    else:
        assert "Cliëntenraad Alfa" not in html and "Cliëntenraad Bravo" not in html


@pytest.mark.parametrize("role", ROLES)
def test_wagtail_admin_only_for_staff(client, world, role):
    response = _client_for(client, world, role).get("/admin/")
    if role in STAFF:
        assert response.status_code == 200
        assert "wagtail" in response.content.decode().lower()
    else:
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert (
                "/account/login/" in response["Location"]
                or "/admin/login/" in response["Location"]
                or response["Location"].startswith("/")
            )


@pytest.mark.parametrize("role", ["adviseur", "redacteur", "member_a", "nonmember"])
def test_only_beheerder_edits_councils_in_admin(client, world, role):
    url = f"/admin/snippets/organisations/council/edit/{world['council_a'].pk}/"
    response = _client_for(client, world, role).get(url)
    assert response.status_code in (302, 403)


def test_beheerder_edits_councils_in_admin(client, world):
    url = f"/admin/snippets/organisations/council/edit/{world['council_a'].pk}/"
    response = _client_for(client, world, "beheerder").get(url)
    assert response.status_code == 200
    assert "Cliëntenraad Alfa" in response.content.decode()


def test_adviseur_sees_councils_in_admin_list(client, world):
    response = _client_for(client, world, "adviseur").get("/admin/snippets/organisations/council/")
    assert response.status_code == 200
    assert "Cliëntenraad Alfa" in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_api_schema_is_served(client, world, role):
    response = _client_for(client, world, role).get("/api/v1/openapi.json")
    assert response.status_code == 200
    assert response.json()["info"]["title"] == "Raadsplein API"


def test_no_swagger_page_that_would_load_third_party_script(client, db):
    assert client.get("/api/v1/docs", follow=True).status_code == 404
