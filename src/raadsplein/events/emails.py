"""The e-mails this app sends, in Dutch, rendered from templates in events/email/."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from raadsplein.web import links

from .calendar import session_ics

SUBJECT_PREFIX = "[Raadsplein] "


def _absolute(path: str) -> str:
    return links.absolute(path)


def _send(*, to: str, subject: str, template: str, context: dict, ics: bytes | None = None):
    with translation.override("nl"):
        body = render_to_string(
            f"events/email/{template}.txt",
            {**context, "my_bookings_url": _absolute(reverse("events:my_bookings"))},
        )
        message = EmailMessage(
            subject=SUBJECT_PREFIX + subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[to],
            headers={"Auto-Submitted": "auto-generated"},
        )
        if ics is not None:
            message.attach("bijeenkomst.ics", ics, "text/calendar; charset=utf-8; method=PUBLISH")
        message.send()


def _ctx(booking) -> dict:
    session = booking.session
    return {
        "booking": booking,
        "session": session,
        "event": session.event,
        "person": booking.person,
        "event_url": _absolute(reverse("events:event_detail", args=[session.event.slug])),
    }


def send_confirmation(booking) -> None:
    _send(
        to=booking.person.email,
        subject=f"Bevestiging: {booking.session.event.title}",
        template="confirmation",
        context=_ctx(booking),
        ics=session_ics(booking.session, with_link=True),
    )


def send_waitlisted(booking) -> None:
    _send(
        to=booking.person.email,
        subject=f"Op de wachtlijst: {booking.session.event.title}",
        template="waitlisted",
        context=_ctx(booking),
    )


def send_offer(booking) -> None:
    _send(
        to=booking.person.email,
        subject=f"Er is een plaats vrij: {booking.session.event.title}",
        template="offer",
        context=_ctx(booking),
    )


def send_offer_expired(booking) -> None:
    _send(
        to=booking.person.email,
        subject=f"Aanbod verlopen: {booking.session.event.title}",
        template="offer_expired",
        context=_ctx(booking),
    )


def send_cancelled(booking) -> None:
    _send(
        to=booking.person.email,
        subject=f"Afgemeld: {booking.session.event.title}",
        template="cancelled",
        context=_ctx(booking),
    )


def send_reminder(booking, kind: str) -> None:
    from .models import ReminderKind

    if kind == ReminderKind.LINK:
        subject = f"Zo begint het: link voor {booking.session.event.title}"
        template = "reminder_link"
    else:
        subject = f"Herinnering: {booking.session.event.title}"
        template = "reminder_before"
    _send(
        to=booking.person.email,
        subject=subject,
        template=template,
        context=_ctx(booking),
        ics=session_ics(booking.session, with_link=True),
    )


def send_evaluation_request(booking) -> None:
    ctx = _ctx(booking)
    ctx["evaluation_url"] = _absolute(reverse("events:evaluate", args=[booking.pk]))
    _send(
        to=booking.person.email,
        subject=f"Wat vond u van {booking.session.event.title}?",
        template="evaluation",
        context=ctx,
    )


def send_staff_message(booking, *, subject: str, body: str) -> None:
    ctx = _ctx(booking)
    ctx["body"] = body
    _send(to=booking.person.email, subject=subject, template="staff_message", context=ctx)
