"""Trajectories beyond the core services: the list with its filters, the page of one trajectory
with what it shows, editing the request and the documents of a trajectory.

The core writes (``create_trajectory``, ``record_step``, ``compute_deadline``,
``nullity_deadline``) are in ``services``; these build on them and raise the same
:class:`~raadsplein.councilwork.services.CouncilworkError`.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from raadsplein.audit import services as audit
from raadsplein.organisations.models import Council

from . import documents as council_documents
from . import selectors, services
from .models import (
    OPEN_STATES,
    CouncilDocument,
    DeadlineSource,
    DisputeCommittee,
    Kind,
    Letter,
    LetterKind,
    State,
    Trajectory,
    TrajectoryStep,
)

audit.register_action(
    "councilwork.trajectory.changed", gettext_lazy("Aanvraag van een traject gewijzigd")
)

PER_PAGE = 50
# How many documents one upload may carry, and together how large (in MB).
MAX_FILES = 10
MAX_TOTAL_MB = 50

OPEN, CLOSED, ALL = "open", "closed", "all"
STATUSES = (OPEN, CLOSED, ALL)


# --- reads ------------------------------------------------------------------------------------


def listed(council: Council, *, status: str = OPEN, kind: str = "") -> QuerySet[Trajectory]:
    """The council's trajectories for the list: open ones by deadline (none last), closed
    ones newest first, all of them newest first; optionally of one kind."""
    qs = selectors.trajectories_for(council)
    if kind in Kind.values:
        qs = qs.filter(kind=kind)
    if status == OPEN:
        return qs.filter(state__in=OPEN_STATES).order_by(
            F("deadline").asc(nulls_last=True), "received", "pk"
        )
    if status == CLOSED:
        qs = qs.exclude(state__in=OPEN_STATES)
    return qs.order_by("-received", "-pk")


def counts(council: Council) -> dict[str, int]:
    """How many open and closed trajectories the council has (one query)."""
    row = selectors.trajectories_for(council).aggregate(
        open=Count("pk", filter=Q(state__in=OPEN_STATES)),
        closed=Count("pk", filter=~Q(state__in=OPEN_STATES)),
    )
    return {OPEN: row["open"], CLOSED: row["closed"], ALL: row["open"] + row["closed"]}


def with_everything(council: Council) -> QuerySet[Trajectory]:
    """Trajectories with their steps (and who took them), documents and letters: the
    trajectory page in a fixed number of queries."""
    return (
        selectors.trajectories_for(council)
        .select_related("created_by")
        .prefetch_related(
            Prefetch("steps", queryset=TrajectoryStep.objects.select_related("by")),
            Prefetch(
                "documents",
                queryset=CouncilDocument.objects.select_related("uploaded_by").order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch("letters", queryset=Letter.objects.order_by("-created_at", "-pk")),
        )
    )


def days_left(trajectory: Trajectory, today: datetime.date | None = None) -> int | None:
    if trajectory.deadline is None:
        return None
    return (trajectory.deadline - (today or timezone.localdate())).days


def mark_days_left(trajectories, today: datetime.date | None = None) -> list[Trajectory]:
    today = today or timezone.localdate()
    rows = list(trajectories)
    for trajectory in rows:
        trajectory.days_left = days_left(trajectory, today) if trajectory.awaits_council else None
    return rows


def dispute_committee_name(council: Council) -> str:
    """The committee a dispute goes to, as the scheme's settings name it."""
    scheme = selectors.scheme_settings(council)
    if scheme.dispute_committee_name:
        return scheme.dispute_committee_name
    return str(DisputeCommittee(scheme.dispute_committee).label)


def scheme_defaults(council: Council) -> dict[str, int | None]:
    """The scheme's response period per kind of trajectory (None: the scheme sets none)."""
    scheme = selectors.scheme_settings(council)
    return {
        Kind.ADVICE: scheme.advice_days,
        Kind.NOMINATION: scheme.advice_days,
        Kind.CONSENT: scheme.consent_days,
        Kind.UNSOLICITED: None,
    }


# The letter to make at each state of a trajectory (the letters part fills it in).
LETTERS_AT = {
    State.RECEIVED: (LetterKind.RECEIPT, LetterKind.INFORMATION),
    State.INFORMATION_REQUESTED: (LetterKind.INFORMATION,),
    State.DISCUSSED: (),
    State.RESPONSE_SENT: (LetterKind.REASONS,),
    State.BOARD_DECIDED: (LetterKind.REASONS,),
    State.DISPUTE: (),
    State.CLOSED: (),
}
RESPONSE_LETTERS = {
    Kind.ADVICE: (LetterKind.ADVICE,),
    Kind.UNSOLICITED: (LetterKind.UNSOLICITED,),
    Kind.CONSENT: (LetterKind.CONSENT, LetterKind.CONSENT_REFUSED),
    Kind.NOMINATION: (),
}


def letter_kinds_for(trajectory: Trajectory) -> list[tuple[str, str]]:
    """The model letters that fit the trajectory now, as (kind, label)."""
    kinds: list[str] = list(LETTERS_AT.get(trajectory.state, ()))
    if trajectory.state in (State.RECEIVED, State.INFORMATION_REQUESTED, State.DISCUSSED):
        kinds += RESPONSE_LETTERS.get(trajectory.kind, ())
    if trajectory.kind == Kind.UNSOLICITED:
        kinds = [k for k in kinds if k not in (LetterKind.RECEIPT, LetterKind.REASONS)] or [
            LetterKind.UNSOLICITED
        ]
    seen = list(dict.fromkeys(kinds))
    return [(k, str(LetterKind(k).label)) for k in seen]


# --- writes -----------------------------------------------------------------------------------


def _store(trajectory: Trajectory, files, by) -> list[CouncilDocument]:
    return [
        council_documents.store_document(
            council=trajectory.council, name=name, data=data, by=by, trajectory=trajectory
        )
        for name, data in files
    ]


@transaction.atomic
def start_trajectory(
    *,
    council: Council,
    kind: str,
    title: str,
    received: datetime.date,
    by,
    deadline: datetime.date | None = None,
    subject=None,
    question: str = "",
    files=(),
) -> Trajectory:
    """A new trajectory with the documents that came with the request ((name, bytes) pairs).
    One refused file and nothing is made."""
    trajectory = services.create_trajectory(
        council=council,
        kind=kind,
        title=title,
        received=received,
        by=by,
        deadline=deadline,
        subject=subject,
        question=question,
    )
    _store(trajectory, files, by)
    return trajectory


@transaction.atomic
def add_documents(*, trajectory: Trajectory, files, by) -> list[CouncilDocument]:
    """Documents for the trajectory; one refused file and none is stored."""
    files = list(files)
    if not files:
        raise services.CouncilworkError(_("Kies een of meer bestanden."))
    if len(files) > MAX_FILES:
        raise services.CouncilworkError(
            _("Kies ten hoogste %(max)s bestanden tegelijk.") % {"max": MAX_FILES}
        )
    return _store(trajectory, files, by)


@transaction.atomic
def update_request(
    *,
    trajectory: Trajectory,
    title: str,
    question: str,
    deadline: datetime.date | None,
    by,
    subject=None,
) -> Trajectory:
    """Correct the request: its title, question, subject and deadline. An empty deadline
    means the scheme's period again (``compute_deadline``); a deadline before the date
    received is refused. A changed deadline gets its own reminders."""
    trajectory = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    title = services._clean_title(title)
    question = (question or "").strip()
    if len(question) > services.QUESTION_MAX:
        raise services.CouncilworkError(
            _("De vraag is te lang: ten hoogste %(max)s tekens.") % {"max": services.QUESTION_MAX}
        )
    services._check_subject(trajectory.council, trajectory.kind, subject)
    new_deadline, source = services.compute_deadline(
        council=trajectory.council,
        kind=trajectory.kind,
        received=trajectory.received,
        requested=deadline,
    )
    before = trajectory.deadline
    trajectory.title = title
    trajectory.question = question
    trajectory.subject = subject
    trajectory.deadline = new_deadline
    trajectory.deadline_source = source
    trajectory.save(
        update_fields=["title", "question", "subject", "deadline", "deadline_source", "updated_at"]
    )
    audit.log(
        actor=by,
        action="councilwork.trajectory.changed",
        obj=trajectory,
        council=trajectory.council_id,
        data={
            "deadline_before": before.isoformat() if before else None,
            "deadline": new_deadline.isoformat() if new_deadline else None,
        },
    )
    services.log_change(by=by, council=trajectory.council, obj=trajectory, what="request")
    return trajectory


def deadline_explained(trajectory: Trajectory) -> str:
    """Where the deadline comes from, in a sentence."""
    if trajectory.deadline_source == DeadlineSource.SCHEME and trajectory.deadline:
        days = (trajectory.deadline - trajectory.received).days
        return ngettext(
            "Uit uw medezeggenschapsregeling: %(days)s dag na ontvangst.",
            "Uit uw medezeggenschapsregeling: %(days)s dagen na ontvangst.",
            days,
        ) % {"days": days}
    if trajectory.deadline_source == DeadlineSource.REQUEST:
        return _("Uit de aanvraag van de bestuurder.")
    if trajectory.deadline_source == DeadlineSource.COUNCIL:
        return _("Door de raad zelf gekozen.")
    return _("Er geldt geen termijn.")
