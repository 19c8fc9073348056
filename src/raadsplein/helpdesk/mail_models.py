"""The Vraagbaak's e-mail: every mail that came in (raw, kept whatever became of it), every
automatic mail that went out, and the files people attached to a question.

Attachments may reveal health facts. They are not Wagtail documents (every staff member sees
those): they are stored under ``helpdesk/`` in MEDIA_ROOT, which ``/media/`` never serves, and
handed out only by ``views.attachment_file`` to someone who may see the question.
"""

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["Attachment", "InboundMail", "InboundOutcome", "OutboundMail", "OutboundKind"]


class InboundOutcome(models.TextChoices):
    PENDING = "pending", _("in behandeling")
    QUESTION = "question", _("nieuwe vraag")
    REPLY = "reply", _("reactie op een vraag")
    IGNORED = "ignored", _("genegeerd: automatisch bericht")
    QUARANTINE = "quarantine", _("in quarantaine")


class InboundMail(models.Model):
    """One mail that reached the desk's address, stored before anything else is done with
    it: its raw bytes stay, also when it became a question, was ignored or quarantined."""

    # The Message-ID header, or a digest of the raw bytes when the mail has none: a second
    # delivery of the same mail finds this row and changes nothing.
    message_id = models.CharField(max_length=255, unique=True)
    sender = models.CharField(_("afzender"), max_length=254, blank=True)
    subject = models.CharField(_("onderwerp"), max_length=255, blank=True)
    raw = models.BinaryField(_("volledige e-mail"))
    size = models.PositiveIntegerField(default=0)
    received_at = models.DateTimeField(_("ontvangen op"), default=timezone.now, db_index=True)
    outcome = models.CharField(
        _("uitkomst"),
        max_length=12,
        choices=InboundOutcome.choices,
        default=InboundOutcome.PENDING,
        db_index=True,
    )
    reason = models.TextField(_("reden"), blank=True)
    question = models.ForeignKey(
        "helpdesk.Question",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="inbound_mails",
    )
    # The message of the question this mail became (named so: ``message_id`` is the header).
    helpdesk_message = models.ForeignKey(
        "helpdesk.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = _("binnengekomen e-mail")
        verbose_name_plural = _("binnengekomen e-mails")
        indexes = [models.Index(fields=["sender", "received_at"])]

    def __str__(self) -> str:
        return f"{self.message_id} ({self.outcome})"


class OutboundKind(models.TextChoices):
    ACKNOWLEDGEMENT = "ack", _("ontvangstbevestiging")
    ANSWER = "answer", _("antwoord")


class OutboundMail(models.Model):
    """An automatic mail the desk sent about a question, with its Message-ID, so that a reply
    to it (In-Reply-To) finds the question again."""

    question = models.ForeignKey(
        "helpdesk.Question", on_delete=models.CASCADE, related_name="outbound_mails"
    )
    # The message of the question this mail became (named so: ``message_id`` is the header).
    helpdesk_message = models.ForeignKey(
        "helpdesk.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(max_length=10, choices=OutboundKind.choices)
    message_id = models.CharField(max_length=255, unique=True)
    recipient = models.EmailField(blank=True)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["sent_at", "pk"]

    def __str__(self) -> str:
        return f"{self.kind} {self.message_id}"


def attachment_path(instance: "Attachment", filename: str) -> str:
    # Never the person's file name in the path: it may say what the file is about.
    return f"helpdesk/{instance.question_id}/{uuid.uuid4().hex}"


class Attachment(models.Model):
    question = models.ForeignKey(
        "helpdesk.Question", on_delete=models.CASCADE, related_name="attachments"
    )
    message = models.ForeignKey(
        "helpdesk.Message",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="attachments",
    )
    file = models.FileField(_("bestand"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("bestandsnaam"), max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField(_("grootte"))
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bijlage")
        verbose_name_plural = _("bijlagen")

    def __str__(self) -> str:
        return self.original_name
