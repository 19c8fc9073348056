"""/api/v1/events/: upcoming sessions with free seats, and booking a place for yourself."""

import datetime

from django.http import HttpRequest
from ninja import Router, Schema, Status

from raadsplein.api import api_user, signed_in

from . import selectors, services
from .models import AccessNeed, Session

router = Router(tags=["agenda"])


class SessionOut(Schema):
    id: int
    event_slug: str
    title: str
    kind: str
    audience: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    online: bool
    location: str
    region: str | None
    programme: str | None
    themes: list[str]
    capacity: int
    free_seats: int
    waiting_list: int
    my_status: str | None = None


class BookingIn(Schema):
    access_needs: list[str] = []
    access_needs_other: str = ""


class BookingOut(Schema):
    id: int
    session_id: int
    status: str
    message: str


class ErrorOut(Schema):
    detail: str
    code: str


def _out(s: Session) -> SessionOut:
    return SessionOut(
        id=s.pk,
        event_slug=s.event.slug,
        title=s.event.title,
        kind=s.event.kind,
        audience=s.event.audience,
        starts_at=s.starts_at,
        ends_at=s.ends_at,
        online=s.is_online,
        location=s.location,
        region=s.event.region.slug if s.event.region else None,
        programme=s.event.programme.slug if s.event.programme else None,
        themes=[t.slug for t in s.event.themes.all()],
        capacity=s.capacity,
        free_seats=s.free_seats,
        waiting_list=s.waiting,
        my_status=getattr(s, "my_status", None),
    )


@router.get("/", response=list[SessionOut], summary="Komende sessies met vrije plaatsen")
def list_sessions(
    request: HttpRequest, kind: str = "", theme: str = "", region: str = "", limit: int = 200
):
    """Upcoming sessions of the events the caller may see (members-only events for members),
    with free seats and, for a signed-in caller, their own booking status."""
    user = api_user(request)
    limit = max(1, min(limit, 500))
    qs = selectors.upcoming_sessions(user, kind=kind, theme=theme, region=region)
    return [_out(s) for s in qs[:limit]]


@router.post(
    "/sessions/{session_id}/bookings",
    auth=signed_in,
    response={201: BookingOut, 400: ErrorOut, 403: ErrorOut, 404: ErrorOut, 409: ErrorOut},
    summary="Boek een plaats voor uzelf",
)
def create_booking(request: HttpRequest, session_id: int, payload: BookingIn | None = None):
    """Answers status ``confirmed`` or ``waitlisted``, or an error with a Dutch message."""
    user = request.auth
    payload = payload or BookingIn()
    try:
        session = selectors.session_for_booking(user, session_id)
    except Session.DoesNotExist:
        return Status(404, ErrorOut(detail="Deze sessie bestaat niet.", code="not_found"))
    if any(code not in AccessNeed.values for code in payload.access_needs):
        return Status(
            400,
            ErrorOut(
                detail="Onbekende toegankelijkheidswens. Kies uit: " + ", ".join(AccessNeed.values),
                code="invalid",
            ),
        )
    try:
        booking = services.book_seat(
            session=session,
            person=user,
            access_needs=payload.access_needs,
            access_needs_other=payload.access_needs_other,
        )
    except services.BookingError as err:
        status = {
            "duplicate": 409,
            "overlap": 409,
            "council_cap": 409,
            "closed": 409,
            "cancelled": 409,
            "members_only": 403,
        }.get(err.code, 400)
        return Status(status, ErrorOut(detail=err.message, code=err.code))
    message = (
        "Geboekt: u heeft een plaats."
        if booking.status == "confirmed"
        else "De sessie is vol: u staat op de wachtlijst."
    )
    return Status(
        201,
        BookingOut(id=booking.pk, session_id=session.pk, status=booking.status, message=message),
    )
