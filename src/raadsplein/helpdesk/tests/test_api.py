"""/api/v1/helpdesk/: ask, list one's own and shared questions, read one (never the notes)."""

import datetime

import pytest

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.helpdesk import services
from raadsplein.helpdesk.models import Channel, Question
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

URL = "/api/v1/helpdesk/questions"


def post(client, body):
    return client.post(URL, body, content_type="application/json")


def test_a_member_asks_by_api_and_gets_id_status_and_the_due_moment_with_offset(client):
    council = MemberCouncilFactory()
    person = member(council=council)
    Theme.objects.create(name="Zorg en geld", slug="zorg-en-geld")
    client.force_login(person)
    response = post(
        client,
        {
            "subject": "Begroting",
            "question": "Wat mogen wij zien?",
            "council": council.pk,
            "theme": "zorg-en-geld",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    question = Question.objects.get()
    assert body["id"] == question.pk and body["status"] == "new"
    due = datetime.datetime.fromisoformat(body["first_response_due"])
    assert due.utcoffset() in (datetime.timedelta(hours=1), datetime.timedelta(hours=2))
    assert abs(due - question.first_response_due) < datetime.timedelta(seconds=1)
    assert question.channel == Channel.API and question.theme.slug == "zorg-en-geld"


@pytest.mark.parametrize(
    ("body", "status", "message"),
    [
        ({"subject": "Iets", "question": "Vraag?", "theme": "bestaat-niet"}, 404, "thema"),
        ({"subject": "Iets", "question": "Vraag?", "council": "OTHER"}, 404, "raad waarin u zit"),
        ({"subject": "Iets", "question": "Vraag?", "council": 999999}, 404, "raad waarin u zit"),
        ({"subject": "", "question": "Vraag?"}, 422, "De invoer klopt niet"),
        ({"subject": "Iets", "question": "  "}, 422, "De invoer klopt niet"),
    ],
)
def test_bad_input_answers_a_dutch_error_and_stores_nothing(client, body, status, message):
    other = MemberCouncilFactory()
    if body.get("council") == "OTHER":
        body = {**body, "council": other.pk}
    client.force_login(member())
    response = post(client, body)
    assert response.status_code == status
    assert message in response.json()["message"]
    assert Question.objects.count() == 0


def test_malformed_body_is_a_422_and_anonymous_a_401_and_non_members_a_403(client):
    assert post(client, {"subject": "Iets", "question": "Vraag?"}).status_code == 401
    client.force_login(member())
    assert post(client, {"subject": "Iets"}).status_code == 422
    client.force_login(UserFactory())
    response = post(client, {"subject": "Iets", "question": "Vraag?"})
    assert response.status_code == 403 and response.json()["code"] == "members_only"
    assert Question.objects.count() == 0


def test_list_and_detail_are_scoped_and_never_show_notes(client):
    council = MemberCouncilFactory()
    me = member(council=council)
    colleague = member(council=council)
    desk = adviseur()
    mine = services.ask(asker=me, subject="Mijn vraag", question="Eerste tekst", council=council)
    shared = services.ask(
        asker=colleague, subject="Gedeeld", question="?", council=council, share_with_council=True
    )
    hidden = services.ask(asker=colleague, subject="Niet gedeeld", question="?", council=council)
    services.add_note(question=mine, advisor=desk, body="INTERNE NOTITIE")
    services.reply(question=mine, advisor=desk, body="Het antwoord.")
    client.force_login(me)

    listed = client.get(URL).json()
    assert {q["id"] for q in listed} == {mine.pk, shared.pk}
    assert set(listed[0]) == {"id", "subject", "status", "channel", "first_response_due"}

    detail = client.get(f"{URL}/{mine.pk}").json()
    assert detail["status"] == "answered" and detail["channel"] == "web"
    assert [m["body"] for m in detail["messages"]] == ["Eerste tekst", "Het antwoord."]
    assert [m["kind"] for m in detail["messages"]] == ["in", "out"]
    assert "INTERNE NOTITIE" not in str(detail)

    for pk in (hidden.pk, 999999):
        response = client.get(f"{URL}/{pk}")
        assert response.status_code == 404 and response.json()["code"] == "not_found"
