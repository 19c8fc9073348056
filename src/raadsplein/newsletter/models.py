"""Nieuwsbrief: subscribers, saved segments, editions and one delivery record per (edition,
subscriber). News, podcast and magazine pages live beside these (``news_models.py``,
``podcast_models.py``, ``magazine_models.py``).

What we keep about a subscriber is what sending needs: the address, how to greet them, what
they want to read about, where their consent came from, and bounce counters. No opens, no
clicks, nothing per person about what they read (issue 14, part 8).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from raadsplein.accounts.models import FormOfAddress
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector, Province


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("Wacht op bevestiging")
    ACTIVE = "active", _("Aangemeld")
    UNSUBSCRIBED = "unsubscribed", pgettext_lazy("nieuwsbrief", "Afgemeld")
    BOUNCED = "bounced", _("Adres werkt niet")
    COMPLAINED = "complained", _("Als spam gemeld")


class Subscriber(models.Model):
    """One address on the list. ``email`` is stored lower-cased (``services.normalise_email``)."""

    email = models.EmailField(_("e-mailadres"), unique=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("persoon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="newsletter_subscriber",
    )
    name = models.CharField(
        _("naam"), max_length=120, blank=True, help_text=_("Hoe wij u aanspreken in de aanhef.")
    )
    form_of_address = models.CharField(
        _("aanspreekvorm"),
        max_length=2,
        choices=FormOfAddress.choices,
        default=FormOfAddress.FORMAL,
    )
    sectors = models.ManyToManyField(
        CareSector, verbose_name=_("zorgsectoren"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True, related_name="+")
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    consent_source = models.CharField(
        _("bron van de toestemming"),
        max_length=120,
        help_text=_("Waar de aanmelding vandaan kwam: de website, het profiel, een import."),
    )
    consent_at = models.DateTimeField(_("toestemming gegeven op"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(
        pgettext_lazy("nieuwsbrief", "afgemeld op"), null=True, blank=True
    )
    soft_bounces = models.PositiveSmallIntegerField(_("tijdelijke fouten op rij"), default=0)
    last_bounce_at = models.DateTimeField(_("laatste bounce"), null=True, blank=True)
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True)

    class Meta:
        verbose_name = _("abonnee")
        verbose_name_plural = _("abonnees")
        ordering = ["email"]
        constraints = [
            models.CheckConstraint(
                condition=Q(email=models.functions.Lower("email")),
                name="newsletter_subscriber_email_lower",
            )
        ]

    def __str__(self) -> str:
        return self.email

    @property
    def is_active(self) -> bool:
        return self.status == SubscriberStatus.ACTIVE


class MembershipFilter(models.TextChoices):
    ANY = "", _("Iedereen")
    MEMBERS = "members", _("Alleen leden")
    NON_MEMBERS = "non_members", _("Alleen wie geen lid is")


class Segment(models.Model):
    """A saved selection of active subscribers; empty criteria mean "no restriction".

    Criteria of one kind are alternatives (sector A or B), kinds are combined (sector and
    province). Council roles, provinces and membership are known only for subscribers who have
    an account (through their seats); sectors and themes also from the subscriber's own
    preferences. ``selectors.segment_subscribers`` evaluates it at the moment of sending.
    """

    name = models.CharField(_("naam"), max_length=120, unique=True)
    description = models.TextField(_("omschrijving"), blank=True)
    sectors = models.ManyToManyField(
        CareSector, verbose_name=_("zorgsectoren"), blank=True, related_name="+"
    )
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True, related_name="+")
    council_roles = models.JSONField(
        _("rollen in de raad"),
        default=list,
        blank=True,
        help_text=_("Rollen van een zetel (voorzitter, secretaris, lid, …); leeg: elke rol."),
    )
    provinces = models.JSONField(_("provincies"), default=list, blank=True)
    membership = models.CharField(
        _("lidmaatschap"),
        max_length=12,
        choices=MembershipFilter.choices,
        default=MembershipFilter.ANY,
        blank=True,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("segment")
        verbose_name_plural = _("segmenten")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @staticmethod
    def province_choices():
        return Province.choices


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    SCHEDULED = "scheduled", _("Ingepland")
    SENDING = "sending", _("Wordt verstuurd")
    SENT = "sent", _("Verstuurd")


class Edition(models.Model):
    """One issue of the weekly newsletter. Sent once: ``status`` only moves forward, and
    ``finished_at`` is set only when no delivery is pending (``sending.finish_if_done``)."""

    title = models.CharField(_("titel"), max_length=160)
    subject = models.CharField(_("onderwerpregel"), max_length=160)
    intro = models.TextField(_("inleiding"), blank=True)
    week_of = models.DateField(
        _("week van"), help_text=_("De maandag van de week waarover deze editie gaat.")
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=EditionStatus.choices,
        default=EditionStatus.DRAFT,
        db_index=True,
    )
    segment = models.ForeignKey(
        Segment,
        verbose_name=_("segment"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text=_("Leeg: iedereen die is aangemeld."),
    )
    scheduled_for = models.DateTimeField(_("versturen op"), null=True, blank=True)
    queued_at = models.DateTimeField(_("in de wachtrij gezet op"), null=True, blank=True)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Counts only (part 8): never who.
    bounces = models.PositiveIntegerField(_("bounces"), default=0)
    unsubscribes = models.PositiveIntegerField(_("afmeldingen"), default=0)

    class Meta:
        verbose_name = _("editie")
        verbose_name_plural = _("edities")
        ordering = ["-week_of", "-pk"]
        permissions = [("send_edition", _("Mag een editie van de nieuwsbrief versturen"))]

    def __str__(self) -> str:
        return self.title

    @property
    def is_sent(self) -> bool:
        return self.status == EditionStatus.SENT


class ItemKind(models.TextChoices):
    NEWS = "news", _("Nieuws")
    PUBLICATION = "publication", _("Publicatie")
    EVENT = "event", _("Activiteit")
    TEXT = "text", _("Tekst")


class EditionItem(models.Model):
    """One block of an edition, in the editor's order. ``sector`` set: only subscribers of that
    sector get it (subscribers without sector preferences get every block). ``members_only``:
    the public archive shows the teaser and a sign-in link."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="items")
    position = models.PositiveIntegerField(_("volgorde"), default=0)
    kind = models.CharField(_("soort"), max_length=12, choices=ItemKind.choices)
    heading = models.CharField(_("kop"), max_length=200)
    text = models.TextField(_("tekst"), blank=True)
    url = models.URLField(_("link"), max_length=500, blank=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    sector = models.ForeignKey(
        CareSector,
        verbose_name=_("alleen voor zorgsector"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    members_only = models.BooleanField(_("alleen voor leden"), default=False)

    class Meta:
        verbose_name = _("onderdeel van een editie")
        verbose_name_plural = _("onderdelen van een editie")
        ordering = ["edition", "position", "pk"]

    def __str__(self) -> str:
        return self.heading


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("Nog te versturen")
    SENT = "sent", _("Verstuurd")
    FAILED = "failed", _("Mislukt")


class Delivery(models.Model):
    """The one record of (edition, subscriber). It is what makes sending exactly-once:
    ``sending.py`` turns it from pending to sent in a committed conditional update just before
    it ends the SMTP DATA, so a restarted worker never sends it again (docs/newsletter.md)."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    # An SMTP reply code and short reason, never message content.
    last_error = models.CharField(max_length=200, blank=True)

    class Meta:
        verbose_name = _("verzending")
        verbose_name_plural = _("verzendingen")
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [
            models.Index(fields=["edition", "status", "id"], name="newsletter_delivery_todo"),
        ]

    def __str__(self) -> str:
        return f"{self.edition_id}:{self.subscriber_id}"


from .magazine_models import *  # noqa: E402, F403
from .news_models import *  # noqa: E402, F403 (news pages: Django finds models it imports)
from .podcast_models import *  # noqa: E402, F403
from .subscription_models import *  # noqa: E402, F403 (Django finds the model)
