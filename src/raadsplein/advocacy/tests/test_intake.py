"""From the Vraagbaak to Signalen: one step for the advisor, the link kept both ways."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.advocacy import intake
from raadsplein.advocacy.models import HistoryKind, Signal
from raadsplein.advocacy.tests.factories import council_in, sector
from raadsplein.audit.models import AuditEntry
from raadsplein.helpdesk import services as desk_services
from raadsplein.helpdesk import signals
from raadsplein.helpdesk.loop_models import SignalRequest
from raadsplein.knowledge.tests.factories import ThemeFactory
from raadsplein.organisations.models import Province, Seat
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

SUMMARY = "Aanbieders verhuizen bewoners zonder de raad om advies te vragen. Dat gebeurt vaker."


NO_COUNCIL = object()


def question_of(asker=None, council=None, **kwargs):
    if council is NO_COUNCIL:
        council = None
    elif council is None:
        council = council_in(province=Province.UTRECHT)
    asker = asker or member(council=council)
    values = {
        "asker": asker,
        "subject": "Verhuizing zonder advies",
        "question": "Moet de zorgaanbieder ons om advies vragen over de verhuizing?",
        "council": council,
        "theme": ThemeFactory(),
        "sector": sector(),
    }
    values.update(kwargs)
    return desk_services.ask(**values)


def test_the_advisor_turns_a_question_into_a_signal_in_one_step(client):
    question = question_of()
    desk = adviseur()
    client.force_login(desk)
    response = client.post(
        f"/vraagbaak/behandelen/vraag/{question.pk}/signaal/",
        {"summary": SUMMARY, "theme": question.theme_id, "sector": question.sector_id},
    )
    assert response.status_code == 302
    signal = Signal.objects.get()
    request = SignalRequest.objects.get()
    # Both ways: the signal keeps the question, the Vraagbaak keeps the signal's number.
    assert signal.question == question
    assert request.sent_to_app and request.reference == f"S-{signal.pk}"
    assert signal.council == question.council and signal.province == "UT"
    assert signal.reporter == question.asker
    assert signal.description == SUMMARY
    assert signal.title == "Aanbieders verhuizen bewoners zonder de raad om advies te vragen."
    assert list(signal.themes.all()) == [question.theme]
    assert list(signal.sectors.all()) == [question.sector]
    entry = signal.history.get()
    assert entry.kind == HistoryKind.REPORTED and entry.actor == desk
    assert entry.data == {"question": question.pk}
    audit = AuditEntry.objects.get(action="advocacy.signal.from_question")
    assert audit.actor == desk and audit.object_id == str(signal.pk)
    # The advisor sees it on the question's signal page.
    page = client.get(f"/vraagbaak/behandelen/vraag/{question.pk}/signaal/").content.decode()
    assert f"S-{signal.pk}: {signal.title}" in page
    assert f'href="/signalen/behandelen/{signal.pk}/"' in page


def test_an_asker_who_left_the_council_is_not_the_reporter():
    council = council_in()
    asker = member(council=council)
    question = question_of(asker=asker, council=council)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    Seat.objects.filter(person=asker).update(
        start_date=yesterday - datetime.timedelta(days=30), end_date=yesterday
    )
    signal = intake.signal_from_question(question=question, advisor=adviseur(), summary=SUMMARY)
    assert signal.reporter is None and signal.council == council


def test_a_long_summary_gets_a_title_cut_at_a_word():
    title = intake.title_from("Woord " * 40)
    assert len(title) <= 81 and title.endswith("…") and "Woor…" not in title


def test_a_question_without_a_council_is_refused_with_a_message_and_nothing_is_stored(client):
    question = question_of(council=NO_COUNCIL, asker=UserFactory())
    client.force_login(adviseur())
    response = client.post(
        f"/vraagbaak/behandelen/vraag/{question.pk}/signaal/", {"summary": SUMMARY}
    )
    assert response.status_code == 200
    assert "hoort niet bij een raad" in response.content.decode()
    assert not Signal.objects.exists() and not SignalRequest.objects.exists()


def test_waiting_requests_are_taken_over_once_and_a_council_less_one_keeps_waiting():
    desk = adviseur()
    with_council = question_of()
    without = question_of(asker=UserFactory(), council=NO_COUNCIL)
    signals.unregister_sink(intake.SINK)
    try:
        signals.open_signal(question=with_council, advisor=desk, summary=SUMMARY)
        signals.open_signal(question=without, advisor=desk, summary=SUMMARY)
    finally:
        signals.register_sink(intake.SINK)
    assert SignalRequest.objects.filter(sent_to_app=False).count() == 2

    call_command("take_over_vraagbaak_signals", stdout=io.StringIO())
    call_command("take_over_vraagbaak_signals", stdout=io.StringIO())

    signal = Signal.objects.get()
    assert signal.question == with_council
    done = SignalRequest.objects.get(question=with_council)
    assert done.sent_to_app and done.reference == f"S-{signal.pk}"
    assert not SignalRequest.objects.get(question=without).sent_to_app


def test_the_sink_is_registered_once():
    assert signals.sinks().count(intake.SINK) == 1
    signals.register_sink(intake.AdvocacySink())
    assert signals.sinks().count(intake.SINK) == 1
