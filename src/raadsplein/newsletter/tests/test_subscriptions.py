"""Subscribing with double opt-in, confirming, preferences by token, and a member's one click."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.jobs.models import TaskEffect
from raadsplein.knowledge.models import Theme
from raadsplein.newsletter import selectors, subscriptions, tokens
from raadsplein.newsletter.models import Segment, Subscriber, SubscriberStatus
from raadsplein.newsletter.services import NewsletterError
from raadsplein.newsletter.subscription_models import ConfirmationRequest
from raadsplein.organisations.models import CareSector

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/nieuwsbrief/"


def _post(client, email, **extra):
    data = {"email": email, "name": "", "form_of_address": "u", **extra}
    return client.post(SUBSCRIBE, data)


def _confirm_path(message) -> str:
    found = re.search(r"https?://[^/\s]+(/nieuwsbrief/bevestigen/[^\s]+/)", message.body)
    assert found, message.body
    return found.group(1)


def _sector_and_theme():
    sector = CareSector.objects.order_by("order").first() or CareSector.objects.create(
        code="vvt", name="Ouderenzorg"
    )
    theme, _created = Theme.objects.get_or_create(name="Medezeggenschap")
    return sector, theme


def test_subscribe_sends_one_confirmation_and_stores_a_pending_address(
    client, django_capture_on_commit_callbacks
):
    sector, theme = _sector_and_theme()
    with django_capture_on_commit_callbacks(execute=True):
        response = _post(
            client,
            " Anna@Voorbeeld.nl ",
            name="Anna de Vries",
            form_of_address="je",
            sectors=[sector.pk],
            themes=[theme.pk],
        )
    assert response.status_code == 302
    assert response.url == SUBSCRIBE + "?verstuurd=1"
    page = client.get(response.url).content.decode()
    assert "Kijk in uw mailbox" in page
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "anna@voorbeeld.nl"
    assert subscriber.status == SubscriberStatus.PENDING
    assert subscriber.consent_at is None
    # What was typed waits for the confirmation.
    assert list(subscriber.sectors.all()) == []
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna@voorbeeld.nl"]
    assert "Hoi Anna de Vries," in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    assert "/nieuwsbrief/bevestigen/" in message.body
    # Editions go to active subscribers only: a pending address is in no segment.
    assert subscriber not in selectors.segment_subscribers(None)
    assert subscriber not in selectors.segment_subscribers(Segment.objects.create(name="Alle"))


def test_confirm_link_shows_a_button_and_the_post_makes_the_address_active(
    client, django_capture_on_commit_callbacks
):
    sector, theme = _sector_and_theme()
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, "anna@voorbeeld.nl", name="Anna", sectors=[sector.pk], themes=[theme.pk])
    path = _confirm_path(mail.outbox[0])
    page = client.get(path)
    assert "Ja, meld mij aan" in page.content.decode()
    assert Subscriber.objects.get().status == SubscriberStatus.PENDING  # a GET changes nothing
    response = client.post(path)
    assert "U bent aangemeld" in response.content.decode()
    subscriber = Subscriber.objects.get()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.consent_source == "website"
    assert subscriber.consent_at and subscriber.confirmed_at
    assert subscriber.name == "Anna"
    assert list(subscriber.sectors.all()) == [sector]
    assert list(subscriber.themes.all()) == [theme]
    # Confirming twice is harmless.
    confirmed_at = subscriber.confirmed_at
    again = client.post(path)
    assert again.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.confirmed_at == confirmed_at
    assert len(mail.outbox) == 1  # nothing else went to the address


def test_confirmation_mail_is_sent_once_per_round(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = subscriptions.request_subscription(email="anna@voorbeeld.nl")
    assert len(mail.outbox) == 1
    # The task runs again (a worker restarted): nothing is sent twice.
    assert subscriptions.send_confirmation_mail(request_pk=request.pk) is False
    assert len(mail.outbox) == 1
    assert TaskEffect.objects.filter(key__startswith="newsletter.confirm:").count() == 1


@pytest.mark.parametrize("when", ["expired", "forged", "other_kind"])
def test_bad_confirmation_link_is_calm_and_changes_nothing(client, settings, when):
    subscriber = SubscriberFactory(status=SubscriberStatus.PENDING, consent_source="website")
    ConfirmationRequest.objects.create(subscriber=subscriber)
    token = tokens.make(subscriber, tokens.CONFIRM)
    if when == "expired":
        settings.NEWSLETTER_CONFIRM_DAYS = -1
    elif when == "forged":
        token = token[:-3] + "abc"
    else:
        token = tokens.make(subscriber, tokens.PREFERENCES)
    path = reverse("newsletter:confirm", args=[token])
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 400
        body = response.content.decode()
        assert "Deze link werkt niet meer" in body
        assert reverse("newsletter:subscribe") in body
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING and subscriber.confirmed_at is None


def test_an_old_link_does_not_undo_an_unsubscribe(client):
    subscriber = SubscriberFactory(status=SubscriberStatus.PENDING)
    ConfirmationRequest.objects.create(
        subscriber=subscriber, created_at=timezone.now() - datetime.timedelta(hours=2)
    )
    token = tokens.make(subscriber, tokens.CONFIRM)
    Subscriber.objects.filter(pk=subscriber.pk).update(
        status=SubscriberStatus.UNSUBSCRIBED, unsubscribed_at=timezone.now()
    )
    response = client.post(reverse("newsletter:confirm", args=[token]))
    assert response.status_code == 400
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def _answer(client, email, captured):
    with captured(execute=True):
        response = _post(client, email)
    return response.status_code, response.url, client.get(response.url).content


@pytest.mark.parametrize(
    "status",
    [None, SubscriberStatus.PENDING, SubscriberStatus.ACTIVE, SubscriberStatus.UNSUBSCRIBED],
)
def test_answer_is_the_same_whatever_the_address(
    client, status, django_capture_on_commit_callbacks
):
    if status is not None:
        SubscriberFactory(email="bekend@voorbeeld.nl", status=status, name="Bekend")
    new = _answer(client, "nieuw@voorbeeld.nl", django_capture_on_commit_callbacks)
    known = _answer(client, "bekend@voorbeeld.nl", django_capture_on_commit_callbacks)
    assert new == known
    to_known = [m for m in mail.outbox if m.to == ["bekend@voorbeeld.nl"]]
    if status == SubscriberStatus.ACTIVE:
        assert to_known == []  # an active address gets no new mail
        assert Subscriber.objects.get(email="bekend@voorbeeld.nl").name == "Bekend"
    else:
        assert len(to_known) == 1  # a new confirmation


def test_unsubscribed_address_stays_unsubscribed_until_confirmed(
    client, django_capture_on_commit_callbacks
):
    sector, _theme = _sector_and_theme()
    subscriber = SubscriberFactory(
        email="weg@voorbeeld.nl",
        status=SubscriberStatus.UNSUBSCRIBED,
        unsubscribed_at=timezone.now() - datetime.timedelta(days=30),
        name="Oud",
    )
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, "weg@voorbeeld.nl", name="Nieuw", sectors=[sector.pk])
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED and subscriber.name == "Oud"
    client.post(_confirm_path(mail.outbox[-1]))
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE and subscriber.name == "Nieuw"
    assert subscriber.unsubscribed_at is None


def test_confirmation_mails_are_limited_per_address(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(subscriptions.MAX_CONFIRMATIONS_PER_DAY + 3):
            subscriptions.request_subscription(email="doelwit@voorbeeld.nl")
    assert len(mail.outbox) == subscriptions.MAX_CONFIRMATIONS_PER_DAY


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("geen-adres", "Dit is geen geldig e-mailadres"),
        ("iemand@mailinator.com", "wegwerpadressen"),
        ("", "Vul uw e-mailadres in"),
    ],
)
def test_invalid_or_disposable_address_is_refused_on_the_form(client, email, message):
    response = _post(client, email)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Subscriber.objects.exists()
    assert len(mail.outbox) == 0


def test_service_refuses_an_invalid_address_and_stores_nothing():
    with pytest.raises(NewsletterError):
        subscriptions.request_subscription(email="iemand@@voorbeeld")
    assert not Subscriber.objects.exists() and not ConfirmationRequest.objects.exists()


# Preferences by token ----------------------------------------------------------------------


def test_preferences_by_token_without_signing_in(client):
    sector, theme = _sector_and_theme()
    subscriber = SubscriberFactory(name="Piet", form_of_address="u")
    path = reverse("newsletter:preferences", args=[tokens.make(subscriber, tokens.PREFERENCES)])
    page = client.get(path).content.decode()
    assert subscriber.email in page and 'value="Piet"' in page
    response = client.post(
        path,
        {
            "name": "Piet Jansen",
            "form_of_address": "je",
            "sectors": [sector.pk],
            "themes": [theme.pk],
        },
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.name, subscriber.form_of_address) == ("Piet Jansen", "je")
    assert list(subscriber.sectors.all()) == [sector]
    assert "Uw voorkeuren zijn opgeslagen" in client.get(path).content.decode()


def test_preferences_page_unsubscribes(client):
    subscriber = SubscriberFactory()
    path = reverse("newsletter:preferences", args=[tokens.make(subscriber, tokens.PREFERENCES)])
    client.post(path, {"action": "unsubscribe"})
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_preferences_with_a_bad_token_is_calm(client):
    subscriber = SubscriberFactory(name="Piet")
    token = tokens.make(subscriber, tokens.UNSUBSCRIBE)  # another kind
    path = reverse("newsletter:preferences", args=[token])
    response = client.post(path, {"name": "Kwaadwillend", "form_of_address": "je"})
    assert response.status_code == 400
    assert "Deze link werkt niet meer" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.name == "Piet"


# A member's one click ----------------------------------------------------------------------


def _verified_user(**kwargs):
    user = UserFactory(**kwargs)
    EmailAddress.objects.update_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )
    return user


def test_member_subscribes_and_unsubscribes_in_one_click(client):
    user = _verified_user(form_of_address="je")
    client.force_login(user)
    response = client.post(reverse("newsletter:member_subscription"))
    assert response.status_code == 302
    subscriber = Subscriber.objects.get(user=user)
    assert subscriber.email == user.email.lower()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert subscriber.consent_source == "profiel" and subscriber.consent_at
    assert subscriber.form_of_address == "je"
    assert len(mail.outbox) == 0  # no confirmation: the address is verified
    client.post(reverse("newsletter:member_subscription"), {"action": "unsubscribe"})
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_member_address_already_on_the_list_is_linked():
    user = _verified_user()
    existing = SubscriberFactory(
        email=user.email.lower(), status=SubscriberStatus.ACTIVE, consent_source="import: x"
    )
    subscriber = subscriptions.subscribe_member(user=user)
    assert subscriber.pk == existing.pk and subscriber.user == user
    assert subscriber.consent_source == "import: x"  # their earlier consent stays
    assert Subscriber.objects.count() == 1


def test_member_with_an_unverified_address_is_refused():
    user = UserFactory()
    EmailAddress.objects.filter(user=user).update(verified=False)
    with pytest.raises(NewsletterError, match="nog niet bevestigd"):
        subscriptions.subscribe_member(user=user)
    assert not Subscriber.objects.exists()


def test_member_button_needs_signing_in(client):
    response = client.post(reverse("newsletter:member_subscription"))
    assert response.status_code == 302 and "/account/" in response.url
    assert not Subscriber.objects.exists()


def test_unconfirmed_addresses_are_forgotten_after_a_month(django_capture_on_commit_callbacks):
    from django.core.management import call_command

    old = timezone.now() - datetime.timedelta(days=subscriptions.UNCONFIRMED_DAYS + 1)
    stale = SubscriberFactory(status=SubscriberStatus.PENDING, consent_at=None)
    ConfirmationRequest.objects.create(subscriber=stale, created_at=old, name="Getypt")
    fresh = SubscriberFactory(status=SubscriberStatus.PENDING, consent_at=None)
    ConfirmationRequest.objects.create(subscriber=fresh)
    reader = SubscriberFactory(status=SubscriberStatus.ACTIVE, consent_at=old)
    ConfirmationRequest.objects.create(subscriber=reader, created_at=old)
    Subscriber.objects.filter(pk__in=[stale.pk, fresh.pk, reader.pk]).update(created_at=old)
    call_command("forget_unconfirmed_subscribers")
    assert set(Subscriber.objects.values_list("pk", flat=True)) == {fresh.pk, reader.pk}
    assert ConfirmationRequest.objects.get().subscriber == fresh
