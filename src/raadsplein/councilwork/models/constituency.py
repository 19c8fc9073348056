"""Contacts with the achterban: who the council reached and what it heard. Never client names."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    MEETING = "meeting", _("Bijeenkomst")
    SURVEY = "survey", _("Enquête of peiling")
    VISIT = "visit", _("Bezoek aan een locatie")
    CONVERSATION = "conversation", _("Gesprek")
    OTHER = "other", _("Anders")


class ConstituencyContact(models.Model):
    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="constituency_contacts"
    )
    kind = models.CharField(_("soort contact"), max_length=20, choices=ContactKind.choices)
    held_on = models.DateField(_("datum"))
    reached = models.CharField(
        _("wie bereikt"),
        max_length=200,
        help_text=_("Bijvoorbeeld: bewoners van afdeling De Linde. Geen namen van cliënten."),
    )
    reached_count = models.PositiveIntegerField(_("hoeveel mensen"), null=True, blank=True)
    heard = models.TextField(_("wat hoorde de raad"), max_length=4000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    agenda_item = models.ForeignKey(
        "councilwork.AgendaItem",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="constituency_contacts",
    )
    signal = models.ForeignKey(
        "advocacy.Signal",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="constituency_contacts",
    )

    class Meta:
        ordering = ["-held_on", "-pk"]
        verbose_name = _("contact met de achterban")
        verbose_name_plural = _("contacten met de achterban")
        indexes = [models.Index(fields=["council", "held_on"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}, {self.held_on}"
