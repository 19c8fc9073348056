"""/api/v1/councilwork/ (issue 15, part 9): a council's trajectories, and the meetings of the
caller's councils. Session or personal token (``raadsplein.api.signed_in``).

Only seats count here: a council the caller holds no current seat on answers 404 — also to an
advisor whose access lets them into the workspace's pages (the API is for the council's own
tools). Starting a trajectory is for the council's officers (403 for other seat holders); a
deadline before the date received, a date received in the future or an unknown kind is a 422
with a Dutch message, and nothing is made.
"""

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext
from ninja import Router, Schema, Status
from pydantic import Field

from raadsplein.api import ApiError, one_of, responses, signed_in, text
from raadsplein.organisations.models import Council, Seat

from . import selectors, services
from .models import Kind, Meeting, State

router = Router(tags=["raadswerk"])


class TrajectoryOut(Schema):
    id: int
    kind: one_of(Kind)
    title: str
    received: datetime.date = Field(description="Datum waarop de aanvraag binnenkwam.")
    deadline: datetime.date | None = Field(
        description="Uiterste datum: uit de aanvraag, anders uit de regeling van de raad; "
        "null als er geen termijn geldt."
    )
    state: one_of(State)


class TrajectoryIn(Schema):
    kind: one_of(Kind) = Field(
        description="advice (adviesaanvraag), consent (instemmingsverzoek), unsolicited "
        "(ongevraagd advies) of nomination (voordracht lid raad van toezicht)."
    )
    title: text(max_length=services.TITLE_MAX) = Field(description="Ten minste 3 tekens.")
    received: datetime.date = Field(description="Niet in de toekomst.")
    deadline: datetime.date | None = Field(
        default=None,
        description="Niet vóór received. Leeg: de termijn uit de regeling van de raad.",
    )


class MeetingOut(Schema):
    id: int
    council: int = Field(description="Id van de raad.")
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime | None
    location: str
    agenda_sent: bool = Field(description="De agenda is naar de leden verstuurd.")


def _seated_council(user, council_id: int) -> Council:
    """The council, if the caller holds a current seat on it; 404 otherwise."""
    seats = Seat.objects.filter(Seat.current_q(timezone.localdate()), person=user)
    return get_object_or_404(
        Council.objects.filter(pk__in=seats.values("council_id")), pk=council_id
    )


def _out(trajectory) -> TrajectoryOut:
    return TrajectoryOut(
        id=trajectory.pk,
        kind=trajectory.kind,
        title=trajectory.title,
        received=trajectory.received,
        deadline=trajectory.deadline,
        state=trajectory.state,
    )


@router.get(
    "/councils/{council_id}/trajectories",
    auth=signed_in,
    response=responses({200: list[TrajectoryOut]}, 404),
    summary="De trajecten van een raad waarin u zit",
)
def list_trajectories(request: HttpRequest, council_id: int):
    """Newest received first."""
    council = _seated_council(request.auth, council_id)
    rows = (
        selectors.trajectories_for(council)
        .order_by("-received", "-pk")
        .values("id", "kind", "title", "received", "deadline", "state")
    )
    return list(rows)


@router.post(
    "/councils/{council_id}/trajectories",
    auth=signed_in,
    response=responses({201: TrajectoryOut}, 400, 403, 404),
    summary="Leg een nieuw traject vast (voorzitter of secretaris)",
)
def create_trajectory(request: HttpRequest, council_id: int, payload: TrajectoryIn):
    """Answers the trajectory with its computed ``deadline``."""
    user = request.auth
    council = _seated_council(user, council_id)
    if not selectors.standing(user, council).officer:
        raise ApiError(
            403,
            "officers_only",
            gettext(
                "Alleen wie de raad leidt, zoals de voorzitter en de secretaris, legt "
                "trajecten vast."
            ),
        )
    try:
        trajectory = services.create_trajectory(
            council=council,
            kind=payload.kind,
            title=payload.title,
            received=payload.received,
            deadline=payload.deadline,
            by=user,
        )
    except services.CouncilworkError as exc:
        raise ApiError(422, "invalid", str(exc)) from exc
    return Status(201, _out(trajectory))


@router.get(
    "/meetings",
    auth=signed_in,
    response=responses({200: list[MeetingOut]}),
    summary="De vergaderingen van de raden waarin u zit",
)
def list_meetings(request: HttpRequest):
    """Cancelled meetings are left out; the latest first."""
    seats = Seat.objects.filter(Seat.current_q(timezone.localdate()), person=request.auth)
    rows = (
        Meeting.objects.filter(council_id__in=seats.values("council_id"), cancelled_at__isnull=True)
        .order_by("-starts_at", "-pk")
        .values("id", "council_id", "title", "starts_at", "ends_at", "location", "agenda_sent_at")
    )
    return [
        {
            "id": row["id"],
            "council": row["council_id"],
            "title": row["title"],
            "starts_at": row["starts_at"],
            "ends_at": row["ends_at"],
            "location": row["location"],
            "agenda_sent": row["agenda_sent_at"] is not None,
        }
        for row in rows
    ]
