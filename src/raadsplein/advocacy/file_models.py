"""Files a council adds to its signal (a letter from the provider, a photo of a notice).

Private: stored under ``advocacy/`` in the default storage, which ``/media/`` never serves
(docs/files.md, "Private object files"), under a random name, and served only by
``member_views.signal_file`` to the signal's own council and policy staff
(``advocacy.view_signal_files``) — never to other councils, co-signers included.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def signal_file_path(instance: "SignalFile", filename: str) -> str:
    # Never the person's file name in the path: it may say what the file is about.
    return f"advocacy/{instance.signal_id}/{uuid.uuid4().hex}"


class SignalFile(models.Model):
    signal = models.ForeignKey("advocacy.Signal", on_delete=models.CASCADE, related_name="files")
    file = models.FileField(_("bestand"), upload_to=signal_file_path, max_length=255)
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("grootte"))
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bestand bij een signaal")
        verbose_name_plural = _("bestanden bij signalen")

    def __str__(self) -> str:
        return self.original_name
