"""Reporting, co-signing, withdrawing and states: what is stored, who is refused, the history."""

import datetime

import pytest
from django.utils import timezone

from raadsplein.accounts.tests.factories import beleidsadviseur
from raadsplein.advocacy import selectors, services
from raadsplein.advocacy.models import (
    AppendOnlyError,
    CoSignature,
    HistoryEntry,
    HistoryKind,
    Signal,
    State,
)
from raadsplein.advocacy.tests.factories import council_in, report, sector
from raadsplein.audit.models import AuditEntry
from raadsplein.organisations.models import CareSector, CouncilKind, Province
from raadsplein.organisations.tests.factories import CouncilFactory, member

pytestmark = pytest.mark.django_db


def test_a_report_takes_the_councils_province_and_sectors_and_starts_received():
    council = council_in(province=Province.GELDERLAND)
    signal = report(council=council)
    assert signal.province == "GE"
    assert [s.code for s in signal.sectors.all()] == ["ouderenzorg"]
    assert signal.state.slug == "ontvangen" and signal.public_state == signal.state
    entry = signal.history.get()
    assert entry.kind == HistoryKind.REPORTED and entry.visible_to_councils


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"title": "  "}, "Vul de titel in."),
        ({"title": "Kort"}, "minstens 5 tekens"),
        ({"description": "Te kort."}, "minstens 20 tekens"),
        ({"description": "x" * 5001}, "te lang"),
        ({"clients_affected": "veel"}, "Kies hoeveel cliënten"),
        ({"province": "XX"}, "Kies een provincie"),
        ({"since": timezone.localdate() + datetime.timedelta(days=3)}, "in de toekomst"),
    ],
)
def test_bad_input_is_refused_in_dutch_and_stores_nothing(kwargs, message):
    with pytest.raises(services.SignalError, match=message):
        report(**kwargs)
    assert not Signal.objects.exists() and not HistoryEntry.objects.exists()


def test_one_cannot_report_for_a_council_one_does_not_sit_on():
    outsider = member()
    with pytest.raises(services.SignalError, match="raad waarin u zit"):
        report(reporter=outsider, council=council_in())
    assert not Signal.objects.exists()


def test_a_non_member_council_cannot_report():
    council = CouncilFactory()  # no membership
    person = member(council=council)
    with pytest.raises(services.SignalError):
        report(reporter=person, council=council)


def test_a_second_council_cosigns_once_and_counts():
    signal = report()
    other = council_in(province=Province.LIMBURG)
    person = member(council=other)
    services.cosign_signal(signal=signal, council=other, person=person, account="Bij ons ook.")
    with pytest.raises(services.SignalError, match="al mede ondertekend"):
        services.cosign_signal(signal=signal, council=other, person=person, account="Nog eens!")
    counted = selectors.shared_signals().get(pk=signal.pk)
    assert counted.cosign_count == 1
    cosignature = CoSignature.objects.get()
    assert cosignature.province == "LI" and cosignature.sector.code == "ouderenzorg"


def test_a_council_cannot_cosign_its_own_signal():
    signal = report()
    colleague = member(council=signal.council)
    with pytest.raises(services.SignalError, match="eigen raad"):
        services.cosign_signal(
            signal=signal, council=signal.council, person=colleague, account="Wij zien het ook."
        )
    assert not CoSignature.objects.exists()


def test_a_withdrawn_cosignature_stops_counting_and_may_be_given_again():
    signal = report()
    other = council_in()
    person = member(council=other)
    cosignature = services.cosign_signal(
        signal=signal, council=other, person=person, account="Bij ons ook zo."
    )
    services.withdraw_cosignature(cosignature=cosignature, person=person)
    assert selectors.shared_signals().get(pk=signal.pk).cosign_count == 0
    with pytest.raises(services.SignalError, match="al ingetrokken"):
        services.withdraw_cosignature(cosignature=cosignature, person=person)
    services.cosign_signal(
        signal=signal, council=other, person=person, account="Toch wel, bij ons ook."
    )
    assert selectors.shared_signals().get(pk=signal.pk).cosign_count == 1
    kinds = list(signal.history.values_list("kind", flat=True))
    assert kinds == ["reported", "cosigned", "withdrawn", "cosigned"]


def test_a_state_for_staff_only_keeps_the_councils_view_where_it_was():
    signal = report()
    staff = beleidsadviseur()
    hidden = State.objects.create(name="Intern overleg", slug="intern", visible_to_councils=False)
    services.change_state(signal=signal, state=hidden, by=staff)
    signal.refresh_from_db()
    assert signal.state == hidden and signal.public_state.slug == "ontvangen"
    with pytest.raises(services.SignalError, match="Raden zien deze stap niet"):
        services.change_state(signal=signal, state=hidden, by=staff, public_answer="Antwoord")
    closed = State.objects.get(slug="gesloten")
    services.change_state(signal=signal, state=closed, by=staff, public_answer="Dank u.")
    signal.refresh_from_db()
    assert signal.public_state == closed and signal.public_answer == "Dank u."
    assert signal.closed_at is not None
    assert AuditEntry.objects.filter(action="advocacy.signal.state").count() == 2
    assert [e.visible_to_councils for e in selectors.full_history(signal)] == [True, False, True]


def test_history_entries_are_never_changed_or_deleted():
    entry = report().history.get()
    entry.text = "anders"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()


def test_other_councils_see_a_kind_of_council_not_its_name():
    central = council_in(
        sector_obj=sector("gehandicaptenzorg", "Gehandicaptenzorg"),
        kind=CouncilKind.CENTRAL,
        province=Province.GELDERLAND,
        name="Centrale Raad De Linde",
    )
    signal = report(council=central)
    assert (
        selectors.signal_label(signal)
        == "een centrale cliëntenraad in de gehandicaptenzorg in Gelderland"
    )
    named = report(council=central, named=True)
    assert selectors.signal_label(named) == "Centrale Raad De Linde"


def test_a_sector_reads_inside_the_sentence_and_keeps_its_abbreviation():
    council = CouncilFactory(kind=CouncilKind.CLIENT)
    label = selectors.public_label(
        council=council, sector=CareSector(name="Ouderenzorg (VVT)"), province="UT"
    )
    assert label == "een cliëntenraad in de ouderenzorg (VVT) in Utrecht"
    ggz = selectors.public_label(council=council, sector=CareSector(name="GGZ"), province="")
    assert ggz == "een cliëntenraad in de GGZ"
