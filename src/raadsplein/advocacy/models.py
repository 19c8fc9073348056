"""Signalen: what councils see in care practice, the councils that see it too, and the dossiers
the organisation builds from them.

A signal's free text may hold health facts. Its own council sees it whole; other councils see
it only as "een cliëntenraad in de ouderenzorg in Gelderland" unless the council chose to be
named, and never the care provider when that is kept back (``rules.py``, ``selectors.py``).
Every change is a :class:`HistoryEntry`, which is never edited or deleted, only redacted when
the retention period ends (``retention.py``).
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from raadsplein.organisations.models import Province


class ClientsAffected(models.TextChoices):
    FEW = "1-10", _("1 tot 10 cliënten")
    SOME = "11-50", _("11 tot 50 cliënten")
    MANY = "51-250", _("51 tot 250 cliënten")
    MOST = "250+", _("Meer dan 250 cliënten")
    UNKNOWN = "unknown", _("Dat weet ik niet")


class State(models.Model):
    """A step in a signal's life, defined by staff. Councils see a signal's state (and the
    public answer given with it) only when the state is visible to councils; otherwise they
    see the last visible state the signal passed."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    description = models.CharField(
        _("uitleg voor raden"),
        max_length=300,
        blank=True,
        help_text=_("Eén zin die een raad uitlegt wat deze stap betekent."),
    )
    visible_to_councils = models.BooleanField(_("zichtbaar voor raden"), default=True)
    is_initial = models.BooleanField(
        _("beginstap"), default=False, help_text=_("Een nieuw signaal krijgt deze stap.")
    )
    is_closed = models.BooleanField(
        _("afgesloten"), default=False, help_text=_("Een signaal in deze stap is afgehandeld.")
    )

    class Meta:
        verbose_name = _("stap van een signaal")
        verbose_name_plural = _("stappen van signalen")
        ordering = ["order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_initial"], condition=Q(is_initial=True), name="one_initial_state"
            )
        ]

    def __str__(self) -> str:
        return self.name


class Tag(models.Model):
    """A label policy staff put on signals while sorting them (never shown to councils)."""

    name = models.CharField(_("naam"), max_length=60, unique=True)

    class Meta:
        verbose_name = _("label")
        verbose_name_plural = _("labels")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Signal(models.Model):
    title = models.CharField(_("titel"), max_length=200)
    description = models.TextField(_("wat gebeurt er?"), max_length=5000)
    since = models.DateField(_("sinds wanneer"), null=True, blank=True)
    clients_affected = models.CharField(
        _("hoeveel cliënten merken het?"),
        max_length=10,
        choices=ClientsAffected.choices,
        default=ClientsAffected.UNKNOWN,
    )
    themes = models.ManyToManyField(
        "knowledge.Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    sectors = models.ManyToManyField(
        "organisations.CareSector", verbose_name=_("zorgsectoren"), blank=True, related_name="+"
    )
    province = models.CharField(_("provincie"), max_length=2, choices=Province.choices)
    provider = models.ForeignKey(
        "organisations.CareProvider",
        verbose_name=_("zorgaanbieder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    provider_hidden = models.BooleanField(
        _("zorgaanbieder niet tonen aan andere raden"), default=True
    )
    council = models.ForeignKey(
        "organisations.Council",
        verbose_name=_("raad"),
        on_delete=models.PROTECT,
        related_name="signals",
    )
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gemeld door"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reported_signals",
    )
    named = models.BooleanField(
        _("naam van de raad tonen aan andere raden"),
        default=False,
        help_text=_(
            "Anders zien andere raden alleen de soort raad, de sector en de provincie, "
            "bijvoorbeeld: een cliëntenraad in de ouderenzorg in Gelderland."
        ),
    )
    state = models.ForeignKey(
        State, verbose_name=_("stap"), on_delete=models.PROTECT, related_name="signals"
    )
    # The last state councils may see; what "Mijn signalen" shows while staff work in a
    # state that is for staff only.
    public_state = models.ForeignKey(
        State,
        verbose_name=_("stap voor raden"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    public_answer = models.TextField(_("antwoord van de organisatie"), blank=True)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("beleidsadviseur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assigned_signals",
    )
    tags = models.ManyToManyField(Tag, verbose_name=_("labels"), blank=True, related_name="signals")
    merged_into = models.ForeignKey(
        "self",
        verbose_name=_("samengevoegd met"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="merged_signals",
    )
    split_from = models.ForeignKey(
        "self",
        verbose_name=_("afgesplitst van"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="split_signals",
    )
    # Made by an advisor from a Vraagbaak question (issue 13, part 7); the question's side of
    # the link is its SignalRequest, whose reference names this signal.
    question = models.ForeignKey(
        "helpdesk.Question",
        verbose_name=_("vraag aan de Vraagbaak"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signals",
    )
    created_at = models.DateTimeField(_("gemeld op"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    closed_at = models.DateTimeField(_("afgesloten op"), null=True, blank=True)
    # Set by the retention task when the reporter's personal details were removed.
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("signaal")
        verbose_name_plural = _("signalen")
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["council", "-created_at"]),
            models.Index(fields=["state", "-created_at"]),
            models.Index(fields=["assigned_to", "state"]),
            models.Index(fields=["province", "created_at"]),
            models.Index(fields=["closed_at"]),
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.title}"


class CoSignature(models.Model):
    """ "Wij zien dit ook": another council says it sees the same, in its own words."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="cosignatures")
    council = models.ForeignKey(
        "organisations.Council",
        verbose_name=_("raad"),
        on_delete=models.PROTECT,
        related_name="signal_cosignatures",
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("namens de raad"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="signal_cosignatures",
    )
    account = models.TextField(_("wat ziet uw raad?"), max_length=2000)
    sector = models.ForeignKey(
        "organisations.CareSector",
        verbose_name=_("zorgsector"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    province = models.CharField(_("provincie"), max_length=2, choices=Province.choices)
    named = models.BooleanField(_("naam van de raad tonen aan andere raden"), default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    # Set when the council takes it back (after a merge it did not agree to, say); a
    # withdrawn co-signature no longer counts anywhere.
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("medeondertekening")
        verbose_name_plural = _("medeondertekeningen")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["signal", "council"], name="cosign_once_per_council")
        ]

    def __str__(self) -> str:
        return f"{self.council} — #{self.signal_id}"


class HistoryKind(models.TextChoices):
    REPORTED = "reported", _("Gemeld")
    STATE = "state", _("Stap gewijzigd")
    ASSIGNED = "assigned", _("Toegewezen")
    TAGGED = "tagged", _("Labels gewijzigd")
    COSIGNED = "cosigned", _("Wij zien dit ook")
    WITHDRAWN = "withdrawn", _("Medeondertekening ingetrokken")
    MERGED = "merged", _("Samengevoegd")
    SPLIT = "split", _("Gesplitst")
    QUESTION = "question", _("Vraag aan de melder")
    ANSWER = "answer", _("Antwoord van de melder")
    DOSSIER = "dossier", _("In een dossier gezet")
    NOTE = "note", _("Interne notitie")


class AppendOnlyError(Exception):
    pass


class HistoryEntry(models.Model):
    """One change to a signal. Entries are only ever added: :meth:`save` refuses an update and
    :meth:`delete` refuses outright. The retention task redacts texts with a queryset update."""

    signal = models.ForeignKey(Signal, on_delete=models.CASCADE, related_name="history")
    kind = models.CharField(max_length=20, choices=HistoryKind.choices)
    state = models.ForeignKey(
        State, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    text = models.TextField(blank=True)
    visible_to_councils = models.BooleanField(default=False)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Small facts about the change (ids of a merge, the old and new assignee…), never text.
    data = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("geschiedenis van een signaal")
        verbose_name_plural = _("geschiedenis van signalen")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["signal", "created_at"])]

    def __str__(self) -> str:
        return f"#{self.signal_id} {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError("History entries are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("History entries are never deleted.")


class DossierStatus(models.TextChoices):
    OPEN = "open", _("Loopt")
    CLOSED = "closed", _("Afgerond")


class Dossier(models.Model):
    """An advocacy topic: signals grouped, and what the organisation did with them."""

    title = models.CharField(_("titel"), max_length=200)
    summary = models.TextField(_("samenvatting voor raden"), max_length=3000, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=DossierStatus.choices, default=DossierStatus.OPEN
    )
    themes = models.ManyToManyField(
        "knowledge.Theme", verbose_name=_("thema's"), blank=True, related_name="+"
    )
    signals = models.ManyToManyField(
        Signal, verbose_name=_("signalen"), blank=True, related_name="dossiers"
    )
    outcome = models.TextField(_("resultaat"), max_length=3000, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("dossier")
        verbose_name_plural = _("dossiers")
        ordering = ["-updated_at", "-pk"]

    def __str__(self) -> str:
        return self.title


class ActionKind(models.TextChoices):
    LETTER = "letter", _("Brief")
    MEETING = "meeting", _("Gesprek")
    CONSULTATION = "consultation", _("Reactie op een consultatie")
    PARLIAMENTARY = "parliamentary", _("Kamervragen")
    OTHER = "other", _("Anders")


class Addressee(models.TextChoices):
    VWS = "vws", _("Ministerie van VWS")
    IGJ = "igj", _("Inspectie Gezondheidszorg en Jeugd")
    CARE_OFFICE = "zorgkantoor", _("Zorgkantoor")
    INSURER = "verzekeraar", _("Zorgverzekeraar")
    PARLIAMENT = "kamer", _("Tweede Kamer")
    OTHER = "other", _("Anders")


class DossierAction(models.Model):
    """Something done in a dossier: a letter, a meeting, a consultation response…"""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="actions")
    kind = models.CharField(_("soort"), max_length=20, choices=ActionKind.choices)
    addressee = models.CharField(_("aan wie"), max_length=20, choices=Addressee.choices, blank=True)
    title = models.CharField(_("titel"), max_length=200)
    date = models.DateField(_("datum"))
    description = models.TextField(_("wat er gedaan is"), max_length=3000, blank=True)
    outcome = models.TextField(_("uitkomst"), max_length=3000, blank=True)
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    visible_to_councils = models.BooleanField(_("zichtbaar voor raden"), default=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("actie in een dossier")
        verbose_name_plural = _("acties in dossiers")
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title


from .facts_models import SignalCube, SignalFact  # noqa: E402, F401 (precomputed figures)
from .file_models import SignalFile  # noqa: E402, F401
from .report_models import ReportQuote  # noqa: E402, F401 (reports: quotes chosen by staff)
