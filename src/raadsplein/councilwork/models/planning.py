"""The year plan and the annual report (jaarverslag)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class YearPlan(models.Model):
    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="year_plans"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    intro = models.TextField(_("inleiding"), max_length=4000, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["council", "-year"]
        verbose_name = _("jaarplan")
        verbose_name_plural = _("jaarplannen")
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="year_plan_once"),
        ]

    def __str__(self) -> str:
        return f"{self.council} {self.year}"


class YearPlanTopic(models.Model):
    plan = models.ForeignKey(YearPlan, on_delete=models.CASCADE, related_name="topics")
    title = models.CharField(_("onderwerp"), max_length=200)
    description = models.TextField(_("toelichting"), max_length=2000, blank=True)
    quarter = models.PositiveSmallIntegerField(_("kwartaal"), null=True, blank=True)
    planned_kind = models.CharField(_("verwacht traject"), max_length=20, blank=True)
    trajectory = models.ForeignKey(
        "councilwork.Trajectory",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plan_topics",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "quarter", "position", "pk"]
        verbose_name = _("onderwerp in het jaarplan")
        verbose_name_plural = _("onderwerpen in het jaarplan")

    def __str__(self) -> str:
        return self.title


class AnnualReport(models.Model):
    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="annual_reports"
    )
    year = models.PositiveSmallIntegerField(_("jaar"))
    text = models.TextField(_("tekst"), max_length=100000)
    generated_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revision = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["council", "-year"]
        verbose_name = _("jaarverslag")
        verbose_name_plural = _("jaarverslagen")
        constraints = [
            models.UniqueConstraint(fields=["council", "year"], name="annual_report_once"),
        ]

    def __str__(self) -> str:
        return f"{self.council} {self.year}"
