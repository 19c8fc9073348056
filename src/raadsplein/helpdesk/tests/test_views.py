"""The council's side of the Vraagbaak: asking, "Mijn vragen", a question's page, replying."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.helpdesk import services
from raadsplein.helpdesk.models import Channel, Message, MessageKind, Question, Status
from raadsplein.helpdesk.views import due_text
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

pytestmark = pytest.mark.django_db

ASK = "/vraagbaak/vraag-stellen/"
MINE = "/vraagbaak/mijn-vragen/"


def form_data(about, **overrides):
    data = {
        "subject": "Adviesrecht bij verbouwing",
        "question": "Moet de bestuurder ons om advies vragen over de verbouwing?",
        "council": str(about.pk) if about else "self",
        "answer_by": "email",
        "phone": "",
    }
    data.update(overrides)
    return data


def test_a_member_asks_and_sees_the_reference_and_the_first_reaction_due(client):
    council = MemberCouncilFactory(name="Cliëntenraad De Linde")
    person = member(council=council)
    theme = Theme.objects.create(name="Huisvesting", slug="huisvesting")
    sector = CareSector.objects.order_by("order").first()
    client.force_login(person)

    page = client.get(ASK).content.decode()
    assert "Cliëntenraad De Linde" in page and "Voor mijzelf" in page

    data = form_data(council, theme=str(theme.pk), share_with_council="on")
    if sector:
        data["sector"] = sector.pk
    response = client.post(ASK, data, follow=True)
    question = Question.objects.get()
    assert response.redirect_chain[-1][0] == f"/vraagbaak/vraag/{question.pk}/verstuurd/"
    text = response.content.decode()
    assert f"VB-{question.pk}" in text
    assert due_text(question.first_response_due) in text
    assert question.channel == Channel.WEB and question.council == council
    assert question.share_with_council and question.theme == theme
    assert question.messages.get().body.startswith("Moet de bestuurder")


def test_the_due_moment_reads_as_people_say_it():
    moment = datetime.datetime(2026, 12, 8, 12, 0, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert due_text(moment) == "dinsdag 8 december, 12.00 uur"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"subject": ""}, "subject", "Vul het onderwerp in."),
        ({"question": "   "}, "question", "Schrijf uw vraag op."),
        ({"answer_by": "phone"}, "phone", "Vul het telefoonnummer in"),
        ({"answer_by": "phone", "phone": "geen"}, "phone", "met cijfers"),
        ({"council": "self", "share_with_council": "on"}, "share_with_council", "Kies de raad"),
        ({"subject": "x" * 201}, "subject", "200"),
        ({"answer_by": "fax"}, "answer_by", "geldige keuze"),
    ],
)
def test_bad_input_keeps_the_text_names_the_field_and_stores_nothing(
    client, overrides, field, message
):
    council = MemberCouncilFactory()
    client.force_login(member(council=council))
    data = form_data(council, **overrides)
    response = client.post(ASK, data)
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors and message in " ".join(form.errors[field])
    page = response.content.decode()
    # What the person typed is still on the page.
    if "question" not in overrides:
        assert "Moet de bestuurder ons om advies vragen over de verbouwing?" in page
    if "subject" not in overrides:
        assert 'value="Adviesrecht bij verbouwing"' in page
    assert Question.objects.count() == 0 and Message.objects.count() == 0


def test_another_councils_id_in_the_form_is_refused(client):
    mine = MemberCouncilFactory()
    other = MemberCouncilFactory()
    client.force_login(member(council=mine))
    response = client.post(ASK, form_data(other))
    assert response.status_code == 200
    assert "council" in response.context["form"].errors
    assert Question.objects.count() == 0


def test_non_members_get_the_members_only_page_and_anonymous_go_to_sign_in(client):
    assert client.get(ASK)["Location"].startswith("/account/login/")
    client.force_login(UserFactory())
    response = client.get(ASK)
    assert response.status_code == 403
    assert 'name="subject"' not in response.content.decode()
    assert client.post(ASK, form_data(None)).status_code == 403
    assert Question.objects.count() == 0


def test_my_questions_lists_own_and_shared_not_unshared_and_not_other_councils(client):
    council = MemberCouncilFactory(name="Cliëntenraad Alfa")
    me = member(council=council)
    colleague = member(council=council, first_name="Carla", last_name="Collega")
    stranger = member()
    services.ask(asker=me, subject="Mijn eigen vraag", question="Vraag?", council=council)
    services.ask(
        asker=colleague,
        subject="Gedeelde vraag",
        question="Vraag?",
        council=council,
        share_with_council=True,
    )
    hidden = services.ask(
        asker=colleague, subject="Niet gedeeld", question="Vraag?", council=council
    )
    foreign = services.ask(asker=stranger, subject="Van een ander", question="Vraag?")
    client.force_login(me)
    page = client.get(MINE).content.decode()
    assert "Mijn eigen vraag" in page and "Gedeelde vraag" in page
    assert "gesteld door Carla Collega" in page
    assert "Niet gedeeld" not in page and "Van een ander" not in page
    assert client.get(f"/vraagbaak/vraag/{hidden.pk}/").status_code == 404
    assert client.get(f"/vraagbaak/vraag/{foreign.pk}/").status_code == 404
    response = client.post(f"/vraagbaak/vraag/{foreign.pk}/reageren/", {"body": "Hallo"})
    assert response.status_code == 404
    assert foreign.messages.count() == 1


def test_the_question_page_shows_the_answer_never_the_note_and_a_reply_reopens(client):
    council = MemberCouncilFactory()
    me = member(council=council)
    desk = adviseur(first_name="Ada", last_name="Adviseur")
    question = services.ask(asker=me, subject="Huur", question="Mag dat?", council=council)
    services.add_note(question=question, advisor=desk, body="GEHEIME NOTITIE over de raad")
    services.reply(question=question, advisor=desk, body="Ja, dat mag, zie artikel 7.")
    client.force_login(me)
    url = f"/vraagbaak/vraag/{question.pk}/"
    page = client.get(url).content.decode()
    assert "Ja, dat mag, zie artikel 7." in page and "Mag dat?" in page
    assert "GEHEIME NOTITIE" not in page
    assert "Beantwoord" in page

    response = client.post(f"{url}reageren/", {"body": "Dank! En bij huurverhoging?"})
    assert response.status_code == 302 and response["Location"] == url
    question.refresh_from_db()
    assert question.status == Status.OPEN
    latest = question.messages.order_by("-pk").first()
    assert latest.kind == MessageKind.FROM_COUNCIL and latest.author == me


def test_an_empty_reply_is_refused_with_a_dutch_message_and_changes_nothing(client):
    me = member()
    question = services.ask(asker=me, subject="Huur", question="Mag dat?")
    version = question.version
    client.force_login(me)
    response = client.post(f"/vraagbaak/vraag/{question.pk}/reageren/", {"body": "   "})
    assert response.status_code == 200
    assert "Schrijf uw bericht op." in response.content.decode()
    question.refresh_from_db()
    assert question.version == version and question.messages.count() == 1


def test_a_too_long_reply_keeps_the_text(client):
    me = member()
    question = services.ask(asker=me, subject="Huur", question="Mag dat?")
    client.force_login(me)
    body = "lang " * 4001
    response = client.post(f"/vraagbaak/vraag/{question.pk}/reageren/", {"body": body})
    assert response.status_code == 200
    assert "lang lang lang" in response.content.decode()
    assert question.messages.count() == 1


def test_my_questions_query_count_does_not_grow(client):
    council = MemberCouncilFactory()
    me = member(council=council)
    colleague = member(council=council)
    client.force_login(me)

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(MINE).status_code == 200
        return len(ctx.captured_queries)

    services.ask(asker=me, subject="Een", question="?", council=council)
    count()  # warms the per-person caches of the header
    one = count()
    services.ask(asker=me, subject="Twee", question="?")
    services.ask(
        asker=colleague, subject="Drie", question="?", council=council, share_with_council=True
    )
    assert count() == one


def test_the_dashboard_panel_and_header_link_for_members(client):
    council = MemberCouncilFactory()
    me = member(council=council)
    services.ask(asker=me, subject="Open vraag in het paneel", question="?", council=council)
    done = services.ask(asker=me, subject="Klaar en weg", question="?")
    services.reply(question=done, advisor=adviseur(), body="Zo.")
    client.force_login(me)
    page = client.get("/mijn/").content.decode()
    assert "Mijn vragen aan de Vraagbaak" in page
    assert "Open vraag in het paneel" in page and "Klaar en weg" not in page
    assert 'href="/vraagbaak/mijn-vragen/"' in page

    client.force_login(UserFactory())
    page = client.get("/mijn/").content.decode()
    assert "Mijn vragen aan de Vraagbaak" not in page
    assert 'href="/vraagbaak/mijn-vragen/"' not in page


def test_a_seat_that_ended_no_longer_shows_the_councils_shared_questions(client):
    council = MemberCouncilFactory()
    asker = member(council=council)
    former = UserFactory()
    SeatFactory(
        person=former,
        council=council,
        start_date=timezone.localdate() - datetime.timedelta(days=400),
        end_date=timezone.localdate() - datetime.timedelta(days=1),
    )
    shared = services.ask(
        asker=asker, subject="Gedeeld", question="?", council=council, share_with_council=True
    )
    client.force_login(former)
    assert client.get(f"/vraagbaak/vraag/{shared.pk}/").status_code == 404
    assert "Gedeeld" not in client.get(MINE).content.decode()


def test_my_questions_come_twenty_to_a_page_newest_first(client):
    from raadsplein.helpdesk.views import PER_PAGE

    me = member(council=MemberCouncilFactory())
    client.force_login(me)
    for n in range(PER_PAGE + 1):
        services.ask(asker=me, subject=f"Vraag nummer {n:02d}", question="?")
    first = client.get(MINE).content.decode()
    assert first.count('class="card question-card"') == PER_PAGE
    assert f"Vraag nummer {PER_PAGE:02d}" in first and "Vraag nummer 00" not in first
    assert "Pagina 1 van 2" in first and 'href="?pagina=2"' in first
    second = client.get(MINE + "?pagina=2").content.decode()
    assert "Vraag nummer 00" in second and second.count('class="card question-card"') == 1
    # A page number out of range or not a number gives the nearest page, not an error.
    assert "Vraag nummer 00" in client.get(MINE + "?pagina=99").content.decode()
    assert client.get(MINE + "?pagina=x").status_code == 200
