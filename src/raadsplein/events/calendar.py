"""iCalendar (.ics) for sessions: an attachment, a download and a personal feed."""

from collections.abc import Iterable

from django.utils import timezone
from icalendar import Calendar
from icalendar import Event as IcsEvent

from raadsplein.web import links

PRODID = "-//Raadsplein//Agenda//NL"


def _domain() -> str:
    return links.domain()


def _calendar(name: str = "") -> Calendar:
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    if name:
        cal.add("x-wr-calname", name)
    return cal


def _vevent(session, *, with_link: bool, method_cancel: bool = False) -> IcsEvent:
    ev = IcsEvent()
    ev.add("uid", f"sessie-{session.pk}@{_domain()}")
    ev.add("dtstamp", timezone.now())
    ev.add("dtstart", session.starts_at)
    ev.add("dtend", session.ends_at)
    ev.add("summary", session.event.title)
    description = session.event.summary or ""
    if with_link and session.meeting_url:
        description = f"{description}\n\nLink: {session.meeting_url}".strip()
    if description:
        ev.add("description", description)
    if session.is_online:
        ev.add("location", session.meeting_url if with_link and session.meeting_url else "Online")
    elif session.location:
        ev.add("location", session.location)
    ev.add("status", "CANCELLED" if method_cancel or session.is_cancelled else "CONFIRMED")
    return ev


def session_ics(session, *, with_link: bool = False) -> bytes:
    """One session as an .ics file. The meeting link only goes to confirmed participants."""
    cal = _calendar()
    cal.add("method", "PUBLISH")
    cal.add_component(_vevent(session, with_link=with_link))
    return cal.to_ical()


def feed_ics(bookings: Iterable, *, name: str) -> bytes:
    """A person's feed: every booking still active, with the link for confirmed ones."""
    from .models import BookingStatus

    cal = _calendar(name)
    for booking in bookings:
        cal.add_component(
            _vevent(booking.session, with_link=booking.status == BookingStatus.CONFIRMED)
        )
    return cal.to_ical()
