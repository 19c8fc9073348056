"""Bounces: the tokenised return path of every message, and what a bounce does (hard: the
address is disabled at once; soft: counted towards ``NEWSLETTER_SOFT_BOUNCE_LIMIT``;
a complaint: unsubscribed). ``manage.py receive_bounce`` feeds DSNs in here."""

from django.conf import settings
from django.core import signing

SALT = "newsletter.bounce"


def return_path(edition, subscriber) -> str:
    """``bounces+<token>@domain``: the token names the edition and subscriber, signed so a
    forged bounce cannot disable someone's address."""
    local, _at, domain = settings.NEWSLETTER_RETURN_PATH.partition("@")
    token = signing.Signer(salt=SALT).sign(f"{edition.pk}.{subscriber.pk}").replace(":", "=")
    return f"{local}+{token}@{domain}"
