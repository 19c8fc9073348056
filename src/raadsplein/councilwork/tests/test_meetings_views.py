"""Meetings' pages: officers plan and send, members read and tick off their own actions; bad
input is a Dutch message on the form with nothing lost; lists keep a flat query count."""

import datetime
import re

import icalendar
import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from .. import meetings
from ..models import ActionItem, AgendaItem, CouncilDocument, Decision, Meeting
from . import factories as f

pytestmark = pytest.mark.django_db

AMS = timezone.get_default_timezone()


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _url(name, world, **kwargs):
    return reverse(f"councilwork:{name}", kwargs={"council_id": world.council.pk, **kwargs})


def _meeting(world, *, days=14, items=1):
    meeting = f.MeetingFactory(
        council=world.council, starts_at=timezone.now() + datetime.timedelta(days=days)
    )
    for n in range(items):
        f.AgendaItemFactory(meeting=meeting, title=f"Punt {n + 1}", position=n)
    return meeting


def _form_data(**kwargs):
    date = timezone.localdate() + datetime.timedelta(days=21)
    return {
        "title": "Vergadering maart",
        "date": date.isoformat(),
        "start": "19.30",
        "end": "21u",
        "location": "De Linde",
        "online_url": "",
        **kwargs,
    }


def test_chair_plans_a_meeting_typing_times_simply(world):
    response = _client(world.chair).post(_url("meeting_new", world), _form_data())
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("meeting", world, meeting_id=meeting.pk)
    local = timezone.localtime(meeting.starts_at, AMS)
    assert (local.hour, local.minute) == (19, 30)
    assert timezone.localtime(meeting.ends_at, AMS).hour == 21
    assert meeting.created_by == world.chair


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": "25:00"}, "Typ een tijd, bijvoorbeeld 19:30."),
        ({"end": "18:00"}, "De eindtijd ligt vóór de begintijd."),
        ({"date": "99999-01-01"}, "Datum"),
        ({"start": "9" * 5000}, "Begintijd"),
        ({"title": "a\x00b"}, "Titel"),
        ({"online_url": "javascript:alert(1)"}, "Link voor online meedoen"),
    ],
)
def test_meeting_form_bad_input_is_a_message_and_keeps_what_was_typed(world, data, message):
    response = _client(world.chair).post(
        _url("meeting_new", world), _form_data(location="Zaal Zonnebloem", **data)
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Er is iets niet goed ingevuld" in html and message in html
    assert "Zaal Zonnebloem" in html
    assert not Meeting.objects.exists()


def test_a_member_reads_but_cannot_manage(world):
    meeting = _meeting(world)
    client = _client(world.member)
    page = client.get(_url("meeting", world, meeting_id=meeting.pk)).content.decode()
    assert "Punt 1" in page
    assert _url("meeting_send", world, meeting_id=meeting.pk) not in page
    assert client.get(_url("meeting_new", world)).status_code == 403
    assert client.post(_url("meeting_new", world), _form_data()).status_code == 403
    assert Meeting.objects.count() == 1


def test_send_page_warns_when_late_and_needs_the_tick(world):
    meeting = _meeting(world, days=4)
    client = _client(world.chair)
    url = _url("meeting_send", world, meeting_id=meeting.pk)
    page = client.get(url).content.decode()
    assert "Uw regeling vraagt 7 dagen; de leden krijgen de agenda nu 4 dagen vooraf" in page
    assert 'name="confirm_late"' in page

    refused = client.post(url, {"revision": "0"})
    assert refused.status_code == 200 and "Zet het vinkje" in refused.content.decode()
    assert not mail.outbox

    sent = client.post(url, {"revision": "0", "confirm_late": "on"})
    assert sent.status_code == 302
    assert len(mail.outbox) == 3
    # The same form posted again (a second click) sends nothing more.
    client.post(url, {"revision": "0", "confirm_late": "on"})
    assert len(mail.outbox) == 3


def test_send_with_a_broken_revision_is_a_message_and_sends_nothing(world):
    meeting = _meeting(world)
    response = _client(world.chair).post(
        _url("meeting_send", world, meeting_id=meeting.pk), {"revision": "9" * 30}
    )
    assert response.status_code == 200
    assert "De pagina is verouderd" in response.content.decode()
    assert not mail.outbox


def test_send_page_of_a_past_meeting_offers_no_form(world):
    meeting = _meeting(world, days=-2)
    client = _client(world.chair)
    url = _url("meeting_send", world, meeting_id=meeting.pk)
    page = client.get(url).content.decode()
    assert "al geweest" in page and 'name="revision"' not in page
    response = client.post(url, {"revision": "0", "confirm_late": "on"})
    assert "al geweest" in response.content.decode()
    assert not mail.outbox


def test_items_are_added_moved_and_removed_by_buttons(world):
    meeting = _meeting(world, items=2)
    client = _client(world.chair)
    response = client.post(
        _url("meeting_item_new", world, meeting_id=meeting.pk),
        {"title": "Rondvraag", "owner": str(world.member.pk), "decision_wanted": "on"},
    )
    assert response.status_code == 302
    last = AgendaItem.objects.get(title="Rondvraag")
    assert last.owner == world.member and last.decision_wanted and last.position == 2
    client.post(
        _url("meeting_item_move", world, meeting_id=meeting.pk, item_id=last.pk),
        {"richting": "op"},
    )
    titles = list(meeting.items.order_by("position").values_list("title", flat=True))
    assert titles == ["Punt 1", "Rondvraag", "Punt 2"]
    client.post(_url("meeting_item_delete", world, meeting_id=meeting.pk, item_id=last.pk))
    assert not AgendaItem.objects.filter(pk=last.pk).exists()


def test_item_owner_outside_the_council_is_not_offered(world):
    meeting = _meeting(world)
    response = _client(world.chair).post(
        _url("meeting_item_new", world, meeting_id=meeting.pk),
        {"title": "Begroting", "owner": str(world.other_member.pk)},
    )
    assert response.status_code == 200
    assert "Er is iets niet goed ingevuld" in response.content.decode()
    assert meeting.items.count() == 1


def test_upload_of_the_wrong_type_is_refused_with_the_uploads_message(world):
    meeting = _meeting(world)
    item = meeting.items.get()
    client = _client(world.chair)
    url = _url("meeting_document_new", world, meeting_id=meeting.pk)
    bad = client.post(url, {"file": SimpleUploadedFile("stuk.exe", b"MZ\x90\x00"), "item": ""})
    assert "geen bestand dat wij aannemen" in bad.content.decode()
    assert not CouncilDocument.objects.exists()
    good = client.post(
        url,
        {
            "file": SimpleUploadedFile("begroting.pdf", b"%PDF-1.4\n"),
            "title": "Begroting",
            "item": str(item.pk),
        },
    )
    assert good.status_code == 302
    document = CouncilDocument.objects.get()
    assert document.agenda_item == item and document.title == "Begroting"
    page = client.get(_url("meeting", world, meeting_id=meeting.pk)).content.decode()
    assert _url("document", world, document_id=document.pk) in page


def test_minutes_decisions_and_actions_from_a_meeting(world):
    meeting = _meeting(world, days=-3)
    item = meeting.items.get()
    client = _client(world.secretary)
    client.post(
        _url("meeting_minutes", world, meeting_id=meeting.pk),
        {"minutes": "Iedereen was er.", f"note_{item.pk}": "Goed gesprek.", "approved_on": ""},
    )
    item.refresh_from_db()
    assert item.minutes_note == "Goed gesprek."
    query = f"?vergadering={meeting.pk}&punt={item.pk}"
    client.post(
        _url("decision_new", world) + query,
        {"text": "De raad stemt in.", "decided_on": timezone.localdate().isoformat()},
    )
    decision = Decision.objects.get()
    assert decision.meeting == meeting and decision.agenda_item == item
    client.post(
        _url("action_new", world) + query,
        {"text": "Brief sturen", "owner": str(world.member.pk), "due_on": ""},
    )
    action = ActionItem.objects.get()
    assert action.owner == world.member and action.agenda_item == item
    page = client.get(_url("meeting", world, meeting_id=meeting.pk)).content.decode()
    assert "Goed gesprek." in page and "De raad stemt in." in page and "Brief sturen" in page


def test_decision_from_another_councils_meeting_answers_404(world):
    other = f.MeetingFactory(council=world.other_council)
    response = _client(world.chair).get(_url("decision_new", world) + f"?vergadering={other.pk}")
    assert response.status_code == 404
    junk = _client(world.chair).get(_url("decision_new", world) + "?vergadering=" + "9" * 30)
    assert junk.status_code == 404


def test_a_member_ticks_off_their_own_action_only(world):
    own = f.ActionItemFactory(council=world.council, owner=world.member, text="Eigen actie")
    other = f.ActionItemFactory(council=world.council, owner=world.secretary)
    client = _client(world.member)
    page = client.get(_url("actions", world)).content.decode()
    assert _url("action_done", world, action_id=own.pk) in page
    assert _url("action_done", world, action_id=other.pk) not in page
    done = client.post(_url("action_done", world, action_id=own.pk), {"gedaan": "1"})
    assert done.status_code == 302
    own.refresh_from_db()
    assert own.done_at is not None
    refused = client.post(_url("action_done", world, action_id=other.pk), {"gedaan": "1"})
    assert refused.status_code == 403
    other.refresh_from_db()
    assert other.done_at is None
    client.post(_url("action_done", world, action_id=own.pk), {"gedaan": "0"})
    own.refresh_from_db()
    assert own.done_at is None


def test_actions_page_filters_and_marks_overdue(world):
    today = timezone.localdate()
    f.ActionItemFactory(
        council=world.council, text="Te late actie", due_on=today - datetime.timedelta(days=1)
    )
    f.ActionItemFactory(council=world.council, text="Klare actie", done_at=timezone.now())
    client = _client(world.member)
    open_page = client.get(_url("actions", world)).content.decode()
    assert "Te late actie" in open_page and "te laat" in open_page
    assert "Klare actie" not in open_page
    done_page = client.get(_url("actions", world) + "?toon=gedaan").content.decode()
    assert "Klare actie" in done_page and "Te late actie" not in done_page


def test_pdfs_and_ics_download(world):
    meeting = _meeting(world)
    client = _client(world.member)
    pdf = client.get(_url("meeting_agenda_pdf", world, meeting_id=meeting.pk))
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "attachment" in pdf["Content-Disposition"]
    minutes = client.get(_url("meeting_minutes_pdf", world, meeting_id=meeting.pk))
    assert minutes.content.startswith(b"%PDF")
    ics = client.get(_url("meeting_ics", world, meeting_id=meeting.pk))
    assert ics["Content-Type"].startswith("text/calendar")
    event = icalendar.Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert str(event["UID"]).startswith(f"raadswerk-vergadering-{meeting.pk}@")


def test_cancel_page_cancels_and_the_meeting_shows_it(world, django_capture_on_commit_callbacks):
    meeting = _meeting(world)
    meetings.send_agenda(meeting=meeting, by=world.chair)
    mail.outbox.clear()
    client = _client(world.chair)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url("meeting_cancel", world, meeting_id=meeting.pk), {"reason": ""})
    assert len(mail.outbox) == 3
    listing = client.get(_url("meetings", world)).content.decode()
    assert "afgezegd" in listing


# --- query counts -----------------------------------------------------------------------------


def _flat(assert_num_queries, client, url, grow, expect):
    client.get(url)
    with CaptureQueriesContext(connection) as one:
        response = client.get(url)
    assert response.status_code == 200
    grow()
    with assert_num_queries(len(one)):
        response = client.get(url)
    assert expect in response.content.decode()


def test_meetings_list_queries_do_not_grow(world, django_assert_num_queries):
    _meeting(world)
    f.MeetingFactory(council=world.council, starts_at=timezone.now() - datetime.timedelta(days=9))

    def grow():
        for days in (20, -30):
            _meeting(world, days=days, items=2)
        f.MeetingFactory(council=world.council, title="Laatste", cancelled_at=timezone.now())

    _flat(
        django_assert_num_queries, _client(world.member), _url("meetings", world), grow, "Laatste"
    )


def test_meeting_page_queries_do_not_grow_with_items(world, django_assert_num_queries):
    meeting = _meeting(world, items=1)
    url = _url("meeting", world, meeting_id=meeting.pk)

    def item(n):
        made = f.AgendaItemFactory(
            meeting=meeting,
            title=f"Extra {n}",
            owner=world.member,
            trajectory=f.TrajectoryFactory(council=world.council),
        )
        meetings.add_document(
            meeting=meeting, name=f"{n}.pdf", data=b"%PDF-1.4\n", by=world.chair, item=made
        )
        f.DecisionFactory(council=world.council, meeting=meeting, agenda_item=made)
        f.ActionItemFactory(council=world.council, meeting=meeting, owner=world.member)

    item(0)
    _flat(
        django_assert_num_queries, _client(world.chair), url, lambda: [item(1), item(2)], "Extra 2"
    )


def test_decisions_list_queries_do_not_grow(world, django_assert_num_queries):
    meeting = _meeting(world, days=-1)
    f.DecisionFactory(council=world.council, meeting=meeting)

    def grow():
        f.DecisionFactory(
            council=world.council,
            meeting=meeting,
            agenda_item=meeting.items.first(),
            trajectory=f.TrajectoryFactory(council=world.council),
        )
        f.DecisionFactory(council=world.council, text="Laatste besluit")

    _flat(
        django_assert_num_queries,
        _client(world.member),
        _url("decisions", world),
        grow,
        "Laatste besluit",
    )


def test_actions_list_queries_do_not_grow(world, django_assert_num_queries):
    meeting = _meeting(world, days=-1)
    f.ActionItemFactory(council=world.council, owner=world.member, meeting=meeting)

    def grow():
        f.ActionItemFactory(council=world.council, owner=world.secretary, meeting=meeting)
        f.ActionItemFactory(council=world.council, text="Laatste actie")

    _flat(
        django_assert_num_queries,
        _client(world.member),
        _url("actions", world) + "?toon=alle",
        grow,
        "Laatste actie",
    )


# --- junk in every field ----------------------------------------------------------------------

JUNK = ["99999999999999999999", "-99999999999999999999", "a\x00b", "", "x" * 5000, "²", "1e309"]
NAME = re.compile(r'name="([a-z_0-9]+)"')


def test_junk_in_every_field_of_every_meeting_form_is_never_a_500(world):
    meeting = _meeting(world, days=3, items=1)
    item = meeting.items.get()
    forms = [
        _url("meeting_new", world),
        _url("meeting_edit", world, meeting_id=meeting.pk),
        _url("meeting_item_new", world, meeting_id=meeting.pk),
        _url("meeting_item_edit", world, meeting_id=meeting.pk, item_id=item.pk),
        _url("meeting_document_new", world, meeting_id=meeting.pk),
        _url("meeting_minutes", world, meeting_id=meeting.pk),
        _url("meeting_send", world, meeting_id=meeting.pk),
        _url("decision_new", world) + f"?vergadering={meeting.pk}&punt={item.pk}",
        _url("action_new", world) + f"?vergadering={meeting.pk}",
        _url("meeting_cancel", world, meeting_id=meeting.pk),
    ]
    client = _client(world.chair)
    # A subject such as 1e309 is fine for an item or an action; a meeting or decision needs a
    # real date, which no junk is.
    counts = (Meeting.objects.count(), Decision.objects.count())
    for url in forms:
        html = client.get(url).content.decode()
        form = html[html.index('<form method="post"', html.index("<h1")) :]
        names = set(NAME.findall(form[: form.index("</form>")])) - {"csrfmiddlewaretoken"}
        assert names, url
        for junk in JUNK:
            everywhere = client.post(url, dict.fromkeys(names, junk))
            assert everywhere.status_code < 500, (url, junk)
            for name in names:
                response = client.post(url, {name: junk})
                assert response.status_code < 500, (url, name, junk)
    assert (Meeting.objects.count(), Decision.objects.count()) == counts
    assert not mail.outbox
