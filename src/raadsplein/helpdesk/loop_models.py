"""The Vraagbaak's way out to the rest of the platform: the knowledge draft made from a
question (``QuestionPublication``) and the signals advisors open from questions
(``SignalRequest``, kept until the advocacy app takes them over; see ``signals.py``)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["QuestionPublication", "SignalRequest"]


class QuestionPublication(models.Model):
    """The draft knowledge publication made from a question: at most one per question, so a
    second click opens the draft already made."""

    question = models.OneToOneField(
        "helpdesk.Question", on_delete=models.CASCADE, related_name="knowledge_draft"
    )
    page = models.ForeignKey(
        "knowledge.PublicationPage",
        verbose_name=_("publicatie"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("kennisconcept uit een vraag")
        verbose_name_plural = _("kennisconcepten uit vragen")

    def __str__(self) -> str:
        return f"{self.question_id} → {self.page_id}"


class SignalRequest(models.Model):
    """A signal an advisor opened from a question, as the default sink keeps it."""

    question = models.ForeignKey(
        "helpdesk.Question",
        verbose_name=_("vraag"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="signal_requests",
    )
    advisor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adviseur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    summary = models.TextField(_("samenvatting"))
    theme = models.ForeignKey(
        "knowledge.Theme",
        verbose_name=_("thema"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    sector = models.ForeignKey(
        "organisations.CareSector",
        verbose_name=_("zorgsector"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("gemaakt op"), default=timezone.now)
    sent_to_app = models.BooleanField(_("doorgegeven aan Signalen"), default=False)
    # What the receiving app calls the signal once it has it.
    reference = models.CharField(_("kenmerk"), max_length=100, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("signaal uit de Vraagbaak")
        verbose_name_plural = _("signalen uit de Vraagbaak")
        indexes = [models.Index(fields=["sent_to_app", "created_at"])]

    def __str__(self) -> str:
        return self.reference or self.default_reference

    @property
    def default_reference(self) -> str:
        return f"VB-SIG-{self.pk}"
