"""Events (courses, meetings, the Week's workshops), their dated sessions, bookings and what
follows from them: waiting-list offers, reminders, attendance and evaluations."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

# One theme taxonomy for the whole site, managed by the redactie in the knowledge centre.
from raadsplein.knowledge.models import Theme


class EventKind(models.TextChoices):
    COURSE = "course", _("Cursus")
    WEBINAR = "webinar", _("Webinar")
    REGIONAL = "regional", _("Regionale bijeenkomst")
    CONGRESS = "congress", _("Congres")
    CAMPFIRE = "campfire", _("Kampvuurgesprek")
    INTERVISION = "intervision", _("Intervisie")
    WORKSHOP = "workshop", _("Workshop")


class Audience(models.TextChoices):
    MEMBERS = "members", _("Alleen voor leden")
    OPEN = "open", _("Voor iedereen")


class EventStatus(models.TextChoices):
    DRAFT = "draft", _("Concept")
    PUBLISHED = "published", _("Gepubliceerd")
    CANCELLED = "cancelled", _("Geannuleerd")


class Programme(models.Model):
    """A programme of workshops over several days, such as the Week van de Medezeggenschap."""

    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=100, unique=True)
    description = models.TextField(_("beschrijving"), blank=True)
    start_date = models.DateField(_("eerste dag"))
    end_date = models.DateField(_("laatste dag"))
    is_published = models.BooleanField(_("gepubliceerd"), default=True)

    class Meta:
        verbose_name = _("programma")
        verbose_name_plural = _("programma's")
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")),
                name="programme_end_after_start",
            )
        ]

    def __str__(self) -> str:
        return self.title


class Event(ClusterableModel):
    """What is offered: a course, meeting or workshop. Its dated occurrences are sessions,
    edited inline on the event in the Wagtail admin."""

    kind = models.CharField(_("soort"), max_length=20, choices=EventKind.choices)
    title = models.CharField(_("titel"), max_length=200)
    slug = models.SlugField(_("korte naam"), max_length=120, unique=True)
    summary = models.CharField(_("korte omschrijving"), max_length=300, blank=True)
    description = models.TextField(_("beschrijving"), blank=True)
    themes = models.ManyToManyField(Theme, verbose_name=_("thema's"), blank=True)
    sectors = models.ManyToManyField(
        "organisations.CareSector", verbose_name=_("zorgsectoren"), blank=True
    )
    audience = models.CharField(
        _("doelgroep"), max_length=10, choices=Audience.choices, default=Audience.MEMBERS
    )
    programme = models.ForeignKey(
        Programme,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("programma"),
        help_text=_("Alleen voor workshops in een programma, zoals de Week."),
    )
    region = models.ForeignKey(
        "organisations.Region",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
        verbose_name=_("regio"),
        help_text=_("Voor regionale bijeenkomsten."),
    )
    host = models.CharField(_("trainer of gastheer/gastvrouw"), max_length=200, blank=True)
    accessibility = models.TextField(
        _("toegankelijkheid"),
        blank=True,
        help_text=_("Bijvoorbeeld: rolstoeltoegankelijk, ringleiding, ondertiteling."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=EventStatus.choices, default=EventStatus.PUBLISHED
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.kind == EventKind.REGIONAL and not self.region_id:
            raise ValidationError({"region": _("Kies de regio van deze regionale bijeenkomst.")})


class Session(models.Model):
    """A dated occurrence of an event that people book: the bookable unit."""

    event = ParentalKey(
        Event, on_delete=models.CASCADE, related_name="sessions", verbose_name=_("activiteit")
    )
    starts_at = models.DateTimeField(_("begin"))
    ends_at = models.DateTimeField(_("einde"))
    is_online = models.BooleanField(_("online"), default=False)
    location = models.CharField(
        _("locatie"), max_length=300, blank=True, help_text=_("Adres en plaats, als fysiek.")
    )
    meeting_url = models.URLField(
        _("link naar de online bijeenkomst"),
        blank=True,
        help_text=_("Alleen zichtbaar voor deelnemers met een bevestigde plaats."),
    )
    capacity = models.PositiveIntegerField(_("aantal plaatsen"), default=8)
    per_council_cap = models.PositiveIntegerField(
        _("maximum per raad"),
        null=True,
        blank=True,
        help_text=_("Leeg: geen maximum. Bijvoorbeeld 2: hoogstens twee plaatsen per raad."),
    )
    booking_opens_at = models.DateTimeField(_("inschrijving open vanaf"), null=True, blank=True)
    booking_closes_at = models.DateTimeField(_("inschrijving sluit"), null=True, blank=True)
    cancel_until = models.DateTimeField(
        _("afmelden kan tot"),
        null=True,
        blank=True,
        help_text=_("Leeg: afmelden kan tot het begin."),
    )
    trainer = models.CharField(
        _("trainer"), max_length=200, blank=True, help_text=_("Leeg: die van de activiteit.")
    )
    trainer_account = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sessions_as_trainer",
        verbose_name=_("account van de trainer"),
        help_text=_("Deze persoon mag de deelnemerslijst zien en de aanwezigheid bijhouden."),
    )
    recording_url = models.URLField(
        _("link naar de opname"), blank=True, help_text=_("Voor leden, na afloop.")
    )
    is_cancelled = models.BooleanField(_("geannuleerd"), default=False)

    class Meta:
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=models.F("starts_at")), name="session_ends_after_start"
            )
        ]
        indexes = [models.Index(fields=["starts_at"])]

    def __str__(self) -> str:
        start = timezone.localtime(self.starts_at)
        return f"{self.event.title} — {start:%d-%m-%Y %H:%M}"

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("Het einde moet na het begin liggen.")})
        if self.is_online is False and not self.location and not self.meeting_url:
            raise ValidationError({"location": _("Vul een locatie in, of kies online.")})

    @property
    def trainer_name(self) -> str:
        return self.trainer or self.event.host

    @property
    def effective_cancel_until(self):
        return self.cancel_until or self.starts_at

    @property
    def free_seats(self) -> int:
        """Seats not confirmed or held; uses the ``seats_taken`` annotation when present."""
        taken = getattr(self, "seats_taken", None)
        if taken is None:
            taken = self.bookings.filter(status__in=SEAT_STATUSES).count()
        return max(self.capacity - taken, 0)

    @property
    def is_past(self) -> bool:
        return self.ends_at <= timezone.now()


class BookingStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Bevestigd")
    WAITLISTED = "waitlisted", _("Op de wachtlijst")
    OFFERED = "offered", _("Plaats aangeboden")
    CANCELLED = "cancelled", _("Afgemeld")
    EXPIRED = "expired", _("Aanbod verlopen")


ACTIVE_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.WAITLISTED, BookingStatus.OFFERED)
SEAT_STATUSES = (BookingStatus.CONFIRMED, BookingStatus.OFFERED)


class AccessNeed(models.TextChoices):
    WHEELCHAIR = "wheelchair", _("Rolstoeltoegankelijk")
    HEARING_LOOP = "hearing_loop", _("Ringleiding")
    CAPTIONS = "captions", _("Ondertiteling")
    SIGN_LANGUAGE = "sign_language", _("Tolk Nederlandse Gebarentaal")
    LARGE_PRINT = "large_print", _("Grote letters")
    EASY_LANGUAGE = "easy_language", _("Eenvoudige taal")
    OTHER = "other", _("Anders")


# Which needs fit a session: no wheelchair or hearing loop online, no captions on location.
ONLINE_NEEDS = ("captions", "sign_language", "easy_language", "other")
ON_SITE_NEEDS = (
    "wheelchair",
    "hearing_loop",
    "sign_language",
    "large_print",
    "easy_language",
    "other",
)


def access_needs_for(session) -> list[tuple[str, str]]:
    """The access needs one may ask for at this session (online or on location)."""
    fitting = ONLINE_NEEDS if session.is_online else ON_SITE_NEEDS
    return [(code, label) for code, label in AccessNeed.choices if code in fitting]


class Booking(models.Model):
    """A person's place (or place in the queue) for a session."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="bookings", verbose_name=_("sessie")
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="event_bookings",
        verbose_name=_("deelnemer"),
    )
    council = models.ForeignKey(
        "organisations.Council",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="event_bookings",
        verbose_name=_("namens raad"),
    )
    booked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("geboekt door"),
    )
    status = models.CharField(_("status"), max_length=12, choices=BookingStatus.choices)
    access_needs = models.JSONField(_("toegankelijkheidswensen"), default=list, blank=True)
    access_needs_other = models.CharField(_("andere wens"), max_length=300, blank=True, default="")
    offer_expires_at = models.DateTimeField(_("aanbod geldig tot"), null=True, blank=True)
    attended = models.BooleanField(_("aanwezig"), null=True, blank=True)
    created_at = models.DateTimeField(_("geboekt op"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("bevestigd op"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("afgemeld op"), null=True, blank=True)

    class Meta:
        verbose_name = _("boeking")
        verbose_name_plural = _("boekingen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["session", "person"],
                condition=Q(status__in=["confirmed", "waitlisted", "offered"]),
                name="one_active_booking_per_person_per_session",
            ),
            models.CheckConstraint(
                condition=~Q(status="offered") | Q(offer_expires_at__isnull=False),
                name="offer_has_expiry",
            ),
        ]
        indexes = [
            models.Index(fields=["session", "status", "created_at"]),
            models.Index(fields=["person", "status"]),
        ]

    def __str__(self) -> str:
        return f"{self.person} — {self.session} ({self.get_status_display()})"

    @property
    def is_active(self) -> bool:
        return self.status in ACTIVE_STATUSES

    def access_need_labels(self) -> list[str]:
        labels = dict(AccessNeed.choices)
        out = [str(labels.get(code, code)) for code in self.access_needs if code != "other"]
        if self.access_needs_other:
            out.append(self.access_needs_other)
        elif "other" in self.access_needs:
            out.append(str(AccessNeed.OTHER.label))
        return out


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Herinnering vooraf")
    LINK = "link", _("Link naar de online bijeenkomst")
    EVALUATION = "evaluation", _("Vraag om een beoordeling")


class SentReminder(models.Model):
    """Proof that a reminder went out, so that it goes out once only, also across restarts."""

    booking = models.ForeignKey(Booking, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(max_length=10, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("verstuurde herinnering")
        verbose_name_plural = _("verstuurde herinneringen")
        constraints = [
            models.UniqueConstraint(fields=["booking", "kind"], name="one_reminder_per_kind")
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} — {self.booking_id}"


class Evaluation(models.Model):
    booking = models.OneToOneField(
        Booking, on_delete=models.CASCADE, related_name="evaluation", verbose_name=_("boeking")
    )
    score = models.PositiveSmallIntegerField(
        _("cijfer"), validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    comments = models.TextField(_("opmerkingen"), blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        constraints = [
            models.CheckConstraint(
                condition=Q(score__gte=1) & Q(score__lte=10), name="evaluation_score_1_to_10"
            )
        ]

    def __str__(self) -> str:
        return f"{self.score} — {self.booking_id}"


class SessionMessage(models.Model):
    """A message from staff to the confirmed participants of a session. The mail tasks carry
    its id and a booking id, never the text itself."""

    session = models.ForeignKey(
        Session, on_delete=models.CASCADE, related_name="messages", verbose_name=_("sessie")
    )
    subject = models.CharField(_("onderwerp"), max_length=150)
    body = models.TextField(_("bericht"))
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("verstuurd door"),
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now)

    class Meta:
        verbose_name = _("bericht aan deelnemers")
        verbose_name_plural = _("berichten aan deelnemers")

    def __str__(self) -> str:
        return self.subject


def _new_token() -> str:
    return secrets.token_urlsafe(32)


class CalendarFeed(models.Model):
    """The secret address of a person's calendar feed with all their bookings."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="event_calendar_feed"
    )
    token = models.CharField(max_length=64, unique=True, default=_new_token)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("agenda-abonnement")
        verbose_name_plural = _("agenda-abonnementen")

    def __str__(self) -> str:
        return str(self.person)
