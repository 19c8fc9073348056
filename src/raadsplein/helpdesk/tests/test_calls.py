"""Phone calls written down by an advisor become questions in the same queue."""

import pytest

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.helpdesk.models import Channel, MessageKind, Question, Status
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

URL = "/vraagbaak/behandelen/telefoon/"


def test_a_call_by_a_member_answered_on_the_phone(client):
    council = MemberCouncilFactory(name="Cliëntenraad De Esch")
    caller = member(council=council, email="greet@example.org")
    desk = adviseur()
    client.force_login(desk)
    response = client.post(
        URL,
        {
            "email": "Greet@Example.org",
            "council": council.pk,
            "subject": "Adviesrecht bij een fusie",
            "summary": "Belde over de fusie met Zorggroep Noord.",
            "answer": "Uitgelegd dat de raad verzwaard adviesrecht heeft.",
        },
    )
    question = Question.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{question.pk}/")
    assert question.channel == Channel.PHONE and question.asker == caller
    assert question.status == Status.ANSWERED and question.assigned_to == desk
    assert question.first_response_due is None
    kinds = list(question.messages.values_list("kind", "channel"))
    assert kinds == [(MessageKind.FROM_COUNCIL, "phone"), (MessageKind.TO_COUNCIL, "phone")]
    assert AuditEntry.objects.filter(action="helpdesk.call.logged", subject=caller).exists()
    # The member sees the call in their questions, as the council would.
    assert caller.has_perm("helpdesk.view_question", question)


def test_a_call_from_someone_without_account_that_needs_follow_up(client):
    client.force_login(adviseur())
    client.post(
        URL,
        {
            "name": "Mevrouw De Vries",
            "phone": "06 12345678",
            "subject": "Wat doet een cliëntenraad?",
            "summary": "Wil weten of haar moeder lid kan worden.",
            "follow_up": "on",
        },
    )
    question = Question.objects.get()
    assert question.asker is None and question.asker_name == "Mevrouw De Vries"
    assert question.status == Status.OPEN and question.answer_by == "phone"
    assert question.first_response_due is not None


def test_a_call_without_a_caller_or_subject_is_refused_and_stores_nothing(client):
    client.force_login(adviseur())
    response = client.post(URL, {"summary": "Iets over de regeling.", "email": "niemand@x.nl"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Vul in wie er belde" in page and "Iets over de regeling." in page
    assert not Question.objects.exists()


def test_only_the_desk_logs_calls(client):
    client.force_login(member())
    assert client.get(URL).status_code == 404
    client.logout()
    assert client.get(URL).status_code == 302
