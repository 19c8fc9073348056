"""What policy advisors do with one signal: assign, tag, write an internal note, merge a
duplicate, split, and ask the reporter a question (and take the answer in).

Every service here is keyword-only, atomic, refuses bad input with a :class:`SignalError`
(nothing changed), adds history entries and writes exactly one audit record per action. Mail
goes out on commit through ``feedback`` (a task that carries ids and sends once).

Questions to the reporter: **one open question at a time**. A question is open until the
reporter (or someone with a seat on the signal's council) answers it; staff cannot ask a second
one before that. The question and its answer are entries of kind QUESTION / ANSWER that are not
marked for councils, so co-signing councils never see them; the signal's own council reads the
open question on the answer page (``open_question``).
"""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.accounts import roles
from raadsplein.audit import services as audit

from . import facts, feedback, selectors
from .models import CoSignature, HistoryEntry, HistoryKind, Signal, Tag
from .services import (
    ACCOUNT_MAX,
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    TITLE_MAX,
    TITLE_MIN,
    SignalError,
    add_history,
    clean_text,
)

NOTE_MAX = 5000
QUESTION_MIN, QUESTION_MAX = 10, 3000
ANSWER_MIN, ANSWER_MAX = 2, 5000

for _code, _label in (
    ("advocacy.signal.assign", gettext_lazy("Signalen: toegewezen")),
    ("advocacy.signal.tags", gettext_lazy("Signalen: labels gewijzigd")),
    ("advocacy.signal.note", gettext_lazy("Signalen: interne notitie")),
    ("advocacy.signal.merge", gettext_lazy("Signalen: dubbel signaal samengevoegd")),
    ("advocacy.signal.split", gettext_lazy("Signalen: signaal gesplitst")),
    ("advocacy.signal.question", gettext_lazy("Signalen: vraag aan de melder")),
):
    audit.register_action(_code, _label)


def policy_staff():
    """People a signal can be assigned to: active beleidsadviseurs and beheerders."""
    return (
        get_user_model()
        .objects.filter(groups__name__in=(roles.BELEIDSADVISEUR, roles.BEHEERDER), is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "email")
    )


def _locked(signal: Signal) -> Signal:
    return Signal.objects.select_for_update().get(pk=signal.pk)


def _log(by, action: str, signal: Signal, **data) -> None:
    audit.log(actor=by, action=action, obj=signal, council=signal.council_id, data=data)


@transaction.atomic
def assign(*, signal: Signal, to, by) -> Signal:
    """Give the signal to a policy advisor (``to=None``: to nobody)."""
    if to is not None and not policy_staff().filter(pk=to.pk).exists():
        raise SignalError(_("U kunt een signaal alleen aan een beleidsadviseur toewijzen."))
    signal = _locked(signal)
    old = signal.assigned_to_id
    new = to.pk if to is not None else None
    if old == new:
        raise SignalError(_("Het signaal is al zo toegewezen."))
    signal.assigned_to = to
    signal.save(update_fields=["assigned_to", "updated_at"])
    add_history(signal=signal, kind=HistoryKind.ASSIGNED, actor=by, data={"from": old, "to": new})
    _log(by, "advocacy.signal.assign", signal, to=new)
    return signal


@transaction.atomic
def set_tags(*, signal: Signal, tags, by) -> Signal:
    """Replace the signal's labels (only staff see them)."""
    signal = _locked(signal)
    new = sorted({t.pk for t in tags})
    old = sorted(signal.tags.values_list("pk", flat=True))
    if new == old:
        raise SignalError(_("De labels zijn niet veranderd."))
    if Tag.objects.filter(pk__in=new).count() != len(new):
        raise SignalError(_("Kies labels uit de lijst."))
    signal.tags.set(new)
    add_history(signal=signal, kind=HistoryKind.TAGGED, actor=by, data={"tags": new})
    _log(by, "advocacy.signal.tags", signal, tags=",".join(map(str, new)))
    return signal


@transaction.atomic
def add_note(*, signal: Signal, text: str, by) -> HistoryEntry:
    """An internal note: staff only, never shown to any council, never mailed."""
    text = clean_text(text, field=_("de notitie"), minimum=2, maximum=NOTE_MAX)
    entry = add_history(signal=signal, kind=HistoryKind.NOTE, actor=by, text=text)
    _log(by, "advocacy.signal.note", signal)
    return entry


def _shows_provider(signal: Signal) -> bool:
    return bool(signal.provider_id) and not signal.provider_hidden


def merge_refusal(*, duplicate: Signal, into: Signal) -> str:
    """Why ``duplicate`` may not go into ``into`` ("" when it may). The rules:

    1. Not into itself, not when the duplicate is already merged, not into a signal that is
       itself merged (merge into the signal it went into instead), and not into a signal
       that was merged into the duplicate (its own merged child).
    2. **The target may show other councils nothing the duplicate did not show.** The
       duplicate's council and its co-signers agreed to stand beside what the duplicate
       shows; a merge is not their choice, so it may not put them beside more:
       - if the target shows its council's name, the duplicate must show its council's name
         too (an anonymous council is not put beside a named one, which could point at it);
       - if the target shows a care provider, the duplicate must show the same provider
         (a council that kept its provider back, or named none, is not tied to one).
    """
    if duplicate.pk == into.pk:
        return _("Een signaal kan niet met zichzelf worden samengevoegd.")
    if duplicate.merged_into_id:
        return _("Dit signaal is al samengevoegd met een ander signaal.")
    if into.merged_into_id:
        if into.merged_into_id == duplicate.pk:
            return _(
                "Het andere signaal is eerder samengevoegd met dit signaal. Kies een signaal "
                "dat niet samengevoegd is."
            )
        return _(
            "Het andere signaal is zelf samengevoegd met #%(pk)s. Voeg dit signaal daarmee samen."
        ) % {"pk": into.merged_into_id}
    if into.named and not duplicate.named:
        return _(
            "Dat kan niet: het andere signaal toont de naam van zijn raad, en de raad van dit "
            "signaal koos ervoor onbekend te blijven. Samenvoegen zou die raad naast een "
            "genoemde raad zetten."
        )
    if _shows_provider(into) and not (
        _shows_provider(duplicate) and duplicate.provider_id == into.provider_id
    ):
        return _(
            "Dat kan niet: het andere signaal toont de zorgaanbieder aan andere raden, en dit "
            "signaal laat die niet zien. Samenvoegen zou de raden van dit signaal aan die "
            "zorgaanbieder koppelen."
        )
    return ""


def _account_from(signal: Signal) -> str:
    """The duplicate's own description becomes its council's account on the target."""
    text = signal.description.strip()
    if len(text) > ACCOUNT_MAX:
        text = text[: ACCOUNT_MAX - 1].rstrip() + "…"
    return text


@transaction.atomic
def merge(*, duplicate: Signal, into: Signal, by) -> Signal:
    """Merge ``duplicate`` into ``into`` (rules in :func:`merge_refusal`).

    The duplicate's council becomes a co-signer of the target, with the duplicate's
    description as its account, sector, province and naming choice, unless it is the target's
    own council or already has a co-signature there (a withdrawn one stays withdrawn: the
    council said no). The duplicate's active co-signatures move to the target the same way.
    Each council that lands on the target is told by e-mail and can withdraw. The duplicate
    keeps its history and points at the target; both get a MERGED entry.
    """
    pks = sorted({duplicate.pk, into.pk})
    locked = {s.pk: s for s in Signal.objects.select_for_update().filter(pk__in=pks)}
    duplicate, into = locked[duplicate.pk], locked[into.pk]
    refusal = merge_refusal(duplicate=duplicate, into=into)
    if refusal:
        raise SignalError(refusal)
    taken = set(into.cosignatures.values_list("council_id", flat=True)) | {into.council_id}
    landed: list[CoSignature] = []
    if duplicate.council_id not in taken:
        sector = duplicate.sectors.order_by("order", "name").first()
        landed.append(
            CoSignature.objects.create(
                signal=into,
                council_id=duplicate.council_id,
                person=duplicate.reporter,
                account=_account_from(duplicate),
                sector=sector,
                province=duplicate.province,
                named=duplicate.named,
            )
        )
        taken.add(duplicate.council_id)
    for cosignature in selectors.active_cosignatures().filter(signal=duplicate):
        if cosignature.council_id in taken:
            continue
        cosignature.signal = into
        cosignature.save(update_fields=["signal"])
        landed.append(cosignature)
        taken.add(cosignature.council_id)
    duplicate.merged_into = into
    duplicate.save(update_fields=["merged_into", "updated_at"])
    councils = [c.council_id for c in landed]
    add_history(
        signal=duplicate,
        kind=HistoryKind.MERGED,
        actor=by,
        visible=True,
        data={"into": into.pk},
    )
    add_history(
        signal=into,
        kind=HistoryKind.MERGED,
        actor=by,
        visible=True,
        data={"from": duplicate.pk, "councils": councils},
    )
    _log(
        by, "advocacy.signal.merge", duplicate, into=into.pk, councils=",".join(map(str, councils))
    )
    for cosignature in landed:
        feedback.merged_on_commit(cosignature_pk=cosignature.pk, duplicate_pk=duplicate.pk)
    facts.refresh_signal(duplicate.pk)  # the duplicate's figures go, the target's grow
    return into


@transaction.atomic
def split(*, signal: Signal, title: str, description: str, by) -> Signal:
    """Make a new signal from part of ``signal``: same council, reporter, themes, sectors,
    province and visibility choices; it starts in the initial state with ``split_from`` set.
    Both signals get a SPLIT entry their council can see."""
    signal = _locked(signal)
    if signal.merged_into_id:
        raise SignalError(_("Een samengevoegd signaal kan niet worden gesplitst."))
    title = clean_text(title, field=_("de titel"), minimum=TITLE_MIN, maximum=TITLE_MAX)
    description = clean_text(
        description,
        field=_("wat er gebeurt"),
        minimum=DESCRIPTION_MIN,
        maximum=DESCRIPTION_MAX,
    )
    state = selectors.initial_state()
    new = Signal.objects.create(
        title=title,
        description=description,
        since=signal.since,
        clients_affected=signal.clients_affected,
        province=signal.province,
        provider=signal.provider,
        provider_hidden=signal.provider_hidden,
        council=signal.council,
        reporter=signal.reporter,
        named=signal.named,
        state=state,
        public_state=state,
        split_from=signal,
    )
    new.themes.set(list(signal.themes.all()))
    new.sectors.set(list(signal.sectors.all()))
    add_history(
        signal=new,
        kind=HistoryKind.SPLIT,
        actor=by,
        state=state,
        visible=True,
        data={"from": signal.pk},
    )
    add_history(signal=signal, kind=HistoryKind.SPLIT, actor=by, visible=True, data={"to": new.pk})
    _log(by, "advocacy.signal.split", signal, new=new.pk)
    facts.refresh_signal(new.pk)
    return new


def open_question(signal: Signal) -> HistoryEntry | None:
    """The question to the reporter that has no answer yet, if any."""
    answered = signal.history.filter(kind=HistoryKind.ANSWER).values_list(
        "data__question", flat=True
    )
    return (
        signal.history.filter(kind=HistoryKind.QUESTION)
        .exclude(pk__in=[pk for pk in answered if pk])
        .order_by("-created_at", "-pk")
        .first()
    )


def questions_and_answers(signal: Signal) -> list[tuple[HistoryEntry, HistoryEntry | None]]:
    """Each question with its answer (or None), oldest first: two queries."""
    entries = list(
        signal.history.filter(Q(kind=HistoryKind.QUESTION) | Q(kind=HistoryKind.ANSWER))
        .select_related("actor")
        .order_by("created_at", "pk")
    )
    answers = {e.data.get("question"): e for e in entries if e.kind == HistoryKind.ANSWER}
    return [(e, answers.get(e.pk)) for e in entries if e.kind == HistoryKind.QUESTION]


@transaction.atomic
def ask_reporter(*, signal: Signal, text: str, by) -> HistoryEntry:
    """Staff ask the reporter a question; the reporter is mailed a link to the answer page.
    Refused while another question is open, and when the reporter is no longer known."""
    signal = _locked(signal)
    text = clean_text(text, field=_("de vraag"), minimum=QUESTION_MIN, maximum=QUESTION_MAX)
    if signal.reporter_id is None:
        raise SignalError(_("De melder is niet meer bekend, dus er kan geen vraag naar de melder."))
    if open_question(signal) is not None:
        raise SignalError(
            _(
                "Er staat al een vraag open bij de melder. Wacht op het antwoord voordat u een "
                "nieuwe vraag stelt."
            )
        )
    entry = add_history(signal=signal, kind=HistoryKind.QUESTION, actor=by, text=text)
    _log(by, "advocacy.signal.question", signal)
    feedback.question_on_commit(entry_pk=entry.pk)
    return entry


@transaction.atomic
def answer_question(*, signal: Signal, person, text: str) -> HistoryEntry:
    """The reporter, or someone with a seat on the signal's council, answers the open
    question. The answer is an ANSWER entry that only staff and the council see; the signal's
    policy advisor (else whoever asked) gets an e-mail with a link to the staff page."""
    if signal.council_id not in selectors.council_ids_of(person) and (
        signal.reporter_id != getattr(person, "pk", None)
    ):
        raise SignalError(_("Alleen de raad van dit signaal kan deze vraag beantwoorden."))
    signal = _locked(signal)
    question = open_question(signal)
    if question is None:
        raise SignalError(_("Er staat geen vraag open bij dit signaal."))
    text = clean_text(text, field=_("uw antwoord"), minimum=ANSWER_MIN, maximum=ANSWER_MAX)
    entry = add_history(
        signal=signal,
        kind=HistoryKind.ANSWER,
        actor=person,
        text=text,
        data={"question": question.pk},
    )
    feedback.answered_on_commit(entry_pk=entry.pk)
    return entry
