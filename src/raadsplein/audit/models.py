"""The audit trail: one small, append-only record per act done on someone else's behalf."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from . import registry


class AuditEntryImmutable(Exception):
    """Audit entries are written once; only erasure anonymises their labels (in bulk)."""


class AuditEntry(models.Model):
    """Who (actor) did what (action) to which object, about whom (subject).

    Labels are copied when the entry is written, so the record still reads right after the
    object is gone or the person erased, and a list needs no joins.
    """

    created_at = models.DateTimeField(_("tijdstip"), default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    actor_label = models.CharField(_("door (naam)"), max_length=200, blank=True)
    action = models.CharField(_("handeling"), max_length=100)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("soort object"),
    )
    object_id = models.CharField(_("object-id"), max_length=64, blank=True)
    object_label = models.CharField(_("object"), max_length=200, blank=True)
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("over"),
    )
    subject_label = models.CharField(_("over (naam)"), max_length=200, blank=True)
    council = models.ForeignKey(
        "organisations.Council",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("raad"),
    )
    data = models.JSONField(_("gegevens"), default=dict, blank=True, encoder=DjangoJSONEncoder)

    class Meta:
        verbose_name = _("logboekregel")
        verbose_name_plural = _("logboekregels")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["content_type", "object_id"], name="audit_object_idx"),
            models.Index(fields=["subject", "created_at"], name="audit_subject_idx"),
            models.Index(fields=["actor", "created_at"], name="audit_actor_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.action}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEntryImmutable("Audit entries cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEntryImmutable("Audit entries cannot be deleted.")

    @property
    def description(self) -> str:
        """The Dutch description registered for this action code."""
        return str(registry.label_for(self.action))

    @property
    def object_ref(self) -> str:
        """``app_label.model.id``: the value of the ``object`` filter of the staff page."""
        if self.content_type_id is None:
            return ""
        ct = ContentType.objects.get_for_id(self.content_type_id)  # cached per process
        return f"{ct.app_label}.{ct.model}.{self.object_id}"

    @property
    def data_display(self) -> list[tuple[str, str]]:
        """``data`` as (Dutch name, value) pairs; yes/no for flags."""
        pairs = []
        for key, value in self.data.items():
            if isinstance(value, bool):
                value = gettext("ja") if value else gettext("nee")
            pairs.append((str(registry.data_label(key)), "" if value is None else str(value)))
        return pairs
