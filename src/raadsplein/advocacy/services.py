"""Every write to signals that the rest builds on: reporting, co-signing, withdrawing and
moving a signal to another state.

Keyword-only, atomic, and a :class:`SignalError` with a Dutch message for whatever a person can
get wrong; nothing is half-written. Each change adds a :class:`HistoryEntry`; what staff do is
also written to the audit log (codes registered below). Free text never goes into the log.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit
from raadsplein.organisations.models import Council, Province

from . import facts, feedback, selectors
from .models import ClientsAffected, CoSignature, HistoryEntry, HistoryKind, Signal, State

TITLE_MIN, TITLE_MAX = 5, 200
DESCRIPTION_MIN, DESCRIPTION_MAX = 20, 5000
ACCOUNT_MIN, ACCOUNT_MAX = 10, 2000
ANSWER_MAX = 3000

audit.register_action("advocacy.signal.state", gettext_lazy("Signalen: stap gewijzigd"))


class SignalError(Exception):
    """Something a person did that cannot be accepted; the message is for them."""


def clean_text(value: str, *, field: str, minimum: int, maximum: int) -> str:
    value = (value or "").strip()
    if not value:
        raise SignalError(_("Vul %(field)s in.") % {"field": field})
    if len(value) < minimum:
        raise SignalError(
            _("Schrijf bij %(field)s minstens %(n)d tekens.") % {"field": field, "n": minimum}
        )
    if len(value) > maximum:
        raise SignalError(
            _("%(field)s is te lang: ten hoogste %(n)s tekens.")
            % {"field": field.capitalize(), "n": f"{maximum:,}".replace(",", ".")}
        )
    return value


def _council_for(person, council: Council | int) -> Council:
    council_id = council.pk if isinstance(council, Council) else council
    if council_id not in selectors.council_ids_of(person):
        raise SignalError(_("U kunt alleen een signaal melden voor een raad waarin u zit."))
    return council if isinstance(council, Council) else Council.objects.get(pk=council_id)


def _province(value: str | None, council: Council) -> str:
    if not value:
        return council.province
    if value not in Province.values:
        raise SignalError(_("Kies een provincie uit de lijst."))
    return value


def add_history(
    *,
    signal: Signal,
    kind: str,
    actor=None,
    state: State | None = None,
    text: str = "",
    visible: bool = False,
    data: dict | None = None,
) -> HistoryEntry:
    """Add one entry to the signal's history (the only way entries are made)."""
    return HistoryEntry.objects.create(
        signal=signal,
        kind=kind,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        state=state,
        text=text,
        visible_to_councils=visible,
        data=data or {},
    )


@transaction.atomic
def report_signal(
    *,
    reporter,
    council: Council | int,
    title: str,
    description: str,
    themes: Iterable = (),
    sectors: Iterable = (),
    province: str | None = None,
    since: datetime.date | None = None,
    clients_affected: str = ClientsAffected.UNKNOWN,
    provider=None,
    provider_hidden: bool = True,
    named: bool = False,
    question=None,
) -> Signal:
    """A member reports a signal for one of their councils. The province is the council's
    unless the member chose another; the signal starts in the initial state."""
    council = _council_for(reporter, council)
    title = clean_text(title, field=_("de titel"), minimum=TITLE_MIN, maximum=TITLE_MAX)
    description = clean_text(
        description,
        field=_("wat er gebeurt"),
        minimum=DESCRIPTION_MIN,
        maximum=DESCRIPTION_MAX,
    )
    if clients_affected not in ClientsAffected.values:
        raise SignalError(_("Kies hoeveel cliënten het merken."))
    if since is not None and since > timezone.localdate():
        raise SignalError(_("De datum 'sinds wanneer' ligt in de toekomst."))
    state = selectors.initial_state()
    signal = Signal.objects.create(
        title=title,
        description=description,
        since=since,
        clients_affected=clients_affected,
        province=_province(province, council),
        provider=provider,
        provider_hidden=bool(provider_hidden),
        council=council,
        reporter=reporter,
        named=bool(named),
        state=state,
        public_state=state,
        question=question,
    )
    signal.themes.set(list(themes))
    signal.sectors.set(list(sectors) or list(council.sectors.all()))
    add_history(signal=signal, kind=HistoryKind.REPORTED, actor=reporter, state=state, visible=True)
    facts.refresh_signal(signal.pk)
    return signal


def _root(signal: Signal) -> Signal:
    """The signal a merged signal went into (merges may chain)."""
    seen = set()
    while signal.merged_into_id and signal.pk not in seen:
        seen.add(signal.pk)
        signal = signal.merged_into
    return signal


@transaction.atomic
def cosign_signal(
    *,
    signal: Signal,
    council: Council | int,
    person,
    account: str,
    sector=None,
    province: str | None = None,
    named: bool = False,
) -> CoSignature:
    """ "Wij zien dit ook": a council co-signs another council's signal once, in its own words.
    A council that withdrew may co-sign again; its new account replaces the old one."""
    council = _council_for(person, council)
    signal = _root(signal)
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.council_id == council.pk:
        raise SignalError(
            _("Dit signaal is van uw eigen raad; u hoeft het niet mede te ondertekenen.")
        )
    existing = CoSignature.objects.filter(signal=signal, council=council).first()
    if existing is not None and existing.withdrawn_at is None:
        raise SignalError(_("Uw raad heeft dit signaal al mede ondertekend."))
    account = clean_text(
        account, field=_("wat uw raad ziet"), minimum=ACCOUNT_MIN, maximum=ACCOUNT_MAX
    )
    if sector is None:
        sector = council.sectors.first()
    fields = {
        "person": person,
        "account": account,
        "sector": sector,
        "province": _province(province, council),
        "named": bool(named),
        "withdrawn_at": None,
    }
    if existing is None:
        cosignature = CoSignature.objects.create(signal=signal, council=council, **fields)
    else:
        for name, value in fields.items():
            setattr(existing, name, value)
        existing.save()
        cosignature = existing
    add_history(
        signal=signal,
        kind=HistoryKind.COSIGNED,
        actor=person,
        visible=True,
        data={"council": council.pk},
    )
    facts.refresh_signal(signal.pk)
    return cosignature


@transaction.atomic
def withdraw_cosignature(*, cosignature: CoSignature, person) -> CoSignature:
    """The council takes its co-signature back; it no longer counts anywhere."""
    if cosignature.council_id not in selectors.council_ids_of(person):
        raise SignalError(_("Alleen een lid van de raad kan de ondertekening intrekken."))
    if cosignature.withdrawn_at is not None:
        raise SignalError(_("Deze ondertekening is al ingetrokken."))
    cosignature.withdrawn_at = timezone.now()
    cosignature.save(update_fields=["withdrawn_at"])
    add_history(
        signal=cosignature.signal,
        kind=HistoryKind.WITHDRAWN,
        actor=person,
        visible=True,
        data={"council": cosignature.council_id},
    )
    facts.refresh_signal(cosignature.signal_id)
    return cosignature


@transaction.atomic
def change_state(*, signal: Signal, state: State, by, public_answer: str = "") -> HistoryEntry:
    """Move the signal to ``state``. A public answer is shown to its councils with the state;
    councils see the change only when the state is visible to them, and then the reporter and
    the co-signers get an e-mail (``feedback``)."""
    public_answer = (public_answer or "").strip()
    if len(public_answer) > ANSWER_MAX:
        raise SignalError(
            _("Het antwoord is te lang: ten hoogste %(n)s tekens.")
            % {"n": f"{ANSWER_MAX:,}".replace(",", ".")}
        )
    signal = Signal.objects.select_for_update().get(pk=signal.pk)
    if signal.state_id == state.pk and not public_answer:
        raise SignalError(_("Het signaal staat al in deze stap."))
    if public_answer and not state.visible_to_councils:
        raise SignalError(
            _(
                "Raden zien deze stap niet. Een antwoord voor raden kan alleen bij een stap "
                "die raden zien."
            )
        )
    signal.state = state
    fields = ["state", "updated_at"]
    if state.visible_to_councils:
        signal.public_state = state
        fields.append("public_state")
        if public_answer:
            signal.public_answer = public_answer
            fields.append("public_answer")
    signal.closed_at = timezone.now() if state.is_closed else None
    fields.append("closed_at")
    signal.save(update_fields=fields)
    entry = add_history(
        signal=signal,
        kind=HistoryKind.STATE,
        actor=by,
        state=state,
        text=public_answer,
        visible=state.visible_to_councils,
    )
    audit.log(
        actor=by,
        action="advocacy.signal.state",
        obj=signal,
        council=signal.council_id,
        data={"state": state.slug},
    )
    if entry.visible_to_councils:
        # The reporter and the co-signers are told (once each, after commit).
        feedback.state_changed_on_commit(entry_pk=entry.pk)
    return entry
