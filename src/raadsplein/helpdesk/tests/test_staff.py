"""The advisors' queue and question screen: the views, the forms, who may enter."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raadsplein.accounts.tests.factories import adviseur, beheerder, redacteur
from raadsplein.helpdesk import queue, services
from raadsplein.helpdesk.models import Message, MessageKind, Question, Status
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

QUEUE = "/vraagbaak/behandelen/"


def ask(asker=None, *, council=None, subject="Adviesrecht", now=None, **kwargs):
    if asker is None:
        council = council or MemberCouncilFactory()
        asker = member(council=council)
    return services.ask(
        asker=asker,
        subject=subject,
        question="Moet de bestuurder ons om advies vragen?",
        council=council,
        now=now,
        **kwargs,
    )


def past_office_moment(days_back: int) -> datetime.datetime:
    """A moment ``days_back`` calendar days ago at 10:00 on an open day (or before)."""
    from raadsplein.helpdesk.officehours import office_calendar

    desk = office_calendar()
    day = timezone.localdate() - datetime.timedelta(days=days_back)
    while not desk.is_open_day(day):
        day -= datetime.timedelta(days=1)
    return desk.window(day)[0] + datetime.timedelta(hours=1)


def test_the_views_sort_questions_into_late_unassigned_mine_and_waiting():
    desk = adviseur()
    late = ask(subject="Te laat", now=past_office_moment(10))
    fresh = ask(subject="Vers")
    mine = ask(subject="Van mij")
    services.assign(question=mine, advisor=desk, actor=desk)
    waiting = ask(subject="Wacht")
    services.reply(question=waiting, advisor=desk, body="Welke regeling?", then=Status.WAITING)
    done = ask(subject="Klaar")
    services.reply(question=done, advisor=desk, body="Zo.")

    def subjects(view):
        return {q.subject for q in queue.queue(desk, view)}

    assert subjects("te-laat") == {"Te laat"}
    assert subjects("niet-toegewezen") == {"Te laat", "Vers"}
    # Answering an unassigned question makes it the answerer's.
    assert subjects("mijn") == {"Van mij", "Wacht"}
    assert subjects("wacht-op-raad") == {"Wacht"}
    assert subjects("afgerond") == {"Klaar"}
    assert subjects("open") == {"Te laat", "Vers", "Van mij", "Wacht"}
    # The most urgent first.
    assert next(iter(queue.queue(desk, "open"))).pk == late.pk
    counts = queue.counts(desk)
    assert counts["te-laat"] == 1 and counts["niet-toegewezen"] == 2 and counts["open"] == 4
    assert fresh.pk in {q.pk for q in queue.queue(desk, "niet-toegewezen")}


def test_almost_late_is_due_within_the_next_office_hours(settings):
    settings.VRAAGBAAK_SOON_HOURS = 9
    desk = adviseur()
    # Asked a moment ago: the first reaction is due in 8 office hours, so it is "bijna te laat"
    # with a window of 9 hours, not with 4.
    ask(subject="Bijna")
    assert {q.subject for q in queue.queue(desk, "bijna-te-laat")} == {"Bijna"}
    settings.VRAAGBAAK_SOON_HOURS = 4
    assert not queue.queue(desk, "bijna-te-laat").exists()


def test_the_queue_page_filters_and_keeps_its_query_count_flat(client):
    desk = adviseur()
    client.force_login(desk)
    ask(subject="Eén")

    def queries():
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(QUEUE + "lijst/open/")
        assert response.status_code == 200
        return len(ctx.captured_queries), response.content.decode()

    queries()  # the first request also fills the site cache
    one, page = queries()
    assert "Eén" in page
    for n in range(3):
        ask(subject=f"Meer {n}")
    three, page = queries()
    assert "Meer 2" in page
    assert one == three

    response = client.get(QUEUE + "lijst/open/", {"kanaal": "email"})
    assert "Eén" not in response.content.decode()
    assert "Geen vragen in deze lijst." in response.content.decode()
    # A filter value that is no choice is ignored, not a 500.
    assert client.get(QUEUE + "lijst/open/", {"kanaal": "<script>"}).status_code == 200
    assert client.get(QUEUE + "lijst/bestaat-niet/").status_code == 404


def test_an_advisor_answers_notes_assigns_and_closes_from_the_question_page(client):
    desk = adviseur()
    client.force_login(desk)
    question = ask(subject="Verbouwing")
    url = f"{QUEUE}vraag/{question.pk}/"
    page = client.get(url).content.decode()
    assert "Verbouwing" in page and "Moet de bestuurder" in page

    client.post(url, {"action": "take"})
    assert Question.objects.get(pk=question.pk).assigned_to == desk
    client.post(url, {"action": "note", "note": "Eerder gevraagd in 2025."})
    version = Question.objects.get(pk=question.pk).version
    response = client.post(
        url, {"action": "reply", "body": "Ja, dat moet.", "then": "answered", "version": version}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    page = client.get(url).content.decode()
    assert "Interne notitie: de raad ziet dit niet" in page and "Ja, dat moet." in page
    client.post(url, {"action": "status", "status": "closed"})
    assert Question.objects.get(pk=question.pk).status == Status.CLOSED


def test_a_stale_reply_is_refused_and_the_text_stays_on_the_page(client):
    client.force_login(adviseur())
    question = ask()
    old = question.version
    services.council_reply(question=question, author=question.asker, body="Nog iets.")
    url = f"{QUEUE}vraag/{question.pk}/"
    response = client.post(
        url, {"action": "reply", "body": "Mijn lange antwoord", "then": "answered", "version": old}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "veranderd terwijl u schreef" in page
    assert "Mijn lange antwoord" in page and "Nog iets." in page
    assert not Message.objects.filter(kind=MessageKind.TO_COUNCIL).exists()


def test_bad_input_on_the_question_page_changes_nothing(client):
    client.force_login(adviseur())
    question = ask()
    url = f"{QUEUE}vraag/{question.pk}/"
    response = client.post(url, {"action": "reply", "body": "", "then": "answered", "version": 1})
    assert response.status_code == 200
    response = client.post(url, {"action": "status", "status": "waiting"})
    client.post(url, {"action": "status", "status": "closed"})
    response = client.post(url, {"action": "status", "status": "waiting"}, follow=True)
    assert "kan niet naar" in response.content.decode()
    assert Question.objects.get(pk=question.pk).status == Status.CLOSED
    assert client.post(url, {"action": "assign", "advisor": "999999"}).status_code == 200
    assert client.post(url, {"action": "onbekend"}).status_code == 200
    assert client.get(f"{QUEUE}vraag/999999/").status_code == 404


@pytest.mark.parametrize("who", ["anonymous", "member", "redacteur", "asker"])
def test_only_the_desk_enters_its_screens(client, who):
    question = ask()
    if who == "member":
        client.force_login(member())
    elif who == "redacteur":
        client.force_login(redacteur())
    elif who == "asker":
        client.force_login(question.asker)
    for url in (QUEUE, f"{QUEUE}vraag/{question.pk}/"):
        response = client.get(url)
        if who == "anonymous":
            assert response.status_code == 302 and "/account/login/" in response["Location"]
        else:
            assert response.status_code == 404
            assert "Adviesrecht" not in response.content.decode()


def test_the_staff_start_page_shows_the_desk_to_advisors_only(client):
    ask(now=past_office_moment(10))
    client.force_login(adviseur())
    page = client.get("/medewerkers/").content.decode()
    assert "1 vraag te laat" in page and "Vraagbaak: vragen behandelen" in page
    client.force_login(beheerder())
    assert "1 vraag te laat" in client.get("/medewerkers/").content.decode()
    client.force_login(redacteur())
    page = client.get("/medewerkers/").content.decode()
    assert "vraag te laat" not in page and "Vraagbaak: vragen behandelen" not in page
