"""The e-mails of organisations, in the language of the person they are for."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from raadsplein.web import links

SUBJECT_PREFIX = "[Raadsplein] "


def send_council_message(message, *, recipients: list) -> None:
    """One mail per recipient, so nobody sees another's address; replies go to the sender."""
    from . import selectors

    sender = message.sender
    sender_councils = [s.council.name for s in selectors.current_seats_for(sender)]
    for person in recipients:
        with translation.override(person.mail_language):
            body = render_to_string(
                "organisations/email/council_message.txt",
                {
                    "message": message,
                    "sender_name": sender.get_full_name() or sender.email,
                    "sender_email": sender.email,
                    "sender_councils": sender_councils,
                    "council": message.council,
                    "profile_url": links.absolute_reverse(
                        "organisations:council_profile", message.council.pk
                    ),
                },
            )
            EmailMessage(
                subject=SUBJECT_PREFIX
                + _("Bericht voor %(council)s van een andere raad") % {"council": message.council},
                body=body,
                from_email=settings.DEFAULT_FROM_EMAIL,
                to=[person.email],
                reply_to=[sender.email],
                headers={"Auto-Submitted": "auto-generated"},
            ).send()
