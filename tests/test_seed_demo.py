import pytest
from django.core.management import CommandError, call_command

from raadsplein.accounts.models import User
from raadsplein.organisations.models import CareProvider, Council, IndividualMembership, Seat
from raadsplein.organisations.rules import is_member

FIXED = ["lid", "voorzitter", "ondersteuner", "nietlid", "adviseur", "redacteur", "beheerder"]


@pytest.fixture
def seeded(db, settings):
    settings.RAADSPLEIN_DEMO_MODE = True
    call_command("seed_demo", verbosity=0)


def test_seed_builds_the_demo_world(seeded):
    assert CareProvider.objects.filter(name__endswith="(demo)").count() == 40
    councils = Council.objects.all()
    assert 55 <= councils.count() <= 70
    assert councils.values("province").distinct().count() == 12
    assert councils.values("kind").distinct().count() >= 6
    assert IndividualMembership.objects.filter(status="active").count() >= 3
    for n in (1, 150, 300):
        assert User.objects.filter(email=f"deelnemer{n:03d}@demo.raadsplein.nl").exists()
    assert not User.objects.filter(email="deelnemer301@demo.raadsplein.nl").exists()


def test_seed_is_idempotent(seeded):
    counts = (User.objects.count(), Council.objects.count(), Seat.objects.count())
    call_command("seed_demo", verbosity=0)
    assert (User.objects.count(), Council.objects.count(), Seat.objects.count()) == counts


@pytest.mark.parametrize("name", [*FIXED, "deelnemer001", "deelnemer300"])
def test_every_fixed_demo_account_signs_in(seeded, client, name):
    response = client.post(
        "/account/login/",
        {"login": f"{name}@demo.raadsplein.nl", "password": "raadsplein-demo"},
    )
    assert response.status_code == 302, response.content.decode()[:500]
    staff = name in ("adviseur", "redacteur", "beheerder")
    assert response["Location"] == ("/medewerkers/" if staff else "/mijn/")


def test_demo_roles_are_what_they_say(seeded):
    def user(name):
        return User.objects.get(email=f"{name}@demo.raadsplein.nl")

    assert is_member(user("lid")) and user("lid").seats.count() == 2
    assert user("voorzitter").seats.filter(role="voorzitter").exists()
    assert not is_member(user("nietlid"))
    assert user("adviseur").groups.filter(name="Adviseurs").exists()
    assert user("redacteur").groups.filter(name="Redacteuren").exists()
    assert user("beheerder").groups.filter(name="Beheerders").exists()
    members = sum(is_member(user(f"deelnemer{n:03d}")) for n in range(1, 301, 10))
    assert members == 30


def test_seed_refuses_outside_demo_mode(db, settings):
    settings.RAADSPLEIN_DEMO_MODE = False
    with pytest.raises(CommandError, match="Demomodus staat uit"):
        call_command("seed_demo", verbosity=0)
    assert not User.objects.exists()
