"""The participation scheme's text, written together: every save is a new version with its
author and time; comments sit on a passage of a version."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SchemeVersion(models.Model):
    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="scheme_versions"
    )
    number = models.PositiveIntegerField(_("versie"))
    text = models.TextField(_("tekst"), max_length=200000)
    note = models.CharField(_("wat is er veranderd"), max_length=300, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # Kept when the author's account is erased, so the history still reads.
    author_label = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["council", "-number"]
        verbose_name = _("versie van de medezeggenschapsregeling")
        verbose_name_plural = _("versies van medezeggenschapsregelingen")
        constraints = [
            models.UniqueConstraint(fields=["council", "number"], name="scheme_version_number"),
        ]

    def __str__(self) -> str:
        return f"{self.council} — {self.number}"


class SchemeComment(models.Model):
    version = models.ForeignKey(SchemeVersion, on_delete=models.CASCADE, related_name="comments")
    passage = models.CharField(_("bij de tekst"), max_length=500)
    paragraph = models.PositiveIntegerField(null=True, blank=True)
    body = models.TextField(_("opmerking"), max_length=2000)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_label = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["paragraph", "created_at", "pk"]
        verbose_name = _("opmerking bij de regeling")
        verbose_name_plural = _("opmerkingen bij de regeling")

    def __str__(self) -> str:
        return self.body[:80]
