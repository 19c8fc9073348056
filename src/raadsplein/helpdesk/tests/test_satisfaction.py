"""The satisfaction question: one mail on closing, one-click links that only record on POST,
one score per question, the asker's form, what advisors see, personal data."""

import re
import time

import pytest
from django.core import mail, signing

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.helpdesk import satisfaction, services
from raadsplein.helpdesk.models import Satisfaction, Status
from raadsplein.helpdesk.personal_data import erase_helpdesk_data, export_helpdesk_data
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def council():
    return MemberCouncilFactory()


@pytest.fixture
def asker(council):
    return member(council=council, email="greet@example.org", first_name="Greet")


@pytest.fixture
def advisor():
    return adviseur(email="ineke@example.org")


def closed_question(asker, advisor, council=None, **kwargs):
    question = services.ask(
        asker=asker,
        subject="Verbouwing en mijn ziekte",
        question="Moet de bestuurder ons om advies vragen?",
        council=council,
        **kwargs,
    )
    services.reply(question=question, advisor=advisor, body="Ja, dat moet.")
    return services.set_status(question=question, status=Status.CLOSED, actor=advisor)


def survey_mails() -> list:
    """The satisfaction mails (the answer and acknowledgement mails go out too)."""
    return [m for m in mail.outbox if "Hoe tevreden" in m.subject]


def links_in(message) -> list[str]:
    return re.findall(r"http://\S+/vraagbaak/tevredenheid/\S+/", message.body)


def test_closing_sends_one_mail_with_five_links(asker, advisor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        question = closed_question(asker, advisor)
    (sent,) = survey_mails()
    assert sent.to == ["greet@example.org"]
    assert question.reference in sent.subject
    assert "Verbouwing" not in sent.subject + sent.body  # the subject never leaves by mail
    assert sent.extra_headers["Auto-Submitted"] == "auto-generated"
    assert "1 — slecht" in sent.body and "5 — heel goed" in sent.body
    links = links_in(sent)
    assert len(links) == 5
    assert [satisfaction.read_token(link.rstrip("/").rsplit("/", 1)[1]) for link in links] == [
        (question.pk, n) for n in range(1, 6)
    ]
    assert "heel goed" in sent.alternatives[0][0]
    # The task runs again (a retry): no second mail. Reopen and close again: none either.
    assert satisfaction.send_request(question_id=question.pk) is False
    with django_capture_on_commit_callbacks(execute=True):
        services.set_status(question=question, status=Status.OPEN, actor=advisor)
        services.set_status(question=question, status=Status.CLOSED, actor=advisor)
    assert len(survey_mails()) == 1


def test_a_merged_duplicate_gets_no_mail(asker, advisor, django_capture_on_commit_callbacks):
    first = services.ask(asker=asker, subject="A", question="Vraag een")
    second = services.ask(asker=asker, subject="B", question="Vraag twee")
    with django_capture_on_commit_callbacks(execute=True):
        services.merge(duplicate=second, into=first, advisor=advisor)
    assert survey_mails() == []
    second.refresh_from_db()
    with pytest.raises(satisfaction.SatisfactionError):
        satisfaction.record_score(question=second, score=4)


def test_a_link_shows_the_choice_and_only_a_post_records(client, asker, advisor):
    question = closed_question(asker, advisor)
    url = f"/vraagbaak/tevredenheid/{satisfaction.make_token(question, 4)}/"
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert re.search(r'value="4"[^>]*checked', html)
    assert "Verbouwing" not in html  # a forwarded link shows no subject
    assert not Satisfaction.objects.exists()  # a mail scanner opening the link records nothing

    done = client.post(url, {"score": "4", "comment": "Snel en duidelijk."})
    assert "4 — goed" in done.content.decode()
    client.post(url, {"score": "2", "comment": ""})  # a second go replaces the first
    (item,) = Satisfaction.objects.all()
    assert (item.question_id, item.score, item.comment) == (question.pk, 2, "")

    refused = client.post(url, {"score": "9"})
    assert "Kies een cijfer van 1 tot en met 5." in refused.content.decode()
    assert Satisfaction.objects.get().score == 2


def test_forged_expired_or_late_links_record_nothing(client, asker, advisor, monkeypatch):
    question = closed_question(asker, advisor)
    token = satisfaction.make_token(question, 5)
    forged = client.post(f"/vraagbaak/tevredenheid/{token[:-2]}xx/", {"score": "5"})
    assert forged.status_code == 400
    assert "Deze link klopt niet" in forged.content.decode()

    now = time.time()
    monkeypatch.setattr(signing.time, "time", lambda: now - 31 * 86400)
    old = satisfaction.make_token(question, 5)
    monkeypatch.setattr(signing.time, "time", lambda: now)
    expired = client.post(f"/vraagbaak/tevredenheid/{old}/", {"score": "5"})
    assert "verlopen" in expired.content.decode()

    # A question opened again cannot be scored until it is closed again.
    services.set_status(question=question, status=Status.OPEN, actor=advisor)
    reopened = client.post(f"/vraagbaak/tevredenheid/{token}/", {"score": "5"})
    assert "niet meer beoordelen" in reopened.content.decode()
    assert not Satisfaction.objects.exists()


def test_the_signed_in_asker_scores_on_the_page_a_colleague_cannot(client, asker, advisor, council):
    question = closed_question(asker, advisor, council=council, share_with_council=True)
    client.force_login(asker)
    page = client.get(f"/vraagbaak/vraag/{question.pk}/").content.decode()
    assert "Hoe tevreden bent u?" in page and "5 — heel goed" in page
    response = client.post(
        f"/vraagbaak/vraag/{question.pk}/tevredenheid/", {"score": "5", "comment": "Top"}
    )
    assert response.status_code == 302
    assert Satisfaction.objects.get(question=question).score == 5
    assert (
        "Uw beoordeling: 5 — heel goed"
        in client.get(f"/vraagbaak/vraag/{question.pk}/").content.decode()
    )

    colleague = SeatFactory(council=council).person
    client.force_login(colleague)
    assert "Hoe tevreden" not in client.get(f"/vraagbaak/vraag/{question.pk}/").content.decode()
    refused = client.post(f"/vraagbaak/vraag/{question.pk}/tevredenheid/", {"score": "1"})
    assert refused.status_code in (403, 404)
    assert Satisfaction.objects.get(question=question).score == 5


def test_advisors_see_the_score_and_the_comment_is_personal_data(client, asker, advisor):
    question = closed_question(asker, advisor)
    satisfaction.record_score(question=question, score=3, comment="Het duurde lang.")
    client.force_login(advisor)
    page = client.get(f"/vraagbaak/behandelen/vraag/{question.pk}/").content.decode()
    assert "3 — gaat wel" in page and "Het duurde lang." in page

    exported = export_helpdesk_data(asker)["vragen"][0]["tevredenheid"]
    assert exported == {"score": 3, "toelichting": "Het duurde lang."}
    erase_helpdesk_data(asker)
    item = Satisfaction.objects.get()
    assert (item.score, item.comment) == (3, "")


def test_record_score_refuses_open_questions_and_old_ones(asker, advisor, settings):
    question = services.ask(asker=asker, subject="Open", question="Nog open")
    with pytest.raises(satisfaction.SatisfactionError, match="nog niet afgesloten"):
        satisfaction.record_score(question=question, score=3)
    closed = closed_question(asker, advisor)
    settings.VRAAGBAAK_SATISFACTION_DAYS = 0
    with pytest.raises(satisfaction.SatisfactionError, match="termijn"):
        satisfaction.record_score(question=closed, score=3)
    # The demo world scores questions closed long ago.
    assert satisfaction.record_score(question=closed, score=3, enforce_window=False).score == 3
