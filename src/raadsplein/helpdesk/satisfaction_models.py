"""How satisfied the asker was with a closed question: one score (1–5) per question, with an
optional comment. The comment is what a person wrote: it is in their personal-data export and
goes with erasure and with the retention task; the score stays for the figures."""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["SCORE_LABELS", "Satisfaction"]

# Plain words next to the numbers, in the mail and on the page.
SCORE_LABELS = {
    1: _("slecht"),
    2: _("niet zo goed"),
    3: _("gaat wel"),
    4: _("goed"),
    5: _("heel goed"),
}


class Satisfaction(models.Model):
    question = models.OneToOneField(
        "helpdesk.Question",
        verbose_name=_("vraag"),
        on_delete=models.CASCADE,
        related_name="satisfaction",
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    comment = models.TextField(_("toelichting"), blank=True)
    created_at = models.DateTimeField(_("gegeven op"), default=timezone.now)
    updated_at = models.DateTimeField(_("gewijzigd op"), default=timezone.now)

    class Meta:
        verbose_name = _("tevredenheid")
        verbose_name_plural = _("tevredenheid")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(score__gte=1, score__lte=5),
                name="helpdesk_satisfaction_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}: {self.score}"

    @property
    def label(self) -> str:
        return str(SCORE_LABELS.get(self.score, ""))
