"""What the newsletter keeps about a person with an account: their subscription (the address,
its state, their preferences and where their consent came from). For "Mijn gegevens" and for
erasure, which deletes the subscription with its delivery records and confirmation rounds.

A subscription belongs to a person when it is linked to their account, or when it is for the
address of their account (someone who subscribed on the website before signing up)."""

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from .models import Subscriber


def _date(value):
    return timezone.localtime(value).isoformat() if value else None


def _subscriptions(user):
    email = (user.email or "").lower()
    return Subscriber.objects.filter(Q(user=user) | Q(email=email)).prefetch_related(
        "sectors", "themes"
    )


def export_newsletter_data(user) -> dict:
    return {
        "abonnementen": [
            {
                "email": s.email,
                "status": s.get_status_display(),
                "naam_in_aanhef": s.name,
                "aanspreekvorm": s.form_of_address,
                "sectoren": [c.name for c in s.sectors.all()],
                "themas": [t.name for t in s.themes.all()],
                "bron_toestemming": s.consent_source,
                "toestemming_op": _date(s.consent_at),
                "bevestigd_op": _date(s.confirmed_at),
                "afgemeld_op": _date(s.unsubscribed_at),
            }
            for s in _subscriptions(user).order_by("pk")
        ]
    }


@transaction.atomic
def erase_newsletter_data(user) -> None:
    """Delete the subscription; its deliveries and confirmation rounds go with it."""
    _subscriptions(user).delete()


def register() -> None:
    from django.utils.translation import gettext_lazy as _

    from raadsplein.accounts import personal_data
    from raadsplein.accounts.models import FormOfAddress

    personal_data.register(
        key="newsletter",
        label=_("Nieuwsbrief"),
        export=export_newsletter_data,
        erase=erase_newsletter_data,
        labels={
            "abonnementen": _("Uw aanmelding voor de nieuwsbrief"),
            "naam_in_aanhef": _("Naam in de aanhef"),
            "aanspreekvorm": _("Aanspreekvorm"),
            "sectoren": _("Zorgsectoren"),
            "themas": _("Thema's"),
            "bron_toestemming": _("Bron van de toestemming"),
            "toestemming_op": _("Toestemming gegeven op"),
            "bevestigd_op": _("Bevestigd op"),
            "afgemeld_op": _("Afgemeld op"),
        },
        choices={"aanspreekvorm": dict(FormOfAddress.choices)},
    )
