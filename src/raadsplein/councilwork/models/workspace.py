"""The council's workspace itself: its scheme's settings, advisors it lets in, and its files."""

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class DisputeCommittee(models.TextChoices):
    NATIONAL = "national", _("Landelijke Commissie van Vertrouwenslieden (LCvV)")
    OWN = "own", _("Eigen commissie van vertrouwenslieden van de zorgaanbieder")
    OTHER = "other", _("Een andere commissie")


class SchemeSettings(models.Model):
    """What the council's participation scheme (medezeggenschapsregeling) sets. These drive
    the deadlines of trajectories, the warnings about terms and when an agenda goes out.
    Empty means: the scheme says nothing about it (or the council has not filled it in)."""

    council = models.OneToOneField(
        "organisations.Council",
        on_delete=models.CASCADE,
        related_name="scheme_settings",
        verbose_name=_("raad"),
    )
    members_target = models.PositiveSmallIntegerField(_("aantal leden"), null=True, blank=True)
    term_years = models.PositiveSmallIntegerField(
        _("zittingstermijn in jaren"), null=True, blank=True
    )
    max_terms = models.PositiveSmallIntegerField(
        _("hoeveel termijnen na elkaar"),
        null=True,
        blank=True,
        help_text=_("Bijvoorbeeld 2: een lid kan één keer worden herbenoemd."),
    )
    advice_days = models.PositiveSmallIntegerField(
        _("termijn voor een advies (dagen)"), null=True, blank=True
    )
    consent_days = models.PositiveSmallIntegerField(
        _("termijn voor instemming (dagen)"), null=True, blank=True
    )
    notice_days = models.PositiveSmallIntegerField(
        _("agenda vooraf versturen (dagen)"),
        default=7,
        help_text=_("Zoveel dagen voor een vergadering krijgen de leden de agenda."),
    )
    budget_cents = models.PositiveIntegerField(
        _("budget per jaar (in centen)"), null=True, blank=True
    )
    meetings_per_year = models.PositiveSmallIntegerField(
        _("vergaderingen per jaar"), null=True, blank=True
    )
    dispute_committee = models.CharField(
        _("commissie bij een geschil"),
        max_length=20,
        choices=DisputeCommittee.choices,
        default=DisputeCommittee.NATIONAL,
    )
    dispute_committee_name = models.CharField(
        _("naam van de commissie"), max_length=200, blank=True
    )
    # Raised on every save: a form posts the revision it started from, so that of two people
    # saving at once the second is told (services.save_scheme_settings).
    revision = models.PositiveIntegerField(default=0)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("instellingen van de medezeggenschapsregeling")
        verbose_name_plural = _("instellingen van medezeggenschapsregelingen")

    def __str__(self) -> str:
        return str(self.council)


class AdvisorAccess(models.Model):
    """An advisor of the organisation let into one council's workspace, until an end date.
    Staff see nothing of a workspace without one; every visit under it is logged."""

    council = models.ForeignKey(
        "organisations.Council",
        on_delete=models.CASCADE,
        related_name="advisor_accesses",
        verbose_name=_("raad"),
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="councilwork_accesses",
        verbose_name=_("adviseur"),
    )
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    starts_on = models.DateField(_("vanaf"), default=timezone.localdate)
    ends_on = models.DateField(_("tot en met"))
    reason = models.CharField(_("waarvoor"), max_length=200, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("toegang voor een adviseur")
        verbose_name_plural = _("toegang voor adviseurs")
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=models.F("starts_on")),
                name="advisor_access_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["advisor", "council", "ends_on"])]

    def __str__(self) -> str:
        return f"{self.advisor} — {self.council}"

    @staticmethod
    def active_q(today) -> Q:
        return Q(revoked_at__isnull=True, starts_on__lte=today, ends_on__gte=today)

    def is_active(self, today=None) -> bool:
        today = today or timezone.localdate()
        return self.revoked_at is None and self.starts_on <= today <= self.ends_on


def council_file_path(instance: "CouncilDocument", filename: str) -> str:
    # Never the person's file name in the path: it may say what the file is about.
    return f"councilwork/{instance.council_id}/{uuid.uuid4().hex}"


class CouncilDocument(models.Model):
    """A file of the council: a meeting paper, the board's request, a sent advice.

    Private: stored under ``councilwork/`` in the default storage, which ``/media/`` never
    serves (docs/files.md, "Private object files"), under a random name, and served only by
    ``document_views.download`` to who may see the council's workspace."""

    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="councilwork_documents"
    )
    title = models.CharField(_("titel"), max_length=200, blank=True)
    file = models.FileField(_("bestand"), upload_to=council_file_path, max_length=255)
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("grootte"))
    meeting = models.ForeignKey(
        "councilwork.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    agenda_item = models.ForeignKey(
        "councilwork.AgendaItem",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    trajectory = models.ForeignKey(
        "councilwork.Trajectory",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="documents",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("document van de raad")
        verbose_name_plural = _("documenten van raden")
        indexes = [models.Index(fields=["council", "created_at"])]

    def __str__(self) -> str:
        return self.title or self.original_name
