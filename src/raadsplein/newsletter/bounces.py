"""Bounces: the tokenised return path of every message, and what a bounce does (hard: the
address is disabled at once; soft: counted towards ``NEWSLETTER_SOFT_BOUNCE_LIMIT``;
a complaint: unsubscribed). ``manage.py receive_bounce`` feeds DSNs in here.

A bounce names its subscriber only through the signed token in the address it was sent to
(``bounces+<token>@domain``, the envelope sender of our message): a report without a valid
token is logged and changes nothing, so nobody can disable someone else's address by sending
us a made-up bounce. Only counts are kept on the edition (``Edition.bounces``), never who.
"""

from __future__ import annotations

import email
import email.policy
import logging
import re
from email.message import Message

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from flufl.bounce import all_failures

SALT = "newsletter.bounce"

logger = logging.getLogger(__name__)

HARD, SOFT, COMPLAINT = "hard", "soft", "complaint"
_STATUS = re.compile(r"^\s*([245])\.\d{1,3}\.\d{1,3}")


def return_path(edition, subscriber) -> str:
    """``bounces+<token>@domain``: the token names the edition and subscriber, signed so a
    forged bounce cannot disable someone's address."""
    local, _at, domain = settings.NEWSLETTER_RETURN_PATH.partition("@")
    token = signing.Signer(salt=SALT).sign(f"{edition.pk}.{subscriber.pk}").replace(":", "=")
    return f"{local}+{token}@{domain}"


def read_return_path(address: str) -> tuple[int, int] | None:
    """(edition id, subscriber id) from a return path we made, or None (not ours, forged)."""
    local_part = settings.NEWSLETTER_RETURN_PATH.partition("@")[0]
    _name, address = email.utils.parseaddr(address or "")
    local, _at, _domain = address.rpartition("@")
    prefix = f"{local_part}+"
    if not local.lower().startswith(prefix.lower()):
        return None
    token = local[len(prefix) :].replace("=", ":")
    try:
        value = signing.Signer(salt=SALT).unsign(token)
    except signing.BadSignature:
        return None
    edition_id, _dot, subscriber_id = value.partition(".")
    if not (edition_id.isdigit() and subscriber_id.isdigit()):
        return None
    return int(edition_id), int(subscriber_id)


# -- what a bounce does ---------------------------------------------------------------------


def _count_on(edition) -> None:
    if edition is not None:
        type(edition).objects.filter(pk=edition.pk).update(bounces=F("bounces") + 1)


@transaction.atomic
def record_hard(*, subscriber, edition=None) -> bool:
    """The address does not exist (5.x.x, or 550/551/553 while sending): no more mail to it.
    True when that changed its status."""
    from .models import Subscriber, SubscriberStatus

    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != SubscriberStatus.ACTIVE:
        return False
    subscriber.status = SubscriberStatus.BOUNCED
    subscriber.last_bounce_at = timezone.now()
    subscriber.save(update_fields=["status", "last_bounce_at"])
    _count_on(edition)
    return True


@transaction.atomic
def record_soft(*, subscriber, edition=None) -> bool:
    """A temporary failure (a full mailbox, 4.x.x): counted; at the limit the address is
    treated as not working. A message that arrives resets the count (``sending``). True when
    it was counted."""
    from .models import Subscriber, SubscriberStatus

    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if subscriber.status != SubscriberStatus.ACTIVE:
        return False
    subscriber.soft_bounces += 1
    subscriber.last_bounce_at = timezone.now()
    if subscriber.soft_bounces >= settings.NEWSLETTER_SOFT_BOUNCE_LIMIT:
        subscriber.status = SubscriberStatus.BOUNCED
    subscriber.save(update_fields=["soft_bounces", "last_bounce_at", "status"])
    _count_on(edition)
    return True


# -- reading a report -----------------------------------------------------------------------


def _parts(msg: Message, maintype: str, subtype: str):
    return [p for p in msg.walk() if p.get_content_type() == f"{maintype}/{subtype}"]


def _fields(part: Message) -> list[Message]:
    """The header blocks of a message/delivery-status or message/feedback-report part."""
    payload = part.get_payload()
    if isinstance(payload, list):
        return [p for p in payload if isinstance(p, Message)]
    text = payload if isinstance(payload, str) else ""
    return [email.message_from_string(block) for block in re.split(r"\r?\n\r?\n", text)]


def classify(msg: Message) -> str | None:
    """HARD, SOFT, COMPLAINT, or None (a delay warning, an auto-reply, something else).

    An ARF report (RFC 5965) with Feedback-Type abuse is a complaint. A DSN (RFC 3464) is
    classified by its Status: 5.x.x hard, 4.x.x soft (only for Action: failed; "delayed" means
    the server is still trying). Other bounce formats by flufl.bounce's detectors."""
    for part in _parts(msg, "message", "feedback-report"):
        for block in _fields(part):
            if (block.get("Feedback-Type") or "").strip().lower() == "abuse":
                return COMPLAINT
    statuses = []
    for part in _parts(msg, "message", "delivery-status"):
        for block in _fields(part):
            action = (block.get("Action") or "").strip().lower()
            match = _STATUS.match(block.get("Status") or "")
            if match and action == "failed":
                statuses.append(match.group(1))
    if "5" in statuses:
        return HARD
    if "4" in statuses:
        return SOFT
    if _parts(msg, "message", "delivery-status"):
        return None  # a DSN that reports no failure (delayed, delivered, relayed)
    try:
        temporary, permanent = all_failures(msg)
    except Exception:  # noqa: BLE001 - its heuristic detectors can crash on odd mail (yale.py)
        logger.warning("flufl.bounce could not read a report", exc_info=True)
        return None
    if permanent:
        return HARD
    if temporary:
        return SOFT
    return None


def _candidate_addresses(msg: Message, recipient: str) -> list[str]:
    """Where our token can be: the envelope recipient (the mail server's ``${recipient}``),
    the headers a server adds for it, and the Return-Path of the returned original."""
    found = [recipient] if recipient else []
    for name in ("Delivered-To", "X-Original-To", "To"):
        found += [str(v) for v in msg.get_all(name, [])]
    for part in msg.walk():
        if part is not msg:
            found += [str(v) for v in part.get_all("Return-Path", [])]
        if part.get_content_type() in ("message/rfc822", "text/rfc822-headers"):
            payload = part.get_payload()
            inner = payload[0] if isinstance(payload, list) and payload else None
            if inner is None and isinstance(payload, str):
                inner = email.message_from_string(payload)
            if isinstance(inner, Message):
                found += [str(v) for v in inner.get_all("Return-Path", [])]
    addresses = []
    for value in found:
        addresses += [addr for _name, addr in email.utils.getaddresses([value]) if addr]
    return addresses


def receive(raw: bytes, *, recipient: str = "") -> str:
    """Handle one bounce or complaint; returns what was done (for the log and the command):
    "hard", "soft", "complaint", or "ignored: <why>". Database errors propagate (the command
    answers EX_TEMPFAIL and the mail server tries again)."""
    from . import services
    from .models import Edition, Subscriber

    msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    names = None
    for address in _candidate_addresses(msg, recipient):
        names = read_return_path(address)
        if names:
            break
    if names is None:
        logger.warning("bounce without a valid return-path token ignored")
        return "ignored: no valid token"
    kind = classify(msg)
    if kind is None:
        return "ignored: not a failure report"
    edition_id, subscriber_id = names
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return "ignored: subscriber gone"
    edition = Edition.objects.filter(pk=edition_id).first()
    if kind == COMPLAINT:
        services.unsubscribe(subscriber=subscriber, edition=edition, complaint=True)
    elif kind == HARD:
        record_hard(subscriber=subscriber, edition=edition)
    else:
        record_soft(subscriber=subscriber, edition=edition)
    logger.info("bounce for subscriber %s, edition %s: %s", subscriber_id, edition_id, kind)
    return kind
