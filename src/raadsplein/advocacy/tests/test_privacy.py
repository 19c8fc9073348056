"""The retention period and the personal-data registry: people go, the councils' signals and
the counts stay."""

import datetime

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import beleidsadviseur
from raadsplein.advocacy import attachments, retention, services
from raadsplein.advocacy.file_models import SignalFile
from raadsplein.advocacy.models import CoSignature, HistoryEntry, HistoryKind, Signal, State
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.audit.models import AuditEntry
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


def closed_signal(days_ago: int):
    """A signal with a co-signature, a question to the reporter and the answer, closed
    ``days_ago`` days ago."""
    council = council_in()
    reporter = member(council=council, first_name="Ans", last_name="Jansen")
    signal = report(reporter=reporter, council=council)
    other = council_in()
    cosigner = member(council=other)
    services.cosign_signal(
        signal=signal, council=other, person=cosigner, account="Bij ons net zo, al maanden."
    )
    staff = beleidsadviseur()
    services.add_history(signal=signal, kind=HistoryKind.QUESTION, actor=staff, text="Hoe vaak?")
    services.add_history(
        signal=signal, kind=HistoryKind.ANSWER, actor=reporter, text="Elke week, zegt Ans."
    )
    attachments.store(
        signal=signal,
        name="brief-van-de-bestuurder.pdf",
        data=b"%PDF-1.4 brief",
        content_type="application/pdf",
        by=reporter,
    )
    services.change_state(signal=signal, state=State.objects.get(slug="gesloten"), by=staff)
    Signal.objects.filter(pk=signal.pk).update(
        closed_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return signal, reporter, cosigner, staff


def test_old_closed_signals_lose_their_people_and_keep_their_counts(
    django_capture_on_commit_callbacks,
):
    old, reporter, cosigner, staff = closed_signal(days_ago=400)
    recent, recent_reporter, _, _ = closed_signal(days_ago=100)
    open_signal = report()
    before = (Signal.objects.count(), CoSignature.objects.count(), HistoryEntry.objects.count())
    old_file_name = old.files.get().file.name

    with django_capture_on_commit_callbacks(execute=True):
        counts = retention.anonymise_old_signals()

    assert counts == {
        "signals": 1,
        "cosignatures": 1,
        "history_texts": 2,
        "history_actors": 3,
        "files": 1,
    }
    assert not SignalFile.objects.filter(signal=old).exists()
    assert not default_storage.exists(old_file_name)  # gone from storage after the commit
    assert default_storage.exists(recent.files.get().file.name)
    old.refresh_from_db()
    assert old.reporter is None and old.anonymised_at is not None
    assert old.description.startswith("Bewoners wachten")  # the council's text stays
    cosignature = old.cosignatures.get()
    assert cosignature.person is None and cosignature.anonymised_at is not None
    assert cosignature.account == "Bij ons net zo, al maanden."
    texts = dict(old.history.values_list("kind", "text"))
    assert texts[HistoryKind.QUESTION] == texts[HistoryKind.ANSWER] == retention.ANONYMISED
    assert not old.history.filter(actor__in=[reporter, cosigner]).exists()
    # Staff's own entries keep their actor.
    assert old.history.filter(kind=HistoryKind.STATE, actor=staff).exists()
    # Nothing else touched; every count unchanged.
    recent.refresh_from_db()
    assert recent.reporter == recent_reporter and recent.anonymised_at is None
    assert recent.history.filter(kind=HistoryKind.ANSWER).get().text == "Elke week, zegt Ans."
    assert Signal.objects.get(pk=open_signal.pk).reporter is not None
    after = (Signal.objects.count(), CoSignature.objects.count(), HistoryEntry.objects.count())
    assert after == before
    assert AuditEntry.objects.get(action="advocacy.signals.anonymised").data["signals"] == 1

    # Twice is the same as once.
    assert retention.anonymise_old_signals()["signals"] == 0
    assert AuditEntry.objects.filter(action="advocacy.signals.anonymised").count() == 1


@override_settings(RAADSPLEIN_SIGNALS_RETENTION_MONTHS=2)
def test_the_period_is_a_setting_and_the_command_runs_it(capsys):
    signal, *_ = closed_signal(days_ago=100)
    call_command("anonymise_old_signals")
    assert "anonymised: 1 signals" in capsys.readouterr().out
    signal.refresh_from_db()
    assert signal.reporter is None


def test_the_export_holds_what_the_person_reported_and_cosigned():
    signal, reporter, cosigner, _ = closed_signal(days_ago=1)
    data = account_services.export_person_data(user=reporter)["sections"]["advocacy"]["data"]
    [item] = data["signalen"]
    assert item["nummer"] == f"S-{signal.pk}" and item["tekst"] == signal.description
    assert item["namens_raad"] == signal.council.name
    assert item["antwoorden"][0]["tekst"] == "Elke week, zegt Ans."
    assert data["medeondertekeningen"] == []
    theirs = account_services.export_person_data(user=cosigner)["sections"]["advocacy"]["data"]
    assert theirs["signalen"] == []
    assert theirs["medeondertekeningen"][0]["tekst"] == "Bij ons net zo, al maanden."
    assert theirs["medeondertekeningen"][0]["signaal"] == f"S-{signal.pk}"
    assert data["bestanden"][0]["bestandsnaam"] == "brief-van-de-bestuurder.pdf"
    assert theirs["bestanden"] == []


def test_erasure_unlinks_the_person_and_keeps_the_councils_signal():
    signal, reporter, cosigner, staff = closed_signal(days_ago=1)
    account_services.erase_person(user=reporter)
    account_services.erase_person(user=cosigner)
    signal.refresh_from_db()
    assert signal.reporter is None and signal.description.startswith("Bewoners wachten")
    assert signal.council_id is not None
    cosignature = signal.cosignatures.get()
    assert cosignature.person is None and cosignature.account == "Bij ons net zo, al maanden."
    assert not signal.history.filter(actor__in=[reporter, cosigner]).exists()
    assert signal.history.filter(actor=staff).count() == 2
    assert signal.files.get().uploaded_by is None
