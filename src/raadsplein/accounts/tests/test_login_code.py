"""Wrong passwords typed by someone else throttle an address, but never lock its holder out:
a sign-in code by e-mail still lets them in, and the sign-in page says so."""

import re

import pytest
from django.core import mail

from raadsplein.accounts.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _throttle(client, email: str) -> str:
    page = ""
    for _ in range(6):
        response = client.post(
            "/account/login/", {"login": email, "password": "verkeerd-wachtwoord"}
        )
        page = response.content.decode()
    return page


def test_throttled_address_page_offers_a_code(client):
    UserFactory(email="voorzitter@example.org", password="Goed-wachtwoord-2026")
    page = _throttle(client, "voorzitter@example.org")
    assert "te vaak een verkeerd wachtwoord" in page
    assert "/account/login/code/" in page
    # The right password is refused while the address is throttled: the limits hold.
    response = client.post(
        "/account/login/", {"login": "voorzitter@example.org", "password": "Goed-wachtwoord-2026"}
    )
    assert "_auth_user_id" not in client.session
    assert "te vaak een verkeerd wachtwoord" in response.content.decode()


def test_throttled_address_holder_signs_in_with_the_mailed_code(client):
    user = UserFactory(email="voorzitter@example.org", password="Goed-wachtwoord-2026")
    _throttle(client, "voorzitter@example.org")
    mail.outbox.clear()
    response = client.post("/account/login/code/", {"email": "voorzitter@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Uw code is" in body
    code = re.search(r"\?code=([^\s&]+)", body).group(1)
    response = client.post("/account/login/code/confirm/", {"code": code})
    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == user.pk


def test_a_wrong_code_does_not_sign_in(client):
    UserFactory(email="lid@example.org")
    client.post("/account/login/code/", {"email": "lid@example.org"})
    response = client.post("/account/login/code/confirm/", {"code": "XXXXXX"})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)


def test_unknown_address_gets_no_code_and_the_page_does_not_tell(client):
    response = client.post("/account/login/code/", {"email": "niemand@example.org"})
    assert response.status_code == 302  # same answer as for a known address
    assert all("Uw code is" not in m.body for m in mail.outbox)
