from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.utils.translation import gettext_lazy as _


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra):
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra)


class FormOfAddress(models.TextChoices):
    INFORMAL = "je", _("Je en jij")
    FORMAL = "u", _("U")


class TextSize(models.TextChoices):
    NORMAL = "normaal", _("Normaal")
    LARGE = "groot", _("Groot")
    LARGER = "extra-groot", _("Extra groot")


class Language(models.TextChoices):
    """The languages a person can get e-mail in; empty means the site's language (Dutch)."""

    DUTCH = "nl", _("Nederlands")
    ENGLISH = "en", _("English")


class User(AbstractUser):
    """A person: signs in with an e-mail address, never with a username."""

    username = None
    email = models.EmailField(_("e-mailadres"), unique=True)
    form_of_address = models.CharField(
        _("aanspreekvorm"),
        max_length=2,
        choices=FormOfAddress.choices,
        default=FormOfAddress.FORMAL,
        help_text=_("Hoe wij u aanspreken in berichten en e-mails."),
    )
    text_size = models.CharField(
        _("tekstgrootte"), max_length=12, choices=TextSize.choices, default=TextSize.NORMAL
    )
    reduce_motion = models.BooleanField(
        _("minder beweging"),
        default=False,
        help_text=_("Zet animaties en overgangen op de website uit."),
    )
    language = models.CharField(
        _("taal van e-mails"),
        max_length=8,
        choices=Language.choices,
        blank=True,
        default="",
        help_text=_("Leeg: Nederlands, de taal van de website."),
    )
    erased_at = models.DateTimeField(_("gegevens gewist op"), null=True, blank=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS: list[str] = []

    objects = UserManager()

    class Meta:
        verbose_name = _("persoon")
        verbose_name_plural = _("personen")
        ordering = ["last_name", "first_name", "email"]

    def __str__(self) -> str:
        return self.get_full_name() or self.email

    @property
    def mail_language(self) -> str:
        """The language of the e-mails this person gets (their choice, else the site's)."""
        from django.conf import settings

        return self.language or settings.LANGUAGE_CODE

    @property
    def display_name(self) -> str:
        return self.first_name or self.get_full_name() or self.email


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token is shown once, at creation."""

    user = models.ForeignKey(
        User,
        on_delete=models.CASCADE,
        related_name="personal_api_tokens",
        verbose_name=_("persoon"),
    )
    name = models.CharField(_("naam"), max_length=100)
    prefix = models.CharField(_("begin van de sleutel"), max_length=12, db_index=True)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(_("gemaakt op"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
