"""The Vraagbaak (question desk). For now: the days the desk keeps its own hours."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClosedDay(models.Model):
    """A day the desk is shut although it is a weekday (a team day, the day after Ascension),
    or open although the Dutch holiday calendar lists it (``is_open``, e.g. Goede Vrijdag)."""

    date = models.DateField(_("datum"), unique=True)
    name = models.CharField(_("omschrijving"), max_length=120)
    is_open = models.BooleanField(
        _("toch open"),
        default=False,
        help_text=_(
            "Aanvinken als de Vraagbaak op deze feestdag toch open is. Niet aangevinkt: "
            "de Vraagbaak is deze dag dicht."
        ),
    )

    class Meta:
        ordering = ["date"]
        verbose_name = _("afwijkende dag")
        verbose_name_plural = _("afwijkende dagen")

    def __str__(self) -> str:
        return f"{self.date:%d-%m-%Y} {self.name}"
