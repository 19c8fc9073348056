"""/api/v1/events/: upcoming sessions with free seats, and booking a place for yourself."""

import datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Router, Schema, Status
from pydantic import WithJsonSchema

from raadsplein.api import ApiError, api_user, one_of, responses, signed_in, text, whole_number

from . import selectors, services
from .models import AccessNeed, Audience, BookingStatus, EventKind, Session, access_needs_for

router = Router(tags=["agenda"])

# Declared as an enum in the schema; checked by the endpoint, which answers an unknown
# value with 400 ``invalid`` and the list of valid ones (as it did before the schema said so).
AccessNeedCode = Annotated[str, WithJsonSchema({"type": "string", "enum": list(AccessNeed.values)})]


class SessionOut(Schema):
    id: int
    event_slug: str
    title: str
    kind: one_of(EventKind)
    audience: one_of(Audience)
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
    my_status: one_of(BookingStatus) | None = None


class BookingIn(Schema):
    access_needs: list[AccessNeedCode] = []
    access_needs_other: text(max_length=300) = ""


class BookingOut(Schema):
    id: int
    session_id: int
    status: one_of(BookingStatus)
    message: str


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


@router.get(
    "/",
    response=responses({200: list[SessionOut]}),
    summary="Komende sessies met vrije plaatsen",
)
def list_sessions(
    request: HttpRequest,
    kind: one_of(EventKind) | None = None,
    theme: text(max_length=100) = "",
    region: text(max_length=100) = "",
    limit: whole_number(ge=1, le=500) = 200,
):
    """Upcoming sessions of the events the caller may see (members-only events for members),
    with free seats and, for a signed-in caller, their own booking status."""
    user = api_user(request)
    qs = selectors.upcoming_sessions(user, kind=kind or "", theme=theme, region=region)
    return [_out(s) for s in qs[:limit]]


BOOKING_ERROR_STATUS = {
    "duplicate": 409,
    "overlap": 409,
    "council_cap": 409,
    "closed": 409,
    "cancelled": 409,
    "members_only": 403,
}


@router.post(
    "/sessions/{session_id}/bookings",
    auth=signed_in,
    response=responses({201: BookingOut}, 400, 403, 404, 409),
    summary="Boek een plaats voor uzelf",
)
def create_booking(request: HttpRequest, session_id: int, payload: BookingIn | None = None):
    """Answers status ``confirmed`` or ``waitlisted``, or an error with a Dutch message."""
    user = request.auth
    payload = payload or BookingIn()
    try:
        session = selectors.session_for_booking(user, session_id)
    except Session.DoesNotExist as exc:
        raise ApiError(404, "not_found", gettext("Deze sessie bestaat niet.")) from exc
    fitting = [code for code, _label in access_needs_for(session)]
    if any(code not in fitting for code in payload.access_needs):
        raise ApiError(
            400,
            "invalid",
            gettext("Deze toegankelijkheidswens past niet bij deze sessie. Kies uit: %(codes)s")
            % {"codes": ", ".join(fitting)},
        )
    try:
        booking = services.book_seat(
            session=session,
            person=user,
            access_needs=payload.access_needs,
            access_needs_other=payload.access_needs_other,
        )
    except services.BookingError as err:
        raise ApiError(BOOKING_ERROR_STATUS.get(err.code, 400), err.code, err.message) from err
    message = (
        gettext("Geboekt: u heeft een plaats.")
        if booking.status == "confirmed"
        else gettext("De sessie is vol: u staat op de wachtlijst.")
    )
    return Status(
        201,
        BookingOut(id=booking.pk, session_id=session.pk, status=booking.status, message=message),
    )
