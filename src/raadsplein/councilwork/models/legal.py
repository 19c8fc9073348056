"""The law a council works under, kept as data: every subject and rule names its article and
source, and says whether it has been checked against the law text (``verified``). Unchecked
ones are shown to users as "nog te controleren" (DOMAIN.md: researched from secondary sources).
Loaded from ``data/wmcz.json`` by a data migration; editors keep them in Wagtail."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Right(models.TextChoices):
    ADVICE = "advice", _("Adviesrecht")
    CONSENT = "consent", _("Instemmingsrecht")
    NOMINATION = "nomination", _("Bindend voordrachtsrecht")


class LegalSubject(models.Model):
    """A subject the council has a right on, e.g. a merger (advice) or the complaints scheme
    (consent)."""

    code = models.SlugField(_("code"), max_length=60, unique=True)
    right = models.CharField(_("recht"), max_length=20, choices=Right.choices)
    title = models.CharField(_("onderwerp"), max_length=200)
    article = models.CharField(_("artikel"), max_length=100)
    source = models.CharField(_("bron"), max_length=300)
    verified = models.BooleanField(
        _("gecontroleerd"),
        default=False,
        help_text=_("Alleen aanzetten als het artikel is nagekeken in de wettekst."),
    )
    long_term_care_only = models.BooleanField(
        _("alleen bij langdurige zorg (Wlz)"),
        default=False,
        help_text=_("Dan zien alleen raden van Wlz-aanbieders dit onderwerp."),
    )
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        ordering = ["right", "order", "title"]
        verbose_name = _("onderwerp uit de Wmcz")
        verbose_name_plural = _("onderwerpen uit de Wmcz")

    def __str__(self) -> str:
        return self.title


class RuleUnit(models.TextChoices):
    DAYS = "days", _("dagen")
    MONTHS = "months", _("maanden")


class LegalRule(models.Model):
    """A rule with a number in it, e.g. "a decision taken without consent can be declared void
    within one month". Looked up by ``code`` (``NULLITY_PERIOD``)."""

    NULLITY_PERIOD = "nullity-period"

    code = models.SlugField(_("code"), max_length=60, unique=True)
    label = models.CharField(_("regel"), max_length=200)
    explanation = models.TextField(_("uitleg"), blank=True)
    value = models.PositiveSmallIntegerField(_("getal"))
    unit = models.CharField(_("eenheid"), max_length=10, choices=RuleUnit.choices)
    article = models.CharField(_("artikel"), max_length=100)
    source = models.CharField(_("bron"), max_length=300)
    verified = models.BooleanField(_("gecontroleerd"), default=False)

    class Meta:
        ordering = ["code"]
        verbose_name = _("regel uit de Wmcz")
        verbose_name_plural = _("regels uit de Wmcz")

    def __str__(self) -> str:
        return self.label
