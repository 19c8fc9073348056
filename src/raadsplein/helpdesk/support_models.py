"""What a request for tailored support ("Ondersteuning op maat") asks besides the question:
the fields of its kind, as the member filled them in (see ``support.py``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

__all__ = ["SupportRequest"]


class SupportRequest(models.Model):
    question = models.OneToOneField(
        "helpdesk.Question", on_delete=models.CASCADE, related_name="support_request"
    )
    # Keys per kind: training {topic, participants, period}; introduction {moments};
    # scheme {provider, stage}. Validated by support.SupportForm.
    details = models.JSONField(_("gegevens van de aanvraag"), default=dict, blank=True)

    class Meta:
        verbose_name = _("aanvraag ondersteuning op maat")
        verbose_name_plural = _("aanvragen ondersteuning op maat")

    def __str__(self) -> str:
        return f"{self.question_id}"
