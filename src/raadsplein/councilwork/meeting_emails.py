"""The e-mails of meetings: the agenda (and a changed agenda), a cancellation, and the
reminder to officers that an agenda has not gone out. Each in the recipient's language, with
links built from the site's base URL and ``Auto-Submitted: auto-generated``."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.web import links

from .meeting_calendar import meeting_ics

SUBJECT_PREFIX = "[Raadsplein] "


def _url(name: str, **kwargs) -> str:
    return links.absolute(reverse(f"councilwork:{name}", kwargs=kwargs))


def _when(meeting) -> str:
    return formats.date_format(timezone.localtime(meeting.starts_at), "j F Y")


def agenda_context(meeting, items) -> dict:
    """What every member's agenda mail shows (the same for each, so built once)."""
    council_id = meeting.council_id

    def doc(d):
        return {
            "name": d.title or d.original_name,
            "url": _url("document", council_id=council_id, document_id=d.pk),
        }

    meeting_docs = [
        doc(d) for d in meeting.documents.filter(agenda_item__isnull=True).order_by("pk")
    ]
    return {
        "meeting": meeting,
        "council": meeting.council,
        "items": [
            {
                "item": item,
                # Continuation lines keep the item's indent in the plain-text mail.
                "description": "\n   ".join(item.description.splitlines()),
                "documents": [doc(d) for d in item.documents.all()],
            }
            for item in items
        ],
        "meeting_documents": meeting_docs,
        "meeting_url": _url("meeting", council_id=council_id, meeting_id=meeting.pk),
    }


def _send(person, *, subject, template: str, context: dict, ics: bytes | None = None) -> None:
    """Render and send one mail to ``person`` in their language. ``subject`` is a lazy msgid
    with ``%(title)s`` and ``%(date)s``."""
    meeting = context["meeting"]
    with translation.override(person.mail_language):
        subject = str(subject) % {"title": meeting.title, "date": _when(meeting)}
        body = render_to_string(f"councilwork/email/{template}.txt", {**context, "person": person})
        message = EmailMessage(
            subject=SUBJECT_PREFIX + subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
            headers={"Auto-Submitted": "auto-generated"},
        )
        if ics is not None:
            method = "CANCEL" if b"METHOD:CANCEL" in ics else "PUBLISH"
            message.attach(
                _("vergadering") + ".ics", ics, f"text/calendar; charset=utf-8; method={method}"
            )
        message.send()


def send_agenda(meeting, person, *, revision: int, context: dict) -> None:
    changed = revision > 1
    subject = (
        gettext_lazy("Gewijzigde agenda: %(title)s van %(date)s")
        if changed
        else gettext_lazy("Agenda: %(title)s van %(date)s")
    )
    _send(
        person,
        subject=subject,
        template="meeting_agenda",
        context={**context, "changed": changed},
        ics=meeting_ics(meeting),
    )


def send_cancellation(meeting, person, *, reason: str = "") -> None:
    _send(
        person,
        subject=gettext_lazy("Afgezegd: %(title)s van %(date)s"),
        template="meeting_cancelled",
        context={
            "meeting": meeting,
            "council": meeting.council,
            "reason": reason,
            "meeting_url": _url("meeting", council_id=meeting.council_id, meeting_id=meeting.pk),
        },
        ics=meeting_ics(meeting, cancel=True),
    )


def send_reminder(meeting, person, *, needed: int, ahead: int) -> None:
    _send(
        person,
        subject=gettext_lazy("Agenda nog niet verstuurd: %(title)s van %(date)s"),
        template="meeting_reminder",
        context={
            "meeting": meeting,
            "council": meeting.council,
            "needed": needed,
            "ahead": max(ahead, 0),
            "send_url": _url("meeting_send", council_id=meeting.council_id, meeting_id=meeting.pk),
        },
    )
