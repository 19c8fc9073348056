"""Precomputed figures about signals (``facts.py`` keeps them in step; never edited by hand).

``SignalFact``: one row per counted signal, council that sees it, theme and sector, where
theme 0 and sector "" stand for "any" (so a signal with two themes has rows for each theme and
one for any theme: a distinct count never needs DISTINCT over themes). ``SignalCube``: one row
per theme (or any) × sector (or any) × province × month with the number of signals and, on
PostgreSQL, the councils as a bit string (bit n set: council n sees a signal there), so
distinct councils over any group are ``bit_count(bit_or(councils))``.
"""

from django.db import models

ANY_THEME = 0  # theme_key of the rows that count every theme
ANY_SECTOR = ""  # sector_key (a sector's code) of the rows that count every sector


class BitsField(models.TextField):
    """A PostgreSQL ``bit varying`` (text of 0s and 1s elsewhere, where it stays empty)."""

    def db_type(self, connection):
        return "bit varying" if connection.vendor == "postgresql" else "text"


class SignalFact(models.Model):
    signal_id = models.IntegerField()
    council_id = models.IntegerField()
    # The row of the signal's own council (one per signal, theme and sector): counting these
    # counts signals without DISTINCT.
    own = models.BooleanField(default=False)
    theme_key = models.IntegerField()
    sector_key = models.CharField(max_length=40, blank=True)
    province = models.CharField(max_length=2)
    month = models.DateField()

    class Meta:
        verbose_name = "feit over een signaal"
        indexes = [
            models.Index(fields=["signal_id"], name="advocacy_fact_signal"),
            models.Index(
                fields=["theme_key", "sector_key", "province", "month"], name="advocacy_fact_cell"
            ),
        ]

    def __str__(self) -> str:
        return f"#{self.signal_id} {self.council_id} {self.theme_key}/{self.sector_key}"


class SignalCube(models.Model):
    theme_key = models.IntegerField()
    sector_key = models.CharField(max_length=40, blank=True)
    province = models.CharField(max_length=2)
    month = models.DateField()
    signals = models.IntegerField()
    councils = BitsField(blank=True, default="")

    class Meta:
        verbose_name = "cijfers over signalen"
        constraints = [
            models.UniqueConstraint(
                fields=["theme_key", "sector_key", "province", "month"], name="advocacy_cube_cell"
            )
        ]

    def __str__(self) -> str:
        return f"{self.theme_key}/{self.sector_key} {self.province} {self.month:%Y-%m}"
