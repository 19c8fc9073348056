"""Quotes policy staff choose for the reports (issue 13, part 6).

A quote is an excerpt of a signal's text or of a co-signature's account, in the words of the
council. Reports show it without the council's name or the care provider: only the sector and
the year, so that it cannot be traced back to one council.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ReportQuote(models.Model):
    signal = models.ForeignKey(
        "advocacy.Signal",
        verbose_name=_("signaal"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_quotes",
    )
    cosignature = models.ForeignKey(
        "advocacy.CoSignature",
        verbose_name=_("wij zien dit ook"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_quotes",
    )
    # For a dossier's report; without one the quote is used in reports of a period that
    # holds its signal.
    dossier = models.ForeignKey(
        "advocacy.Dossier",
        verbose_name=_("dossier"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_quotes",
    )
    text = models.TextField(_("citaat"), max_length=1000)
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("citaat voor een rapport")
        verbose_name_plural = _("citaten voor rapporten")
        ordering = ["created_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(signal__isnull=False, cosignature__isnull=True)
                | Q(signal__isnull=True, cosignature__isnull=False),
                name="quote_from_signal_or_cosignature",
            )
        ]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def source_signal_id(self) -> int | None:
        return self.signal_id if self.signal_id else getattr(self.cosignature, "signal_id", None)
