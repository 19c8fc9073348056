"""Composing editions: editing blocks, reordering, read-only once sent, the test send and
scheduling (the default moment across the DST change)."""

import datetime
import zoneinfo

import pytest
from django.core import mail
from django.utils import timezone

from raadsplein.accounts.tests.factories import redacteur
from raadsplein.audit.models import AuditEntry
from raadsplein.newsletter import editions, schedule
from raadsplein.newsletter.models import Delivery, EditionStatus, ItemKind
from raadsplein.newsletter.services import NewsletterError
from raadsplein.organisations.models import CareSector

from .factories import EditionFactory, EditionItemFactory, SubscriberFactory

pytestmark = pytest.mark.django_db

AMS = zoneinfo.ZoneInfo("Europe/Amsterdam")
UTC = datetime.UTC


def _edition_of_three():
    edition = EditionFactory()
    items = [
        EditionItemFactory(edition=edition, position=n, heading=h)
        for n, h in enumerate(["Een", "Twee", "Drie"], start=1)
    ]
    return edition, items


def _headings(edition):
    return list(edition.items.order_by("position", "pk").values_list("heading", flat=True))


def test_move_item_up_and_down_renumbers():
    edition, (one, two, three) = _edition_of_three()
    editions.move_item(item=three, by=None, direction="up")
    assert _headings(edition) == ["Een", "Drie", "Twee"]
    editions.move_item(item=one, by=None, direction="down")
    assert _headings(edition) == ["Drie", "Een", "Twee"]
    assert list(edition.items.order_by("position").values_list("position", flat=True)) == [1, 2, 3]


def test_move_first_item_up_changes_nothing():
    edition, (one, _two, _three) = _edition_of_three()
    editions.move_item(item=one, by=None, direction="up")
    assert _headings(edition) == ["Een", "Twee", "Drie"]
    with pytest.raises(NewsletterError):
        editions.move_item(item=one, by=None, direction="sideways")


def test_move_straightens_equal_positions():
    edition = EditionFactory()
    a = EditionItemFactory(edition=edition, position=0, heading="A")
    EditionItemFactory(edition=edition, position=0, heading="B")
    editions.move_item(item=a, by=None, direction="down")
    assert _headings(edition) == ["B", "A"]


def test_add_text_item_goes_last():
    edition, _items = _edition_of_three()
    sector = CareSector.objects.get(pk="ggz")
    item = editions.add_text_item(
        edition=edition,
        by=None,
        heading="  Vacature  ",
        text="Wij zoeken een redacteur.",
        sector=sector,
        members_only=True,
    )
    assert item.kind == ItemKind.TEXT and item.heading == "Vacature"
    assert _headings(edition)[-1] == "Vacature"
    assert item.sector == sector and item.members_only


def test_update_item_with_a_bad_link_changes_nothing():
    edition, (one, _two, _three) = _edition_of_three()
    with pytest.raises(NewsletterError, match="geen geldig webadres"):
        editions.update_item(item=one, by=None, heading="Nieuw", text="", url="javascript:alert(1)")
    with pytest.raises(NewsletterError, match="kop"):
        editions.update_item(item=one, by=None, heading="   ", text="", url="")
    one.refresh_from_db()
    assert one.heading == "Een"


@pytest.mark.parametrize("status", [EditionStatus.SENDING, EditionStatus.SENT])
def test_editing_a_sent_edition_is_refused(status):
    edition, (one, two, _three) = _edition_of_three()
    edition.status = status
    edition.save()
    calls = [
        lambda: editions.update_edition(
            edition=edition, by=None, title="Anders", subject="Anders", intro=""
        ),
        lambda: editions.update_item(item=one, by=None, heading="Anders", text="", url=""),
        lambda: editions.add_text_item(edition=edition, by=None, heading="Erbij", text=""),
        lambda: editions.remove_item(item=two, by=None),
        lambda: editions.move_item(item=two, by=None, direction="up"),
        lambda: schedule.schedule_edition(
            edition=edition, by=None, when=timezone.now() + datetime.timedelta(days=1)
        ),
    ]
    for call in calls:
        with pytest.raises(NewsletterError, match="niet meer wijzigen"):
            call()
    edition.refresh_from_db()
    assert edition.title.startswith("Nieuwsbrief week")
    assert _headings(edition) == ["Een", "Twee", "Drie"]


def test_update_edition_requires_a_subject():
    edition = EditionFactory(subject="Oud")
    with pytest.raises(NewsletterError):
        editions.update_edition(edition=edition, by=None, title="Titel", subject=" ", intro="")
    edition.refresh_from_db()
    assert edition.subject == "Oud"


def test_send_test_puts_one_mail_in_the_outbox_to_the_editor_only():
    editor = redacteur(email="redactie@example.org", first_name="Rita", last_name="Jansen")
    SubscriberFactory.create_batch(3)
    edition, _items = _edition_of_three()
    assert editions.send_test(edition=edition, by=editor) == "redactie@example.org"
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["redactie@example.org"] and not message.cc and not message.bcc
    assert message.subject == "[TEST] " + edition.subject
    assert "Beste Rita Jansen," in message.body and "Drie" in message.body
    assert not Delivery.objects.exists()
    assert (
        AuditEntry.objects.filter(action="newsletter.edition.test_sent", actor=editor).count() == 1
    )


def test_send_test_when_the_mail_server_is_away(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 1, 2
    edition, _items = _edition_of_three()
    with pytest.raises(NewsletterError, match="mailserver"):
        editions.send_test(edition=edition, by=redacteur())
    assert not AuditEntry.objects.filter(action="newsletter.edition.test_sent").exists()


def test_send_test_uses_the_editors_own_sectors():
    editor = redacteur(email="redactie@example.org")
    own = SubscriberFactory(email="redactie@example.org", user=editor, name="Rita")
    own.sectors.add("ggz")
    edition = EditionFactory()
    EditionItemFactory(edition=edition, heading="Voor de ggz", sector_id="ggz")
    EditionItemFactory(edition=edition, heading="Voor de jeugdzorg", sector_id="jeugdzorg")
    editions.send_test(edition=edition, by=editor)
    body = mail.outbox[0].body
    assert "Voor de ggz" in body and "Voor de jeugdzorg" not in body
    assert "Beste Rita," in body


def test_preview_reader_of_a_sector_and_an_unknown_address():
    reader, sectors = editions.preview_reader(example="ggz")
    assert reader.pk is None and sectors == {"ggz"}
    with pytest.raises(NewsletterError, match="geen abonnee"):
        editions.preview_reader(address="niemand@voorbeeld.nl")
    known = SubscriberFactory(email="bekend@voorbeeld.nl")
    assert editions.preview_reader(address=" Bekend@Voorbeeld.nl ") == (known, None)


# Scheduling


@pytest.mark.parametrize(
    ("now", "expected_utc"),
    [
        # Winter: CET, Monday 07:00 is 06:00 UTC.
        (
            datetime.datetime(2026, 12, 3, 10, 0, tzinfo=UTC),
            datetime.datetime(2026, 12, 7, 6, 0, tzinfo=UTC),
        ),
        # Summer: CEST, 05:00 UTC.
        (
            datetime.datetime(2026, 7, 1, 10, 0, tzinfo=UTC),
            datetime.datetime(2026, 7, 6, 5, 0, tzinfo=UTC),
        ),
        # Thursday before the clocks go forward (Sunday 29 March 2026): the Monday is summer.
        (
            datetime.datetime(2026, 3, 26, 12, 0, tzinfo=UTC),
            datetime.datetime(2026, 3, 30, 5, 0, tzinfo=UTC),
        ),
        # Friday before the clocks go back (Sunday 25 October 2026): the Monday is winter.
        (
            datetime.datetime(2026, 10, 23, 12, 0, tzinfo=UTC),
            datetime.datetime(2026, 10, 26, 6, 0, tzinfo=UTC),
        ),
        # Monday 06:59 local: still today; 07:00 exactly: next week.
        (
            datetime.datetime(2026, 12, 7, 5, 59, tzinfo=UTC),
            datetime.datetime(2026, 12, 7, 6, 0, tzinfo=UTC),
        ),
        (
            datetime.datetime(2026, 12, 7, 6, 0, tzinfo=UTC),
            datetime.datetime(2026, 12, 14, 6, 0, tzinfo=UTC),
        ),
    ],
)
def test_default_is_next_monday_seven_in_amsterdam(now, expected_utc):
    moment = schedule.next_monday_morning(now)
    assert moment == expected_utc
    local = moment.astimezone(AMS)
    assert (local.weekday(), local.hour, local.minute) == (0, 7, 0)


def test_default_send_time_is_the_editions_own_monday():
    edition = EditionFactory(week_of=datetime.date(2026, 3, 30))
    now = datetime.datetime(2026, 3, 26, 12, 0, tzinfo=UTC)
    assert schedule.default_send_time(edition, now) == datetime.datetime(
        2026, 3, 30, 5, 0, tzinfo=UTC
    )


def test_schedule_and_unschedule():
    editor = redacteur()
    edition, _items = _edition_of_three()
    when = timezone.now() + datetime.timedelta(days=2)
    schedule.schedule_edition(edition=edition, by=editor, when=when)
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SCHEDULED and edition.scheduled_for == when
    assert AuditEntry.objects.filter(action="newsletter.edition.scheduled").count() == 1
    # Still editable while scheduled.
    editions.update_edition(edition=edition, by=editor, title="T", subject="S", intro="")
    schedule.unschedule_edition(edition=edition, by=editor)
    edition.refresh_from_db()
    assert edition.status == EditionStatus.DRAFT and edition.scheduled_for is None
    with pytest.raises(NewsletterError):
        schedule.unschedule_edition(edition=edition, by=editor)


def test_scheduling_in_the_past_or_empty_is_refused():
    edition, _items = _edition_of_three()
    with pytest.raises(NewsletterError, match="voorbij"):
        schedule.schedule_edition(
            edition=edition, by=None, when=timezone.now() - datetime.timedelta(minutes=1)
        )
    empty = EditionFactory()
    with pytest.raises(NewsletterError, match="onderdelen"):
        schedule.schedule_edition(
            edition=empty, by=None, when=timezone.now() + datetime.timedelta(days=1)
        )
    edition.refresh_from_db()
    assert edition.status == EditionStatus.DRAFT


def test_process_newsletter_queues_a_due_edition_once():
    from django.core.management import call_command

    SubscriberFactory.create_batch(2)
    edition, _items = _edition_of_three()
    later, _later_items = _edition_of_three()
    schedule.schedule_edition(
        edition=edition, by=None, when=timezone.now() + datetime.timedelta(minutes=5)
    )
    schedule.schedule_edition(
        edition=later, by=None, when=timezone.now() + datetime.timedelta(days=5)
    )
    assert schedule.process_due() == []  # not yet
    soon = timezone.now() + datetime.timedelta(minutes=10)
    assert schedule.process_due(now=soon) == [edition.pk]
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENDING and edition.queued_at is not None
    assert Delivery.objects.filter(edition=edition).count() == 2
    # Again (cron a few minutes later, or a second machine): nothing more, no error.
    assert schedule.process_due(now=soon) == []
    call_command("process_newsletter")
    assert Delivery.objects.filter(edition=edition).count() == 2
    assert not Delivery.objects.filter(edition=later).exists()


def test_process_newsletter_skips_what_sending_refuses():
    """A scheduled edition nobody would receive goes back to the editor as a draft, with the
    reason in the audit log; the run carries on and does not try it again."""
    edition, _items = _edition_of_three()
    schedule.schedule_edition(
        edition=edition, by=None, when=timezone.now() + datetime.timedelta(minutes=1)
    )
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert schedule.process_due(now=later) == []
    edition.refresh_from_db()
    assert edition.status == EditionStatus.DRAFT
    assert not Delivery.objects.filter(edition=edition).exists()
    entry = AuditEntry.objects.get(action="newsletter.edition.schedule_failed")
    assert "abonnees" in entry.data["reason"]
    assert schedule.process_due(now=later) == []
    assert AuditEntry.objects.filter(action="newsletter.edition.schedule_failed").count() == 1


def test_resume_stalled_starts_lanes_again_and_finishes_what_is_done(
    monkeypatch, django_capture_on_commit_callbacks
):
    """Sending whose lane tasks were lost: after a quiet quarter of an hour the next cron run
    starts the lanes again; an edition with nothing pending is marked sent."""
    from raadsplein.newsletter import sending

    SubscriberFactory.create_batch(3)
    edition, _items = _edition_of_three()
    started = []
    monkeypatch.setattr(sending, "start_lanes", lambda pk, lanes: started.append(pk))
    queued_at = timezone.now()
    sending.queue_edition(edition=edition, by=None, now=queued_at)
    started.clear()  # the lane tasks that were "lost"
    assert schedule.resume_stalled(now=queued_at + datetime.timedelta(minutes=5)) == []
    quarter = queued_at + datetime.timedelta(minutes=16)
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.resume_stalled(now=quarter) == [edition.pk]
    assert started == [edition.pk]
    # Something was sent a minute ago: not stalled.
    Delivery.objects.filter(pk=Delivery.objects.filter(edition=edition).first().pk).update(
        status="sent", sent_at=quarter - datetime.timedelta(minutes=1)
    )
    started.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert schedule.resume_stalled(now=quarter) == []
    assert started == []
    # Everything done: marked sent, nothing started.
    Delivery.objects.filter(edition=edition).update(status="sent", sent_at=queued_at)
    assert schedule.resume_stalled(now=quarter) == []
    edition.refresh_from_db()
    assert edition.status == EditionStatus.SENT and started == []


def test_demo_editions_twelve_sent_and_a_draft_once(monkeypatch):
    from raadsplein.demo import newsletter_editions
    from raadsplein.newsletter import draft, selectors
    from raadsplein.newsletter.models import DeliveryStatus, Edition

    from .factories import news_item

    monkeypatch.setattr(newsletter_editions, "FAILED_ONE_IN", 7)  # a few among 30
    long_ago = timezone.now() - datetime.timedelta(days=400)
    SubscriberFactory.create_batch(30, confirmed_at=long_ago)
    SubscriberFactory(confirmed_at=timezone.now())  # joined after the last edition went out
    monday = draft.coming_monday(timezone.localdate())
    news_item(
        title="Uit week min twee",
        sectors=["ggz"],
        published_on=monday - datetime.timedelta(days=10),
    )
    lines = []
    newsletter_editions.build(log=lines.append)
    sent = Edition.objects.filter(status=EditionStatus.SENT)
    assert sent.count() == 12
    assert Edition.objects.filter(status=EditionStatus.DRAFT, week_of=monday).count() == 1
    assert all(e.finished_at and e.queued_at for e in sent)
    for edition in sent:
        counts = selectors.delivery_counts(edition)
        assert counts["pending"] == 0 and counts["sent"] + counts["failed"] == 30
    week = sent.get(week_of=monday - datetime.timedelta(weeks=1))
    item = week.items.get()
    assert (item.heading, item.sector_id) == ("Uit week min twee", "ggz")
    assert Delivery.objects.filter(status=DeliveryStatus.FAILED).exists()
    assert list(selectors.sent_editions())[0] == week
    before = (Edition.objects.count(), Delivery.objects.count())
    newsletter_editions.build(log=lines.append)
    assert (Edition.objects.count(), Delivery.objects.count()) == before
    assert "bestaan al" in lines[-1]
