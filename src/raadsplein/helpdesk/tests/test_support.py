"""Tailored support: its own form, fields per kind, its own target, the appointment and .ics."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from icalendar import Calendar

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.helpdesk import services
from raadsplein.helpdesk.models import Kind, Question, SupportKind
from raadsplein.helpdesk.support_models import SupportRequest
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

URL = "/vraagbaak/ondersteuning/"


def base(council, **extra):
    return {
        "subject": "Training adviesrecht",
        "question": "Wij willen als nieuwe raad leren hoe adviesrecht werkt.",
        "council": str(council.pk),
        "answer_by": "email",
        **extra,
    }


def test_a_training_request_needs_its_own_fields_and_then_has_its_own_target(client, settings):
    settings.VRAAGBAAK_TARGETS = {
        "question": {"first_response": 1, "solution": 5},
        "support": {"first_response": 1, "solution": 10},
        "support:training": {"first_response": 2, "solution": 15},
    }
    council = MemberCouncilFactory()
    asker = member(council=council)
    client.force_login(asker)
    assert "Onderwerp van de training" in client.get(URL).content.decode()

    missing = client.post(URL, base(council, support_kind="training", participants="0"))
    page = missing.content.decode()
    assert missing.status_code == 200
    assert "Schrijf op waar de training over moet gaan." in page
    assert "Er is minstens één deelnemer." in page
    assert not Question.objects.exists()

    done = client.post(
        URL,
        base(
            council,
            support_kind="training",
            topic="Adviesrecht",
            participants="8",
            period="na de zomer",
        ),
    )
    assert done.status_code == 302
    question = Question.objects.get()
    assert question.kind == Kind.SUPPORT and question.support_kind == SupportKind.TRAINING
    assert SupportRequest.objects.get(question=question).details == {
        "topic": "Adviesrecht",
        "participants": 8,
        "period": "na de zomer",
    }
    plain = services.ask(asker=asker, subject="Gewoon", question="Een vraag.", council=council)
    # Two working days for the first response instead of one: later than a plain question.
    assert question.first_response_due > plain.first_response_due
    # An introduction asks for moments only.
    other = client.post(URL, base(council, support_kind="introduction"))
    assert "Schrijf op welke dagen en tijden u kunt." in other.content.decode()
    assert "Schrijf op waar de training" not in other.content.decode()


def test_the_advisor_plans_the_appointment_and_the_member_downloads_it(client):
    council = MemberCouncilFactory()
    asker = member(council=council)
    question = services.ask(
        asker=asker,
        subject="Kennismaken",
        question="Wij willen graag kennismaken.",
        council=council,
        kind=Kind.SUPPORT,
        support_kind=SupportKind.INTRODUCTION,
    )
    desk = adviseur()
    client.force_login(desk)
    page = client.get(f"/vraagbaak/behandelen/vraag/{question.pk}/")
    assert "Afspraak opslaan" in page.content.decode()
    url = f"/vraagbaak/behandelen/vraag/{question.pk}/afspraak/"
    bad = client.post(url, {"appointment_at": "morgen"}, follow=True)
    assert "Vul een datum en tijd in" in bad.content.decode()
    client.post(url, {"appointment_at": "2027-03-16T10:30"})
    question.refresh_from_db()
    expected = datetime.datetime(2027, 3, 16, 10, 30, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert question.appointment_at == expected
    assert AuditEntry.objects.filter(action="helpdesk.question.appointment").exists()
    queue = client.get("/vraagbaak/behandelen/lijst/open/").content.decode()
    assert "Kennismakingsgesprek" in queue

    client.force_login(asker)
    mine = client.get(f"/vraagbaak/vraag/{question.pk}/").content.decode()
    assert "16 maart 2027" in mine and "afspraak.ics" in mine
    ics = client.get(f"/vraagbaak/vraag/{question.pk}/afspraak.ics")
    assert ics["Content-Type"] == "text/calendar"
    event = Calendar.from_ical(ics.content).walk("VEVENT")[0]
    assert event.decoded("dtstart") == expected
    # Someone else's appointment is not found.
    client.force_login(member(council=MemberCouncilFactory()))
    assert client.get(f"/vraagbaak/vraag/{question.pk}/afspraak.ics").status_code == 404
