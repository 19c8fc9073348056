"""Every kind of mail the site sends links to the site's base URL, and every link works.

Each mail is sent for real (allauth's flows through the client, the agenda's mails through
their senders), every URL in it is collected, and each one that points at the site is followed
by the person the mail was for. A new sender in events.emails fails this test until it is added.
"""

import inspect
import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.events import emails
from raadsplein.events.models import BookingStatus, ReminderKind
from raadsplein.events.tests.factories import BookingFactory
from raadsplein.organisations.tests.factories import member

BASE = "https://raadsplein.example.nl"
URL = re.compile(r"https?://[^\s<>\"')]+")

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _base_url(settings):
    settings.RAADSPLEIN_BASE_URL = BASE
    settings.ALLOWED_HOSTS = ["raadsplein.example.nl", "testserver"]


def _links(message) -> list[str]:
    bodies = [message.body] + [alt[0] for alt in getattr(message, "alternatives", [])]
    return sorted({u.rstrip(".,") for body in bodies for u in URL.findall(body)})


def _follow(client, url: str):
    parts = urlsplit(url)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    return client.get(path, follow=True, HTTP_HOST="raadsplein.example.nl", secure=True)


def _site_links(message, *, allowed_outside=()) -> list[str]:
    links = _links(message)
    assert links, f"no links in {message.subject!r}"
    outside = [u for u in links if not u.startswith(BASE + "/") and u != BASE]
    assert set(outside) <= set(allowed_outside), f"{message.subject!r} links elsewhere: {outside}"
    assert not any("127.0.0.1" in u or "testserver" in u for u in links)
    return [u for u in links if u not in outside]


def test_every_events_sender_is_covered():
    senders = {
        name
        for name, fn in inspect.getmembers(emails, inspect.isfunction)
        if name.startswith("send_") and fn.__module__ == emails.__name__
    }
    assert senders == set(EVENT_MAILS)


def _confirmation(b):
    emails.send_confirmation(b)


def _reminder_link(b):
    emails.send_reminder(b, ReminderKind.LINK)


def _reminder_before(b):
    emails.send_reminder(b, ReminderKind.BEFORE)


def _staff_message(b):
    emails.send_staff_message(b, subject="Praktische informatie", body="Neem uw agenda mee.")


EVENT_MAILS = {
    "send_confirmation": _confirmation,
    "send_waitlisted": emails.send_waitlisted,
    "send_offer": emails.send_offer,
    "send_offer_expired": emails.send_offer_expired,
    "send_cancelled": emails.send_cancelled,
    "send_reminder": None,  # both kinds below
    "send_evaluation_request": emails.send_evaluation_request,
    "send_staff_message": _staff_message,
}
CASES = [(name, fn) for name, fn in EVENT_MAILS.items() if fn is not None] + [
    ("send_reminder/link", _reminder_link),
    ("send_reminder/before", _reminder_before),
]


@pytest.mark.parametrize(("kind", "send"), CASES, ids=[c[0] for c in CASES])
def test_events_mail_links_point_at_the_site_and_open(client, kind, send):
    person = member()
    status = BookingStatus.OFFERED if "offer" in kind else BookingStatus.CONFIRMED
    extra = {"offer_expires_at": timezone.now() + timedelta(hours=48)} if "offer" in kind else {}
    booking = BookingFactory(person=person, booked_by=person, status=status, **extra)
    mail.outbox.clear()
    send(booking)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.extra_headers.get("Auto-Submitted") == "auto-generated"
    client.force_login(person)
    for url in _site_links(message, allowed_outside=[booking.session.meeting_url]):
        response = _follow(client, url)
        assert response.status_code == 200, f"{kind}: {url} → {response.status_code}"


def test_signup_confirmation_link_opens_and_verifies(client):
    client.post(
        "/account/signup/",
        {
            "first_name": "Ans",
            "last_name": "de Vries",
            "email": "nieuw@example.org",
            "password1": "Zomer-2026-raad",
            "password2": "Zomer-2026-raad",
        },
        HTTP_HOST="raadsplein.example.nl",
        secure=True,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.extra_headers.get("Auto-Submitted") == "auto-generated"
    links = _site_links(message)
    confirm = [u for u in links if "/account/confirm-email/" in u]
    assert len(confirm) == 1
    client.logout()
    response = _follow(client, confirm[0])
    assert response.status_code == 200
    response = client.post(
        urlsplit(confirm[0]).path, HTTP_HOST="raadsplein.example.nl", secure=True, follow=True
    )
    assert response.status_code == 200
    from allauth.account.models import EmailAddress

    assert EmailAddress.objects.get(email="nieuw@example.org").verified


def test_password_reset_link_opens_the_new_password_form(client):
    UserFactory(email="lid@example.org")
    client.post(
        "/account/password/reset/",
        {"email": "lid@example.org"},
        HTTP_HOST="raadsplein.example.nl",
        secure=True,
    )
    assert len(mail.outbox) == 1
    links = _site_links(mail.outbox[0])
    reset = [u for u in links if "/account/password/reset/key/" in u]
    assert len(reset) == 1
    response = _follow(client, reset[0])
    assert response.status_code == 200
    assert 'name="password1"' in response.content.decode()
    for url in links:
        assert _follow(client, url).status_code == 200


def test_unknown_address_reset_mail_links_open(client):
    client.post(
        "/account/password/reset/",
        {"email": "onbekend@example.org"},
        HTTP_HOST="raadsplein.example.nl",
        secure=True,
    )
    assert len(mail.outbox) == 1
    for url in _site_links(mail.outbox[0]):
        assert _follow(client, url).status_code == 200


def test_login_code_link_fills_in_the_code_in_the_same_browser(client):
    UserFactory(email="lid@example.org")
    client.post(
        "/account/login/code/",
        {"email": "lid@example.org"},
        HTTP_HOST="raadsplein.example.nl",
        secure=True,
    )
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    links = _site_links(message)
    confirm = [u for u in links if "/account/login/code/confirm/" in u]
    assert len(confirm) == 1
    code = re.search(r"\?code=([^&\s]+)", confirm[0]).group(1)
    response = _follow(client, confirm[0])
    assert response.status_code == 200
    assert f'value="{code}"' in response.content.decode()
