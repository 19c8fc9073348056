"""Signed tokens in the links we mail: confirming a subscription, unsubscribing, preferences.

Each token names one subscriber and the address it was made for, so it works for that address
only (a subscriber whose address changed gets new tokens). Confirmation tokens expire
(``NEWSLETTER_CONFIRM_DAYS``); unsubscribe tokens do not, because a message in someone's inbox
must keep working (RFC 8058). Salts keep one kind from being used as another.
"""

import hashlib

from django.conf import settings
from django.core import signing

CONFIRM = "newsletter.confirm"
UNSUBSCRIBE = "newsletter.unsubscribe"
PREFERENCES = "newsletter.preferences"


class BadToken(Exception):
    """A token that is forged, for another address, or expired."""


def _address_key(email: str) -> str:
    return hashlib.sha256(email.lower().encode()).hexdigest()[:10]


def make(subscriber, salt: str) -> str:
    value = f"{subscriber.pk}.{_address_key(subscriber.email)}"
    if salt == CONFIRM:
        return signing.TimestampSigner(salt=salt).sign(value)
    return signing.Signer(salt=salt).sign(value)


def read(token: str, salt: str):
    """The subscriber the token names, or ``BadToken``."""
    from .models import Subscriber

    try:
        if salt == CONFIRM:
            value = signing.TimestampSigner(salt=salt).unsign(
                token, max_age=settings.NEWSLETTER_CONFIRM_DAYS * 86400
            )
        else:
            value = signing.Signer(salt=salt).unsign(token)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise BadToken(str(error)) from error
    pk, _sep, key = value.partition(".")
    if not pk.isdigit():
        raise BadToken("malformed")
    subscriber = Subscriber.objects.filter(pk=int(pk)).first()
    if subscriber is None or _address_key(subscriber.email) != key:
        raise BadToken("unknown subscriber or other address")
    return subscriber
