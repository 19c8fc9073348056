"""Staff land on their start page: quick links and panels from every app, also on the
Wagtail dashboard. Nobody else gets in."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.events.models import Event, Session
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


def test_staff_home_shows_each_apps_links_and_panels(client):
    event = Event.objects.create(slug="open-avond", title="Open inloopavond (test)")
    Session.objects.create(
        event=event,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        ends_at=timezone.now() + datetime.timedelta(days=3, hours=2),
        capacity=12,
    )
    client.force_login(adviseur())
    html = client.get(reverse("web:staff_home")).content.decode()
    for text in (
        "Agenda beheren",
        "Cijfers van de cursussen",
        "Publicaties beheren",
        "Logboek",
        "De komende bijeenkomsten",
        "Open inloopavond (test)",
        "12 van 12",
        "Cursussen: gestart en afgerond",
        "Nieuw in de kennisbank",
    ):
        assert text in html, text
    assert "Achtergrondtaken" not in html  # for beheerders only


def test_beheerder_sees_the_tasks_and_a_redacteur_no_logbook(client):
    client.force_login(beheerder())
    assert (
        "Alle taken lopen zoals het hoort."
        in client.get(reverse("web:staff_home")).content.decode()
    )
    client.force_login(redacteur())
    html = client.get(reverse("web:staff_home")).content.decode()
    assert "Logboek" not in html and "Publicaties beheren" in html


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("signed_in", 403), ("member", 403)]
)
def test_others_do_not_get_in(client, who, status):
    if who != "anonymous":
        client.force_login(UserFactory() if who == "signed_in" else member())
    response = client.get(reverse("web:staff_home"))
    assert response.status_code == status
    assert "De komende bijeenkomsten" not in response.content.decode()


def test_staff_land_on_it_after_signing_in_and_members_on_their_dashboard(client):
    password = "een-lang-wachtwoord-42"
    staff = adviseur(password=password)
    response = client.post(reverse("account_login"), {"login": staff.email, "password": password})
    assert response["Location"] == reverse("web:staff_home")
    client.logout()
    person = member(password=password)
    response = client.post(reverse("account_login"), {"login": person.email, "password": password})
    assert response["Location"] == reverse("web:dashboard")


def test_header_names_the_staff_page_only_for_staff(client):
    url = reverse("web:staff_home")
    client.force_login(member())
    assert f'href="{url}"' not in client.get("/").content.decode()
    client.force_login(adviseur())
    assert f'href="{url}"' in client.get(reverse("web:dashboard")).content.decode()


def test_wagtail_dashboard_carries_the_staff_panels(client):
    client.force_login(beheerder())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "De komende bijeenkomsten" in html and "Achtergrondtaken" in html
