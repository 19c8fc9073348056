"""One way of speaking: every account page and mail says "u", and two-step sign-in has one name.

The walk visits allauth's pages (ours only in layout) and our own account pages as a visitor,
a member and a staff member, and reads the text a person sees: the words of the page and the
labels screen readers announce. allauth's own Dutch says "je" and "twee-factor-authenticatie";
``web/allauth_texts.py`` and locale/nl replace it.
"""

import datetime
import html
import importlib
import json
import re

import pytest
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.core import mail
from django.urls import reverse
from django.utils import translation
from wagtail.models import Task, Workflow

from raadsplein.accounts import personal_data
from raadsplein.accounts.personal_data import readable, readable_value
from raadsplein.accounts.tests.factories import PASSWORD, UserFactory, adviseur, beheerder
from raadsplein.organisations.models import CareProvider
from raadsplein.organisations.tests.factories import CareProviderFactory, SeatFactory

pytestmark = pytest.mark.django_db

INFORMAL = re.compile(r"\b(je|jij|jou|jouw|jezelf)\b", re.IGNORECASE)
# Other names for inloggen in twee stappen (and the authenticator app, our "code-app").
OTHER_NAMES = re.compile(
    r"twee-?factor|tweestaps|two-factor|multi-?factor|\b2fa\b|\bmfa\b|authentica",
    re.IGNORECASE,
)
# The profile offers the form of address by its name; that option is the one "je" we say.
FORM_OF_ADDRESS_CHOICE = "Je en jij"


def visible_text(page: str) -> str:
    """What a person reads or hears: text outside scripts and styles, and the labels of
    controls (aria-label, title, placeholder, alt)."""
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S | re.I)
    page = re.sub(r"<!--.*?-->", " ", page, flags=re.S)
    labels = re.findall(r'\b(?:aria-label|title|placeholder|alt)="([^"]*)"', page)
    text = re.sub(r"<[^>]+>", " ", page)
    return html.unescape(" ".join([text, *labels]))


def assert_speaks_our_dutch(url: str, page: str) -> None:
    text = visible_text(page).replace(FORM_OF_ADDRESS_CHOICE, "")
    informal = sorted({m.group(0) for m in INFORMAL.finditer(text)})
    assert not informal, f"{url} says {informal}"
    other = sorted({m.group(0) for m in OTHER_NAMES.finditer(text)})
    assert not other, f"{url} names two-step sign-in otherwise: {other}"


def get_page(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    page = response.content.decode()
    assert_speaks_our_dutch(url, page)
    return page


def reauthenticate(client) -> None:
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})


def test_visitor_pages_speak_u(client):
    for name in [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_request_login_code",
    ]:
        get_page(client, reverse(name))
    get_page(client, reverse("account_confirm_email", args=["verlopen-sleutel"]))
    page = get_page(
        client, reverse("account_reset_password_from_key", args=["1", "ongeldige-sleutel"])
    )
    assert "werkt niet (meer)" in page
    UserFactory(email="lid@example.org")
    response = client.post(reverse("account_request_login_code"), {"email": "lid@example.org"})
    get_page(client, response["Location"])


@pytest.mark.parametrize("who", ["member", "staff"])
def test_signed_in_pages_speak_u_with_one_name_for_two_steps(client, who):
    person = SeatFactory().person if who == "member" else beheerder()
    client.force_login(person)
    for name in [
        "account_email",
        "account_change_password",
        "account_reauthenticate",
        "account_logout",
        "accounts:profile",
        "accounts:personal_data",
        "accounts:api_tokens",
    ]:
        get_page(client, reverse(name))
    index = get_page(client, reverse("mfa_index"))
    assert "Inloggen in twee stappen" in index
    reauthenticate(client)
    activate = get_page(client, reverse("mfa_activate_totp"))
    assert "Code-app aanzetten" in activate


def test_pages_with_the_code_app_on_speak_u(client):
    person = SeatFactory().person
    TOTP.activate(person, generate_totp_secret())
    RecoveryCodes.activate(person)
    # Signing in with a password asks for the second step.
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    second = get_page(client, response["Location"])
    assert "U logt in twee stappen in" in second
    client.force_login(person)
    reauthenticate(client)
    for name in [
        "mfa_index",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_deactivate_totp",
        "mfa_reauthenticate",
    ]:
        get_page(client, reverse(name))


def test_error_messages_speak_u(client):
    """Bad input answers in our Dutch too, and changes nothing."""
    person = SeatFactory().person
    page = client.post(reverse("account_login"), {"login": person.email, "password": "fout"})
    assert_speaks_our_dutch("login, wrong password", page.content.decode())
    assert "_auth_user_id" not in client.session
    client.force_login(person)
    wrong = {"oldpassword": "fout", "password1": "Nieuw-wachtwoord-2026", "password2": "anders"}
    page = client.post(reverse("account_change_password"), wrong).content.decode()
    assert_speaks_our_dutch("password change, wrong input", page)
    assert "Vul uw huidige wachtwoord in." in page
    reauthenticate(client)
    page = client.post(reverse("mfa_activate_totp"), {"code": "000000"}).content.decode()
    assert_speaks_our_dutch("code-app, wrong code", page)
    person.refresh_from_db()
    assert person.check_password(PASSWORD)
    assert not person.authenticator_set.exists()


def test_account_mails_speak_u(client):
    person = UserFactory(email="lid@example.org")
    client.post(reverse("account_reset_password"), {"email": person.email})
    client.post(reverse("account_request_login_code"), {"email": person.email})
    client.force_login(person)
    client.post(reverse("account_email"), {"action_add": "", "email": "nieuw@example.org"})
    subjects = [m.subject for m in mail.outbox]
    assert len(mail.outbox) == 3, subjects
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        assert not INFORMAL.search(text), text
        assert not OTHER_NAMES.search(text), text
    assert "nieuw wachtwoord" in mail.outbox[0].body
    assert "Bevestig uw e-mailadres" in mail.outbox[2].subject


# "Mijn gegevens": readable on the page, unchanged in the download.


def test_readable_turns_dates_booleans_and_codes_into_dutch():
    with translation.override("nl"):
        assert readable_value(True) == "Ja"
        assert readable_value(False) == "Nee"
        assert readable_value("2026-12-03") == "3 december 2026"
        assert readable_value("2026-12-03T13:05:00+00:00") == "3 december 2026, 14:05"
        assert readable_value("2026-13-45") == "2026-13-45"  # not a date: left as it is
        assert readable_value("Cursus 2026-12-03") == "Cursus 2026-12-03"
        data = readable(
            {"reduce_motion": True, "start_date": "2026-06-01", "mystery_key": 3, "kind": "x"},
            labels={"reduce_motion": "Minder beweging"},
            choices={"kind": {"x": "Soort X"}},
        )
    assert data == {
        "Minder beweging": "Ja",
        "Begindatum": "1 juni 2026",
        "Mystery key": 3,
        "Soort": "Soort X",
    }


def test_every_key_of_every_section_has_a_dutch_label():
    """A key nobody labelled would show as English ("council messages") on the page."""
    person = SeatFactory().person

    def keys(value):
        if isinstance(value, dict):
            for key, inner in value.items():
                yield key
                yield from keys(inner)
        elif isinstance(value, list):
            for inner in value:
                yield from keys(inner)

    for section in personal_data.sections():
        unlabelled = {
            key
            for key in keys(section.export(person))
            if key not in section.labels and key not in personal_data.LABELS
        }
        assert not unlabelled, f"{section.key}: {sorted(unlabelled)}"


def test_personal_data_page_reads_dutch_while_the_download_keeps_its_keys(client):
    seat = SeatFactory(start_date=datetime.date(2026, 12, 3))
    person = seat.person
    person.reduce_motion = True
    person.date_joined = datetime.datetime(2026, 11, 2, 8, 30, tzinfo=datetime.UTC)
    person.save()
    client.force_login(person)
    page = get_page(client, reverse("accounts:personal_data"))
    text = visible_text(page)
    assert "Minder beweging" in text and "reduce motion" not in text
    assert "Account gemaakt op" in text and "2 november 2026, 09:30" in text
    assert "3 december 2026" in text and "2026-12-03" not in text
    assert re.search(r"Minder beweging\s+Ja\b", text)
    assert "Aanspreekvorm" in text and re.search(r"Aanspreekvorm\s+U\b", text)
    assert "Zetels in raden" in text and "Begindatum" in text

    download = client.post(reverse("accounts:personal_data_download"))
    data = json.loads(download.content)
    account = data["sections"]["account"]["data"]
    assert account["reduce_motion"] is True
    assert account["form_of_address"] == "u"
    assert account["date_joined"].startswith("2026-11-02T08:30:00")
    seat_row = data["sections"]["organisations"]["data"]["seats"][0]
    assert seat_row["start_date"] == "2026-12-03"


# No request to outside services, such as Gravatar.


def test_no_admin_page_asks_gravatar_for_a_picture(client, settings):
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None
    staff = beheerder()
    adviseur()  # a second person in the users listing
    client.force_login(staff)
    for url in ["/admin/", "/admin/account/", "/admin/users/"]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "gravatar" not in response.content.decode().lower(), url
    assert "gravatar" not in client.get(reverse("accounts:profile")).content.decode().lower()


# The Wagtail admin: Dutch names, yes/no in words, no links to Wagtail's English guide.


def test_admin_listing_says_ja_nee_for_booleans(client):
    CareProviderFactory(name="Zorg Ja", provides_long_term_care=True)
    CareProviderFactory(name="Zorg Nee", provides_long_term_care=False)
    client.force_login(beheerder())
    url = reverse(CareProvider.snippet_viewset.get_url_name("list"))
    page = client.get(url).content.decode()
    cells = [visible_text(c).strip() for c in re.findall(r"<td\b.*?</td>", page, flags=re.S)]
    assert "Ja" in cells and "Nee" in cells
    assert "True" not in cells and "False" not in cells


def test_admin_workflow_has_a_dutch_name_and_help_menu_no_editor_guide(client):
    if not Workflow.objects.exists():
        # A transactional test before this one (same process) emptied every table, Wagtail's
        # default workflow included: make one with Wagtail's name, then rename it as we do.
        from django.apps import apps as django_apps

        ours = importlib.import_module("raadsplein.web.migrations.0005_dutch_workflow_name")
        Workflow.objects.create(name=ours.ENGLISH)
        ours.to_dutch(django_apps, None)
    assert set(Workflow.objects.values_list("name", flat=True)) == {"Goedkeuring voor publicatie"}
    assert "Moderators approval" not in Task.objects.values_list("name", flat=True)
    client.force_login(beheerder())
    home = client.get("/admin/").content.decode()
    assert "Sneltoetsen" in home  # the help menu is there ...
    assert "Editor Guide" not in home  # ... without the English guide
    assert "guide.wagtail.org" not in home and "wagtail.org/en" not in home
    client.force_login(UserFactory(is_superuser=True))
    workflows = client.get("/admin/workflows/list/")
    assert workflows.status_code == 200
    assert "Goedkeuring voor publicatie" in workflows.content.decode()
