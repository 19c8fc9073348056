"""The domain core: care providers, councils, their memberships, and seats of people."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class Province(models.TextChoices):
    GRONINGEN = "GR", "Groningen"
    FRIESLAND = "FR", "Friesland"
    DRENTHE = "DR", "Drenthe"
    OVERIJSSEL = "OV", "Overijssel"
    FLEVOLAND = "FL", "Flevoland"
    GELDERLAND = "GE", "Gelderland"
    UTRECHT = "UT", "Utrecht"
    NOORD_HOLLAND = "NH", "Noord-Holland"
    ZUID_HOLLAND = "ZH", "Zuid-Holland"
    ZEELAND = "ZE", "Zeeland"
    NOORD_BRABANT = "NB", "Noord-Brabant"
    LIMBURG = "LI", "Limburg"


class CareSector(models.Model):
    """A care sector (ouderenzorg, ggz, …). Codes are stable; other apps filter on them."""

    code = models.SlugField(_("code"), max_length=40, primary_key=True)
    name = models.CharField(_("naam"), max_length=100)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)

    class Meta:
        verbose_name = _("zorgsector")
        verbose_name_plural = _("zorgsectoren")
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Region(models.Model):
    """A region in which councils meet each other (regionale bijeenkomsten)."""

    name = models.CharField(_("naam"), max_length=100, unique=True)
    slug = models.SlugField(_("korte naam"), max_length=100, unique=True)

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CareProvider(models.Model):
    """A care provider (zorgaanbieder)."""

    name = models.CharField(_("naam"), max_length=200)
    sectors = models.ManyToManyField(CareSector, verbose_name=_("zorgsectoren"), blank=True)
    provides_long_term_care = models.BooleanField(
        _("levert langdurige zorg (Wlz)"),
        default=False,
        help_text=_("Bepaalt onder meer of het adviesrecht over huisvesting geldt."),
    )
    website = models.URLField(_("website"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("zorgaanbieder")
        verbose_name_plural = _("zorgaanbieders")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ProviderLocation(models.Model):
    provider = models.ForeignKey(
        CareProvider,
        on_delete=models.CASCADE,
        related_name="locations",
        verbose_name=_("zorgaanbieder"),
    )
    name = models.CharField(_("naam van de locatie"), max_length=200, blank=True)
    place = models.CharField(_("plaats"), max_length=100)
    province = models.CharField(_("provincie"), max_length=2, choices=Province.choices)

    class Meta:
        verbose_name = _("locatie")
        verbose_name_plural = _("locaties")
        ordering = ["place", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.place})" if self.name else self.place


class CouncilKind(models.TextChoices):
    CENTRAL = "central", _("Centrale cliëntenraad")
    LOCAL = "local", _("Lokale cliëntenraad")
    CLIENT = "client", _("Cliëntenraad")
    RELATIVES = "relatives", _("Verwantenraad")
    YOUTH = "youth", _("Jeugdraad")
    PARENTS = "parents", _("Ouderraad")
    NEW_STYLE = "new_style", _("Raad nieuwe stijl (wijk of dorp)")


def default_officer_roles() -> list[str]:
    """The seat roles that make someone an officer of a new council: chair and secretary."""
    return ["voorzitter", "secretaris"]


class Council(models.Model):
    """A client council (cliëntenraad) of a care provider."""

    provider = models.ForeignKey(
        CareProvider,
        on_delete=models.PROTECT,
        related_name="councils",
        verbose_name=_("zorgaanbieder"),
    )
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort raad"), max_length=20, choices=CouncilKind.choices)
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="local_councils",
        verbose_name=_("centrale raad"),
        help_text=_("Alleen voor een lokale raad: de centrale raad waaronder hij valt."),
    )
    sectors = models.ManyToManyField(CareSector, verbose_name=_("zorgsectoren"), blank=True)
    province = models.CharField(_("provincie"), max_length=2, choices=Province.choices)
    region = models.ForeignKey(
        Region,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="councils",
        verbose_name=_("regio"),
    )
    officer_roles = models.JSONField(
        _("rollen die namens de raad handelen"),
        default=default_officer_roles,
        blank=True,
        help_text=_(
            "Wie in deze rollen zit, mag voor leden van de raad boeken en hun voortgang zien. "
            "De voorzitter hoort er altijd bij."
        ),
    )
    profile_visible = models.BooleanField(
        _("profiel zichtbaar voor andere raden"),
        default=False,
        help_text=_(
            "Leden van andere raden zien dan de soort raad, sector, regio en de tekst hieronder, "
            "en kunnen de raad een bericht sturen. Adressen en namen van raadsleden ziet niemand."
        ),
    )
    profile_text = models.TextField(
        _("wat wilt u andere raden vertellen?"),
        max_length=600,
        blank=True,
        help_text=_(
            "Bijvoorbeeld waar uw raad mee bezig is, of waarover u graag ervaringen deelt."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("raad")
        verbose_name_plural = _("raden")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.parent_id:
            if self.kind != CouncilKind.LOCAL:
                raise ValidationError(
                    {"parent": _("Alleen een lokale raad kan onder een centrale raad vallen.")}
                )
            if self.parent.kind != CouncilKind.CENTRAL:
                raise ValidationError({"parent": _("Kies een centrale cliëntenraad.")})
            if self.parent.provider_id != self.provider_id:
                raise ValidationError(
                    {"parent": _("De centrale raad hoort bij een andere zorgaanbieder.")}
                )
            if self.pk and self.parent_id == self.pk:
                raise ValidationError({"parent": _("Een raad kan niet onder zichzelf vallen.")})
        roles = self.officer_roles
        if not isinstance(roles, list) or any(r not in SeatRole.values for r in roles):
            raise ValidationError({"officer_roles": _("Kies rollen uit de lijst.")})
        if SeatRole.VOORZITTER not in roles:
            raise ValidationError({"officer_roles": _("De voorzitter hoort er altijd bij.")})

    def officer_role_set(self) -> frozenset[str]:
        """The seat roles that act for this council (the chair always does)."""
        roles = self.officer_roles if isinstance(self.officer_roles, list) else []
        return frozenset(roles) | {SeatRole.VOORZITTER.value}


class MembershipStatus(models.TextChoices):
    ACTIVE = "active", _("Actief")
    PENDING = "pending", _("Aangevraagd")
    ENDED = "ended", _("Beëindigd")


class MembershipPeriod(models.Model):
    """Status and period shared by council and individual memberships."""

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MembershipStatus.choices,
        default=MembershipStatus.PENDING,
    )
    start_date = models.DateField(_("begindatum"))
    end_date = models.DateField(_("einddatum"), null=True, blank=True)

    class Meta:
        abstract = True
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="%(class)s_end_after_start",
            ),
        ]

    @staticmethod
    def active_q(today) -> Q:
        """Active today: status active, started, not yet ended."""
        return Q(status=MembershipStatus.ACTIVE, start_date__lte=today) & (
            Q(end_date__isnull=True) | Q(end_date__gte=today)
        )


class CouncilMembershipKind(models.TextChoices):
    STANDARD = "standard", _("Lidmaatschap")
    WITH_LOCAL = "with_local", _("Lidmaatschap inclusief lokale raden")
    TRIAL = "trial", _("Proeflidmaatschap")


class CouncilMembership(MembershipPeriod):
    """A council's membership of the organisation."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="memberships", verbose_name=_("raad")
    )
    kind = models.CharField(
        _("soort lidmaatschap"),
        max_length=20,
        choices=CouncilMembershipKind.choices,
        default=CouncilMembershipKind.STANDARD,
    )

    class Meta(MembershipPeriod.Meta):
        verbose_name = _("lidmaatschap van een raad")
        verbose_name_plural = _("lidmaatschappen van raden")
        constraints = [
            *MembershipPeriod.Meta.constraints,
            models.UniqueConstraint(
                fields=["council"],
                condition=Q(status="active"),
                name="one_active_membership_per_council",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.council} — {self.get_status_display()}"


class IndividualMembershipKind(models.TextChoices):
    LID = "lid", _("Lid")
    VRIEND = "vriend", _("Vriend")
    AMBASSADEUR = "ambassadeur", _("Ambassadeur")
    VRIJWILLIGER = "vrijwilliger", _("Vrijwilliger")


class IndividualMembership(MembershipPeriod):
    """A person's own membership (lid, vriend, ambassadeur, vrijwilliger)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="individual_memberships",
        verbose_name=_("persoon"),
    )
    kind = models.CharField(_("soort"), max_length=20, choices=IndividualMembershipKind.choices)

    class Meta(MembershipPeriod.Meta):
        verbose_name = _("persoonlijk lidmaatschap")
        verbose_name_plural = _("persoonlijke lidmaatschappen")

    def __str__(self) -> str:
        return f"{self.person} — {self.get_kind_display()}"


class SeatRole(models.TextChoices):
    VOORZITTER = "voorzitter", _("Voorzitter")
    SECRETARIS = "secretaris", _("Secretaris")
    LID = "lid", _("Lid")
    ONDERSTEUNER = "ondersteuner", _("Ondersteuner")
    AMBTELIJK_SECRETARIS = "ambtelijk_secretaris", _("Ambtelijk secretaris")


class Seat(models.Model):
    """A person's seat on a council, with a role and a term."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="seats",
        verbose_name=_("persoon"),
    )
    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="seats", verbose_name=_("raad")
    )
    role = models.CharField(_("rol"), max_length=30, choices=SeatRole.choices, default=SeatRole.LID)
    start_date = models.DateField(_("begin van de termijn"))
    end_date = models.DateField(_("einde van de termijn"), null=True, blank=True)

    class Meta:
        verbose_name = _("zetel")
        verbose_name_plural = _("zetels")
        ordering = ["council__name", "role", "start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
                name="seat_end_after_start",
            ),
        ]
        indexes = [models.Index(fields=["person", "council"])]

    def __str__(self) -> str:
        return f"{self.person} — {self.get_role_display()}, {self.council}"

    @staticmethod
    def current_q(today) -> Q:
        return Q(start_date__lte=today) & (Q(end_date__isnull=True) | Q(end_date__gte=today))


class CouncilMessage(models.Model):
    """A message from a member to a council, sent through the platform to the council's
    officers (no addresses are shown). The text is kept only until it is sent."""

    council = models.ForeignKey(
        Council, on_delete=models.CASCADE, related_name="messages", verbose_name=_("raad")
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="council_messages",
        verbose_name=_("afzender"),
    )
    body = models.TextField(_("bericht"), max_length=2000, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("bericht aan een raad")
        verbose_name_plural = _("berichten aan raden")
        indexes = [models.Index(fields=["sender", "created_at"])]

    def __str__(self) -> str:
        return f"{self.council} ({self.created_at:%Y-%m-%d})"
