"""Model letters: templates the editors keep (a Wagtail snippet, linked to the knowledge
centre's model letter) and the letters a council made from them."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    RECEIPT = "receipt", _("Ontvangstbevestiging van een aanvraag")
    INFORMATION = "information", _("Vragen om informatie")
    ADVICE = "advice", _("Advies")
    CONSENT = "consent", _("Instemming")
    CONSENT_REFUSED = "consent_refused", _("Weigering van instemming")
    UNSOLICITED = "unsolicited", _("Ongevraagd advies")
    REASONS = "reasons", _("Vragen om de redenen van een besluit")


class LetterTemplate(models.Model):
    """A model letter with placeholders such as ``{raad}`` and ``{uiterste_datum}``
    (``letters.PLACEHOLDERS``). Only these are filled in: the text is never run as a template."""

    kind = models.CharField(_("soort brief"), max_length=20, choices=LetterKind.choices)
    title = models.CharField(_("naam"), max_length=200)
    subject_line = models.CharField(_("onderwerpregel"), max_length=200)
    body = models.TextField(_("tekst"), max_length=20000)
    publication = models.ForeignKey(
        "knowledge.PublicationPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("modelbrief in het kenniscentrum"),
    )
    live = models.BooleanField(_("beschikbaar voor raden"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name = _("modelbrief")
        verbose_name_plural = _("modelbrieven")

    def __str__(self) -> str:
        return self.title


class Letter(models.Model):
    """A letter a council made from a template, as the council edited it."""

    council = models.ForeignKey(
        "organisations.Council", on_delete=models.CASCADE, related_name="councilwork_letters"
    )
    trajectory = models.ForeignKey(
        "councilwork.Trajectory",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="letters",
    )
    template = models.ForeignKey(
        LetterTemplate, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    kind = models.CharField(_("soort brief"), max_length=20, choices=LetterKind.choices)
    subject_line = models.CharField(_("onderwerp"), max_length=200)
    body = models.TextField(_("tekst"), max_length=20000)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("brief")
        verbose_name_plural = _("brieven")

    def __str__(self) -> str:
        return self.subject_line
