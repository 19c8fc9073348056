"""A meeting as an iCalendar file (.ics): attached to the agenda mail, downloadable from the
meeting's page, and with METHOD:CANCEL and the same UID when the meeting is cancelled, so the
calendar program takes it out again."""

import datetime

from django.utils import timezone
from icalendar import Calendar, Event

from raadsplein.web import links

PRODID = "-//Raadsplein//Raadswerk//NL"
DEFAULT_LENGTH = datetime.timedelta(hours=2)


def uid(meeting) -> str:
    return f"raadswerk-vergadering-{meeting.pk}@{links.domain()}"


def meeting_ics(meeting, *, cancel: bool = False) -> bytes:
    """The meeting as one VEVENT. The sequence follows the agenda's revision, so a changed
    agenda (and the cancellation after it) replaces the entry in the calendar."""
    from django.urls import reverse

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "CANCEL" if cancel else "PUBLISH")
    event = Event()
    event.add("uid", uid(meeting))
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at or meeting.starts_at + DEFAULT_LENGTH)
    event.add("sequence", meeting.agenda_revision + (1 if cancel else 0))
    event.add("summary", f"{meeting.title} — {meeting.council.name}")
    page = links.absolute(
        reverse(
            "councilwork:meeting",
            kwargs={"council_id": meeting.council_id, "meeting_id": meeting.pk},
        )
    )
    description = page
    if meeting.online_url:
        description = f"{meeting.online_url}\n\n{page}"
    event.add("description", description)
    event.add("url", page)
    if meeting.location:
        event.add("location", meeting.location)
    elif meeting.online_url:
        event.add("location", meeting.online_url)
    event.add("status", "CANCELLED" if cancel or meeting.cancelled_at else "CONFIRMED")
    cal.add_component(event)
    return cal.to_ical()
