"""The e-mails this app sends, rendered from templates in events/email/ in the language of the
person they are for (their profile's choice, else the site's language)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.web import links

from .calendar import session_ics

SUBJECT_PREFIX = "[Raadsplein] "


def _absolute(path: str) -> str:
    return links.absolute(path)


def _send(
    booking, *, subject, template: str, context: dict, ics: bool = False, with_title: bool = True
) -> None:
    """Render and send one mail to the booking's person, in that person's language.

    ``subject`` is a lazy msgid with a ``%(title)s`` placeholder (the event's title), turned
    into text inside the recipient's language; with ``with_title=False`` it goes out as is.
    """
    person = booking.person
    with translation.override(person.mail_language):
        subject = str(subject)
        if with_title:
            subject %= {"title": booking.session.event.title}
        body = render_to_string(
            f"events/email/{template}.txt",
            {**context, "my_bookings_url": _absolute(reverse("events:my_bookings"))},
        )
        message = EmailMessage(
            subject=SUBJECT_PREFIX + subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        if ics:
            message.attach(
                _("bijeenkomst") + ".ics",
                session_ics(booking.session, with_link=True),
                "text/calendar; charset=utf-8; method=PUBLISH",
            )
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
        booking,
        subject=gettext_lazy("Bevestiging: %(title)s"),
        template="confirmation",
        context=_ctx(booking),
        ics=True,
    )


def send_waitlisted(booking) -> None:
    _send(
        booking,
        subject=gettext_lazy("Op de wachtlijst: %(title)s"),
        template="waitlisted",
        context=_ctx(booking),
    )


def send_offer(booking) -> None:
    _send(
        booking,
        subject=gettext_lazy("Er is een plaats vrij: %(title)s"),
        template="offer",
        context=_ctx(booking),
    )


def send_offer_expired(booking) -> None:
    _send(
        booking,
        subject=gettext_lazy("Aanbod verlopen: %(title)s"),
        template="offer_expired",
        context=_ctx(booking),
    )


def send_cancelled(booking) -> None:
    _send(
        booking,
        subject=gettext_lazy("Afgemeld: %(title)s"),
        template="cancelled",
        context=_ctx(booking),
    )


def send_reminder(booking, kind: str) -> None:
    from .models import ReminderKind

    if kind == ReminderKind.LINK:
        subject = gettext_lazy("Zo begint het: link voor %(title)s")
        template = "reminder_link"
    else:
        subject = gettext_lazy("Herinnering: %(title)s")
        template = "reminder_before"
    _send(booking, subject=subject, template=template, context=_ctx(booking), ics=True)


def send_evaluation_request(booking) -> None:
    ctx = _ctx(booking)
    ctx["evaluation_url"] = _absolute(reverse("events:evaluate", args=[booking.pk]))
    _send(
        booking,
        subject=gettext_lazy("Wat vond u van %(title)s?"),
        template="evaluation",
        context=ctx,
    )


def send_staff_message(booking, *, subject: str, body: str) -> None:
    """Staff's own words go out as written; only the frame around them is translated."""
    ctx = _ctx(booking)
    ctx["body"] = body
    _send(booking, subject=subject, template="staff_message", context=ctx, with_title=False)
