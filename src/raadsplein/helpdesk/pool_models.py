"""Expert pools: volunteers (Bouwpool, Zorg & Geld, more as data) to whom an advisor forwards a
question, sharing only what the pool needs.

Being an active member of a pool is the expert role: no staff group, no admin access. A member
sees a question only through a ``Forward`` to one of their pools that was not withdrawn, and
only until ``access_until`` (the question's closing moment plus
``VRAAGBAAK_POOL_ACCESS_DAYS``; while the question is open, access runs on). Every opening by
an expert is written to the audit log (``helpdesk.pool.opened``).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["ExpertPool", "Forward", "PoolAnswer", "PoolMember"]


class ExpertPool(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=60, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    active = models.BooleanField(
        _("actief"),
        default=True,
        help_text=_("Alleen naar een actieve pool kunnen vragen worden doorgestuurd."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("expertpool")
        verbose_name_plural = _("expertpools")

    def __str__(self) -> str:
        return self.name


class PoolMember(models.Model):
    """A volunteer in a pool, from ``since`` until ``until`` (empty: still a member)."""

    pool = models.ForeignKey(
        ExpertPool, verbose_name=_("pool"), on_delete=models.CASCADE, related_name="members"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        on_delete=models.CASCADE,
        related_name="helpdesk_pool_memberships",
    )
    since = models.DateField(_("lid sinds"), default=timezone.localdate)
    until = models.DateField(_("lid tot en met"), null=True, blank=True)

    class Meta:
        ordering = ["pool", "user"]
        verbose_name = _("lid van een expertpool")
        verbose_name_plural = _("leden van expertpools")
        constraints = [
            models.UniqueConstraint(fields=["pool", "user"], name="helpdesk_pool_member_once")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.pool})"

    @staticmethod
    def current_q(day: datetime.date, prefix: str = "") -> models.Q:
        """Members on ``day`` (``prefix`` for a lookup through a relation, e.g. "members__")."""
        return models.Q(**{f"{prefix}since__lte": day}) & (
            models.Q(**{f"{prefix}until__isnull": True}) | models.Q(**{f"{prefix}until__gte": day})
        )


class Forward(models.Model):
    """An advisor hands a question to a pool, with a note and a choice of what the pool sees."""

    question = models.ForeignKey(
        "helpdesk.Question",
        verbose_name=_("vraag"),
        on_delete=models.CASCADE,
        related_name="forwards",
    )
    pool = models.ForeignKey(
        ExpertPool, verbose_name=_("pool"), on_delete=models.PROTECT, related_name="forwards"
    )
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("doorgestuurd door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    note = models.TextField(_("toelichting voor de pool"))
    share_question = models.BooleanField(_("de vraag zelf delen"), default=True)
    shared_messages = models.ManyToManyField(
        "helpdesk.Message", verbose_name=_("gedeelde berichten"), blank=True, related_name="+"
    )
    may_answer_council = models.BooleanField(_("mag de raad direct antwoorden"), default=False)
    created_at = models.DateTimeField(_("doorgestuurd op"), default=timezone.now)
    withdrawn_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("doorgestuurde vraag")
        verbose_name_plural = _("doorgestuurde vragen")
        indexes = [models.Index(fields=["pool", "-created_at"])]

    def __str__(self) -> str:
        return f"{self.question.reference} → {self.pool}"

    def access_until(self) -> datetime.datetime | None:
        """Until when the pool may look: the question's closing plus the setting's days;
        None while the question is not closed (access runs on)."""
        closed_at = self.question.closed_at
        if closed_at is None:
            return None
        return closed_at + datetime.timedelta(days=settings.VRAAGBAAK_POOL_ACCESS_DAYS)

    def is_live(self, now: datetime.datetime | None = None) -> bool:
        if self.withdrawn_at is not None:
            return False
        until = self.access_until()
        return until is None or (now or timezone.now()) < until


class PoolAnswer(models.Model):
    """Marks a message as an expert's answer through a forward: an internal note to the advisor
    (``to_council`` False) or, where the advisor allowed it, the answer sent to the council."""

    forward = models.ForeignKey(Forward, on_delete=models.CASCADE, related_name="answers")
    message = models.OneToOneField(
        "helpdesk.Message", on_delete=models.CASCADE, related_name="pool_answer"
    )
    to_council = models.BooleanField(default=False)

    class Meta:
        ordering = ["message__created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.forward}: {self.message_id}"
