"""Every URL of the staff side of Signalen × every kind of visitor: who gets the page (with
its content), who is sent to sign in, and who meets 404 (or the admin's refusal)."""

import datetime

import pytest

from raadsplein.accounts.tests.factories import (
    adviseur,
    beheerder,
    beleidsadviseur,
    redacteur,
)
from raadsplein.advocacy import dossiers, triage
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member", "other_member", "adviseur", "redacteur", "beleid", "beheerder")
POLICY = {"beleid", "beheerder"}


@pytest.fixture
def world():
    signal = report(title="Avondzorg schiet tekort")
    advisor = beleidsadviseur()
    triage.ask_reporter(signal=signal, text="Sinds wanneer speelt dit?", by=advisor)
    dossier = dossiers.create_dossier(
        by=advisor, title="Personeelstekort", summary="Samenvatting voor de raden."
    )
    dossiers.add_signal(dossier=dossier, signal=signal, by=advisor)
    dossiers.add_action(
        dossier=dossier,
        by=advisor,
        kind="letter",
        title="Brief aan de minister",
        date=datetime.date(2026, 11, 2),
    )
    return {"signal": signal, "dossier": dossier}


def person_for(role, world):
    return {
        "anonymous": lambda: None,
        "member": lambda: member(council=world["signal"].council),
        "other_member": lambda: member(council=council_in()),
        "adviseur": adviseur,
        "redacteur": redacteur,
        "beleid": beleidsadviseur,
        "beheerder": beheerder,
    }[role]()


# (url template, roles that get 200, text on the page)
PAGES = [
    ("/signalen/behandelen/", POLICY, "Signalen behandelen"),
    ("/signalen/behandelen/{signal}/", POLICY, "Stap wijzigen"),
    ("/signalen/behandelen/dossiers/", POLICY, "Personeelstekort"),
    ("/signalen/behandelen/dossiers/nieuw/", POLICY, "Dossier aanmaken"),
    ("/signalen/behandelen/dossiers/{dossier}/", POLICY, "Actie toevoegen"),
    ("/signalen/dossiers/{dossier}/", POLICY | {"member"}, "Samenvatting voor de raden."),
    ("/signalen/{signal}/antwoord/", {"member"}, "Sinds wanneer speelt dit?"),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("template", "allowed", "text"), PAGES)
def test_staff_pages_by_role(client, world, role, template, allowed, text):
    person = person_for(role, world)
    if person is not None:
        client.force_login(person)
    url = template.format(signal=world["signal"].pk, dossier=world["dossier"].pk)
    response = client.get(url)
    if role in allowed:
        assert response.status_code == 200
        assert text in response.content.decode()
    elif role == "anonymous":
        assert response.status_code == 302 and "/account/" in response.url
    else:
        assert response.status_code == 404
        assert text not in response.content.decode()


ADMIN_PAGES = [
    ("/admin/snippets/advocacy/state/", "In behandeling"),
    ("/admin/snippets/advocacy/tag/", "Labels"),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("url", "text"), ADMIN_PAGES)
def test_states_and_labels_in_the_admin_by_role(client, world, role, url, text):
    person = person_for(role, world)
    if person is not None:
        client.force_login(person)
    response = client.get(url)
    if role in POLICY:
        assert response.status_code == 200 and text in response.content.decode()
    else:
        # Wagtail sends who may not in elsewhere (sign-in, or the admin home with a message).
        assert response.status_code == 302
        assert not response.url.startswith(url)


@pytest.mark.parametrize("role", ("member", "adviseur", "redacteur"))
def test_actions_on_a_signal_are_refused_to_others_and_change_nothing(client, world, role):
    client.force_login(person_for(role, world))
    signal = world["signal"]
    response = client.post(
        f"/signalen/behandelen/{signal.pk}/", {"action": "note", "text": "Mag dit?"}
    )
    assert response.status_code == 404
    assert not signal.history.filter(kind="note").exists()
