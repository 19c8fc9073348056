"""The achterban: contacts written down, edited and removed; turned into an agenda item or a
signal; the list's filters and its queries."""

import datetime

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsplein.advocacy.models import Signal

from .. import constituency
from ..models import AgendaItem, ConstituencyContact, ContactKind
from . import factories as f

pytestmark = pytest.mark.django_db

HELD_ON = timezone.localdate() - datetime.timedelta(days=14)
GOOD = {
    "kind": ContactKind.MEETING,
    "held_on": HELD_ON.isoformat(),
    "reached": "Bewoners van afdeling De Linde",
    "reached_count": "14",
    "heard": "Bewoners missen een vaste contactpersoon in het weekend.",
}


def client_for(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def url(name, world, *args):
    return reverse(f"councilwork:{name}", args=[world.council.pk, *args])


# --- writing contacts down --------------------------------------------------------------------


def test_a_member_writes_down_a_contact(world):
    response = client_for(world.member).post(url("contact_new", world), GOOD)
    contact = ConstituencyContact.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("contact", world, contact.pk)
    assert contact.council == world.council
    assert contact.created_by == world.member
    assert contact.kind == ContactKind.MEETING
    assert contact.held_on == HELD_ON
    assert contact.reached_count == 14
    page = client_for(world.member).get(response["Location"]).content.decode()
    assert "Bewoners missen een vaste contactpersoon" in page


def test_the_form_says_no_client_names(world):
    html = client_for(world.member).get(url("contact_new", world)).content.decode()
    assert "Schrijf geen namen van cliënten op." in html


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"held_on": "2999-01-01"}, "De datum ligt in de toekomst."),
        ({"held_on": "2026-02-30"}, "Vul een echte datum in"),
        ({"heard": ""}, "Schrijf op wat de raad hoorde."),
        ({"heard": "kort"}, "minstens 10 tekens"),
        ({"reached": "x" * 201}, "201"),
        ({"reached_count": "99999999999999999999"}, "100000"),
        ({"reached_count": "0"}, "1"),
        ({"kind": "party"}, "party"),
        ({"heard": "a\x00b" * 5}, None),
    ],
)
def test_a_contact_with_bad_input_is_refused_and_the_text_kept(world, change, message):
    data = {**GOOD, **change}
    response = client_for(world.member).post(url("contact_new", world), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert not ConstituencyContact.objects.exists()
    if message:
        assert message in html
    assert "Bewoners van afdeling De Linde" in html or "reached" in change


def test_a_text_that_looks_like_it_holds_a_name_asks_first(world):
    data = {**GOOD, "heard": "Mevrouw Jansen klaagt over het eten op zondag."}
    client = client_for(world.member)
    response = client.post(url("contact_new", world), data)
    assert response.status_code == 200
    assert "Let op: staan er namen" in response.content.decode()
    assert "Jansen" in response.content.decode()
    assert not ConstituencyContact.objects.exists()

    client.post(url("contact_new", world), {**data, "toch_bewaren": "1"})
    assert ConstituencyContact.objects.get().heard.startswith("Mevrouw Jansen")


def test_an_officer_edits_a_contact(world):
    contact = f.ContactFactory(council=world.council, created_by=world.member)
    response = client_for(world.secretary).post(
        url("contact_edit", world, contact.pk), {**GOOD, "reached": "Cliënten van de dagbesteding"}
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    assert contact.reached == "Cliënten van de dagbesteding"
    assert contact.created_by == world.member


def test_the_writer_edits_their_own_contact_but_not_anothers(world):
    own = f.ContactFactory(council=world.council, created_by=world.member)
    other = f.ContactFactory(council=world.council, created_by=world.chair)
    client = client_for(world.member)
    assert client.get(url("contact_edit", world, own.pk)).status_code == 200
    assert client.get(url("contact_edit", world, other.pk)).status_code == 403
    assert client.post(url("contact_edit", world, other.pk), GOOD).status_code == 403
    assert client.post(url("contact_delete", world, other.pk)).status_code == 403
    other.refresh_from_db()
    assert other.reached == "Bewoners van afdeling De Linde"
    assert other.kind == ContactKind.VISIT


def test_editing_with_bad_input_changes_nothing(world):
    contact = f.ContactFactory(council=world.council)
    response = client_for(world.chair).post(
        url("contact_edit", world, contact.pk), {**GOOD, "held_on": "2999-01-01"}
    )
    assert response.status_code == 200
    contact.refresh_from_db()
    assert contact.held_on == timezone.localdate()
    assert contact.kind == ContactKind.VISIT


def test_an_officer_deletes_a_contact_after_confirming(world):
    contact = f.ContactFactory(council=world.council)
    client = client_for(world.chair)
    page = client.get(url("contact_delete", world, contact.pk))
    assert "Wilt u het contact met" in page.content.decode()
    assert ConstituencyContact.objects.filter(pk=contact.pk).exists()
    response = client.post(url("contact_delete", world, contact.pk))
    assert response["Location"] == url("constituency", world)
    assert not ConstituencyContact.objects.filter(pk=contact.pk).exists()


# --- on the agenda ----------------------------------------------------------------------------


def test_to_agenda_adds_the_last_item_of_a_coming_meeting(world):
    contact = f.ContactFactory(council=world.council, reached_count=9)
    meeting = f.MeetingFactory(council=world.council)
    f.AgendaItemFactory(meeting=meeting, position=0)
    f.AgendaItemFactory(meeting=meeting, position=4)
    client = client_for(world.chair)

    page = client.get(url("contact_to_agenda", world, contact.pk))
    assert meeting.title in page.content.decode()
    response = client.post(url("contact_to_agenda", world, contact.pk), {"meeting": meeting.pk})

    assert response.status_code == 302
    contact.refresh_from_db()
    item = contact.agenda_item
    assert item.meeting == meeting
    assert item.position == 5
    assert list(meeting.items.order_by("position", "pk"))[-1] == item
    assert item.title == "Uit de achterban: Bewoners van afdeling De Linde"
    assert contact.heard in item.description
    assert "9 mensen" in item.description
    assert item.owner == world.chair


def test_to_agenda_offers_no_past_cancelled_or_other_councils_meeting(world):
    contact = f.ContactFactory(council=world.council)
    past = f.MeetingFactory(
        council=world.council, starts_at=timezone.now() - datetime.timedelta(days=2)
    )
    cancelled = f.MeetingFactory(council=world.council, cancelled_at=timezone.now())
    other = f.MeetingFactory(council=world.other_council)
    client = client_for(world.chair)
    for meeting in (past, cancelled, other):
        response = client.post(url("contact_to_agenda", world, contact.pk), {"meeting": meeting.pk})
        assert response.status_code == 200
        assert response.context["form"].errors
    assert not AgendaItem.objects.exists()
    assert "Er is nog geen komende vergadering" in response.content.decode()


def test_to_agenda_twice_is_refused(world):
    contact = f.ContactFactory(council=world.council)
    meeting = f.MeetingFactory(council=world.council)
    constituency.add_to_agenda(contact=contact, meeting=meeting, by=world.chair)
    with pytest.raises(constituency.CouncilworkError):
        constituency.add_to_agenda(contact=contact, meeting=meeting, by=world.chair)
    assert AgendaItem.objects.count() == 1


def test_to_agenda_is_for_officers(world):
    contact = f.ContactFactory(council=world.council)
    meeting = f.MeetingFactory(council=world.council)
    response = client_for(world.member).post(
        url("contact_to_agenda", world, contact.pk), {"meeting": meeting.pk}
    )
    assert response.status_code == 403
    assert not AgendaItem.objects.exists()


# --- as a signal ------------------------------------------------------------------------------


def test_to_signal_reports_a_signal_of_the_council_and_links_it(world):
    contact = f.ContactFactory(council=world.council)
    client = client_for(world.member)
    page = client.get(url("contact_to_signal", world, contact.pk))
    html = page.content.decode()
    assert "Schrijf geen namen van cliënten op." in html
    assert contact.heard in html

    response = client.post(
        url("contact_to_signal", world, contact.pk),
        {
            "title": "Geen vaste contactpersoon in het weekend",
            "description": "Bewoners weten in het weekend niet bij wie zij terecht kunnen.",
        },
    )
    assert response.status_code == 302
    contact.refresh_from_db()
    signal = Signal.objects.get()
    assert contact.signal == signal
    assert signal.council == world.council
    assert signal.reporter == world.member
    assert signal.title == "Geen vaste contactpersoon in het weekend"
    detail = client.get(response["Location"]).content.decode()
    assert reverse("advocacy:signal", args=[signal.pk]) in detail


def test_to_signal_with_too_short_a_text_says_so(world):
    contact = f.ContactFactory(council=world.council)
    response = client_for(world.member).post(
        url("contact_to_signal", world, contact.pk), {"title": "Eten", "description": "Kort."}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Signal.objects.exists()


def test_to_signal_asks_first_when_the_text_holds_a_phone_number(world):
    contact = f.ContactFactory(council=world.council)
    data = {
        "title": "Bereikbaarheid in het weekend",
        "description": "Bel de afdeling op 06-12345678, daar neemt in het weekend niemand op.",
    }
    client = client_for(world.member)
    response = client.post(url("contact_to_signal", world, contact.pk), data)
    assert "Let op: staan er namen" in response.content.decode()
    assert not Signal.objects.exists()
    client.post(url("contact_to_signal", world, contact.pk), {**data, "toch_bewaren": "1"})
    assert Signal.objects.count() == 1


def test_an_advisor_cannot_report_a_signal(world):
    contact = f.ContactFactory(council=world.council)
    client = client_for(world.advisor)
    page = client.get(url("contact_to_signal", world, contact.pk))
    assert page.status_code == 200
    assert "Alleen leden van de raad kunnen een signaal melden" in page.content.decode()
    client.post(
        url("contact_to_signal", world, contact.pk),
        {"title": "Een signaal", "description": "Een beschrijving van wat er gebeurt hier."},
    )
    assert not Signal.objects.exists()
    contact.refresh_from_db()
    assert contact.signal is None


def test_a_contact_is_reported_once(world):
    contact = f.ContactFactory(council=world.council)
    data = {"title": "Een signaal", "description": "Een beschrijving van wat er gebeurt hier."}
    constituency.report_as_signal(contact=contact, by=world.member, **data)
    with pytest.raises(constituency.CouncilworkError):
        constituency.report_as_signal(contact=contact, by=world.chair, **data)
    assert Signal.objects.count() == 1


# --- the list ---------------------------------------------------------------------------------


def test_the_list_filters_by_kind_and_year_newest_first(world):
    this_year = timezone.localdate().year
    f.ContactFactory(
        council=world.council,
        kind=ContactKind.SURVEY,
        reached="Enquête onder naasten",
        held_on=datetime.date(this_year - 1, 5, 1),
    )
    f.ContactFactory(
        council=world.council,
        kind=ContactKind.VISIT,
        reached="Bezoek De Linde",
        held_on=datetime.date(this_year, 1, 2),
    )
    f.ContactFactory(
        council=world.council,
        kind=ContactKind.VISIT,
        reached="Bezoek Het Hof",
        held_on=datetime.date(this_year, 1, 9),
    )
    f.ContactFactory(council=world.other_council, reached="Contact van een andere raad")
    client = client_for(world.member)

    html = client.get(url("constituency", world)).content.decode()
    assert (
        html.index("Bezoek Het Hof")
        < html.index("Bezoek De Linde")
        < html.index("Enquête onder naasten")
    )
    assert "Contact van een andere raad" not in html

    html = client.get(url("constituency", world) + "?kind=visit").content.decode()
    assert "Bezoek De Linde" in html and "Enquête onder naasten" not in html
    html = client.get(url("constituency", world) + f"?year={this_year - 1}").content.decode()
    assert "Enquête onder naasten" in html and "Bezoek De Linde" not in html
    # A filter value that is not offered shows everything, with a message, never an error.
    response = client.get(url("constituency", world) + "?year=99999999999999999999&kind=x")
    assert response.status_code == 200
    assert "Bezoek De Linde" in response.content.decode()


def _queries(client, path) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return len(queries)


def test_the_list_queries_do_not_grow_with_contacts(world):
    client = client_for(world.chair)
    path = url("constituency", world)
    meeting = f.MeetingFactory(council=world.council)

    def contact(n):
        c = f.ContactFactory(council=world.council, created_by=world.member, reached=f"Groep {n}")
        constituency.add_to_agenda(contact=c, meeting=meeting, by=world.chair)

    contact(0)
    client.get(path)
    one = _queries(client, path)
    contact(1)
    contact(2)
    assert _queries(client, path) == one


NASTY = ["99999999999999999999", "-1", "a\x00b", "x" * 5000, "2026-02-30", "99999-01-01", "²"]


@pytest.mark.parametrize("value", NASTY)
def test_every_achterban_form_answers_junk_with_a_page_not_an_error(world, value):
    contact = f.ContactFactory(council=world.council)
    f.MeetingFactory(council=world.council)
    client = client_for(world.chair)
    forms = {
        url("contact_new", world): GOOD,
        url("contact_edit", world, contact.pk): GOOD,
        url("contact_to_agenda", world, contact.pk): {"meeting": ""},
        url("contact_to_signal", world, contact.pk): {
            "title": "Een signaal",
            "description": "Een beschrijving van wat er gebeurt hier.",
        },
    }
    for path, data in forms.items():
        for field in data:
            response = client.post(path, {**data, field: value})
            assert response.status_code in (200, 302), (path, field, response.status_code)
    for field in ("kind", "year", "pagina"):
        response = client.get(url("constituency", world), {field: value})
        assert response.status_code == 200, field
