"""Mail after a visible state change: reporter and co-signers, once each, in their language."""

import pytest
from django.core import mail

from raadsplein.accounts.tests.factories import beleidsadviseur
from raadsplein.advocacy import feedback, services
from raadsplein.advocacy.models import HistoryKind, State
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.jobs.models import TaskEffect
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


def cosign(signal, **user_kwargs):
    council = council_in()
    person = member(council=council, **user_kwargs)
    return services.cosign_signal(
        signal=signal, council=council, person=person, account="Bij ons zien we dit ook."
    )


def test_a_visible_change_mails_the_reporter_and_each_active_cosigner_once(
    django_capture_on_commit_callbacks,
):
    signal = report()
    co = cosign(signal)
    gone = cosign(signal)
    services.withdraw_cosignature(cosignature=gone, person=gone.person)
    state = State.objects.get(slug="aangekaart")
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.change_state(
            signal=signal,
            state=state,
            by=beleidsadviseur(),
            public_answer="Wij hebben dit besproken met het zorgkantoor.",
        )
    assert sorted(m.to[0] for m in mail.outbox) == sorted([signal.reporter.email, co.person.email])
    own = next(m for m in mail.outbox if m.to == [signal.reporter.email])
    assert own.subject == "[Raadsplein] Uw signaal: Aangekaart"
    assert "het signaal van uw raad" in own.body
    assert "Wij hebben dit besproken met het zorgkantoor." in own.body
    assert f"/signalen/{signal.pk}/" in own.body
    assert own.extra_headers["Auto-Submitted"] == "auto-generated"
    other = next(m for m in mail.outbox if m.to == [co.person.email])
    assert "mede ondertekende" in other.body
    # Run twice: nothing more goes out; one record per (entry, person).
    assert feedback.send_state_mails(entry_pk=entry.pk) == 0
    assert len(mail.outbox) == 2
    assert TaskEffect.objects.filter(key__startswith=f"signalen.state:{entry.pk}:").count() == 2


def test_a_staff_only_state_and_a_note_mail_nobody(django_capture_on_commit_callbacks):
    signal = report()
    hidden = State.objects.create(name="Intern overleg", slug="intern", visible_to_councils=False)
    with django_capture_on_commit_callbacks(execute=True):
        entry = services.change_state(signal=signal, state=hidden, by=beleidsadviseur())
        services.add_history(signal=signal, kind=HistoryKind.NOTE, text="Intern")
    assert not entry.visible_to_councils
    assert mail.outbox == []


def test_the_mail_is_in_the_recipients_language(django_capture_on_commit_callbacks):
    signal = report(reporter=None, council=None)
    reporter = signal.reporter
    reporter.language = "en"
    reporter.save(update_fields=["language"])
    with django_capture_on_commit_callbacks(execute=True):
        services.change_state(
            signal=signal, state=State.objects.get(slug="in-behandeling"), by=beleidsadviseur()
        )
    (sent,) = mail.outbox
    # Rendered under English: a string the catalogue has already comes out in English (the
    # rest follows with the translation pass); the state's name is data and stays.
    assert "Kind regards," in sent.body and "Met vriendelijke groet" not in sent.body
    assert "In behandeling" in sent.subject and f"/signalen/{signal.pk}/" in sent.body
