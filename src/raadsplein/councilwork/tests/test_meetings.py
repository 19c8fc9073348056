"""Meetings' services: planning, the agenda, sending it once per person and revision (late
needs a confirm tick, a past meeting is refused), cancelling, minutes, decisions, actions and
the sweep that reminds officers."""

import datetime
import io

import icalendar
import pytest
from django.core import mail
from django.utils import timezone
from pypdf import PdfReader

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import SeatFactory

from .. import meeting_documents, meetings
from ..models import ActionItem, AgendaItem, Decision, Meeting, MeetingNotice
from ..services import CouncilworkError
from . import factories as f

pytestmark = pytest.mark.django_db

AMS = timezone.get_default_timezone()


def _meeting(world, *, days=14, items=2, **kwargs):
    meeting = f.MeetingFactory(
        council=world.council,
        title="Vergadering",
        starts_at=timezone.now() + datetime.timedelta(days=days),
        **kwargs,
    )
    for n in range(items):
        f.AgendaItemFactory(meeting=meeting, title=f"Punt {n + 1}", position=n)
    return meeting


def _members(world):
    return {world.chair.email, world.secretary.email, world.member.email}


# --- planning ---------------------------------------------------------------------------------


def test_create_meeting_combines_date_and_time_in_dutch_time(world):
    meeting = meetings.create_meeting(
        council=world.council,
        title="  Vergadering   januari ",
        date=datetime.date(2027, 1, 12),
        start=datetime.time(19, 30),
        end=datetime.time(21, 0),
        location="De Linde",
        by=world.chair,
    )
    assert meeting.title == "Vergadering januari"
    assert meeting.starts_at.astimezone(AMS).hour == 19
    assert meeting.starts_at.astimezone(datetime.UTC).hour == 18  # winter time: UTC+1
    assert (meeting.ends_at - meeting.starts_at) == datetime.timedelta(minutes=90)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"end": datetime.time(18, 0)}, "eindtijd ligt vóór de begintijd"),
        ({"date": datetime.date(9999, 1, 1)}, "Kies een datum tussen"),
        ({"title": "x"}, "ten minste 3 tekens"),
        ({"online_url": "javascript:alert(1)"}, "https://"),
        ({"location": "a\x00b"}, "teken dat niet kan"),
    ],
)
def test_create_meeting_refuses_bad_input(world, kwargs, message):
    fields = {
        "title": "Vergadering",
        "date": timezone.localdate() + datetime.timedelta(days=20),
        "start": datetime.time(19, 30),
        **kwargs,
    }
    with pytest.raises(CouncilworkError, match=message):
        meetings.create_meeting(council=world.council, by=world.chair, **fields)
    assert not Meeting.objects.exists()


def test_update_meeting_of_a_cancelled_meeting_is_refused(world):
    meeting = _meeting(world, cancelled_at=timezone.now())
    with pytest.raises(CouncilworkError, match="afgezegd"):
        meetings.update_meeting(
            meeting=meeting,
            title="Nieuw",
            date=timezone.localdate(),
            start=datetime.time(10, 0),
            by=world.chair,
        )


# --- the agenda -------------------------------------------------------------------------------


def test_agenda_items_go_to_the_end_and_move_up_and_down(world):
    meeting = _meeting(world, items=0)
    first = meetings.add_agenda_item(meeting=meeting, title="Opening", by=world.chair)
    second = meetings.add_agenda_item(
        meeting=meeting,
        title="Begroting 2027",
        owner=world.secretary,
        decision_wanted=True,
        by=world.chair,
    )
    third = meetings.add_agenda_item(meeting=meeting, title="Rondvraag", by=world.chair)

    def order():
        return list(meeting.items.order_by("position").values_list("title", flat=True))

    assert order() == ["Opening", "Begroting 2027", "Rondvraag"]
    meetings.move_agenda_item(item=third, up=True, by=world.chair)
    assert order() == ["Opening", "Rondvraag", "Begroting 2027"]
    meetings.move_agenda_item(item=first, up=True, by=world.chair)  # already first
    assert order() == ["Opening", "Rondvraag", "Begroting 2027"]
    meetings.move_agenda_item(item=first, up=False, by=world.chair)
    assert order() == ["Rondvraag", "Opening", "Begroting 2027"]
    meetings.delete_agenda_item(item=AgendaItem.objects.get(pk=first.pk), by=world.chair)
    assert order() == ["Rondvraag", "Begroting 2027"]
    assert list(meeting.items.order_by("position").values_list("position", flat=True)) == [0, 1]
    second.refresh_from_db()
    assert second.decision_wanted and second.owner == world.secretary


def test_agenda_item_owner_must_sit_on_the_council(world):
    meeting = _meeting(world, items=0)
    with pytest.raises(CouncilworkError, match="lid is van de raad"):
        meetings.add_agenda_item(
            meeting=meeting, title="Begroting", owner=world.other_member, by=world.chair
        )
    with pytest.raises(CouncilworkError, match="traject hoort niet bij deze raad"):
        meetings.add_agenda_item(
            meeting=meeting,
            title="Begroting",
            trajectory=f.TrajectoryFactory(council=world.other_council),
            by=world.chair,
        )
    assert not meeting.items.exists()


def test_document_of_the_wrong_type_gives_the_uploads_message(world):
    meeting = _meeting(world)
    item = meeting.items.first()
    with pytest.raises(CouncilworkError, match="geen bestand dat wij aannemen"):
        meetings.add_document(
            meeting=meeting, name="virus.exe", data=b"MZ\x90\x00", by=world.chair, item=item
        )
    document = meetings.add_document(
        meeting=meeting, name="begroting.pdf", data=b"%PDF-1.4\n", by=world.chair, item=item
    )
    assert document.agenda_item == item and document.meeting is None
    assert item.documents.count() == 1


def test_document_for_an_item_of_another_meeting_is_refused(world):
    meeting, other = _meeting(world), _meeting(world)
    with pytest.raises(CouncilworkError, match="hoort niet bij deze vergadering"):
        meetings.add_document(
            meeting=meeting,
            name="a.pdf",
            data=b"%PDF-1.4\n",
            by=world.chair,
            item=other.items.first(),
        )


# --- sending the agenda -----------------------------------------------------------------------


def test_send_agenda_mails_every_member_once_and_a_second_run_sends_nothing(world):
    meeting = _meeting(world)
    result = meetings.send_agenda(meeting=meeting, by=world.chair)
    assert result == {"sent": 3, "failed": 0, "revision": 1}
    assert {m.to[0] for m in mail.outbox} == _members(world)
    assert MeetingNotice.objects.filter(meeting=meeting, revision=1).count() == 3

    again = meetings.send_agenda(meeting=meeting, by=world.chair)
    assert again["sent"] == 0 and len(mail.outbox) == 3
    # A stale page (a second click) does not raise the revision either.
    stale = meetings.send_agenda(meeting=meeting, by=world.chair, revision_seen=0)
    assert stale == {"sent": 0, "failed": 0, "revision": 1}


def test_send_agenda_reaches_a_new_member_without_mailing_the_others_again(world):
    meeting = _meeting(world)
    meetings.send_agenda(meeting=meeting, by=world.chair)
    newcomer = UserFactory()
    SeatFactory(person=newcomer, council=world.council, role=SeatRole.LID)
    mail.outbox.clear()
    assert meetings.send_agenda(meeting=meeting, by=world.chair)["sent"] == 1
    assert [m.to for m in mail.outbox] == [[newcomer.email]]


def test_sending_a_changed_agenda_raises_the_revision_and_says_gewijzigde_agenda(world):
    meeting = _meeting(world)
    meetings.send_agenda(meeting=meeting, by=world.chair, revision_seen=0)
    meetings.add_agenda_item(meeting=meeting, title="Nieuw punt", by=world.chair)
    mail.outbox.clear()
    result = meetings.send_agenda(meeting=meeting, by=world.chair, revision_seen=1)
    assert result == {"sent": 3, "failed": 0, "revision": 2}
    assert all(m.subject.startswith("[Raadsplein] Gewijzigde agenda:") for m in mail.outbox)
    assert "Nieuw punt" in mail.outbox[0].body
    meeting.refresh_from_db()
    assert meeting.agenda_revision == 2


def test_sending_late_needs_the_confirm_tick(world):
    meeting = _meeting(world, days=4)
    with pytest.raises(meetings.LateAgenda) as caught:
        meetings.send_agenda(meeting=meeting, by=world.chair)
    message = str(caught.value)
    assert "Uw regeling vraagt 7 dagen" in message
    assert "4 dagen vooraf" in message
    assert not mail.outbox
    meeting.refresh_from_db()
    assert meeting.agenda_revision == 0 and not MeetingNotice.objects.exists()

    assert meetings.send_agenda(meeting=meeting, by=world.chair, confirm_late=True)["sent"] == 3


def test_notice_days_come_from_the_scheme(world):
    scheme = world.council.scheme_settings
    scheme.notice_days = 3
    scheme.save()
    meeting = _meeting(world, days=4)
    assert meetings.send_agenda(meeting=meeting, by=world.chair)["sent"] == 3


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        ({"days": -1}, "al geweest"),
        ({"cancelled_at": True}, "afgezegd"),
        ({"items": 0}, "ten minste één punt"),
    ],
)
def test_send_agenda_is_refused(world, setup, message):
    if setup.pop("cancelled_at", False):
        setup["cancelled_at"] = timezone.now()
    meeting = _meeting(world, **setup)
    with pytest.raises(CouncilworkError, match=message):
        meetings.send_agenda(meeting=meeting, by=world.chair, confirm_late=True)
    assert not mail.outbox and not MeetingNotice.objects.exists()


def test_a_refused_mail_leaves_no_notice_and_the_next_send_tries_again(world, monkeypatch):
    meeting = _meeting(world)
    from .. import meeting_emails

    real = meeting_emails.send_agenda

    def flaky(meeting, person, **kwargs):
        if person == world.member:
            raise OSError("mail server said no")
        return real(meeting, person, **kwargs)

    monkeypatch.setattr(meeting_emails, "send_agenda", flaky)
    result = meetings.send_agenda(meeting=meeting, by=world.chair)
    assert result == {"sent": 2, "failed": 1, "revision": 1}
    assert not MeetingNotice.objects.filter(person=world.member).exists()

    monkeypatch.setattr(meeting_emails, "send_agenda", real)
    mail.outbox.clear()
    assert meetings.send_agenda(meeting=meeting, by=world.chair)["sent"] == 1
    assert [m.to for m in mail.outbox] == [[world.member.email]]


def test_agenda_mail_has_the_ics_the_documents_and_auto_submitted(world):
    meeting = _meeting(world, online_url="https://meet.example.org/raad")
    item = meeting.items.first()
    item.owner, item.decision_wanted = world.secretary, True
    item.description = "Regel 1\nRegel 2"
    item.save()
    document = meetings.add_document(
        meeting=meeting, name="begroting.pdf", data=b"%PDF-1.4\n", by=world.chair, item=item
    )
    meetings.send_agenda(meeting=meeting, by=world.chair)
    message = next(m for m in mail.outbox if m.to == [world.member.email])
    assert message.subject.startswith("[Raadsplein] Agenda: Vergadering ")
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    body = message.body
    assert "Punt 1 (er moet een besluit komen)" in body
    assert "\n   Regel 1\n   Regel 2\n" in body
    assert world.secretary.get_full_name() in body
    assert f"/raadswerk/{world.council.pk}/documenten/{document.pk}/" in body
    assert body.count("http://") + body.count("https://") >= 3  # absolute links
    assert "https://meet.example.org/raad" in body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and "method=PUBLISH" in mimetype
    event = icalendar.Calendar.from_ical(content).walk("VEVENT")[0]
    assert str(event["UID"]).startswith(f"raadswerk-vergadering-{meeting.pk}@")
    assert event.decoded("DTSTART") == meeting.starts_at.replace(microsecond=0)
    assert "Vergadering" in str(event["SUMMARY"])


def test_agenda_mail_is_in_the_members_language(world):
    world.member.language = "en"
    world.member.save()
    meeting = _meeting(world)
    meetings.send_agenda(meeting=meeting, by=world.chair)
    english = next(m for m in mail.outbox if m.to == [world.member.email])
    dutch = next(m for m in mail.outbox if m.to == [world.chair.email])
    month_en = timezone.localtime(meeting.starts_at).strftime("%B")
    assert english.subject.startswith("[Raadsplein] Agenda: ") and month_en in english.subject
    assert " of " in english.subject and "Please find below the agenda" in english.body
    assert " van " in dutch.subject and month_en not in dutch.subject
    assert "Hierbij de agenda" in dutch.body


# --- cancelling -------------------------------------------------------------------------------


def test_cancelling_a_sent_meeting_mails_a_cancel_ics_once(
    world, django_capture_on_commit_callbacks
):
    meeting = _meeting(world)
    meetings.send_agenda(meeting=meeting, by=world.chair)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        meetings.cancel_meeting(meeting=meeting, by=world.chair, reason="Te weinig leden.")
    assert {m.to[0] for m in mail.outbox} == _members(world)
    message = mail.outbox[0]
    assert message.subject.startswith("[Raadsplein] Afgezegd:")
    assert "Te weinig leden." in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    cal = icalendar.Calendar.from_ical(message.attachments[0][1])
    assert str(cal["METHOD"]) == "CANCEL"
    event = cal.walk("VEVENT")[0]
    assert (
        str(event["UID"])
        == f"raadswerk-vergadering-{meeting.pk}@" + str(event["UID"]).split("@")[1]
    )
    assert str(event["STATUS"]) == "CANCELLED" and int(event["SEQUENCE"]) == 2
    meeting.refresh_from_db()
    assert meeting.cancelled_at is not None
    # Once only: running the cancellation's effect again mails nobody.
    mail.outbox.clear()
    meetings._mail_cancellation(meeting.pk, [world.member], "")
    assert not mail.outbox


def test_cancelling_an_unsent_meeting_mails_nobody(world, django_capture_on_commit_callbacks):
    meeting = _meeting(world)
    with django_capture_on_commit_callbacks(execute=True):
        meetings.cancel_meeting(meeting=meeting, by=world.chair)
    assert not mail.outbox
    with pytest.raises(CouncilworkError, match="afgezegd"):
        meetings.cancel_meeting(meeting=meeting, by=world.chair)


# --- minutes, decisions, actions --------------------------------------------------------------


def test_save_minutes_with_notes_per_item_and_approval_date(world):
    meeting = _meeting(world, days=-10)
    first, second = meeting.items.order_by("position")
    meetings.save_minutes(
        meeting=meeting,
        by=world.secretary,
        minutes="Aanwezig: iedereen.",
        notes={first.pk: "Besproken.", second.pk: ""},
        approved_on=timezone.localdate(),
    )
    meeting.refresh_from_db()
    first.refresh_from_db()
    assert meeting.minutes == "Aanwezig: iedereen." and first.minutes_note == "Besproken."
    assert meeting.minutes_approved_on == timezone.localdate()


@pytest.mark.parametrize(
    ("days", "message"),
    [(1, "in de toekomst"), (-30, "vóór de vergadering")],
)
def test_minutes_approval_date_is_checked(world, days, message):
    meeting = _meeting(world, days=-10)
    with pytest.raises(CouncilworkError, match=message):
        meetings.save_minutes(
            meeting=meeting,
            by=world.chair,
            minutes="Tekst",
            approved_on=timezone.localdate() + datetime.timedelta(days=days),
        )
    meeting.refresh_from_db()
    assert meeting.minutes == ""


def test_decision_from_an_item_takes_the_items_trajectory(world):
    meeting = _meeting(world, days=-1)
    item = meeting.items.first()
    item.trajectory = f.TrajectoryFactory(council=world.council)
    item.save()
    decision = meetings.add_decision(
        council=world.council,
        text="De raad adviseert positief.",
        decided_on=timezone.localdate(),
        meeting=meeting,
        agenda_item=item,
        by=world.chair,
    )
    assert decision.trajectory == item.trajectory and decision.meeting == meeting


def test_decision_bad_input_is_refused(world):
    other_meeting = f.MeetingFactory(council=world.other_council)
    with pytest.raises(CouncilworkError, match="hoort niet bij deze raad"):
        meetings.add_decision(
            council=world.council,
            text="Besluit",
            decided_on=timezone.localdate(),
            meeting=other_meeting,
            by=world.chair,
        )
    with pytest.raises(CouncilworkError, match="in de toekomst"):
        meetings.add_decision(
            council=world.council,
            text="Besluit",
            decided_on=timezone.localdate() + datetime.timedelta(days=3),
            by=world.chair,
        )
    with pytest.raises(CouncilworkError, match="besloot"):
        meetings.add_decision(
            council=world.council, text=" ", decided_on=timezone.localdate(), by=world.chair
        )
    assert not Decision.objects.exists()


def test_actions_list_open_first_and_members_tick_off_only_their_own(world):
    today = timezone.localdate()
    late = meetings.add_action(
        council=world.council,
        text="Brief sturen",
        owner=world.member,
        due_on=today - datetime.timedelta(days=2),
        by=world.chair,
    )
    later = meetings.add_action(
        council=world.council,
        text="Bezoek plannen",
        owner=world.secretary,
        due_on=today + datetime.timedelta(days=9),
        by=world.chair,
    )
    with pytest.raises(CouncilworkError, match="Alleen wie de actie heeft"):
        meetings.set_action_done(action=later, done=True, by=world.member)
    meetings.set_action_done(action=late, done=True, by=world.member)
    late.refresh_from_db()
    assert late.done_at is not None and late.done_by == world.member
    assert list(meetings.action_list(world.council, show="open")) == [later]
    assert list(meetings.action_list(world.council, show="gedaan")) == [late]
    assert list(meetings.action_list(world.council, show="alle")) == [later, late]
    meetings.set_action_done(action=late, done=False, by=world.chair)
    late.refresh_from_db()
    assert late.done_at is None and late.done_by is None


def test_action_owner_from_another_council_is_refused(world):
    with pytest.raises(CouncilworkError, match="lid is van de raad"):
        meetings.add_action(
            council=world.council, text="Iets doen", owner=world.other_member, by=world.chair
        )
    assert not ActionItem.objects.exists()


def test_an_advisors_change_is_audited(world):
    from raadsplein.audit.models import AuditEntry

    meeting = _meeting(world, items=0)
    meetings.add_agenda_item(meeting=meeting, title="Advies van de adviseur", by=world.advisor)
    assert AuditEntry.objects.filter(
        action="councilwork.advisor.changed", actor=world.advisor, data__what="agenda-item-added"
    ).exists()


# --- the sweep --------------------------------------------------------------------------------


def test_process_due_reminds_officers_once_per_meeting_and_revision(world):
    soon = _meeting(world, days=8)  # within 7 + 2 days, not sent
    _meeting(world, days=30)  # too far ahead
    sent = _meeting(world, days=8)
    meetings.send_agenda(meeting=sent, by=world.chair)
    _meeting(world, days=5, cancelled_at=timezone.now())
    mail.outbox.clear()

    result = meetings.process_due()
    assert result == {"meetings": 1, "reminded": 2}
    assert {m.to[0] for m in mail.outbox} == {world.chair.email, world.secretary.email}
    message = mail.outbox[0]
    assert message.subject.startswith("[Raadsplein] Agenda nog niet verstuurd:")
    assert f"/vergaderingen/{soon.pk}/versturen/" in message.body
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"

    mail.outbox.clear()
    assert meetings.process_due()["reminded"] == 0
    assert not mail.outbox


def test_process_due_follows_the_schemes_notice_days(world):
    scheme = world.council.scheme_settings
    scheme.notice_days = 14
    scheme.save()
    _meeting(world, days=15)
    assert meetings.process_due()["reminded"] == 2
    assert meetings.process_due(now=timezone.now() - datetime.timedelta(days=10)) == {
        "meetings": 0,
        "reminded": 0,
    }


# --- PDFs -------------------------------------------------------------------------------------


def _pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF")
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def test_agenda_and_minutes_pdf_have_the_title_items_and_decisions(world):
    meeting = f.MeetingFactory(
        council=world.council,
        title="Vergadering",
        starts_at=datetime.datetime(2027, 1, 12, 19, 30, tzinfo=AMS),
    )
    f.AgendaItemFactory(meeting=meeting, title="Begroting 2027", minutes_note="Goed besproken.")
    f.DecisionFactory(council=world.council, meeting=meeting, text="Positief advies begroting.")
    f.ActionItemFactory(council=world.council, meeting=meeting, text="Brief aan bestuur")
    page = meetings.meeting_page(world.council)
    agenda = _pdf_text(meeting_documents.agenda_pdf(page.get(pk=meeting.pk)))
    assert "Vergadering 12 januari 2027 — agenda" in agenda
    assert "Begroting 2027" in agenda
    minutes = _pdf_text(meeting_documents.minutes_pdf(page.get(pk=meeting.pk)))
    assert "Vergadering 12 januari 2027 — verslag" in minutes
    assert "Goed besproken." in minutes and "Positief advies begroting." in minutes
    assert "Brief aan bestuur" in minutes
    box = PdfReader(io.BytesIO(meeting_documents.agenda_pdf(page.get(pk=meeting.pk)))).pages[0]
    assert round(float(box.mediabox.width)) == 595  # A4
