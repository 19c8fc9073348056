"""Meetings with their agendas and minutes, and the decisions and actions that run across them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Meeting(models.Model):
    council = models.ForeignKey(
        "organisations.Council",
        on_delete=models.CASCADE,
        related_name="councilwork_meetings",
        verbose_name=_("raad"),
    )
    title = models.CharField(_("titel"), max_length=200, default=_("Vergadering"))
    starts_at = models.DateTimeField(_("begint om"))
    ends_at = models.DateTimeField(_("eindigt om"), null=True, blank=True)
    location = models.CharField(_("plaats"), max_length=200, blank=True)
    online_url = models.URLField(_("link voor online meedoen"), blank=True)
    # Raised each time the agenda goes out, so a changed agenda can be sent again and each
    # member gets each version once (MeetingNotice is unique per meeting, person and revision).
    agenda_revision = models.PositiveSmallIntegerField(default=0)
    agenda_sent_at = models.DateTimeField(_("agenda verstuurd op"), null=True, blank=True)
    minutes = models.TextField(_("verslag"), max_length=20000, blank=True)
    minutes_approved_on = models.DateField(_("verslag vastgesteld op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("vergadering")
        verbose_name_plural = _("vergaderingen")
        indexes = [models.Index(fields=["council", "starts_at"])]

    def __str__(self) -> str:
        return self.title


class MeetingNotice(models.Model):
    """The agenda of one revision sent to one person: the record that makes sending once-only."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="notices")
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    revision = models.PositiveSmallIntegerField()
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "person", "revision"], name="meeting_notice_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} → {self.person} ({self.revision})"


class AgendaItem(models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    title = models.CharField(_("onderwerp"), max_length=200)
    description = models.TextField(_("toelichting"), max_length=4000, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie brengt het in"),
    )
    decision_wanted = models.BooleanField(_("er moet een besluit komen"), default=False)
    trajectory = models.ForeignKey(
        "councilwork.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="agenda_items",
        verbose_name=_("hoort bij traject"),
    )
    minutes_note = models.TextField(_("verslag bij dit punt"), max_length=8000, blank=True)

    class Meta:
        ordering = ["meeting", "position", "pk"]
        verbose_name = _("agendapunt")
        verbose_name_plural = _("agendapunten")

    def __str__(self) -> str:
        return self.title


class Decision(models.Model):
    """An entry of the council's decisions list (besluitenlijst)."""

    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="councilwork_decisions"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="decisions"
    )
    trajectory = models.ForeignKey(
        "councilwork.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="decisions",
    )
    text = models.TextField(_("besluit"), max_length=2000)
    decided_on = models.DateField(_("datum"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-decided_on", "-pk"]
        verbose_name = _("besluit")
        verbose_name_plural = _("besluitenlijst")
        indexes = [models.Index(fields=["council", "decided_on"])]

    def __str__(self) -> str:
        return self.text[:80]


class ActionItem(models.Model):
    """An entry of the council's action list: who does what, by when."""

    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="councilwork_actions"
    )
    meeting = models.ForeignKey(
        Meeting, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    agenda_item = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="actions"
    )
    text = models.CharField(_("actie"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("wie"),
    )
    due_on = models.DateField(_("klaar op"), null=True, blank=True)
    done_at = models.DateTimeField(_("gedaan op"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["done_at", "due_on", "pk"]
        verbose_name = _("actie")
        verbose_name_plural = _("actielijst")
        indexes = [models.Index(fields=["council", "done_at", "due_on"])]

    def __str__(self) -> str:
        return self.text
