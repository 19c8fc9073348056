"""The precomputed figures: kept in step by the services, the same as a rebuild, and (on
PostgreSQL) the cube the same as counting the facts."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from raadsplein.advocacy import facts, services
from raadsplein.advocacy.facts_models import SignalCube, SignalFact
from raadsplein.advocacy.models import Signal
from raadsplein.advocacy.tests.factories import council_in, report, sector
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

SHAPES = [
    (),
    ("theme",),
    ("sector",),
    ("province",),
    ("month",),
    ("theme", "sector"),
    ("theme", "province"),
    ("theme", "month"),
    ("sector", "province"),
    ("sector", "month"),
    ("province", "month"),
]


def theme(slug):
    return Theme.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})[0]


def everything():
    return {shape: facts.grouped(shape) for shape in SHAPES}


def cosign(signal, council=None):
    council = council or council_in()
    person = member(council=council)
    services.cosign_signal(
        signal=signal, council=council, person=person, account="Bij ons gebeurt dit ook."
    )
    return council, person


def test_report_counts_once_under_each_theme_and_once_in_total():
    staff_theme, care_theme = theme("personeel"), theme("zorg")
    council = council_in(province="GE")
    report(council=council, themes=[staff_theme, care_theme])
    month = timezone.localdate().replace(day=1)
    assert facts.grouped(("theme",)) == {(staff_theme.pk,): (1, 1), (care_theme.pk,): (1, 1)}
    assert facts.grouped(()) == {(): (1, 1)}
    assert facts.grouped(("province", "month")) == {("GE", month): (1, 1)}
    assert facts.grouped(("sector",)) == {("ouderenzorg",): (1, 1)}


def test_cosigning_and_withdrawing_change_the_councils_not_the_signals():
    signal = report(themes=[theme("zorg")])
    council, person = cosign(signal)
    cosign(signal)
    assert facts.grouped(()) == {(): (1, 3)}
    cosignature = signal.cosignatures.get(council=council)
    services.withdraw_cosignature(cosignature=cosignature, person=person)
    assert facts.grouped(()) == {(): (1, 2)}
    assert facts.grouped(("theme",)) == {(theme("zorg").pk,): (1, 2)}


def test_a_merged_signal_counts_once_and_its_council_sees_the_other():
    first = report(themes=[theme("zorg")])
    second = report(themes=[theme("zorg")])
    cosign(second)
    assert facts.grouped(()) == {(): (2, 3)}
    # What the merge service does to the rows; then it calls refresh_signal.
    Signal.objects.filter(pk=second.pk).update(merged_into=first)
    facts.refresh_signal(second.pk)
    assert facts.grouped(()) == {(): (1, 3)}
    assert set(SignalFact.objects.values_list("signal_id", flat=True)) == {first.pk}


def test_refresh_is_safe_twice_and_for_a_signal_that_is_gone():
    signal = report(themes=[theme("zorg")])
    before = everything()
    rows = SignalFact.objects.count()
    facts.refresh_signal(signal.pk)
    facts.refresh_signal(signal.pk)
    assert everything() == before
    assert SignalFact.objects.count() == rows
    Signal.objects.filter(pk=signal.pk).delete()
    facts.refresh_signal(signal.pk)
    assert everything() == {shape: {} for shape in SHAPES}
    assert not SignalCube.objects.exists()


def test_rebuild_gives_what_the_services_kept():
    themes = [theme("zorg"), theme("personeel"), theme("geld")]
    ggz = sector("ggz", "Ggz")
    signals = []
    for i in range(6):
        council = council_in(ggz if i % 2 else None, province=["GE", "UT", "ZH"][i % 3])
        signals.append(report(council=council, themes=themes[: 1 + i % 3]))
    Signal.objects.filter(pk=signals[0].pk).update(
        created_at=timezone.now() - datetime.timedelta(days=70)
    )
    facts.refresh_signal(signals[0].pk)
    cosign(signals[1])
    cosign(signals[1], council=signals[2].council)
    kept = everything()
    call_command("rebuild_signal_facts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert everything() == kept
    assert kept[()] == {(): (6, 7)}
    assert len(kept[("month",)]) == 2


def test_the_cube_is_the_facts_counted():
    if not facts.postgres():
        pytest.skip("the cube is PostgreSQL's")
    zorg = theme("zorg")
    for i in range(4):
        signal = report(council=council_in(province=["GE", "UT"][i % 2]), themes=[zorg])
        if i % 2:
            cosign(signal)
    for shape in SHAPES:
        assert facts.grouped(shape) == facts.grouped(shape, from_facts=True), shape
    only = facts.Filters(theme=zorg.pk, province="GE")
    assert facts.grouped(("month",), only) == facts.grouped(("month",), only, from_facts=True)
    assert facts.grouped((), only)[()] == (2, 2)


def test_merge_and_split_through_triage_keep_the_figures_in_step():
    from raadsplein.accounts.tests.factories import beleidsadviseur
    from raadsplein.advocacy import triage

    zorg = theme("zorg")
    target = report(themes=[zorg])
    duplicate = report(themes=[zorg])
    cosign(duplicate)
    assert facts.grouped(()) == {(): (2, 3)}
    triage.merge(duplicate=duplicate, into=target, by=beleidsadviseur())
    kept = everything()
    assert kept[()] == {(): (1, 3)}  # one signal; its own, the duplicate's and the co-signer
    call_command("rebuild_signal_facts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert everything() == kept
    triage.split(
        signal=target,
        title="Een tweede kwestie",
        description="Dit deel gaat over iets anders dan het eerste signaal.",
        by=beleidsadviseur(),
    )
    assert facts.grouped(()) == {(): (2, 3)}
    assert facts.grouped(("theme",)) == {(zorg.pk,): (2, 3)}
