"""Standard answers: kept by editors and advisors, filled in for the question."""

import pytest

from raadsplein.accounts.tests.factories import UserFactory, adviseur, redacteur
from raadsplein.helpdesk import canned, services
from raadsplein.helpdesk.models import CannedAnswer
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

pytestmark = pytest.mark.django_db

TEXT = (
    "Beste {naam},\n\n{U} vroeg namens {raad} naar het adviesrecht. {uw} raad mag {x}."
    "\n\n{adviseur}"
)


def question_by(asker, council):
    return services.ask(
        asker=asker, subject="Adviesrecht", question="Hoe zit het?", council=council
    )


def test_placeholders_follow_the_askers_form_of_address():
    council = MemberCouncilFactory(name="Cliëntenraad De Esch")
    formal = member(council=council, first_name="Greet", last_name="Jansen")
    informal = UserFactory(first_name="Sem", last_name="Bakker", form_of_address="je")
    SeatFactory(person=informal, council=council)
    desk = adviseur(first_name="Ineke", last_name="Brouwer")
    answer = CannedAnswer.objects.create(title="Adviesrecht", body=TEXT)

    text = canned.render(answer, question_by(formal, council), desk)
    assert text.startswith("Beste Greet Jansen,")
    assert "U vroeg namens Cliëntenraad De Esch" in text and "uw raad" in text
    assert text.endswith("Ineke Brouwer")
    assert "{x}" in text  # an unknown name stays, for the advisor to see

    text = canned.render(answer, question_by(informal, council), desk)
    assert "Je vroeg namens" in text and "je raad" in text


def test_no_attribute_access_through_a_placeholder():
    assert canned.fill("{naam.__class__} {0}", {"naam": "Greet"}) == "{naam.__class__} {0}"


def test_the_question_page_fills_in_the_chosen_answer(client):
    council = MemberCouncilFactory(name="Cliëntenraad De Esch")
    question = question_by(member(council=council, first_name="Greet"), council)
    answer = CannedAnswer.objects.create(title="Adviesrecht", body="Beste {naam}, ... {raad}")
    CannedAnswer.objects.create(title="Oud", body="Niet meer", active=False)
    client.force_login(adviseur())
    url = f"/vraagbaak/behandelen/vraag/{question.pk}/"
    page = client.get(url).content.decode()
    assert "Begin met een standaardantwoord" in page and "Oud" not in page
    page = client.get(url, {"standaard": answer.pk}).content.decode()
    assert "Beste Greet" in page and "Cliëntenraad De Esch</textarea>" in page
    assert "Lees het na" in page
    for junk in ("abc", "99999", "²"):
        assert client.get(url, {"standaard": junk}).status_code == 200


@pytest.mark.parametrize("who", [adviseur, redacteur])
def test_editors_and_advisors_keep_the_standard_answers(client, who):
    client.force_login(who())
    response = client.post(
        "/admin/snippets/helpdesk/cannedanswer/add/",
        {"title": "Vergoeding", "body": "Beste {naam}", "theme": "", "active": "on"},
    )
    assert response.status_code == 302
    assert CannedAnswer.objects.get().title == "Vergoeding"


def test_members_do_not_reach_the_standard_answers(client):
    client.force_login(member())
    assert client.get("/admin/snippets/helpdesk/cannedanswer/").status_code in (302, 403)
