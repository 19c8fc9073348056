"""Wmcz trajectories: an advice request, a consent request, unsolicited advice or a binding
nomination, from the request to the outcome."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Kind(models.TextChoices):
    ADVICE = "advice", _("Adviesaanvraag")
    CONSENT = "consent", _("Instemmingsverzoek")
    UNSOLICITED = "unsolicited", _("Ongevraagd advies")
    NOMINATION = "nomination", _("Voordracht lid raad van toezicht")


class State(models.TextChoices):
    RECEIVED = "received", pgettext_lazy("trajectory state", "Ontvangen")
    INFORMATION_REQUESTED = "information", _("Informatie gevraagd")
    DISCUSSED = "discussed", _("Besproken in de raad")
    RESPONSE_SENT = "sent", _("Advies of besluit verstuurd")
    BOARD_DECIDED = "decided", _("Besluit van de bestuurder ontvangen")
    DISPUTE = "dispute", _("Geschil bij de commissie van vertrouwenslieden")
    CLOSED = "closed", pgettext_lazy("trajectory state", "Afgesloten")


OPEN_STATES = (
    State.RECEIVED,
    State.INFORMATION_REQUESTED,
    State.DISCUSSED,
    State.RESPONSE_SENT,
    State.BOARD_DECIDED,
    State.DISPUTE,
)


# Until the council has sent its advice or decision, the deadline runs: reminders go out and a
# passed deadline is late. After that the trajectory waits for the board, not for the council.
AWAITING_COUNCIL = (State.RECEIVED, State.INFORMATION_REQUESTED, State.DISCUSSED)


class DeadlineSource(models.TextChoices):
    REQUEST = "request", _("uit de aanvraag")
    SCHEME = "scheme", _("uit de medezeggenschapsregeling")
    COUNCIL = "council", _("door de raad gekozen")
    NONE = "none", _("geen termijn")


class Outcome(models.TextChoices):
    NONE = "", _("nog niet bekend")
    ADVICE_FOLLOWED = "followed", _("Advies gevolgd")
    ADVICE_PARTLY = "partly", _("Advies deels gevolgd")
    ADVICE_NOT_FOLLOWED = "not_followed", _("Advies niet gevolgd")
    CONSENT_GIVEN = "consent_given", _("Instemming gegeven")
    CONSENT_REFUSED = "consent_refused", _("Instemming geweigerd")
    NOMINATED = "nominated", _("Kandidaat benoemd")
    NOT_NOMINATED = "not_nominated", _("Kandidaat niet benoemd")
    WITHDRAWN = "withdrawn", _("Aanvraag ingetrokken")
    DISPUTE_RULED = "ruled", _("Uitspraak van de commissie")


class Trajectory(models.Model):
    council = models.ForeignKey(
        "organisations.Council",
        on_delete=models.CASCADE,
        related_name="trajectories",
        verbose_name=_("raad"),
    )
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices)
    subject = models.ForeignKey(
        "councilwork.LegalSubject",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trajectories",
        verbose_name=_("onderwerp uit de wet"),
    )
    title = models.CharField(_("titel"), max_length=200)
    question = models.TextField(_("wat wordt gevraagd"), max_length=4000, blank=True)
    received = models.DateField(_("ontvangen op"))
    deadline = models.DateField(_("uiterste datum"), null=True, blank=True)
    deadline_source = models.CharField(
        max_length=10, choices=DeadlineSource.choices, default=DeadlineSource.NONE
    )
    state = models.CharField(
        _("stand van zaken"), max_length=20, choices=State.choices, default=State.RECEIVED
    )
    outcome = models.CharField(
        _("uitkomst"), max_length=20, choices=Outcome.choices, blank=True, default=Outcome.NONE
    )
    outcome_note = models.TextField(_("toelichting op de uitkomst"), max_length=4000, blank=True)
    # The board's reasoned decision, and for consent: whether it went ahead without consent,
    # and when the council learned of that (the clock for invoking nullity starts then).
    board_decided_on = models.DateField(_("besluit van de bestuurder op"), null=True, blank=True)
    decided_without_consent = models.BooleanField(
        _("besloten zonder instemming van de raad"), default=False
    )
    council_learned_on = models.DateField(
        _("de raad hoorde van het besluit op"), null=True, blank=True
    )
    closed_on = models.DateField(_("afgesloten op"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-received", "-pk"]
        verbose_name = _("traject")
        verbose_name_plural = _("trajecten")
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=models.F("received")),
                name="trajectory_deadline_after_received",
            ),
        ]
        indexes = [
            models.Index(fields=["council", "state", "deadline"]),
            models.Index(fields=["council", "received"]),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES

    @property
    def awaits_council(self) -> bool:
        """The council still has to answer: its deadline runs."""
        return self.state in AWAITING_COUNCIL


class TrajectoryStep(models.Model):
    """One step of a trajectory: the state it reached, when, and a note."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="steps")
    state = models.CharField(_("stap"), max_length=20, choices=State.choices)
    on = models.DateField(_("datum"))
    note = models.TextField(_("toelichting"), max_length=4000, blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["on", "created_at", "pk"]
        verbose_name = _("stap in een traject")
        verbose_name_plural = _("stappen in trajecten")

    def __str__(self) -> str:
        return f"{self.trajectory}: {self.get_state_display()}"
