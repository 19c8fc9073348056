import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from raadsplein.accounts.models import User
from raadsplein.accounts.tests.factories import PASSWORD, UserFactory, adviseur
from raadsplein.organisations.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db


def test_profile_saves_text_size_and_shows_it_on_every_page(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "first_name": "Anna",
            "last_name": "de Vries",
            "form_of_address": "u",
            "text_size": "extra-groot",
            "reduce_motion": "on",
        },
        follow=True,
    )
    assert "Uw gegevens zijn opgeslagen." in response.content.decode()
    user.refresh_from_db()
    assert user.text_size == "extra-groot" and user.reduce_motion
    home = client.get("/").content.decode()
    assert 'class="text-extra-groot reduce-motion"' in home


def test_profile_bad_input_shows_dutch_error_tied_to_field_and_changes_nothing(client):
    user = UserFactory(first_name="Anna")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {"first_name": "", "last_name": "x", "form_of_address": "zij", "text_size": "groot"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="id_first_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert "Dit is een verplicht veld." in html
    assert "Selecteer een geldige keuze" in html
    user.refresh_from_db()
    assert user.first_name == "Anna" and user.text_size == "normaal"


def test_personal_data_page_shows_seats(client):
    seat = SeatFactory()
    client.force_login(seat.person)
    html = client.get(reverse("accounts:personal_data")).content.decode()
    assert seat.council.name in html
    assert seat.person.email in html


def test_personal_data_download_is_json_with_everything(client):
    seat = SeatFactory()
    client.force_login(seat.person)
    response = client.post(reverse("accounts:personal_data_download"))
    assert response["Content-Type"].startswith("application/json")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["sections"]["organisations"]["data"]["seats"][0]["council"] == seat.council.name


def test_erase_with_wrong_password_changes_nothing(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:erase"), {"password": "fout", "confirm": "on"})
    assert "Dit wachtwoord klopt niet." in response.content.decode()
    user.refresh_from_db()
    assert user.is_active and user.erased_at is None


def test_erase_with_password_erases_and_signs_out(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(
        reverse("accounts:erase"), {"password": PASSWORD, "confirm": "on"}, follow=True
    )
    assert "Uw account en gegevens zijn gewist." in response.content.decode()
    user.refresh_from_db()
    assert not user.is_active and user.erased_at is not None
    assert "_auth_user_id" not in client.session


def test_signup_sends_verification_mail_in_dutch(client):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Bram",
            "last_name": "Visser",
            "email": "bram@example.org",
            "password1": "een-lang-wachtwoord-42",
            "password2": "een-lang-wachtwoord-42",
        },
    )
    assert response.status_code == 302
    user = User.objects.get(email="bram@example.org")
    assert (user.first_name, user.last_name) == ("Bram", "Visser")
    assert len(mail.outbox) == 1
    assert "bram@example.org" in mail.outbox[0].to
    assert "[Raadsplein]" in mail.outbox[0].subject


def test_login_with_email_and_password(client):
    user = UserFactory()
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:dashboard")


def test_failed_logins_are_throttled(client):
    user = UserFactory()
    for _ in range(5):
        client.post(reverse("account_login"), {"login": user.email, "password": "fout"})
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    # Even the right password is refused while the address is throttled.
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_staff_must_set_up_mfa_when_required(client, settings):
    settings.RAADSPLEIN_REQUIRE_STAFF_MFA = True
    client.force_login(adviseur())
    response = client.get(reverse("web:dashboard"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_members_need_no_mfa_when_staff_mfa_required(client, settings):
    settings.RAADSPLEIN_REQUIRE_STAFF_MFA = True
    client.force_login(SeatFactory().person)
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_staff_mfa_off_in_demo(client, settings):
    settings.RAADSPLEIN_REQUIRE_STAFF_MFA = False
    client.force_login(adviseur())
    assert client.get(reverse("web:dashboard")).status_code == 200


def test_mfa_setup_page_is_available_to_members(client):
    person = SeatFactory().person
    client.force_login(person)
    # allauth asks for the password again before a second factor is set up.
    first = client.get(reverse("mfa_activate_totp"))
    assert first.status_code == 302 and "reauthenticate" in first["Location"]
    client.post(first["Location"], {"password": PASSWORD})
    response = client.get(reverse("mfa_activate_totp"))
    assert response.status_code == 200
    assert "Code-app aanzetten" in response.content.decode()


def test_production_settings_pass_check_deploy():
    root = Path(__file__).resolve().parents[4]
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "raadsplein.settings.production",
        "SECRET_KEY": "x" * 20 + "production-check-" + "y" * 30,
        "ALLOWED_HOSTS": "raadsplein.example.org",
        "DATABASE_URL": "sqlite:////tmp/raadsplein-check-deploy.sqlite3",
    }
    # Set for the browser tests when one ran earlier in this process; never in production.
    env.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(root / "manage.py"), "check", "--deploy", "--fail-level", "WARNING"],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_missing_secret_key():
    root = Path(__file__).resolve().parents[4]
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "raadsplein.settings.production"}
    env.pop("SECRET_KEY", None)
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, str(root / "manage.py"), "check"],
        capture_output=True,
        text=True,
        env=env,
        cwd=root,
        check=False,
    )
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_api_token_page_shows_new_token_once_and_revokes(client):
    user = UserFactory()
    client.force_login(user)
    response = client.post(reverse("accounts:api_tokens"), {"name": "Mijn script"})
    html = response.content.decode()
    token = user.personal_api_tokens.get()
    assert "Mijn script" in html and token.prefix in html
    assert html.count("rp_") >= 1
    assert "rp_" not in client.get(reverse("accounts:api_tokens")).content.decode().split(
        "Nieuwe sleutel maken"
    )[0].replace(token.prefix, "")
    client.post(reverse("accounts:api_token_revoke", args=[token.pk]))
    assert not user.personal_api_tokens.exists()


def test_revoking_someone_elses_token_changes_nothing(client):
    from raadsplein.accounts import services

    owner = UserFactory()
    token, _ = services.create_api_token(user=owner, name="van een ander")
    client.force_login(UserFactory())
    response = client.post(reverse("accounts:api_token_revoke", args=[token.pk]), follow=True)
    assert "Deze sleutel bestaat niet (meer)." in response.content.decode()
    assert owner.personal_api_tokens.count() == 1


def test_password_reset_sends_mail_and_unknown_address_leaks_nothing(client):
    user = UserFactory()
    response = client.post(reverse("account_reset_password"), {"email": user.email})
    assert response.status_code == 302
    assert len(mail.outbox) == 1 and mail.outbox[0].to == [user.email]
    assert "/account/password/reset/key/" in mail.outbox[0].body
    # An unknown address gets the same answer (no account enumeration).
    response = client.post(reverse("account_reset_password"), {"email": "niemand@example.org"})
    assert response.status_code == 302


def test_sign_out_needs_post_and_ends_session(client):
    client.force_login(UserFactory())
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session
