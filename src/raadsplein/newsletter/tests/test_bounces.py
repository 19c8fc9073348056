"""Bounces through ``manage.py receive_bounce`` (standard input, as a mail server pipes them):
a hard DSN disables the address, soft ones count to the limit, a complaint unsubscribes,
a forged token changes nothing, and a database that is away answers 75 (try again)."""

import io
import sys
from unittest import mock

import pytest
from django.core.management import call_command
from django.db import OperationalError

from raadsplein.newsletter import bounces, sending
from raadsplein.newsletter.models import Subscriber, SubscriberStatus

from .factories import EditionFactory, EditionItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


def dsn(return_path: str, *, status: str, action: str = "failed", to: str = "") -> bytes:
    """A DSN (RFC 3464) as Postfix writes it, for a message we sent with ``return_path``."""
    text = f"""Return-Path: <>
Delivered-To: {to or return_path}
From: MAILER-DAEMON@mx.voorbeeld.nl (Mail Delivery System)
Subject: Undelivered Mail Returned to Sender
To: {to or return_path}
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="BOUNDARY"

--BOUNDARY
Content-Type: text/plain; charset=us-ascii

This is the mail system at host mx.voorbeeld.nl.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

--BOUNDARY
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.voorbeeld.nl
Arrival-Date: Mon, 30 Nov 2026 07:00:03 +0100 (CET)

Final-Recipient: rfc822; lezer@voorbeeld.nl
Original-Recipient: rfc822;lezer@voorbeeld.nl
Action: {action}
Status: {status}
Remote-MTA: dns; mx2.voorbeeld.nl
Diagnostic-Code: smtp; {status[0]}50 {status} <lezer@voorbeeld.nl>: refused

--BOUNDARY
Content-Type: text/rfc822-headers

Return-Path: <{return_path}>
From: Nieuwsbrief Raadsplein <nieuwsbrief@raadsplein.nl>
To: lezer@voorbeeld.nl
Subject: Nieuwsbrief

--BOUNDARY--
"""
    return text.replace("\n", "\r\n").encode()


def arf(return_path: str) -> bytes:
    """An abuse report (RFC 5965) from a mailbox provider's feedback loop, sent to another
    address of ours; the token is in the returned original's Return-Path."""
    text = f"""From: fbl@provider.example
To: fbl@raadsplein.nl
Subject: FW: Nieuwsbrief
MIME-Version: 1.0
Content-Type: multipart/report; report-type=feedback-report; boundary="PART"

--PART
Content-Type: text/plain; charset="US-ASCII"

This is an email abuse report for an email message received from IP 192.0.2.1.

--PART
Content-Type: message/feedback-report

Feedback-Type: abuse
User-Agent: SomeGenerator/1.0
Version: 1

--PART
Content-Type: message/rfc822
Content-Disposition: inline

Return-Path: <{return_path}>
From: Nieuwsbrief Raadsplein <nieuwsbrief@raadsplein.nl>
To: lezer@voorbeeld.nl
Subject: Nieuwsbrief
Message-ID: <nieuwsbrief.1.1@raadsplein.nl>

Beste lezer,

--PART--
"""
    return text.replace("\n", "\r\n").encode()


def pipe(monkeypatch, raw: bytes, *args) -> str:
    monkeypatch.setattr(sys, "stdin", mock.Mock(buffer=io.BytesIO(raw)))
    out = io.StringIO()
    call_command("receive_bounce", *args, stdout=out)
    return out.getvalue().strip()


@pytest.fixture
def sent():
    edition = EditionFactory()
    subscriber = SubscriberFactory()
    return edition, subscriber, bounces.return_path(edition, subscriber)


def test_a_hard_bounce_disables_the_address_at_once(monkeypatch, sent):
    edition, subscriber, address = sent
    raw = dsn(address, status="5.1.1", to="bounces@raadsplein.nl")  # token only in the envelope
    assert pipe(monkeypatch, raw, "--recipient", address) == "hard"
    subscriber.refresh_from_db()
    edition.refresh_from_db()
    assert subscriber.status == SubscriberStatus.BOUNCED and subscriber.last_bounce_at
    assert edition.bounces == 1


def test_soft_bounces_count_to_the_limit_and_a_delivery_resets_them(
    monkeypatch, settings, sent, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_SOFT_BOUNCE_LIMIT = 3
    edition, subscriber, address = sent
    for _ in range(2):
        assert pipe(monkeypatch, dsn(address, status="4.2.2")) == "soft"  # Delivered-To
    subscriber.refresh_from_db()
    assert subscriber.soft_bounces == 2 and subscriber.status == SubscriberStatus.ACTIVE

    EditionItemFactory(edition=edition)
    with django_capture_on_commit_callbacks(execute=True):
        sending.queue_edition(edition=edition, by=None)  # arrives (locmem): the run ends
    subscriber.refresh_from_db()
    assert subscriber.soft_bounces == 0

    for _ in range(3):
        pipe(monkeypatch, dsn(address, status="4.2.2"))
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.BOUNCED and subscriber.soft_bounces == 3
    edition.refresh_from_db()
    assert edition.bounces == 5


def test_a_complaint_unsubscribes_and_is_counted(monkeypatch, sent):
    edition, subscriber, address = sent
    assert pipe(monkeypatch, arf(address)) == "complaint"
    subscriber.refresh_from_db()
    edition.refresh_from_db()
    assert subscriber.status == SubscriberStatus.COMPLAINED
    assert edition.unsubscribes == 1 and edition.bounces == 0


@pytest.mark.parametrize(
    "forge",
    [
        lambda a: a.replace("=", "=x", 1),  # a changed signature
        lambda a: a.replace("+", "+9", 1),  # another edition id, old signature
        lambda a: "bounces@raadsplein.nl",  # no token at all
    ],
)
def test_a_forged_token_changes_nothing(monkeypatch, sent, forge):
    edition, subscriber, address = sent
    forged = forge(address)
    outcome = pipe(monkeypatch, dsn(forged, status="5.1.1"), "--recipient", forged)
    assert outcome.startswith("ignored")
    subscriber.refresh_from_db()
    edition.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE and edition.bounces == 0


def test_a_delay_warning_is_not_a_bounce(monkeypatch, sent):
    _edition, subscriber, address = sent
    assert pipe(monkeypatch, dsn(address, status="4.4.7", action="delayed")).startswith("ignored")
    subscriber.refresh_from_db()
    assert subscriber.soft_bounces == 0


def test_an_empty_pipe_or_a_mail_that_is_no_bounce_exits_0(monkeypatch, sent):
    assert pipe(monkeypatch, b"").startswith("ignored")
    _edition, _subscriber, address = sent
    hello = f"To: {address}\r\nSubject: Bedankt!\r\n\r\nFijne nieuwsbrief.\r\n".encode()
    assert pipe(monkeypatch, hello) == "ignored: not a failure report"


def test_receive_bounce_exits_75_when_the_database_is_away(monkeypatch, sent):
    _edition, subscriber, address = sent
    raw = dsn(address, status="5.1.1")
    with (
        mock.patch.object(
            Subscriber.objects, "filter", side_effect=OperationalError("server closed")
        ),
        pytest.raises(SystemExit) as exit_,
    ):
        pipe(monkeypatch, raw)
    assert exit_.value.code == 75
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE
    assert pipe(monkeypatch, raw) == "hard"  # the mail server's next try works


def test_return_path_tokens_read_back():
    edition, subscriber = EditionFactory(), SubscriberFactory()
    address = bounces.return_path(edition, subscriber)
    assert bounces.read_return_path(address) == (edition.pk, subscriber.pk)
    assert bounces.read_return_path(f"Mailer <{address}>") == (edition.pk, subscriber.pk)
    assert bounces.read_return_path("iemand@voorbeeld.nl") is None


def test_a_bounce_in_another_format_is_read_by_flufl_bounce(monkeypatch, sent):
    _edition, subscriber, address = sent
    qmail = f"""From: MAILER-DAEMON@mx.voorbeeld.nl
To: {address}
Subject: failure notice

Hi. This is the qmail-send program at mx.voorbeeld.nl.
I'm afraid I wasn't able to deliver your message to the following addresses.
This is a permanent error; I've given up. Sorry it didn't work out.

<lezer@voorbeeld.nl>:
Sorry, no mailbox here by that name. (#5.1.1)

--- Below this line is a copy of the message.
"""
    assert pipe(monkeypatch, qmail.encode()) == "hard"
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.BOUNCED
