"""Triage services: assign, tag, note, merge (with its refusals), split, questions to the
reporter; what they store, who is told, and the audit record of each."""

import pytest
from django.core import mail

from raadsplein.accounts.tests.factories import beleidsadviseur, redacteur
from raadsplein.advocacy import selectors, services, triage
from raadsplein.advocacy.models import CoSignature, HistoryKind, Signal, Tag
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.audit.models import AuditEntry
from raadsplein.organisations.models import CareProvider
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db


def cosign(signal, council=None, **kwargs):
    council = council or council_in()
    person = member(council=council)
    return services.cosign_signal(
        signal=signal,
        council=council,
        person=person,
        account=kwargs.pop("account", "Bij ons zien we precies hetzelfde."),
        **kwargs,
    )


def actions():
    return list(AuditEntry.objects.order_by("pk").values_list("action", flat=True))


def test_assign_tag_and_note_are_history_for_staff_only_and_audited_once_each():
    signal = report()
    advisor = beleidsadviseur()
    tag = Tag.objects.create(name="Personeel")
    triage.assign(signal=signal, to=advisor, by=advisor)
    triage.set_tags(signal=signal, tags=[tag], by=advisor)
    triage.add_note(signal=signal, text="Bellen met de zorgaanbieder?", by=advisor)
    signal.refresh_from_db()
    assert signal.assigned_to == advisor and list(signal.tags.all()) == [tag]
    kinds = list(signal.history.order_by("pk").values_list("kind", "visible_to_councils"))
    assert kinds[1:] == [
        (HistoryKind.ASSIGNED, False),
        (HistoryKind.TAGGED, False),
        (HistoryKind.NOTE, False),
    ]
    assert HistoryKind.NOTE not in [e.kind for e in selectors.visible_history(signal)]
    assert actions() == [
        "advocacy.signal.assign",
        "advocacy.signal.tags",
        "advocacy.signal.note",
    ]


def test_assigning_to_someone_outside_policy_staff_or_twice_is_refused():
    signal = report()
    advisor = beleidsadviseur()
    with pytest.raises(services.SignalError, match="alleen aan een beleidsadviseur"):
        triage.assign(signal=signal, to=redacteur(), by=advisor)
    triage.assign(signal=signal, to=advisor, by=advisor)
    with pytest.raises(services.SignalError, match="al zo toegewezen"):
        triage.assign(signal=signal, to=advisor, by=advisor)
    assert actions() == ["advocacy.signal.assign"]


def test_a_merge_makes_the_duplicates_council_and_cosigners_cosigners_and_tells_them(
    django_capture_on_commit_callbacks,
):
    target = report(title="Te weinig personeel in de nacht")
    duplicate = report(description="Ook bij ons wachten bewoners 's nachts heel lang op hulp.")
    moved = cosign(duplicate)
    already = cosign(target)
    cosign(duplicate, council=already.council)  # co-signed both: stays on the duplicate
    advisor = beleidsadviseur()
    with django_capture_on_commit_callbacks(execute=True):
        triage.merge(duplicate=duplicate, into=target, by=advisor)
    duplicate.refresh_from_db()
    assert duplicate.merged_into == target
    on_target = {c.council_id: c for c in target.cosignatures.all()}
    assert set(on_target) == {duplicate.council_id, moved.council_id, already.council_id}
    made = on_target[duplicate.council_id]
    assert made.account == duplicate.description and made.person == duplicate.reporter
    assert made.named is False and made.province == duplicate.province
    assert CoSignature.objects.get(pk=moved.pk).signal == target  # moved, same row
    assert selectors.with_counts(Signal.objects.filter(pk=target.pk)).get().cosign_count == 3
    entry = target.history.get(kind=HistoryKind.MERGED)
    assert entry.visible_to_councils and entry.data["from"] == duplicate.pk
    assert sorted(entry.data["councils"]) == sorted([duplicate.council_id, moved.council_id])
    assert duplicate.history.get(kind=HistoryKind.MERGED).data == {"into": target.pk}
    assert actions().count("advocacy.signal.merge") == 1
    told = sorted(m.to[0] for m in mail.outbox)
    assert told == sorted([duplicate.reporter.email, moved.person.email])
    assert all("intrekken" in m.body and f"/signalen/{target.pk}/" in m.body for m in mail.outbox)
    # A moved co-signer can withdraw with the existing service.
    services.withdraw_cosignature(cosignature=made, person=duplicate.reporter)
    assert selectors.with_counts(Signal.objects.filter(pk=target.pk)).get().cosign_count == 2


def test_a_merge_mail_goes_out_once_however_often_the_task_runs(
    django_capture_on_commit_callbacks,
):
    from raadsplein.advocacy import feedback

    target, duplicate = report(), report()
    with django_capture_on_commit_callbacks(execute=True):
        triage.merge(duplicate=duplicate, into=target, by=beleidsadviseur())
    made = target.cosignatures.get()
    assert len(mail.outbox) == 1
    assert feedback.send_merge_mail(cosignature_pk=made.pk, duplicate_pk=duplicate.pk) is False
    assert len(mail.outbox) == 1


def test_a_merge_of_a_signal_of_the_same_council_adds_no_cosignature():
    council = council_in()
    target, duplicate = report(council=council), report(council=council)
    triage.merge(duplicate=duplicate, into=target, by=beleidsadviseur())
    assert not target.cosignatures.exists()


def _provider():
    return CareProvider.objects.create(name="Zorggroep De Linde")


@pytest.mark.parametrize(
    ("target_kwargs", "duplicate_kwargs", "message"),
    [
        ({"named": True}, {"named": False}, "onbekend te blijven"),
        ({"provider_hidden": False}, {"provider_hidden": True}, "zorgaanbieder"),
        ({"provider_hidden": False}, {"no_provider": True}, "zorgaanbieder"),
    ],
)
def test_a_merge_that_would_show_more_than_the_duplicate_chose_is_refused(
    target_kwargs, duplicate_kwargs, message
):
    provider = _provider()
    target = report(provider=provider, **target_kwargs)
    if duplicate_kwargs.pop("no_provider", False):
        duplicate = report(**duplicate_kwargs)
    else:
        duplicate = report(provider=provider, **duplicate_kwargs)
    before = mail.outbox[:]
    with pytest.raises(services.SignalError, match=message):
        triage.merge(duplicate=duplicate, into=target, by=beleidsadviseur())
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None and not target.cosignatures.exists()
    assert not target.history.filter(kind=HistoryKind.MERGED).exists()
    assert not AuditEntry.objects.exists() and mail.outbox == before


def test_a_merge_that_shows_nothing_new_is_allowed():
    provider = _provider()
    target = report(provider=provider, provider_hidden=False, named=True)
    duplicate = report(provider=provider, provider_hidden=False, named=True)
    triage.merge(duplicate=duplicate, into=target, by=beleidsadviseur())
    assert target.cosignatures.get().named is True
    hidden_target = report(named=False)
    named_duplicate = report(named=True)
    triage.merge(duplicate=named_duplicate, into=hidden_target, by=beleidsadviseur())


def test_merges_into_itself_from_a_merged_signal_into_a_merged_one_or_a_child_are_refused():
    advisor = beleidsadviseur()
    a, b, c = report(), report(), report()
    with pytest.raises(services.SignalError, match="met zichzelf"):
        triage.merge(duplicate=a, into=a, by=advisor)
    triage.merge(duplicate=b, into=a, by=advisor)
    b.refresh_from_db()
    with pytest.raises(services.SignalError, match="al samengevoegd"):
        triage.merge(duplicate=b, into=c, by=advisor)
    with pytest.raises(services.SignalError, match="eerder samengevoegd met dit signaal"):
        triage.merge(duplicate=a, into=b, by=advisor)
    with pytest.raises(services.SignalError, match=f"zelf samengevoegd met #{a.pk}"):
        triage.merge(duplicate=c, into=b, by=advisor)
    assert Signal.objects.filter(merged_into__isnull=False).count() == 1


def test_a_split_makes_a_new_signal_of_the_same_council_with_history_on_both():
    from raadsplein.knowledge.models import Theme

    theme = Theme.objects.create(name="Personeel", slug="personeel")
    signal = report(themes=[theme])
    advisor = beleidsadviseur()
    new = triage.split(
        signal=signal,
        title="Maaltijden komen koud aan",
        description="De warme maaltijd komt 's avonds lauw of koud op de afdeling.",
        by=advisor,
    )
    assert new.split_from == signal and new.council == signal.council
    assert new.reporter == signal.reporter and list(new.themes.all()) == [theme]
    assert new.state.is_initial
    assert new.history.get().kind == HistoryKind.SPLIT
    assert signal.history.filter(kind=HistoryKind.SPLIT, data__to=new.pk).exists()
    assert actions() == ["advocacy.signal.split"]
    with pytest.raises(services.SignalError, match="minstens"):
        triage.split(signal=signal, title="Kort", description="Te kort", by=advisor)
    assert Signal.objects.count() == 2


def test_a_question_to_the_reporter_is_mailed_answered_and_only_one_is_open(
    django_capture_on_commit_callbacks,
):
    signal = report()
    co = cosign(signal)
    advisor = beleidsadviseur()
    with django_capture_on_commit_callbacks(execute=True):
        question = triage.ask_reporter(
            signal=signal, text="Sinds wanneer speelt dit precies?", by=advisor
        )
    assert not question.visible_to_councils
    assert question not in selectors.visible_history(signal)  # co-signers never see it
    (sent,) = mail.outbox
    assert sent.to == [signal.reporter.email]
    assert "Sinds wanneer speelt dit precies?" in sent.body
    assert f"/signalen/{signal.pk}/antwoord/" in sent.body
    with pytest.raises(services.SignalError, match="al een vraag open"):
        triage.ask_reporter(signal=signal, text="Nog een tweede vraag hierover?", by=advisor)
    with pytest.raises(services.SignalError, match="Alleen de raad van dit signaal"):
        triage.answer_question(signal=signal, person=co.person, text="Wij weten het niet.")
    seat_holder = member(council=signal.council)
    with django_capture_on_commit_callbacks(execute=True):
        answer = triage.answer_question(signal=signal, person=seat_holder, text="Sinds de zomer.")
    told = mail.outbox[-1]  # whoever asked (nobody is assigned); the answer stays out of mail
    assert told.to == [advisor.email] and f"/signalen/behandelen/{signal.pk}/" in told.body
    assert "Sinds de zomer." not in told.body
    assert answer.kind == HistoryKind.ANSWER and answer.data == {"question": question.pk}
    assert triage.open_question(signal) is None
    assert triage.questions_and_answers(signal) == [(question, answer)]
    with pytest.raises(services.SignalError, match="geen vraag open"):
        triage.answer_question(signal=signal, person=seat_holder, text="Nog iets.")
    triage.ask_reporter(signal=signal, text="En hoeveel bewoners merken het?", by=advisor)
    assert actions() == ["advocacy.signal.question", "advocacy.signal.question"]


def test_merge_and_split_keep_the_figures_in_step_with_a_rebuild():
    from django.core.management import call_command

    from raadsplein.advocacy import facts

    def everything():
        return {
            dims: facts.grouped(dims, from_facts=True)
            for dims in ((), ("province",), ("sector",), ("month",))
        }

    advisor = beleidsadviseur()
    target, duplicate = report(), report(council=council_in(province="UT"))
    cosign(duplicate)
    triage.merge(duplicate=duplicate, into=target, by=advisor)
    triage.split(
        signal=target,
        title="Maaltijden komen koud aan",
        description="De warme maaltijd komt 's avonds koud op de afdeling aan.",
        by=advisor,
    )
    kept = everything()
    assert kept[()] == {(): (2, 3)}  # target and the split; three councils see the target
    call_command("rebuild_signal_facts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert everything() == kept
