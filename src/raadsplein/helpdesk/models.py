"""The Vraagbaak (question desk): questions, their messages and status history, and the days
the desk keeps its own hours.

A question may reveal health facts. It is visible to the person who asked, to the seat holders
of the council it is about only if the asker shares it, and to the desk's advisors
(``rules.py``). Internal notes never reach the council: they are messages of kind ``NOTE``,
and every read for the council goes through ``selectors.messages_for_council``.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    QUESTION = "question", _("Vraag")
    SUPPORT = "support", _("Ondersteuning op maat")


class SupportKind(models.TextChoices):
    TRAINING = "training", _("Training op maat")
    INTRODUCTION = "introduction", _("Kennismakingsgesprek")
    SCHEME = "scheme", _("Hulp bij de medezeggenschapsregeling")


class Channel(models.TextChoices):
    WEB = "web", _("Website")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Telefoon")
    API = "api", _("API")


class Status(models.TextChoices):
    NEW = "new", _("Nieuw")
    OPEN = "open", _("In behandeling")
    WAITING = "waiting", _("Wacht op de raad")
    ANSWERED = "answered", _("Beantwoord")
    CLOSED = "closed", _("Gesloten")


class AnswerBy(models.TextChoices):
    EMAIL = "email", _("Per e-mail")
    PHONE = "phone", _("Telefonisch")


def new_reply_token() -> str:
    return secrets.token_hex(12)


class Question(models.Model):
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    support_kind = models.CharField(
        _("soort ondersteuning"), max_length=20, choices=SupportKind.choices, blank=True
    )
    appointment_at = models.DateTimeField(_("afspraak gepland op"), null=True, blank=True)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.NEW
    )
    subject = models.CharField(_("onderwerp"), max_length=200)
    asker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("vraagsteller"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="helpdesk_questions",
    )
    # For a question by e-mail from an address that matches no one (the "onbekende afzender"
    # queue) and for phone calls from someone without an account.
    asker_email = models.EmailField(_("e-mailadres vraagsteller"), blank=True)
    asker_name = models.CharField(_("naam vraagsteller"), max_length=200, blank=True)
    council = models.ForeignKey(
        "organisations.Council",
        verbose_name=_("raad"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="helpdesk_questions",
    )
    share_with_council = models.BooleanField(
        _("delen met de raad"),
        default=False,
        help_text=_("De andere leden van de raad zien de vraag en het antwoord."),
    )
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
    answer_by = models.CharField(
        _("antwoord graag"), max_length=10, choices=AnswerBy.choices, default=AnswerBy.EMAIL
    )
    phone = models.CharField(_("telefoonnummer"), max_length=30, blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("adviseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="helpdesk_assigned",
    )
    # In the desk's address (vraagbaak+<token>@…) and subject, so a reply finds its question.
    reply_token = models.CharField(max_length=32, unique=True, default=new_reply_token)
    # Raised on every change a council or advisor makes; a reply written against an older
    # version is refused rather than sent over someone else's.
    version = models.PositiveIntegerField(default=1)

    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("samengevoegd met"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged",
    )

    created_at = models.DateTimeField(_("gesteld op"), default=timezone.now)
    first_response_at = models.DateTimeField(_("eerste reactie op"), null=True, blank=True)
    answered_at = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    closed_at = models.DateTimeField(_("gesloten op"), null=True, blank=True)
    # Kept by services.refresh_clock from created_at, the targets and the waiting periods;
    # None while the clock stands still (waiting for the council) or once the promise is met.
    first_response_due = models.DateTimeField(_("eerste reactie uiterlijk"), null=True)
    solution_due = models.DateTimeField(_("oplossing uiterlijk"), null=True)
    # Kept by services.refresh_clock (sla.py) so the figures aggregate in SQL: the office
    # minutes to the first reaction (waiting for the council not counted) and whether each
    # promise was kept; None until the reaction or the solution came.
    first_response_office_minutes = models.PositiveIntegerField(null=True, editable=False)
    first_response_on_time = models.BooleanField(null=True, editable=False)
    solution_on_time = models.BooleanField(null=True, editable=False)
    # Set by the retention task (retention.py): the question keeps its figures, not its words.
    anonymised_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("vraag")
        verbose_name_plural = _("vragen")
        indexes = [
            models.Index(fields=["status", "first_response_due"]),
            models.Index(fields=["status", "solution_due"]),
            models.Index(fields=["asker", "-created_at"]),
            models.Index(fields=["council", "-created_at"]),
            models.Index(fields=["assigned_to", "status"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(answer_by="phone") | ~models.Q(phone=""),
                name="helpdesk_phone_answer_has_number",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.reference} {self.subject}"

    @property
    def reference(self) -> str:
        """How people refer to a question on the phone and in mail: VB-<number>."""
        return f"VB-{self.pk}" if self.pk else "VB-?"

    @property
    def is_open(self) -> bool:
        return self.status not in (Status.ANSWERED, Status.CLOSED)


class MessageKind(models.TextChoices):
    FROM_COUNCIL = "in", _("Van de raad")
    TO_COUNCIL = "out", _("Aan de raad")
    NOTE = "note", _("Interne notitie")


class Message(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(_("soort"), max_length=4, choices=MessageKind.choices)
    channel = models.CharField(_("kanaal"), max_length=10, choices=Channel.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("schrijver"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    author_email = models.EmailField(_("e-mailadres schrijver"), blank=True)
    body = models.TextField(_("tekst"))
    # E-mail: the Message-ID it came or went with, for threading replies.
    message_id = models.CharField(max_length=255, blank=True, db_index=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("bericht")
        verbose_name_plural = _("berichten")

    def __str__(self) -> str:
        return f"{self.question.reference} {self.get_kind_display()} {self.created_at:%d-%m-%Y}"


class StatusChange(models.Model):
    """Every change of status, for the clock (waiting periods) and the history."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="changes")
    old = models.CharField(max_length=10, choices=Status.choices, blank=True)
    new = models.CharField(max_length=10, choices=Status.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self) -> str:
        return f"{self.question.reference}: {self.old or '-'} → {self.new}"


class Presence(models.Model):
    """Who has a question open on the desk's screen: "Ineke bekijkt deze vraag"."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["question", "user"], name="helpdesk_presence_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} @ {self.question_id}"


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


class CannedAnswer(models.Model):
    """A standard answer the desk starts from. Placeholders between braces are filled in for
    the question: {naam}, {raad}, {adviseur}, and {u}/{uw} in the asker's form of address."""

    title = models.CharField(_("titel"), max_length=120, unique=True)
    body = models.TextField(
        _("tekst"),
        help_text=_(
            "Gebruik {naam} (de vraagsteller), {raad} (de raad), {adviseur} (uw naam) en "
            "{u} / {uw} (wordt ‘je’ / ‘je’ bij wie liever met je wordt aangesproken)."
        ),
    )
    theme = models.ForeignKey(
        "knowledge.Theme",
        verbose_name=_("thema"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    active = models.BooleanField(_("in gebruik"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = _("standaardantwoord")
        verbose_name_plural = _("standaardantwoorden")

    def __str__(self) -> str:
        return self.title


from .loop_models import *  # noqa: E402,F401,F403
from .mail_models import *  # noqa: E402,F401,F403
from .pool_models import *  # noqa: E402,F401,F403
from .satisfaction_models import *  # noqa: E402,F401,F403
from .support_models import *  # noqa: E402,F401,F403
