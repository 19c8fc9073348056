"""The core writes of a council's workspace: advisors' access, and trajectories with their
deadlines and steps. Each part of the workspace has its own module beside this one
(``meetings.py``, ``scheme.py``, ``letters.py``, ``recruitment.py``, ``constituency.py``,
``planning.py``); they raise :class:`CouncilworkError` too and log through ``audit``.

Every write is a plain function with keyword-only arguments in a transaction; mail goes out
on commit; a change an advisor makes on the council's behalf writes an audit record.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.accounts.rules import is_adviseur
from raadsplein.audit import services as audit
from raadsplein.organisations.models import Council

from . import selectors
from .models import (
    OPEN_STATES,
    AdvisorAccess,
    DeadlineSource,
    Kind,
    LegalRule,
    LegalSubject,
    Outcome,
    Right,
    RuleUnit,
    State,
    Trajectory,
    TrajectoryStep,
)

audit.register_action("councilwork.access.granted", gettext_lazy("Adviseur toegang gegeven"))
audit.register_action("councilwork.access.revoked", gettext_lazy("Toegang adviseur ingetrokken"))
audit.register_action(
    "councilwork.access.visit", gettext_lazy("Adviseur bekeek de werkruimte van de raad")
)
audit.register_action("councilwork.trajectory.created", gettext_lazy("Traject aangemaakt"))
audit.register_action("councilwork.trajectory.step", gettext_lazy("Stap in traject vastgelegd"))
audit.register_action("councilwork.advisor.changed", gettext_lazy("Adviseur wijzigde iets"))

TITLE_MAX = 200
QUESTION_MAX = 4000
# The longest an advisor's access can be granted for at once.
MAX_ACCESS_DAYS = 366

# Which right each kind of trajectory rests on, and which legal subjects fit it.
RIGHT_OF_KIND = {
    Kind.ADVICE: Right.ADVICE,
    Kind.UNSOLICITED: Right.ADVICE,
    Kind.CONSENT: Right.CONSENT,
    Kind.NOMINATION: Right.NOMINATION,
}

# The steps a trajectory can take from each state (the form offers only these).
NEXT_STATES = {
    State.RECEIVED: (
        State.INFORMATION_REQUESTED,
        State.DISCUSSED,
        State.RESPONSE_SENT,
        State.CLOSED,
    ),
    State.INFORMATION_REQUESTED: (State.DISCUSSED, State.RESPONSE_SENT, State.CLOSED),
    State.DISCUSSED: (State.INFORMATION_REQUESTED, State.RESPONSE_SENT, State.CLOSED),
    State.RESPONSE_SENT: (State.BOARD_DECIDED, State.DISPUTE, State.CLOSED),
    State.BOARD_DECIDED: (State.DISPUTE, State.CLOSED),
    State.DISPUTE: (State.BOARD_DECIDED, State.CLOSED),
    State.CLOSED: (),
}

OUTCOMES_OF_KIND = {
    Kind.ADVICE: (
        Outcome.ADVICE_FOLLOWED,
        Outcome.ADVICE_PARTLY,
        Outcome.ADVICE_NOT_FOLLOWED,
        Outcome.WITHDRAWN,
        Outcome.DISPUTE_RULED,
    ),
    Kind.UNSOLICITED: (
        Outcome.ADVICE_FOLLOWED,
        Outcome.ADVICE_PARTLY,
        Outcome.ADVICE_NOT_FOLLOWED,
        Outcome.WITHDRAWN,
    ),
    Kind.CONSENT: (
        Outcome.CONSENT_GIVEN,
        Outcome.CONSENT_REFUSED,
        Outcome.WITHDRAWN,
        Outcome.DISPUTE_RULED,
    ),
    Kind.NOMINATION: (Outcome.NOMINATED, Outcome.NOT_NOMINATED, Outcome.WITHDRAWN),
}


class CouncilworkError(Exception):
    """Something a person did that cannot be accepted; the message is for them (Dutch)."""


def acted_by_advisor(person, council: Council) -> bool:
    """True when ``person`` acts in the workspace only by an advisor's access (no seat)."""
    standing = selectors.standing(person, council)
    return standing.advisor and not standing.seat


def log_change(*, by, council: Council, obj, what: str) -> None:
    """A change made in the workspace by an advisor (not a seat holder) is audited."""
    if acted_by_advisor(by, council):
        audit.log(
            actor=by,
            action="councilwork.advisor.changed",
            obj=obj,
            council=council,
            data={"what": what},
        )


# --- advisors' access -------------------------------------------------------------------------


@transaction.atomic
def grant_advisor_access(
    *,
    council: Council,
    advisor,
    ends_on: datetime.date,
    by,
    reason: str = "",
    starts_on: datetime.date | None = None,
) -> AdvisorAccess:
    """The council lets one advisor of the organisation into its workspace until ``ends_on``."""
    today = timezone.localdate()
    starts_on = starts_on or today
    if not is_adviseur(advisor):
        raise CouncilworkError(_("Alleen een adviseur van de organisatie kan toegang krijgen."))
    if ends_on < starts_on:
        raise CouncilworkError(_("De einddatum ligt vóór de begindatum."))
    if ends_on < today:
        raise CouncilworkError(_("De einddatum ligt in het verleden."))
    if (ends_on - starts_on).days > MAX_ACCESS_DAYS:
        raise CouncilworkError(
            _("Geef toegang voor ten hoogste een jaar. Daarna kunt u verlengen.")
        )
    access = AdvisorAccess.objects.create(
        council=council,
        advisor=advisor,
        granted_by=by,
        starts_on=starts_on,
        ends_on=ends_on,
        reason=(reason or "").strip()[:200],
    )
    audit.log(
        actor=by,
        action="councilwork.access.granted",
        obj=access,
        subject=advisor,
        council=council,
        data={"ends_on": ends_on.isoformat()},
    )
    return access


@transaction.atomic
def revoke_advisor_access(*, access: AdvisorAccess, by) -> AdvisorAccess:
    if access.revoked_at is None:
        access.revoked_at = timezone.now()
        access.revoked_by = by
        access.save(update_fields=["revoked_at", "revoked_by"])
        audit.log(
            actor=by,
            action="councilwork.access.revoked",
            obj=access,
            subject=access.advisor,
            council=access.council_id,
        )
    return access


def note_advisor_visit(*, advisor, council: Council, page: str) -> None:
    """Every visit an advisor makes under a council's access is logged (who, which council,
    which page) — the council sees these in its access overview."""
    audit.log(
        actor=advisor,
        action="councilwork.access.visit",
        obj=council,
        council=council,
        data={"page": page[:100]},
    )


# --- deadlines --------------------------------------------------------------------------------


def scheme_period_days(council: Council, kind: str) -> int | None:
    """The response period the council's scheme sets for this kind of trajectory, if any."""
    scheme = selectors.scheme_settings(council)
    if kind == Kind.CONSENT:
        return scheme.consent_days
    if kind in (Kind.ADVICE, Kind.NOMINATION):
        return scheme.advice_days
    return None


def compute_deadline(
    *,
    council: Council,
    kind: str,
    received: datetime.date,
    requested: datetime.date | None = None,
) -> tuple[datetime.date | None, str]:
    """The trajectory's deadline and where it comes from: the date the request names, else
    the received date plus the scheme's response period; unsolicited advice has none unless
    the council sets one. A deadline before the received date is refused."""
    if requested is not None:
        if requested < received:
            raise CouncilworkError(_("De uiterste datum ligt vóór de datum van ontvangst."))
        source = DeadlineSource.COUNCIL if kind == Kind.UNSOLICITED else DeadlineSource.REQUEST
        return requested, source
    days = scheme_period_days(council, kind)
    if days:
        return received + datetime.timedelta(days=days), DeadlineSource.SCHEME
    return None, DeadlineSource.NONE


def nullity_deadline(trajectory: Trajectory) -> tuple[datetime.date | None, LegalRule | None]:
    """For consent: when the board decided without it, the last day the council can invoke
    nullity in writing — counted from the day it learned of the decision, by the rule kept as
    data (``LegalRule.NULLITY_PERIOD``, with its source and whether it is verified)."""
    if trajectory.kind != Kind.CONSENT or not trajectory.decided_without_consent:
        return None, None
    rule = selectors.legal_rule(LegalRule.NULLITY_PERIOD)
    start = trajectory.council_learned_on or trajectory.board_decided_on
    if rule is None or start is None:
        return None, rule
    if rule.unit == RuleUnit.MONTHS:
        return start + relativedelta(months=rule.value), rule
    return start + datetime.timedelta(days=rule.value), rule


# --- trajectories -----------------------------------------------------------------------------


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) < 3:
        raise CouncilworkError(_("Geef het traject een titel van ten minste 3 tekens."))
    if len(title) > TITLE_MAX:
        raise CouncilworkError(
            _("De titel is te lang: ten hoogste %(max)s tekens.") % {"max": TITLE_MAX}
        )
    return title


def _check_subject(council: Council, kind: str, subject: LegalSubject | None) -> None:
    if subject is None:
        return
    if subject.right != RIGHT_OF_KIND[kind]:
        raise CouncilworkError(_("Dit onderwerp hoort niet bij deze soort traject."))
    if subject.long_term_care_only and not selectors.provider_gives_long_term_care(council):
        raise CouncilworkError(
            _("Dit onderwerp geldt alleen voor raden bij aanbieders van langdurige zorg (Wlz).")
        )


@transaction.atomic
def create_trajectory(
    *,
    council: Council,
    kind: str,
    title: str,
    received: datetime.date,
    by,
    deadline: datetime.date | None = None,
    subject: LegalSubject | None = None,
    question: str = "",
) -> Trajectory:
    """Start a trajectory for the council. The caller must be let in to manage the council
    (the view's guard, the API's check); the deadline comes from ``compute_deadline``."""
    if kind not in Kind.values:
        raise CouncilworkError(_("Kies een soort traject."))
    title = _clean_title(title)
    if received > timezone.localdate():
        raise CouncilworkError(_("De datum van ontvangst ligt in de toekomst."))
    question = (question or "").strip()
    if len(question) > QUESTION_MAX:
        raise CouncilworkError(
            _("De vraag is te lang: ten hoogste %(max)s tekens.") % {"max": QUESTION_MAX}
        )
    _check_subject(council, kind, subject)
    deadline, source = compute_deadline(
        council=council, kind=kind, received=received, requested=deadline
    )
    trajectory = Trajectory.objects.create(
        council=council,
        kind=kind,
        subject=subject,
        title=title,
        question=question,
        received=received,
        deadline=deadline,
        deadline_source=source,
        state=State.RECEIVED,
        created_by=by,
    )
    TrajectoryStep.objects.create(trajectory=trajectory, state=State.RECEIVED, on=received, by=by)
    audit.log(
        actor=by,
        action="councilwork.trajectory.created",
        obj=trajectory,
        council=council,
        data={"kind": kind, "by_advisor": acted_by_advisor(by, council)},
    )
    return trajectory


@transaction.atomic
def record_step(
    *,
    trajectory: Trajectory,
    state: str,
    on: datetime.date,
    by,
    note: str = "",
    outcome: str = "",
    outcome_note: str = "",
    decided_without_consent: bool = False,
    council_learned_on: datetime.date | None = None,
) -> TrajectoryStep:
    """Move a trajectory to its next step. Recording the board's decision takes its date
    (``on``) and, for consent, whether it went ahead without consent; closing takes the
    outcome."""
    trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    if state not in NEXT_STATES.get(trajectory.state, ()):
        raise CouncilworkError(_("Deze stap kan nu niet: kies een van de volgende stappen."))
    if on > timezone.localdate():
        raise CouncilworkError(_("De datum van deze stap ligt in de toekomst."))
    if on < trajectory.received:
        raise CouncilworkError(_("De datum van deze stap ligt vóór de datum van ontvangst."))
    note = (note or "").strip()
    if len(note) > QUESTION_MAX:
        raise CouncilworkError(_("De toelichting is te lang."))
    fields = ["state", "updated_at"]
    if state == State.BOARD_DECIDED:
        trajectory.board_decided_on = on
        fields.append("board_decided_on")
        if trajectory.kind == Kind.CONSENT:
            if council_learned_on is not None and council_learned_on < on:
                raise CouncilworkError(
                    _("De raad kan niet van het besluit horen vóór het werd genomen.")
                )
            trajectory.decided_without_consent = bool(decided_without_consent)
            trajectory.council_learned_on = council_learned_on if decided_without_consent else None
            fields += ["decided_without_consent", "council_learned_on"]
    if outcome:
        if outcome not in OUTCOMES_OF_KIND[trajectory.kind]:
            raise CouncilworkError(_("Kies een uitkomst die bij dit traject past."))
        trajectory.outcome = outcome
        trajectory.outcome_note = (outcome_note or "").strip()[:4000]
        fields += ["outcome", "outcome_note"]
    if state == State.CLOSED:
        if not trajectory.outcome:
            raise CouncilworkError(_("Kies de uitkomst voordat u het traject afsluit."))
        trajectory.closed_on = on
        fields.append("closed_on")
    trajectory.state = state
    trajectory.save(update_fields=fields)
    step = TrajectoryStep.objects.create(
        trajectory=trajectory, state=state, on=on, note=note, by=by
    )
    audit.log(
        actor=by,
        action="councilwork.trajectory.step",
        obj=trajectory,
        council=trajectory.council_id,
        data={"state": state, "by_advisor": acted_by_advisor(by, trajectory.council)},
    )
    return step


def is_open(trajectory: Trajectory) -> bool:
    return trajectory.state in OPEN_STATES
