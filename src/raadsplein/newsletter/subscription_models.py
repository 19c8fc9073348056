"""A request to subscribe: one confirmation round for one address.

What someone typed on the subscribe form waits here until the address is confirmed, so a
stranger who types another person's address changes nothing on that person's subscription.
The rows also count the confirmation mails an address got (the rate limit) and name the
round in the once-only key of its mail. They go with the subscriber (erasure).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadsplein.accounts.models import FormOfAddress

from .models import Subscriber


class ConfirmationRequest(models.Model):
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.CASCADE, related_name="confirmation_requests"
    )
    name = models.CharField(_("naam"), max_length=120, blank=True)
    form_of_address = models.CharField(
        _("aanspreekvorm"),
        max_length=2,
        choices=FormOfAddress.choices,
        default=FormOfAddress.FORMAL,
    )
    sector_codes = models.JSONField(_("zorgsectoren"), default=list, blank=True)
    theme_ids = models.JSONField(_("thema's"), default=list, blank=True)
    created_at = models.DateTimeField(_("aangevraagd op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)

    class Meta:
        verbose_name = _("aanvraag om aan te melden")
        verbose_name_plural = _("aanvragen om aan te melden")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["subscriber", "created_at"], name="newsletter_confirm_recent")
        ]

    def __str__(self) -> str:
        return f"{self.subscriber_id}:{self.pk}"


__all__ = ["ConfirmationRequest"]
