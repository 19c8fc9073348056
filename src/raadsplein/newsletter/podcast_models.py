"""The podcast: the show (``PodcastIndexPage`` at /podcast/) and its episodes.

An episode is a Wagtail page with a required audio file (a Wagtail document, served to
everyone through the file guard, with byte ranges so podcast apps can seek), a required
transcript, show notes, a number and a stable GUID. The duration is read from the file with
mutagen when the page is saved, unless the editor filled it in. The feed that podcast apps
read is ``/podcast/feed.xml`` (``podcast_feed.py``; a URL before Wagtail's, which serves only
paths that end in a slash); each episode's transcript is also served
as plain text at ``<episode>/tekst/`` for the feed's ``podcast:transcript``.
"""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, route
from wagtail.fields import RichTextField
from wagtail.models import Page

__all__ = ["PodcastEpisodePage", "PodcastIndexPage"]

AUDIO_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/x-m4a",
    "mp4": "audio/mp4",
    "aac": "audio/aac",
    "ogg": "audio/ogg",
    "oga": "audio/ogg",
    "opus": "audio/opus",
    "wav": "audio/wav",
}

# Apple's podcast categories that fit the show (Apple accepts only names from its list).
CATEGORY_CHOICES = [
    ("Health & Fitness", _("Gezondheid")),
    ("Society & Culture", _("Maatschappij en cultuur")),
    ("Government", _("Overheid")),
    ("Education", _("Onderwijs")),
    ("News", _("Nieuws")),
]


def audio_type(document) -> str:
    """The MIME type podcast apps expect for the file, from its extension."""
    ext = (document.file_extension or "").lower() if document is not None else ""
    return AUDIO_TYPES.get(ext, "")


def file_size(document) -> int:
    """Bytes of the file: the size Wagtail stored at upload, else from storage (without
    Wagtail's ``get_file_size``, which writes the document and its search entry on a read)."""
    if document is None:
        return 0
    if document.file_size:
        return document.file_size
    try:
        return document.file.size
    except OSError:
        return 0


def read_duration(document) -> int | None:
    """Seconds of sound in ``document``, read by mutagen; None when it cannot be read."""
    import mutagen

    try:
        with document.file.open("rb") as handle:
            parsed = mutagen.File(handle)
    except (OSError, mutagen.MutagenError, ValueError):
        return None
    if parsed is None or getattr(parsed, "info", None) is None:
        return None
    return max(1, round(parsed.info.length))


def duration_words(seconds: int | None) -> str:
    """``1920`` → "32 minuten"; under a minute "5 seconden"; over an hour "1 uur en 5 minuten"."""
    if not seconds:
        return ""
    if seconds < 60:
        return ngettext("%(n)d seconde", "%(n)d seconden", seconds) % {"n": seconds}
    minutes = round(seconds / 60)
    hours, rest = divmod(minutes, 60)
    in_minutes = ngettext("%(n)d minuut", "%(n)d minuten", rest) % {"n": rest}
    if not hours:
        return in_minutes
    in_hours = ngettext("%(n)d uur", "%(n)d uur", hours) % {"n": hours}
    return (
        in_hours
        if not rest
        else gettext("%(hours)s en %(minutes)s")
        % {
            "hours": in_hours,
            "minutes": in_minutes,
        }
    )


class PodcastIndexPage(Page):
    """The show at /podcast/: what podcast apps show about it, and the list of episodes."""

    description = models.TextField(
        _("omschrijving"),
        max_length=4000,
        help_text=_("Waar de podcast over gaat. Podcast-apps tonen deze tekst bij de show."),
    )
    author = models.CharField(_("maker"), max_length=120, default="Raadsplein")
    owner_name = models.CharField(_("naam van de eigenaar"), max_length=120)
    owner_email = models.EmailField(
        _("e-mailadres van de eigenaar"),
        help_text=_("Podcast-apps gebruiken dit adres om te controleren wie de podcast beheert."),
    )
    cover_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("omslagafbeelding"),
        help_text=_("Vierkant, minstens 1400 bij 1400 pixels (dat vragen podcast-apps)."),
    )
    cover_alt = models.CharField(
        _("beschrijving van de afbeelding"),
        max_length=200,
        blank=True,
        help_text=_("Voor wie de afbeelding niet kan zien."),
    )
    category = models.CharField(
        _("categorie"), max_length=40, choices=CATEGORY_CHOICES, default="Health & Fitness"
    )
    language = models.CharField(_("taal"), max_length=10, default="nl")
    explicit = models.BooleanField(_("bevat grof taalgebruik"), default=False)

    content_panels = [
        *Page.content_panels,
        FieldPanel("description"),
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("owner_name"),
                FieldPanel("owner_email"),
                FieldPanel("cover_image"),
                FieldPanel("cover_alt"),
                FieldPanel("category"),
                FieldPanel("language"),
                FieldPanel("explicit"),
            ],
            heading=_("Voor podcast-apps"),
        ),
    ]
    parent_page_types = ["web.HomePage"]
    subpage_types = ["newsletter.PodcastEpisodePage"]
    max_count = 1
    template = "newsletter/podcast_index.html"

    class Meta:
        verbose_name = _("podcast")

    def clean(self) -> None:
        super().clean()
        if self.cover_image_id and not self.cover_alt.strip():
            raise ValidationError(
                {"cover_alt": _("Beschrijf de afbeelding voor wie haar niet kan zien.")}
            )

    def get_context(self, request, *args, **kwargs):
        from .podcast_feed import live_episodes

        context = super().get_context(request, *args, **kwargs)
        context["episodes"] = live_episodes(self)
        return context

    @property
    def feed_url(self) -> str:
        from django.urls import reverse

        return reverse("podcast_feed")


class PodcastEpisodePage(RoutablePageMixin, Page):
    """One episode: audio, transcript (required), show notes, number, date and GUID."""

    # Set once when the page is made; a copy gets its own. Podcast apps know an episode by it.
    guid = models.UUIDField(_("vaste code"), default=uuid.uuid4, editable=False, unique=True)
    audio = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("geluidsbestand"),
        help_text=_("Een .mp3-bestand (of .m4a, .ogg)."),
    )
    duration_seconds = models.PositiveIntegerField(
        _("duur in seconden"),
        null=True,
        blank=True,
        help_text=_("Laat u dit leeg, dan lezen wij de duur uit het geluidsbestand."),
    )
    transcript = models.TextField(
        _("uitgeschreven tekst"),
        blank=True,
        help_text=_("De volledige tekst van de aflevering, voor wie niet kan of wil luisteren."),
    )
    show_notes = RichTextField(
        _("shownotes"), features=["bold", "italic", "link", "ul", "ol"], blank=True
    )
    episode_number = models.PositiveIntegerField(_("afleveringnummer"), null=True, blank=True)
    published_on = models.DateField(_("publicatiedatum"), default=timezone.localdate)

    exclude_fields_in_copy = ["guid"]
    content_panels = [
        *Page.content_panels,
        FieldPanel("audio"),
        FieldPanel("duration_seconds"),
        FieldPanel("transcript"),
        FieldPanel("show_notes"),
        FieldPanel("episode_number"),
        FieldPanel("published_on"),
    ]
    parent_page_types = ["newsletter.PodcastIndexPage"]
    subpage_types: list[str] = []
    template = "newsletter/podcast_episode.html"

    class Meta:
        verbose_name = _("podcastaflevering")
        verbose_name_plural = _("podcastafleveringen")
        ordering = ["-published_on", "-pk"]

    def clean(self) -> None:
        from raadsplein.web.player import AUDIO_EXTENSIONS, extension

        super().clean()
        errors = {}
        if self.audio is None:
            errors["audio"] = _("Kies het geluidsbestand van de aflevering.")
        elif extension(self.audio) not in AUDIO_EXTENSIONS:
            errors["audio"] = _("Dit is geen geluidsbestand. Kies een .mp3, .m4a of .ogg.")
        if not (self.transcript or "").strip():
            errors["transcript"] = _(
                "Vul de uitgeschreven tekst in. Niet iedereen kan luisteren: zonder tekst "
                "publiceren wij een aflevering niet."
            )
        if errors:
            raise ValidationError(errors)
        if self.duration_seconds is None or self._audio_changed():
            seconds = read_duration(self.audio)
            if seconds is None:
                raise ValidationError(
                    {
                        "audio": _(
                            "Wij kunnen de duur van dit bestand niet lezen. Controleer het "
                            "bestand, of vul de duur zelf in."
                        )
                    }
                )
            self.duration_seconds = seconds

    def _audio_changed(self) -> bool:
        if self.pk is None:
            return False
        saved = type(self).objects.filter(pk=self.pk).values_list("audio_id", flat=True).first()
        return saved is not None and saved != self.audio_id

    @property
    def duration_text(self) -> str:
        return duration_words(self.duration_seconds)

    @property
    def audio_type(self) -> str:
        return audio_type(self.audio)

    @property
    def audio_size(self) -> int:
        return file_size(self.audio)

    @route(r"^tekst/$", name="transcript")
    def transcript_text(self, request):
        """The transcript as plain text, for podcast apps (``podcast:transcript``)."""
        if not self.live:
            raise Http404
        response = HttpResponse(
            f"{self.title}\n\n{self.transcript.strip()}\n", content_type="text/plain; charset=utf-8"
        )
        response["Access-Control-Allow-Origin"] = "*"  # web players fetch it from elsewhere
        return response


def register_files() -> None:
    """From the app's ready(): the audio and the cover are for everyone once live."""
    from raadsplein.web import files

    files.register(
        PodcastEpisodePage, live=lambda page: page.live, may_view=lambda user, page: True
    )
    files.register(PodcastIndexPage, live=lambda page: page.live, may_view=lambda user, page: True)
