"""Sending an edition: queued once, every subscriber once, to a real local SMTP server
(aiosmtpd), through temporary errors, a permanent one and a server that goes away."""

import contextlib
import datetime
import io
import threading
import time
from collections import Counter
from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import CommandError, call_command
from django.utils import timezone

from raadsplein.audit.models import AuditEntry
from raadsplein.jobs.tests.test_worker_process import _free_port
from raadsplein.newsletter import bounces, messages, sending, services
from raadsplein.newsletter.models import (
    Delivery,
    DeliveryStatus,
    EditionStatus,
    SubscriberStatus,
)
from raadsplein.newsletter.services import NewsletterError

from .factories import EditionFactory, EditionItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db


class Sink:
    """A local SMTP server that keeps what it accepted; ``answer(rcpt)`` may refuse."""

    def __init__(self, port=None, answer=None, stop_after=None):
        self.received: list = []  # (envelope sender, recipients, parsed message)
        self.answer = answer or (lambda rcpt, stage: None)
        self.stop_after = stop_after
        self.port = port or _free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_MAIL(self, server, session, envelope, address, mail_options):  # noqa: N802
        refusal = self.answer(address, "mail")
        if refusal:
            return refusal
        envelope.mail_from = address
        return "250 OK"

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):  # noqa: N802
        refusal = self.answer(address, "rcpt")
        if refusal:
            return refusal
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        refusal = self.answer(envelope.rcpt_tos[0], "data")
        if refusal:
            return refusal
        parsed = message_from_bytes(envelope.original_content, policy=default_policy)
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), parsed))
        if self.stop_after and len(self.received) == self.stop_after:
            threading.Thread(target=self.controller.stop).start()  # the server goes away
        return "250 Message accepted for delivery"

    def message_ids(self):
        return [m["Message-ID"] for _f, _t, m in self.received]

    def recipients(self):
        return [t[0] for _f, t, _m in self.received]


@pytest.fixture
def smtp_settings(settings):
    def use(sink):
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = sink.port
        settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
        settings.EMAIL_HOST_USER = ""
        settings.EMAIL_TIMEOUT = 5

    return use


@pytest.fixture
def sink(smtp_settings):
    server = Sink()
    server.controller.start()
    smtp_settings(server)
    yield server
    with contextlib.suppress(AssertionError, RuntimeError):
        server.controller.stop()  # unless the test stopped it


def edition_for(n, **kwargs):
    edition = EditionFactory(**kwargs)
    EditionItemFactory(edition=edition, heading="Nieuwe handreiking medezeggenschap")
    subscribers = SubscriberFactory.create_batch(n)
    return edition, subscribers


def queue(edition, commit):
    with commit(execute=True):
        return sending.queue_edition(edition=edition, by=None)


def run_lanes(edition, *, now=None):
    lanes = 2
    for lane in range(lanes):
        sending.send_lane(edition_id=edition.pk, lane=lane, lanes=lanes, now=now)


def statuses(edition):
    return dict(Counter(Delivery.objects.filter(edition=edition).values_list("status", flat=True)))


def test_an_edition_goes_to_a_real_smtp_server_once_each(
    sink, settings, django_capture_on_commit_callbacks
):
    settings.NEWSLETTER_BATCH_SIZE = 7  # several batches per lane, each re-enqueues the next
    edition, subscribers = edition_for(25)
    SubscriberFactory(status=SubscriberStatus.UNSUBSCRIBED)  # not a recipient

    count = queue(edition, django_capture_on_commit_callbacks)

    assert count == 25
    assert sorted(sink.recipients()) == sorted(s.email for s in subscribers)
    ids = sink.message_ids()
    assert len(ids) == len(set(ids)) == 25
    sender, _to, first = sink.received[0]
    subscriber = next(s for s in subscribers if s.email == first["To"])
    assert first["Message-ID"] == messages.message_id(edition, subscriber)
    assert sender == bounces.return_path(edition, subscriber)  # the envelope: VERP token
    assert first["From"] == settings.NEWSLETTER_FROM_EMAIL
    assert first["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "<mailto:" in first["List-Unsubscribe"] and "<http" in first["List-Unsubscribe"]
    assert f"Beste {subscriber.name}," in first.get_body(("plain",)).get_content()
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT and edition.finished_at is not None
    assert statuses(edition) == {"sent": 25}
    assert set(Delivery.objects.values_list("attempts", flat=True)) == {1}
    entry = AuditEntry.objects.get(action="newsletter.edition.queued")
    assert entry.data == {"count": 25}


def test_an_edition_sent_twice_is_refused_and_nothing_changes(
    django_capture_on_commit_callbacks,
):
    edition, _subscribers = edition_for(3)
    queue(edition, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    with pytest.raises(NewsletterError, match="al verstuurd"):
        queue(edition, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 3
    assert Delivery.objects.count() == 3
    assert AuditEntry.objects.filter(action="newsletter.edition.queued").count() == 1


def test_an_empty_edition_or_one_without_readers_is_refused(django_capture_on_commit_callbacks):
    empty = EditionFactory()
    SubscriberFactory()
    with pytest.raises(NewsletterError, match="geen onderdelen"):
        queue(empty, django_capture_on_commit_callbacks)
    empty.refresh_from_db()
    assert empty.status == EditionStatus.DRAFT and empty.queued_at is None
    assert not Delivery.objects.exists()


def test_temporary_errors_retry_later_and_nothing_is_lost_or_doubled(sink, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, subscribers = edition_for(12)
    unlucky = {s.email for s in subscribers[:4]}
    tries: Counter = Counter()

    def answer(rcpt, stage):  # the first RCPT and then the first end of data: 451
        if rcpt in unlucky:
            tries[rcpt, stage] += 1
            if tries[rcpt, stage] == 1:
                return "451 4.3.0 Probeer het later nog eens"
        return None

    sink.answer = answer
    sending.queue_edition(edition=edition, by=None)
    run_lanes(edition)
    assert statuses(edition) == {"sent": 8, "pending": 4}
    waiting = Delivery.objects.filter(status=DeliveryStatus.PENDING)
    assert all(d.next_attempt_at > timezone.now() for d in waiting)
    assert {d.last_error[:3] for d in waiting} == {"451"}
    run_lanes(edition)  # not due yet: nothing happens
    assert len(sink.received) == 8
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENDING  # not finished while anything is pending

    later = timezone.now() + datetime.timedelta(minutes=2)
    run_lanes(edition, now=later)  # RCPT accepted now, but 451 after the data
    assert statuses(edition) == {"sent": 8, "pending": 4}
    run_lanes(edition, now=later + datetime.timedelta(minutes=10))
    assert statuses(edition) == {"sent": 12}
    assert sorted(sink.recipients()) == sorted(s.email for s in subscribers)
    assert len(set(sink.message_ids())) == 12
    assert set(Delivery.objects.filter(subscriber__email__in=unlucky).values_list(
        "attempts", flat=True)) == {3}  # fmt: skip
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT


def test_a_permanent_refusal_marks_the_address_and_counts_a_bounce(sink, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, subscribers = edition_for(5)
    gone, full = subscribers[0], subscribers[1]

    def answer(rcpt, stage):
        if rcpt == gone.email:
            return "550 5.1.1 Dit adres bestaat niet"
        if rcpt == full.email and stage == "data":
            return "552 5.2.2 Mailbox vol"
        return None

    sink.answer = answer
    sending.queue_edition(edition=edition, by=None)
    run_lanes(edition)
    assert statuses(edition) == {"sent": 3, "failed": 2}
    gone.refresh_from_db()
    full.refresh_from_db()
    assert gone.status == SubscriberStatus.BOUNCED
    assert full.status == SubscriberStatus.ACTIVE  # 552 is not about the address
    edition.refresh_from_db()
    assert edition.bounces == 1
    assert edition.status == EditionStatus.SENT  # failed ones are done
    assert Delivery.objects.get(subscriber=gone).last_error.startswith("550 rcpt")


def test_a_server_that_goes_away_mid_send_loses_nothing(sink, smtp_settings, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, subscribers = edition_for(20)
    sink.stop_after = 6
    sending.queue_edition(edition=edition, by=None)
    run_lanes(edition)
    first = list(sink.received)
    assert 6 <= len(first) < 20
    counts = statuses(edition)
    assert counts["sent"] == len(first) and counts["pending"] == 20 - len(first)

    again = Sink(port=sink.port)  # the server is back on the same address
    again.controller.start()
    try:
        run_lanes(edition)
    finally:
        again.controller.stop()
    everything = [t[0] for _f, t, _m in first + again.received]
    assert sorted(everything) == sorted(s.email for s in subscribers)  # each exactly once
    assert statuses(edition) == {"sent": 20}


def test_a_claimed_delivery_is_not_sent_by_a_second_worker(sink, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, subscribers = edition_for(4)
    sending.queue_edition(edition=edition, by=None)
    taken = Delivery.objects.order_by("id").first()
    Delivery.objects.filter(pk=taken.pk).update(status=DeliveryStatus.SENT)  # another worker
    transport = sending.SMTPTransport()
    message = messages.Renderer(edition).build(taken.subscriber, sector_ids=set())
    try:
        outcome = transport.deliver(taken, message, clock=timezone.now())
    finally:
        transport.close()
    assert outcome is sending.Outcome.LOST
    assert sink.received == []  # the unfinished DATA was discarded


def test_finish_only_when_nothing_is_pending(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, _subscribers = edition_for(2)
    sending.queue_edition(edition=edition, by=None)
    assert sending.finish_if_done(edition) is False
    Delivery.objects.filter(edition=edition).update(status=DeliveryStatus.FAILED)
    assert sending.finish_if_done(edition) is True
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT and edition.finished_at


def test_send_newsletter_latest_queues_the_newest_unsent_edition(
    django_capture_on_commit_callbacks,
):
    old, _ = edition_for(2, week_of=datetime.date(2026, 11, 23))
    new = EditionFactory(week_of=datetime.date(2026, 11, 30))
    EditionItemFactory(edition=new)
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_newsletter", "--edition", "latest", stdout=out)
    assert f"Editie {new.pk}" in out.getvalue() and "2 abonnees" in out.getvalue()
    new.refresh_from_db()
    old.refresh_from_db()
    assert new.status == EditionStatus.SENT and old.status == EditionStatus.DRAFT
    assert len(mail.outbox) == 2
    with pytest.raises(CommandError, match="al verstuurd"):
        call_command("send_newsletter", "--edition", str(new.pk))
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_newsletter", "--edition", "latest", stdout=out)
    old.refresh_from_db()
    assert old.status == EditionStatus.SENT
    with pytest.raises(CommandError, match="geen editie"):
        call_command("send_newsletter", "--edition", "latest")
    assert len(mail.outbox) == 4


def test_sector_ids_for_a_batch_take_two_queries(django_assert_num_queries):
    from raadsplein.newsletter import selectors
    from raadsplein.organisations.models import CareSector
    from raadsplein.organisations.tests.factories import CouncilFactory, SeatFactory

    ggz = CareSector.objects.get_or_create(code="ggz-test", defaults={"name": "GGZ"})[0]
    vvt = CareSector.objects.get_or_create(code="vvt-test", defaults={"name": "VVT"})[0]
    council = CouncilFactory()
    council.sectors.add(ggz)
    own = SubscriberFactory()
    own.sectors.add(vvt)
    via_seat = SubscriberFactory(user=SeatFactory(council=council).person)
    everything = SubscriberFactory()
    batch = [own, via_seat, everything]
    with django_assert_num_queries(2):  # own choices; then the seats of those without
        result = sending.sector_ids_by_subscriber(batch)
    assert result[own.pk] == {vvt.pk} and result[via_seat.pk] == {ggz.pk}
    assert not result[everything.pk]
    for subscriber in batch:  # the same answer as the one-by-one selector
        assert result[subscriber.pk] == selectors.subscriber_sector_ids(subscriber)


def test_send_newsletter_resume_carries_on_a_stuck_edition(
    settings, django_capture_on_commit_callbacks
):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, _subscribers = edition_for(3)
    sending.queue_edition(edition=edition, by=None)  # the lane tasks are lost (dummy backend)
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    out = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_newsletter", "--edition", "latest", "--resume", stdout=out)
    assert "nog 3 te gaan" in out.getvalue()
    assert len(mail.outbox) == 3
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT
    with pytest.raises(CommandError, match="niets om te hervatten"):
        call_command("send_newsletter", "--edition", str(edition.pk), "--resume")


def test_the_rate_limit_paces_the_messages(settings, django_capture_on_commit_callbacks):
    settings.NEWSLETTER_RATE_PER_SECOND = 20
    settings.NEWSLETTER_LANES = 1
    edition, _subscribers = edition_for(6)
    started = time.monotonic()
    queue(edition, django_capture_on_commit_callbacks)
    assert len(mail.outbox) == 6
    assert time.monotonic() - started >= 5 / 20  # 6 messages: 5 intervals of 50 ms


def test_who_unsubscribed_after_queueing_gets_nothing(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, subscribers = edition_for(3)
    sending.queue_edition(edition=edition, by=None)
    services.unsubscribe(subscriber=subscribers[0])
    run_lanes(edition)
    assert sorted(m.to[0] for m in mail.outbox) == sorted(s.email for s in subscribers[1:])
    gone = Delivery.objects.get(subscriber=subscribers[0])
    assert gone.status == DeliveryStatus.FAILED and "unsubscribed" in gone.last_error
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT


def test_a_refused_sender_fails_no_delivery_and_the_lane_tries_later(sink, settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    edition, _subscribers = edition_for(4)
    refuse = True
    sink.answer = lambda address, stage: (
        "530 5.7.0 Authentication required" if stage == "mail" and refuse else None
    )
    sending.queue_edition(edition=edition, by=None)
    result = sending.send_lane(edition_id=edition.pk, lane=0, lanes=1)
    assert result["sender_refused"] == 1 and result["deferred"] == 1
    assert statuses(edition) == {"pending": 4}  # nothing failed for a problem of ours
    refuse = False
    sending.send_lane(edition_id=edition.pk, lane=0, lanes=1)
    assert statuses(edition) == {"sent": 4} and len(sink.received) == 4


def test_data_bytes_end_in_crlf_and_double_leading_dots():
    from django.core.mail import EmailMessage

    message = EmailMessage(
        "Onderwerp", ".punt aan het begin\n.\nnog een regel", "a@b.nl", ["c@d.nl"]
    )
    raw = sending.data_bytes(message)
    assert b"\r\n..punt aan het begin\r\n..\r\nnog een regel" in raw
    assert raw.endswith(b"\r\n") and not raw.endswith(b"\r\n.\r\n")
    assert raw.count(b"\n") == raw.count(b"\r\n")
