"""Asking, answering, notes, status and the clock; who sees what; erasure."""

import datetime
from zoneinfo import ZoneInfo

import pytest

from raadsplein.accounts.services import export_person_data
from raadsplein.accounts.tests.factories import UserFactory, adviseur, redacteur
from raadsplein.audit.models import AuditEntry
from raadsplein.helpdesk import selectors, services
from raadsplein.helpdesk.models import (
    AnswerBy,
    Kind,
    Message,
    MessageKind,
    Question,
    Status,
)
from raadsplein.helpdesk.personal_data import ERASED, erase_helpdesk_data
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def at(y, m, d, hh=0, mm=0):
    return datetime.datetime(y, m, d, hh, mm, tzinfo=AMS)


@pytest.fixture
def council():
    return MemberCouncilFactory(name="Cliëntenraad De Esch")


@pytest.fixture
def asker(council):
    return member(council=council, email="greet@example.org")


def ask(asker, council=None, **kwargs):
    values = {
        "asker": asker,
        "subject": "Adviesrecht bij een verbouwing",
        "question": "Moet de bestuurder ons om advies vragen over de verbouwing?",
        "council": council,
    }
    values.update(kwargs)
    return services.ask(**values)


# -- asking --------------------------------------------------------------------------------------


def test_a_question_on_friday_afternoon_is_due_on_monday(asker, council):
    question = ask(asker, council, now=at(2026, 11, 27, 16))
    assert question.status == Status.NEW
    assert question.first_response_due == at(2026, 11, 30, 16)
    assert question.solution_due == at(2026, 12, 4, 16)
    assert question.reference == f"VB-{question.pk}"
    (message,) = question.messages.all()
    assert message.kind == MessageKind.FROM_COUNCIL and "verbouwing" in message.body


def test_support_requests_get_their_own_target(asker, settings):
    settings.VRAAGBAAK_TARGETS = {
        "question": {"first_response": 1, "solution": 5},
        "support": {"first_response": 2, "solution": 10},
    }
    question = ask(
        asker,
        kind=Kind.SUPPORT,
        support_kind="training",
        subject="Training op maat",
        now=at(2026, 12, 1, 9),
    )
    assert question.first_response_due == at(2026, 12, 2, 17)
    assert question.solution_due == at(2026, 12, 14, 17)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"subject": "  "}, "Vul het onderwerp in."),
        ({"question": ""}, "Vul uw vraag in."),
        ({"subject": "x" * 201}, "Het onderwerp is te lang"),
        ({"answer_by": AnswerBy.PHONE, "phone": ""}, "telefoonnummer"),
        ({"share_with_council": True}, "Kies de raad"),
        ({"kind": Kind.SUPPORT}, "Kies welke ondersteuning"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_stores_nothing(asker, kwargs, message):
    with pytest.raises(services.QuestionError, match=message):
        ask(asker, **kwargs)
    assert not Question.objects.exists() and not Message.objects.exists()


def test_one_cannot_ask_for_a_council_one_does_not_sit_on(asker):
    other = MemberCouncilFactory()
    with pytest.raises(services.QuestionError, match="namens een raad waarin u zit"):
        ask(asker, other)
    assert not Question.objects.exists()


# -- answering and the clock --------------------------------------------------------------------


def test_the_first_answer_meets_the_promise_and_closes_the_clock(asker, council):
    desk = adviseur()
    question = ask(asker, council, now=at(2026, 12, 1, 10))
    services.reply(question=question, advisor=desk, body="Ja, dat moet.", now=at(2026, 12, 1, 14))
    question.refresh_from_db()
    assert question.status == Status.ANSWERED
    assert question.first_response_at == at(2026, 12, 1, 14)
    assert question.first_response_due is None and question.solution_due is None
    entry = AuditEntry.objects.get(action="helpdesk.question.answered")
    assert entry.actor == desk and entry.subject == asker
    assert "Ja, dat moet" not in str(entry.data)


def test_waiting_for_the_council_stops_the_solution_clock_and_a_reply_reopens(asker, council):
    desk = adviseur()
    question = ask(asker, council, now=at(2026, 12, 1, 9))  # Tuesday: due Monday 7 Dec 17:00
    services.reply(
        question=question,
        advisor=desk,
        body="Welke afspraken staan er in uw regeling?",
        then=Status.WAITING,
        now=at(2026, 12, 1, 11),
    )
    question.refresh_from_db()
    assert question.status == Status.WAITING and question.solution_due is None
    # The council answers two working days later: the due moment moves on by those two days.
    services.council_reply(
        question=question, author=asker, body="Artikel 4 gaat erover.", now=at(2026, 12, 3, 11)
    )
    question.refresh_from_db()
    assert question.status == Status.OPEN
    assert question.solution_due == at(2026, 12, 9, 17)
    assert [c.new for c in question.changes.all()] == ["new", "waiting", "open"]


def test_a_council_reply_after_the_answer_reopens_the_question(asker, council):
    question = ask(asker, council)
    services.reply(question=question, advisor=adviseur(), body="Zo zit het.")
    services.set_status(question=question, status=Status.CLOSED, actor=adviseur())
    services.council_reply(question=question, author=asker, body="Nog één vraag.")
    question.refresh_from_db()
    assert question.status == Status.OPEN and question.closed_at is None
    assert question.solution_due is not None


def test_a_reply_written_against_an_old_version_is_refused(asker, council):
    question = ask(asker, council)
    opened_at = Question.objects.get(pk=question.pk).version
    services.add_note(question=question, advisor=adviseur(), body="Ik bel morgen.")
    services.council_reply(question=question, author=asker, body="Nog een detail.")
    with pytest.raises(services.StaleVersionError, match="veranderd terwijl u schreef"):
        services.reply(question=question, advisor=adviseur(), body="Antwoord", version=opened_at)
    assert not question.messages.filter(kind=MessageKind.TO_COUNCIL).exists()
    current = Question.objects.get(pk=question.pk).version
    services.reply(question=question, advisor=adviseur(), body="Antwoord", version=current)


def test_status_changes_follow_the_rules(asker, council):
    question = ask(asker, council)
    services.set_status(question=question, status=Status.CLOSED, actor=adviseur())
    with pytest.raises(services.QuestionError, match="kan niet naar"):
        services.set_status(question=question, status=Status.WAITING, actor=adviseur())
    assert Question.objects.get(pk=question.pk).status == Status.CLOSED


def test_only_advisors_take_questions(asker, council):
    question = ask(asker, council)
    with pytest.raises(services.QuestionError, match="adviseur"):
        services.assign(question=question, advisor=redacteur(), actor=adviseur())
    desk = adviseur()
    services.assign(question=question, advisor=desk, actor=desk)
    question.refresh_from_db()
    assert question.assigned_to == desk and question.status == Status.OPEN
    assert AuditEntry.objects.filter(action="helpdesk.question.assigned").count() == 1


# -- who sees what --------------------------------------------------------------------------------


def test_notes_never_reach_the_council(asker, council):
    question = ask(asker, council)
    services.add_note(question=question, advisor=adviseur(), body="Intern: eerder gevraagd.")
    services.reply(question=question, advisor=adviseur(), body="Het antwoord.")
    shown = [m.body for m in selectors.messages_for_council(question)]
    assert "Het antwoord." in shown and not any("Intern" in b for b in shown)
    assert len(selectors.messages_for_desk(question)) == 3


def test_council_colleagues_see_a_question_only_when_shared(asker, council):
    colleague = member(council=council)
    outsider = member()
    private = ask(asker, council, subject="Privé")
    shared = ask(asker, council, subject="Gedeeld", share_with_council=True)
    assert set(selectors.questions_for(asker)) == {private, shared}
    assert list(selectors.questions_for(colleague)) == [shared]
    assert not selectors.questions_for(outsider).exists()
    assert colleague.has_perm("helpdesk.view_question", shared)
    assert not colleague.has_perm("helpdesk.view_question", private)
    assert not outsider.has_perm("helpdesk.view_question", shared)
    assert adviseur().has_perm("helpdesk.view_question", private)
    assert not redacteur().has_perm("helpdesk.view_question", private)


def test_a_former_seat_holder_no_longer_sees_shared_questions(asker, council):
    shared = ask(asker, council, share_with_council=True)
    former = UserFactory()
    SeatFactory(
        person=former,
        council=council,
        start_date=datetime.date(2020, 1, 1),
        end_date=datetime.date(2024, 1, 1),
    )
    assert not selectors.questions_for(former).exists()
    assert not former.has_perm("helpdesk.view_question", shared)


# -- personal data --------------------------------------------------------------------------------


def test_export_shows_the_persons_questions_without_notes(asker, council):
    question = ask(asker, council)
    services.add_note(question=question, advisor=adviseur(), body="Intern.")
    data = export_person_data(user=asker)["sections"]["helpdesk"]["data"]
    (item,) = data["vragen"]
    assert item["onderwerp"] == "Adviesrecht bij een verbouwing"
    assert [m["tekst"] for m in item["berichten"]] == [
        "Moet de bestuurder ons om advies vragen over de verbouwing?"
    ]


def test_erasure_keeps_the_figures_but_not_the_person(asker, council):
    question = ask(asker, council, answer_by=AnswerBy.PHONE, phone="030 123 45 67")
    services.reply(question=question, advisor=adviseur(), body="Beste Greet, ...")
    erase_helpdesk_data(asker)
    question.refresh_from_db()
    assert question.asker is None and question.phone == "" and question.subject == ERASED
    assert set(question.messages.values_list("body", flat=True)) == {ERASED}
    assert question.council == council and question.channel == "web"
