"""The core: tokens, the message's headers, one-click unsubscribe (RFC 8058), segments."""

import email
import email.policy

import pytest
from django.core import signing

from raadsplein.newsletter import messages, selectors, services, tokens
from raadsplein.newsletter.models import Segment, SubscriberStatus
from raadsplein.organisations.tests.factories import CouncilFactory, SeatFactory

from .factories import EditionFactory, EditionItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def test_tokens_name_one_address():
    subscriber = SubscriberFactory()
    token = tokens.make(subscriber, tokens.UNSUBSCRIBE)
    assert tokens.read(token, tokens.UNSUBSCRIBE) == subscriber
    with pytest.raises(tokens.BadToken):
        tokens.read(token, tokens.PREFERENCES)  # another kind
    with pytest.raises(tokens.BadToken):
        tokens.read(token[:-2] + "xx", tokens.UNSUBSCRIBE)  # forged
    subscriber.email = "ander@voorbeeld.nl"
    subscriber.save()
    with pytest.raises(tokens.BadToken):
        tokens.read(token, tokens.UNSUBSCRIBE)  # made for the old address


def test_confirmation_tokens_expire(settings):
    subscriber = SubscriberFactory(status=SubscriberStatus.PENDING)
    token = tokens.make(subscriber, tokens.CONFIRM)
    assert tokens.read(token, tokens.CONFIRM) == subscriber
    settings.NEWSLETTER_CONFIRM_DAYS = -1
    with pytest.raises(tokens.BadToken):
        tokens.read(token, tokens.CONFIRM)


def test_message_has_the_headers_a_bulk_sender_owes(settings):
    edition = EditionFactory()
    EditionItemFactory(edition=edition, heading="Nieuwe Wmcz-handreiking")
    subscriber = SubscriberFactory(name="Anna de Vries")
    message = messages.build_message(edition, subscriber).message()
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert parsed["From"] == settings.NEWSLETTER_FROM_EMAIL
    assert parsed["Message-ID"] == messages.message_id(edition, subscriber)
    assert parsed["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    https, mailto = (part.strip(" <>") for part in parsed["List-Unsubscribe"].split(","))
    assert https.startswith("http") and "/nieuwsbrief/afmelden/" in https
    assert mailto.startswith("mailto:" + settings.NEWSLETTER_UNSUBSCRIBE_ADDRESS)
    text = parsed.get_body(("plain",)).get_content()
    html = parsed.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Beste Anna de Vries," in body
        assert "Nieuwe Wmcz-handreiking" in body
        assert "RPGREETINGRP" not in body and "RPUNSUBSCRIBERP" not in body
    assert 'style="' in html  # inlined
    assert "<img" not in html  # no tracking pixel


def test_envelope_sender_is_a_signed_return_path(settings):
    settings.NEWSLETTER_RETURN_PATH = "bounces@raadsplein.nl"
    edition, subscriber = EditionFactory(), SubscriberFactory()
    message = messages.build_message(edition, subscriber)
    local, _at, domain = message.from_email.partition("@")
    assert domain == "raadsplein.nl" and local.startswith("bounces+")
    signing.Signer(salt="newsletter.bounce").unsign(
        local.removeprefix("bounces+").replace("=", ":")
    )


def test_one_click_post_unsubscribes_without_session_or_csrf(client):
    subscriber = SubscriberFactory()
    url = messages.unsubscribe_url(subscriber).split("://", 1)[1].partition("/")[2]
    client.handler.enforce_csrf_checks = True
    response = client.post(
        "/" + url,
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_get_only_shows_a_button(client):
    subscriber = SubscriberFactory()
    path = "/" + messages.unsubscribe_url(subscriber).split("://", 1)[1].partition("/")[2]
    response = client.get(path)
    assert response.status_code == 200
    assert b"<button" in response.content
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    client.post(path, {"confirm": "ja"})
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED


def test_forged_token_gets_a_calm_page_and_changes_nothing(client):
    subscriber = SubscriberFactory()
    token = tokens.make(subscriber, tokens.UNSUBSCRIBE)
    response = client.post(
        f"/nieuwsbrief/afmelden/{token}x/",
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert "Er is niets veranderd" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE


def test_segment_by_role_and_province():
    council = CouncilFactory(province="GE")
    chair = SeatFactory(council=council, role="voorzitter").person
    member = SeatFactory(council=council, role="lid").person
    a = SubscriberFactory(user=chair, email=chair.email)
    SubscriberFactory(user=member, email=member.email)
    SubscriberFactory()  # no account: no role, no province
    segment = Segment.objects.create(name="Voorzitters", council_roles=["voorzitter"])
    assert list(selectors.segment_subscribers(segment)) == [a]
    segment = Segment.objects.create(name="Gelderland", provinces=["GE"])
    assert selectors.segment_subscribers(segment).count() == 2


@pytest.mark.parametrize(
    "address",
    ["geen-adres", "iemand@mailinator.com", "  "],
)
def test_bad_addresses_get_a_dutch_message(address):
    with pytest.raises(services.NewsletterError):
        services.normalise_email(address)


def test_demo_addresses_are_fine():
    assert services.normalise_email(" Lezer@Demo.Raadsplein.nl ") == "lezer@demo.raadsplein.nl"
