"""Writes shared by the newsletter's parts: the address check, unsubscribing, audit actions.

Subscribing and confirming are in ``subscriptions.py``, composing editions in ``editions.py``,
sending in ``sending.py``, bounces in ``bounces.py``. Every service is keyword-only and atomic
and raises ``NewsletterError`` with a Dutch message that can be shown as it is.
"""

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from .models import Edition, Subscriber, SubscriberStatus

audit.register_action("newsletter.subscriber.imported", gettext_lazy("Abonnees geïmporteerd"))
audit.register_action(
    "newsletter.subscriber.changed", gettext_lazy("Abonnee aangepast door een medewerker")
)
audit.register_action(
    "newsletter.edition.queued", gettext_lazy("Editie van de nieuwsbrief verstuurd")
)
audit.register_action(
    "newsletter.edition.schedule_failed",
    gettext_lazy("Ingeplande editie niet verstuurd (teruggezet naar concept)"),
)
audit.register_action(
    "newsletter.edition.scheduled", gettext_lazy("Editie van de nieuwsbrief ingepland")
)
audit.register_action(
    "newsletter.edition.test_sent", gettext_lazy("Testversie van een editie verstuurd")
)


class NewsletterError(Exception):
    """A refusal with a Dutch message for the person who asked."""


def normalise_email(value: str) -> str:
    """The address as we store it, or ``NewsletterError``: trimmed, lower-cased, valid, and not
    at a throwaway-mail service (``disposable.py``)."""
    from .disposable import is_disposable

    email = (value or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise NewsletterError(
            _("Dit is geen geldig e-mailadres. Controleer het, bijvoorbeeld naam@voorbeeld.nl.")
        ) from error
    if is_disposable(email):
        raise NewsletterError(
            _(
                "Dit adres is van een dienst voor wegwerpadressen. Gebruik een adres dat u blijft "
                "lezen, anders krijgt u de nieuwsbrief niet."
            )
        )
    return email


@transaction.atomic
def unsubscribe(*, subscriber: Subscriber, edition: Edition | None = None, complaint=False) -> bool:
    """Take an address off the list (one click, a link, a complaint). True when it was on it.
    Counts the unsubscribe on the edition it came from; keeps nothing else about it."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    status = SubscriberStatus.COMPLAINED if complaint else SubscriberStatus.UNSUBSCRIBED
    was_on = subscriber.status in (SubscriberStatus.ACTIVE, SubscriberStatus.PENDING)
    if not was_on and not (complaint and subscriber.status != status):
        return False
    subscriber.status = status
    subscriber.unsubscribed_at = timezone.now()
    subscriber.save(update_fields=["status", "unsubscribed_at"])
    if edition is not None and was_on:
        Edition.objects.filter(pk=edition.pk).update(unsubscribes=F("unsubscribes") + 1)
    return was_on
