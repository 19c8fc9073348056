"""Recruiting and welcoming members: vacancies, their candidates (only what the procedure
needs, removed when it ends) and a new member's onboarding checklist."""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class VacancyState(models.TextChoices):
    OPEN = "open", _("Open")
    FILLED = "filled", _("Vervuld")
    CLOSED = "closed", _("Gesloten zonder nieuw lid")


class Vacancy(models.Model):
    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="vacancies"
    )
    title = models.CharField(_("titel"), max_length=200)
    role = models.CharField(_("rol"), max_length=30, default="lid")
    text = models.TextField(_("tekst om te delen"), max_length=6000)
    opens_on = models.DateField(_("open vanaf"), default=timezone.localdate)
    closes_on = models.DateField(_("reageren kan tot"), null=True, blank=True)
    state = models.CharField(
        _("stand"), max_length=10, choices=VacancyState.choices, default=VacancyState.OPEN
    )
    # The shareable page shows only the vacancy text, and only while ``shared`` is on.
    share_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    shared = models.BooleanField(_("openbaar te delen"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("vacature")
        verbose_name_plural = _("vacatures")

    def __str__(self) -> str:
        return self.title


class CandidateState(models.TextChoices):
    NEW = "new", _("Aangemeld")
    TALKED = "talked", _("Kennismaking gehad")
    CHOSEN = "chosen", _("Gekozen")
    NOT_CHOSEN = "not_chosen", _("Niet gekozen")


class Candidate(models.Model):
    """Someone who responded to a vacancy. Deleted when the vacancy's procedure ends."""

    vacancy = models.ForeignKey(Vacancy, on_delete=models.CASCADE, related_name="candidates")
    name = models.CharField(_("naam"), max_length=200)
    email = models.EmailField(_("e-mailadres"), blank=True)
    phone = models.CharField(_("telefoon"), max_length=40, blank=True)
    note = models.TextField(_("aantekening"), max_length=1000, blank=True)
    state = models.CharField(
        _("stand"), max_length=12, choices=CandidateState.choices, default=CandidateState.NEW
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("kandidaat")
        verbose_name_plural = _("kandidaten")

    def __str__(self) -> str:
        return self.name


class Onboarding(models.Model):
    """A new member's checklist: which of the steps (``onboarding.STEPS``) are done."""

    seat = models.OneToOneField(
        "organisations.Seat", on_delete=models.CASCADE, related_name="onboarding"
    )
    done = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("inwerklijst")
        verbose_name_plural = _("inwerklijsten")

    def __str__(self) -> str:
        return str(self.seat)
