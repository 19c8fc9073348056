"""The advisors' daily digest: what is due, once a day, without subjects."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core import mail
from django.core.management import call_command

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.helpdesk import digest, services
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

AMS = ZoneInfo("Europe/Amsterdam")


def at(y, m, d, hh=0, mm=0):
    return datetime.datetime(y, m, d, hh, mm, tzinfo=AMS)


def ask(subject, now, advisor=None):
    council = MemberCouncilFactory(name=f"Raad {subject}")
    question = services.ask(
        asker=member(council=council),
        subject=subject,
        question="Een vraag over de medezeggenschapsregeling.",
        council=council,
        now=now,
    )
    if advisor:
        services.assign(question=question, advisor=advisor, actor=advisor)
    return question


def test_the_digest_lists_late_and_due_questions_once_a_day():
    desk = adviseur(email="ineke@example.org")
    late = ask("Geheim onderwerp één", at(2026, 11, 30, 10), desk)  # due Tue 1 Dec 10:00
    soon = ask("Geheim onderwerp twee", at(2026, 12, 2, 11), desk)  # due Thu 3 Dec 11:00
    ask("Later", at(2026, 12, 2, 11), None)  # unassigned
    far = ask("Ver weg", at(2026, 12, 2, 11), desk)
    services.reply(question=far, advisor=desk, body="Eerste reactie.", then="open")

    now = at(2026, 12, 2, 8, 30)
    assert digest.send_digest(desk, now=now)
    (message,) = mail.outbox
    assert message.to == ["ineke@example.org"]
    assert message.extra_headers["Auto-Submitted"] == "auto-generated"
    body = message.body
    assert f"{late.reference}, Raad Geheim onderwerp één" in body
    assert f"{soon.reference}, Raad Geheim onderwerp twee" in body
    assert far.reference not in body  # solution due next week
    assert "1 vraag heeft nog geen adviseur." in body
    assert "Geheim onderwerp" not in body.replace("Raad Geheim onderwerp", "")
    assert body.index("Te laat:") < body.index(late.reference) < body.index(soon.reference)
    assert f"/vraagbaak/behandelen/vraag/{late.pk}/" in body

    # Again the same day: nothing; the next working day: again.
    assert not digest.send_digest(desk, now=at(2026, 12, 2, 12))
    assert len(mail.outbox) == 1
    assert digest.send_digest(desk, now=at(2026, 12, 3, 8, 30))


def test_no_digest_without_news_or_on_a_closed_day():
    desk = adviseur()
    assert not digest.send_digest(desk, now=at(2026, 12, 2, 8, 30))
    ask("Iets", at(2026, 12, 4, 10), desk)
    assert digest.send_digests(now=at(2026, 12, 5, 8, 30)) == 0  # Saturday
    assert digest.send_digests(now=at(2026, 12, 25, 8, 30)) == 0  # Christmas
    assert digest.send_digests(now=at(2026, 12, 7, 8, 30)) == 1
    assert mail.outbox[0].to == [desk.email]


def test_the_command_sends_todays_digests(capsys, monkeypatch):
    # A Wednesday, whatever day the tests run on.
    monkeypatch.setattr("django.utils.timezone.now", lambda: at(2026, 12, 2, 8, 30))
    desk = adviseur()
    ask("Iets", at(2026, 1, 5, 10), desk)  # long overdue
    call_command("send_vraagbaak_digest")
    call_command("send_vraagbaak_digest")
    out = capsys.readouterr().out
    assert "digests sent: 1" in out and "digests sent: 0" in out
    assert len(mail.outbox) == 1
