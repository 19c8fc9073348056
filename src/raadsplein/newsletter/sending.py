"""Sending an edition: every (edition, subscriber) once, none lost (issue 14, part 4).

``queue_edition`` creates one ``Delivery`` per recipient (a unique constraint makes it one)
and starts ``NEWSLETTER_LANES`` lane tasks. A lane sends its share of the pending deliveries
(``id % lanes == lane``) in batches over one reused SMTP connection, at
``NEWSLETTER_RATE_PER_SECOND`` (shared by the lanes; 0: no limit), and enqueues itself again
until nothing of its share is pending; the last one marks the edition sent
(``finish_if_done``: only when no delivery is pending).

Exactly once, per delivery (docs/newsletter.md, "Sending"): MAIL FROM, RCPT TO, DATA and the
whole message go to the server first, *without* the final ".". Then a conditional
``UPDATE … SET status='sent' WHERE id=… AND status='pending'`` runs in an open transaction.
If it changed nothing (another worker has the delivery) the connection is closed (a server
discards an unfinished DATA, RFC 5321 §4.1.1.4; RSET cannot be sent in the middle of DATA).
If it changed the row, COMMIT and "." are written one right after the other
(``ClaimedCommit``). A worker killed before that leaves a pending delivery the server never
delivered (PostgreSQL rolls the open transaction back); after it, a sent one the server has.
What is left is the gap between two ``send`` calls (microseconds): killed exactly there, a
message is marked sent but was never finished — at most once, never twice.

The lane tasks carry ids only; the delivery row, not a ``jobs.once`` record, is what makes
each message's effect happen once.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import re
import smtplib
import socket
import ssl
import time
import uuid
from collections import Counter, defaultdict
from enum import Enum

from django.conf import settings
from django.core.mail import get_connection
from django.core.mail.utils import DNS_NAME
from django.db import connection, transaction
from django.db.models import F, Min, Q
from django.db.models.functions import Mod
from django.utils import timezone
from django.utils.translation import gettext as _

from raadsplein.audit import services as audit
from raadsplein.organisations.models import Seat

from . import selectors
from .messages import Renderer
from .models import (
    Delivery,
    DeliveryStatus,
    Edition,
    EditionStatus,
    Subscriber,
    SubscriberStatus,
)
from .services import NewsletterError

logger = logging.getLogger(__name__)

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
BACKOFF_MINUTES = (1, 5, 15, 60, 240, 720)  # after attempt 1, 2, …; the last one repeats
SERVER_AWAY_SECONDS = 30  # a lane whose server is gone tries again after this
CHUNK = 1000  # deliveries per INSERT when queueing
PERMANENT_RECIPIENT_CODES = frozenset({550, 551, 553})
MAX_DROPS_PER_BATCH = 3


# -- queueing -------------------------------------------------------------------------------


@transaction.atomic
def queue_edition(*, edition: Edition, by, now: datetime.datetime | None = None) -> int:
    """Queue an edition for sending (the admin's button, ``manage.py send_newsletter``).

    Creates one pending delivery per recipient of the edition's segment, sets the edition to
    "sending" and, on commit, starts the lane tasks. Returns the number of deliveries. Refuses
    (``NewsletterError``, nothing changed) an edition that is already sending or sent, one
    without blocks and one nobody would receive."""
    now = now or timezone.now()
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status in (EditionStatus.SENDING, EditionStatus.SENT) or edition.queued_at:
        raise NewsletterError(_("Deze editie is al verstuurd. Een editie gaat maar één keer uit."))
    if not edition.items.exists():
        raise NewsletterError(
            _("Deze editie heeft nog geen onderdelen. Voeg eerst nieuws of een tekst toe.")
        )
    ids = list(
        selectors.recipients_for(edition).order_by("pk").values_list("pk", flat=True).distinct()
    )
    if not ids:
        raise NewsletterError(
            _("Niemand krijgt deze editie: er zijn geen aangemelde abonnees in dit segment.")
        )
    for start in range(0, len(ids), CHUNK):
        Delivery.objects.bulk_create(
            [Delivery(edition=edition, subscriber_id=pk) for pk in ids[start : start + CHUNK]],
            ignore_conflicts=True,  # the unique constraint keeps it one per subscriber
        )
    count = Delivery.objects.filter(edition=edition).count()
    edition.status = EditionStatus.SENDING
    edition.queued_at = now
    edition.save(update_fields=["status", "queued_at", "updated_at"])
    audit.log(actor=by, action="newsletter.edition.queued", obj=edition, data={"count": count})
    lanes = max(1, settings.NEWSLETTER_LANES)
    edition_id = edition.pk
    transaction.on_commit(lambda: start_lanes(edition_id, lanes))
    return count


@transaction.atomic
def resume_edition(*, edition: Edition) -> int:
    """Start the lanes of an edition that is still sending again (its lane tasks failed for
    good, or a worker's queue was lost). Safe while lanes still run: a second copy of a lane
    finds the deliveries claimed. Returns the number of pending deliveries."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status != EditionStatus.SENDING:
        raise NewsletterError(_("Deze editie wordt niet verstuurd; er is niets om te hervatten."))
    pending = Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING).count()
    lanes = max(1, settings.NEWSLETTER_LANES)
    edition_id = edition.pk
    transaction.on_commit(lambda: start_lanes(edition_id, lanes))
    return pending


def start_lanes(edition_id: int, lanes: int) -> None:
    from . import tasks

    for lane in range(lanes):
        tasks.send_lane.enqueue(edition_id, lane, lanes)


@transaction.atomic
def finish_if_done(edition: Edition, *, now: datetime.datetime | None = None) -> bool:
    """Mark a sending edition sent, only when none of its deliveries is pending (failed ones
    are done). True when it is (now or before)."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status == EditionStatus.SENT:
        return True
    if edition.status != EditionStatus.SENDING:
        return False
    if Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING).exists():
        return False
    edition.status = EditionStatus.SENT
    edition.finished_at = now or timezone.now()
    edition.save(update_fields=["status", "finished_at", "updated_at"])
    return True


# -- one lane -------------------------------------------------------------------------------


def _lane(edition_id: int, lane: int, lanes: int):
    return (
        Delivery.objects.filter(edition_id=edition_id, status=DeliveryStatus.PENDING)
        .alias(lane=Mod("id", lanes))
        .filter(lane=lane)
    )


def _due(qs, now: datetime.datetime):
    return qs.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))


def send_lane(
    *, edition_id: int, lane: int, lanes: int, now: datetime.datetime | None = None
) -> dict:
    """Send one batch of one lane, then enqueue the lane again (at once, or deferred to the
    earliest retry), or finish the edition. Safe to run twice and side by side: the
    conditional claim decides who sends each message. Returns counts (for the task result)."""
    clock = now or timezone.now()
    edition = Edition.objects.filter(pk=edition_id, status=EditionStatus.SENDING).first()
    if edition is None:
        return {"skipped": 1}
    batch = list(
        _due(_lane(edition_id, lane, lanes), clock)
        .select_related("subscriber", "subscriber__user")
        .order_by("id")[: max(1, settings.NEWSLETTER_BATCH_SIZE)]
    )
    counts: Counter = Counter()
    server_away = False
    if batch:
        server_away = _send_batch(edition, batch, lanes=lanes, clock=clock, counts=counts)
    _follow_up(edition, lane, lanes, clock=clock, server_away=server_away, counts=counts)
    logger.info("edition %s lane %s/%s: %s", edition_id, lane, lanes, dict(counts))
    return dict(counts)


def _follow_up(edition, lane, lanes, *, clock, server_away, counts) -> None:
    from raadsplein.events.tasks import schedule

    from . import tasks

    pending = _lane(edition.pk, lane, lanes)
    now = timezone.now()
    if server_away:
        schedule(tasks.send_lane, now + datetime.timedelta(seconds=SERVER_AWAY_SECONDS),
                 edition.pk, lane, lanes)  # fmt: skip
        counts["deferred"] += 1
    elif _due(pending, max(clock, now)).exists():
        tasks.send_lane.enqueue(edition.pk, lane, lanes)
        counts["continued"] += 1
    else:
        earliest = pending.aggregate(at=Min("next_attempt_at"))["at"]
        if earliest is not None:
            schedule(tasks.send_lane, earliest, edition.pk, lane, lanes)
            counts["deferred"] += 1
        elif finish_if_done(edition):
            counts["finished"] += 1


def sector_ids_by_subscriber(subscribers: list[Subscriber]) -> dict[int, set[str]]:
    """``selectors.subscriber_sector_ids`` for a whole batch in two queries: each
    subscriber's own sectors, else the sectors of the councils they hold a seat in now."""
    result: dict[int, set[str]] = defaultdict(set)
    through = Subscriber.sectors.through.objects.filter(
        subscriber_id__in=[s.pk for s in subscribers]
    )
    for subscriber_id, sector_id in through.values_list("subscriber_id", "caresector_id"):
        result[subscriber_id].add(sector_id)
    by_person = {s.user_id: s.pk for s in subscribers if s.user_id and not result[s.pk]}
    if by_person:
        seats = (
            Seat.objects.filter(Seat.current_q(timezone.localdate()), person_id__in=by_person)
            .exclude(council__sectors=None)
            .values_list("person_id", "council__sectors")
        )
        for person_id, sector_id in seats:
            result[by_person[person_id]].add(sector_id)
    return result


class Outcome(Enum):
    SENT = "sent"
    RETRY = "retry"  # a temporary error: pending again, later
    FAILED = "failed"  # a permanent error
    LOST = "lost"  # another worker had claimed it: nothing sent
    DROPPED = "dropped"  # the connection went before the end of the message: pending again
    SENDER_REFUSED = "sender_refused"  # MAIL FROM refused: about us, not the address; stop


def _send_batch(edition, batch, *, lanes, clock, counts) -> bool:
    """Send the batch over one connection. True when the server went away (the lane stops
    and tries again later)."""
    renderer = Renderer(edition)
    sectors = sector_ids_by_subscriber([d.subscriber for d in batch])
    rate = settings.NEWSLETTER_RATE_PER_SECOND
    interval = lanes / rate if rate and rate > 0 else 0.0
    next_at = time.monotonic()
    drops = 0
    transport = SMTPTransport() if settings.EMAIL_BACKEND == SMTP_BACKEND else BackendTransport()
    try:
        for delivery in batch:
            subscriber = delivery.subscriber
            if subscriber.status != SubscriberStatus.ACTIVE:
                _fail(delivery, f"subscriber {subscriber.status} before sending", bounce=False)
                counts["skipped"] += 1
                continue
            if interval:
                time.sleep(max(0.0, next_at - time.monotonic()))
                next_at = max(next_at + interval, time.monotonic())
            message = renderer.build(subscriber, sector_ids=sectors.get(subscriber.pk, set()))
            try:
                outcome = transport.deliver(delivery, message, clock=clock)
            except OSError as exc:  # could not (re)connect: the server is away
                logger.warning("edition %s: mail server unreachable: %s", edition.pk, exc)
                return True
            counts[outcome.value] += 1
            if outcome is Outcome.SENDER_REFUSED:
                return True  # the lane tries again later; the deliveries stay pending
            if outcome is Outcome.DROPPED:
                drops += 1
                if drops >= MAX_DROPS_PER_BATCH:
                    return True
    finally:
        transport.close()
    return False


# -- what happens to a delivery (each its own committed statement) -------------------------


def _claim(delivery: Delivery) -> bool:
    return bool(
        Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.PENDING).update(
            status=DeliveryStatus.SENT,
            sent_at=timezone.now(),
            attempts=F("attempts") + 1,
            next_attempt_at=None,
            last_error="",
        )
    )


class ClaimedCommit:
    """The claim of one delivery, with its COMMIT sent in the same breath as the final ".".

    On PostgreSQL (outside a transaction) ``prepare`` opens a transaction and runs the
    conditional UPDATE (the row is locked: a second worker waits, then finds it sent);
    ``send_commit`` hands COMMIT to the socket without waiting for the answer; the caller
    writes "." at once; ``wait_commit`` then reads the answer. A worker killed before COMMIT
    left leaves no claim (PostgreSQL rolls back an open transaction of a closed connection)
    and an unfinished DATA; killed after ".", a claim and a delivered message. What is left
    between the two is the gap between two ``send`` calls. Elsewhere (SQLite, inside a test's
    transaction): the UPDATE on its own, committed before the "."."""

    def __init__(self, delivery: Delivery):
        self.delivery = delivery
        self.split = connection.vendor == "postgresql" and not connection.in_atomic_block
        self.sent = False

    def prepare(self) -> bool:
        if not self.split:
            return _claim(self.delivery)
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN")
        try:
            claimed = _claim(self.delivery)
        except BaseException:
            self._rollback()
            raise
        if not claimed:
            self._rollback()
        return claimed

    def _rollback(self) -> None:
        with connection.cursor() as cursor:
            cursor.execute("ROLLBACK")

    def send_commit(self) -> None:
        if self.split:
            connection.connection.pgconn.send_query(b"COMMIT")
            self.sent = True

    def wait_commit(self) -> None:
        if not self.sent:
            return
        from psycopg import pq

        pgconn = connection.connection.pgconn
        ok = True
        while (result := pgconn.get_result()) is not None:
            ok = ok and result.status == pq.ExecStatus.COMMAND_OK
        if not ok:
            # The message is out; whether the claim was recorded is unknown (the database
            # went away at that moment). A fresh connection for what follows.
            logger.error("claim of delivery %s: COMMIT not confirmed", self.delivery.pk)
            connection.close()


def _unclaim(delivery: Delivery, error: str) -> None:
    """The message did not reach its end: pending again, this try not counted."""
    Delivery.objects.filter(pk=delivery.pk, status=DeliveryStatus.SENT).update(
        status=DeliveryStatus.PENDING,
        sent_at=None,
        attempts=F("attempts") - 1,
        last_error=error[:200],
    )


def backoff(attempts: int) -> datetime.timedelta:
    minutes = BACKOFF_MINUTES[min(max(attempts, 1), len(BACKOFF_MINUTES)) - 1]
    return datetime.timedelta(minutes=minutes)


def _retry(delivery: Delivery, error: str, *, clock, claimed: bool) -> Outcome:
    """A temporary error: try again after a back-off, or fail after the last attempt."""
    attempts = delivery.attempts + 1
    if attempts >= settings.NEWSLETTER_MAX_ATTEMPTS:
        _fail(delivery, error, bounce=False, claimed=claimed, count_attempt=not claimed)
        return Outcome.FAILED
    Delivery.objects.filter(
        pk=delivery.pk, status=DeliveryStatus.SENT if claimed else DeliveryStatus.PENDING
    ).update(
        status=DeliveryStatus.PENDING,
        sent_at=None,
        attempts=F("attempts") if claimed else F("attempts") + 1,
        next_attempt_at=clock + backoff(attempts),
        last_error=error[:200],
    )
    return Outcome.RETRY


def _fail(delivery, error, *, bounce, claimed=False, count_attempt=True) -> None:
    from . import bounces

    Delivery.objects.filter(
        pk=delivery.pk, status=DeliveryStatus.SENT if claimed else DeliveryStatus.PENDING
    ).update(
        status=DeliveryStatus.FAILED,
        sent_at=None,
        attempts=F("attempts") + (1 if count_attempt and not claimed else 0),
        next_attempt_at=None,
        last_error=error[:200],
    )
    if bounce:
        bounces.record_hard(subscriber=delivery.subscriber, edition=delivery.edition)


def _delivered(delivery: Delivery) -> None:
    if delivery.subscriber.soft_bounces:  # a message that arrives ends a run of soft bounces
        Subscriber.objects.filter(pk=delivery.subscriber_id).update(soft_bounces=0)


def _refused(delivery, code: int, reply: bytes, *, stage: str, clock, claimed) -> Outcome:
    error = f"{code} {stage}: {reply.decode('utf-8', 'replace')}"
    if 400 <= code < 500:
        return _retry(delivery, error, clock=clock, claimed=claimed)
    permanent = code in PERMANENT_RECIPIENT_CODES and stage in ("rcpt", "data")
    _fail(delivery, error, bounce=permanent, claimed=claimed)
    return Outcome.FAILED


# -- transports -----------------------------------------------------------------------------


_LINE_ENDS = re.compile(rb"\r\n|\n|\r(?!\n)")


def data_bytes(message) -> bytes:
    """The message as it goes after DATA: CRLF line ends, leading dots doubled (RFC 5321
    §4.5.2, as ``smtplib`` does), ending in CRLF, without the final "."."""
    mime = message.message()
    for part in mime.walk():
        if part.is_multipart():
            # A boundary of our own: the email package would otherwise draw one and compile
            # a regular expression to check it against the text, for every message.
            part.set_boundary(f"=_rp_{uuid.uuid4().hex}")
    raw = mime.as_bytes(linesep="\r\n")
    if raw.count(b"\n") != raw.count(b"\r\n") or b"\r" in raw.replace(b"\r\n", b""):
        raw = _LINE_ENDS.sub(b"\r\n", raw)  # a bare LF or CR somewhere: make it CRLF
    raw = (b"." + raw if raw.startswith(b".") else raw).replace(b"\r\n.", b"\r\n..")
    return raw if raw.endswith(b"\r\n") else raw + b"\r\n"


class _DataInTwo:
    """``smtplib.SMTP`` whose DATA is written in two steps: the message, then the "."."""

    def data_start(self, payload: bytes) -> tuple[int, bytes]:
        code, reply = self.docmd("data")
        if code != 354:
            return code, reply
        self.send(payload)
        return 354, reply

    def data_end(self) -> tuple[int, bytes]:
        self.send(b".\r\n")
        return self.getreply()


class _SMTP(_DataInTwo, smtplib.SMTP):
    pass


class _SMTPSSL(_DataInTwo, smtplib.SMTP_SSL):
    pass


def _ssl_context() -> ssl.SSLContext:
    context = ssl.create_default_context()
    if settings.EMAIL_SSL_CERTFILE:
        context.load_cert_chain(settings.EMAIL_SSL_CERTFILE, settings.EMAIL_SSL_KEYFILE)
    return context


def open_smtp():
    """A connection from Django's EMAIL_* settings (EMAIL_URL), greeted and logged in."""
    timeout = settings.EMAIL_TIMEOUT or 30
    local = DNS_NAME.get_fqdn()
    if settings.EMAIL_USE_SSL:
        conn = _SMTPSSL(
            settings.EMAIL_HOST,
            settings.EMAIL_PORT,
            local_hostname=local,
            timeout=timeout,
            context=_ssl_context(),
        )
    else:
        conn = _SMTP(
            settings.EMAIL_HOST, settings.EMAIL_PORT, local_hostname=local, timeout=timeout
        )
    try:
        # The message and its final "." are two writes: without this, Nagle's algorithm holds
        # the "." until the server's delayed ACK (40 ms on Linux), for every message.
        conn.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if settings.EMAIL_USE_TLS:
            conn.starttls(context=_ssl_context())
        conn.ehlo_or_helo_if_needed()
        if settings.EMAIL_HOST_USER:
            conn.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
    except (smtplib.SMTPException, OSError):
        conn.close()
        raise
    return conn


class SMTPTransport:
    """One SMTP connection for a batch, opened when first needed and again after a drop."""

    def __init__(self):
        self.conn = None

    def _connection(self):
        if self.conn is None:
            last = None
            for pause in (0, 0.2, 1.0):
                time.sleep(pause)
                try:
                    self.conn = open_smtp()
                    break
                except (smtplib.SMTPException, OSError) as exc:
                    last = exc
            else:
                raise OSError(f"cannot connect: {last}")
        return self.conn

    def _drop(self) -> None:
        if self.conn is not None:
            self.conn.close()  # closes the socket; an unfinished DATA is discarded
            self.conn = None

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(smtplib.SMTPException, OSError):
                self.conn.quit()
            self._drop()

    def deliver(self, delivery: Delivery, message, *, clock) -> Outcome:
        conn = self._connection()
        options = ["BODY=8BITMIME"] if conn.has_extn("8bitmime") else []
        try:
            code, reply = conn.mail(message.from_email, options)
            if code != 250:
                # Authentication required, our domain or address refused, a rate limit:
                # nothing to do with this subscriber, so no delivery is failed for it.
                logger.error("MAIL FROM refused: %s %s", code, reply.decode("utf-8", "replace"))
                self._drop()
                return Outcome.SENDER_REFUSED
            code, reply = conn.rcpt(delivery.subscriber.email)
            if code not in (250, 251):
                return self._refused_before_data(delivery, code, reply, "rcpt", clock)
            code, reply = conn.data_start(data_bytes(message))
            if code != 354:
                return self._refused_before_data(delivery, code, reply, "data", clock)
        except (smtplib.SMTPServerDisconnected, OSError):
            self._drop()
            return Outcome.DROPPED
        claim = ClaimedCommit(delivery)
        if not claim.prepare():
            self._drop()  # another worker sends it; ours ends unfinished and is discarded
            return Outcome.LOST
        lost_at_dot = None
        try:
            claim.send_commit()
            try:
                conn.send(b".\r\n")
            except (smtplib.SMTPServerDisconnected, OSError) as exc:
                lost_at_dot = exc
        finally:
            claim.wait_commit()
        if lost_at_dot is not None:
            self._drop()
            _unclaim(delivery, f"connection lost before the end of data: {lost_at_dot}")
            return Outcome.DROPPED
        try:
            code, reply = conn.getreply()
        except (smtplib.SMTPServerDisconnected, OSError):
            # The server has the whole message and may well have taken it: kept as sent
            # (at most once), the reason noted.
            self._drop()
            Delivery.objects.filter(pk=delivery.pk).update(last_error="no reply after data")
            return Outcome.SENT
        if code == 250:
            _delivered(delivery)
            return Outcome.SENT
        if code == 421:
            self._drop()
        return _refused(delivery, code, reply, stage="data", clock=clock, claimed=True)

    def _refused_before_data(self, delivery, code, reply, stage, clock) -> Outcome:
        if code == 421 or code == -1:  # the server closes the connection: not the address
            self._drop()
            return Outcome.DROPPED
        try:
            self.conn.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()
        return _refused(delivery, code, reply, stage=stage, clock=clock, claimed=False)


class BackendTransport:
    """Any other Django e-mail backend (locmem in tests, console in development): the same
    claim, then the backend's ``send_messages``."""

    def __init__(self):
        self.conn = get_connection(fail_silently=False)
        self.conn.open()

    def close(self) -> None:
        self.conn.close()

    def deliver(self, delivery: Delivery, message, *, clock) -> Outcome:
        if not _claim(delivery):
            return Outcome.LOST
        message.connection = self.conn
        try:
            self.conn.send_messages([message])
        except (smtplib.SMTPException, OSError) as exc:
            _unclaim(delivery, str(exc))
            return Outcome.DROPPED
        _delivered(delivery)
        return Outcome.SENT
