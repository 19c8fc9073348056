"""Publications of the Kenniscentrum, their taxonomy, and the search index.

Publications are Wagtail pages under one ``KnowledgeIndexPage`` at /kennisbank/. The search
index (``SearchDocument`` with the database's own full-text index, ``SearchTerm`` the
vocabulary) holds text that went through the Dutch analysis pipeline in ``search/analysis.py``;
it is written only by ``search/indexing.py``.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from raadsplein.organisations.models import CareSector

# Paths our Django views use under /kennisbank/; a publication may not take these slugs.
RESERVED_SLUGS = frozenset({"zoeken", "bestanden", "feed", "sitemap.xml", "sitemap"})


class Kind(models.TextChoices):
    ARTIKEL = "artikel", _("Artikel")
    BROCHURE = "brochure", _("Brochure")
    HANDREIKING = "handreiking", _("Handreiking")
    CHECKLIST = "checklist", _("Checklist")
    MODELBRIEF = "modelbrief", _("Modelbrief")
    MODELREGELING = "modelregeling", _("Modelregeling")
    BEWAARKAART = "bewaarkaart", _("Bewaarkaart")
    PODCAST = "podcast", _("Podcast")
    VIDEO = "video", _("Video")
    WEBINAR = "webinar", _("Webinar")


class Audience(models.TextChoices):
    PUBLIC = "public", _("Iedereen")
    MEMBERS = "members", _("Alleen leden")


class Theme(models.Model):
    """A theme of the managed taxonomy (snippet, edited by the redactie)."""

    name = models.CharField(_("naam"), max_length=80, unique=True)
    slug = models.SlugField(_("code"), max_length=80, unique=True, blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if not self.slug:
            self.slug = slugify(self.name)[:80]


class Synonym(models.Model):
    """A group of words and abbreviations that mean the same thing to a council member.

    Every variant is found by every other one (MZR finds medezeggenschapsregeling and back).
    Variants may be several words ("raad van bestuur"). Editing the list rebuilds the index.
    """

    name = models.CharField(
        _("naam"), max_length=80, help_text=_("Voor uzelf, bijvoorbeeld 'MZR'.")
    )
    variants = models.TextField(
        _("woorden"),
        help_text=_(
            "Eén woord of woordgroep per regel, bijvoorbeeld: MZR, medezeggenschapsregeling."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("variants")]

    class Meta:
        verbose_name = _("synoniem")
        verbose_name_plural = _("synoniemen")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def variant_list(self) -> list[str]:
        parts = self.variants.replace(",", "\n").replace(";", "\n").splitlines()
        return [p.strip() for p in parts if p.strip()]

    def clean(self) -> None:
        if len(self.variant_list()) < 2:
            raise ValidationError({"variants": _("Geef minstens twee woorden op.")})


class KnowledgeIndexPage(Page):
    """The folder of all publications, at /kennisbank/. Its intro heads the catalogue."""

    intro = RichTextField(_("inleiding"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    subpage_types = ["knowledge.PublicationPage"]
    max_count = 1

    class Meta:
        verbose_name = _("kennisbank")

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        return redirect("knowledge:index")


class TipBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Kop"), required=False, max_length=120)
    text = blocks.TextBlock(label=_("Tekst"))

    class Meta:
        icon = "help"
        label = _("Tip")
        template = "knowledge/blocks/tip.html"


BODY_BLOCKS = [
    (
        "heading",
        blocks.CharBlock(
            label=_("Tussenkop"), form_classname="title", template="knowledge/blocks/heading.html"
        ),
    ),
    (
        "paragraph",
        blocks.RichTextBlock(
            label=_("Tekst"), features=["bold", "italic", "link", "ul", "ol", "h3"]
        ),
    ),
    (
        "checklist",
        blocks.ListBlock(
            blocks.CharBlock(max_length=300),
            label=_("Checklist"),
            template="knowledge/blocks/checklist.html",
        ),
    ),
    ("tip", TipBlock()),
    (
        "quote",
        blocks.BlockQuoteBlock(label=_("Citaat")),
    ),
]


class PublicationPage(Page):
    """One publication: a brochure, handreiking, checklist, podcast episode, …"""

    summary = models.TextField(_("samenvatting"), max_length=600)
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("inhoud"))
    kind = models.CharField(_("soort"), max_length=20, choices=Kind.choices, db_index=True)
    themes = ParentalManyToManyField(Theme, verbose_name=_("thema's"), blank=True)
    sectors = ParentalManyToManyField(CareSector, verbose_name=_("zorgsectoren"), blank=True)
    audience = models.CharField(
        _("voor wie"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.MEMBERS,
        db_index=True,
    )
    teaser = models.BooleanField(
        _("titel en samenvatting tonen aan niet-leden"),
        default=False,
        help_text=_(
            "Alleen voor ledenpublicaties: niet-leden zien dan de titel en samenvatting, "
            "met een uitnodiging om in te loggen of lid te worden."
        ),
    )
    published_on = models.DateField(_("publicatiedatum"), db_index=True)
    reviewed_on = models.DateField(_("laatst nagekeken"), null=True, blank=True)
    transcript = models.TextField(
        _("uitgeschreven tekst"),
        blank=True,
        help_text=_("Voor podcasts, video's en webinars: de volledige tekst van de opname."),
    )
    related = ParentalManyToManyField(
        "self", symmetrical=False, blank=True, verbose_name=_("zie ook")
    )
    # The recording of a video, webinar or podcast (web/player.py): an uploaded file with
    # captions, or a video at an outside provider, loaded only when the visitor asks.
    media_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("video- of geluidsbestand"),
        help_text=_("Een .mp4- of .webm-video, of geluid (.mp3, .m4a, .ogg)."),
    )
    captions_document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("ondertitels (WebVTT)"),
        help_text=_("Een .vtt-bestand met Nederlandse ondertitels bij het videobestand."),
    )
    media_url = models.URLField(
        _("video bij YouTube of Vimeo"),
        blank=True,
        help_text=_(
            "Een link naar de video. Bezoekers laden de video pas als zij op de knop drukken; "
            "eerder gaan er geen gegevens naar YouTube of Vimeo."
        ),
    )
    media_minutes = models.PositiveSmallIntegerField(_("duur in minuten"), null=True, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [
                FieldPanel("media_document"),
                FieldPanel("captions_document"),
                FieldPanel("media_url"),
                FieldPanel("media_minutes"),
            ],
            heading=_("Opname"),
        ),
        InlinePanel("files", label=_("Bestanden")),
        FieldPanel("transcript"),
        FieldPanel("related"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("audience"),
                FieldPanel("teaser"),
                FieldPanel("themes"),
                FieldPanel("sectors"),
                FieldPanel("published_on"),
                FieldPanel("reviewed_on"),
            ],
            heading=_("Kenmerken"),
        ),
        *Page.promote_panels,
    ]
    parent_page_types = ["knowledge.KnowledgeIndexPage"]
    subpage_types: list[str] = []

    # For Wagtail's search backend (admin search, and the public search when
    # RAADSPLEIN_KNOWLEDGE_SEARCH = "wagtail"): text after the Dutch pipeline, so an
    # Elasticsearch/OpenSearch cluster needs no Dutch analyser of its own. The normalised
    # fields are empty unless that switch is on: the built-in search keeps its own index
    # (SearchDocument), so publishing does not write the same text into a second one.
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("normalised_title", boost=10),
        index.SearchField("normalised_summary", boost=4),
        index.SearchField("normalised_text"),
        index.FilterField("kind"),
        index.FilterField("audience"),
        index.FilterField("published_on"),
    ]

    class Meta:
        verbose_name = _("publicatie")
        verbose_name_plural = _("publicaties")

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    def normalised_title(self) -> str:
        from .search.external import mode
        from .search.indexing import normalised

        return normalised(self.title) if mode() == "wagtail" else ""

    def normalised_summary(self) -> str:
        from .search.external import mode
        from .search.indexing import normalised

        return normalised(self.summary) if mode() == "wagtail" else ""

    def normalised_text(self) -> str:
        from .search.external import mode
        from .search.indexing import normalised, page_fields

        if mode() != "wagtail":
            return ""
        fields = page_fields(self)
        return normalised(" ".join(fields[k] for k in ("taxonomy", "body", "transcript", "files")))

    def clean(self) -> None:
        from raadsplein.web.player import media_errors

        super().clean()
        errors = media_errors(
            document=self.media_document,
            url=self.media_url,
            captions=self.captions_document,
            transcript=self.transcript,
        )
        if self.slug in RESERVED_SLUGS:
            errors["slug"] = _("Dit webadres is al in gebruik door de kennisbank.")
        if errors:
            raise ValidationError(errors)

    @property
    def has_recording(self) -> bool:
        return bool(self.media_document_id or self.media_url)

    def serve(self, request, *args, **kwargs):
        from . import views

        return views.serve_publication(request, self)

    def get_sitemap_urls(self, request=None):
        # Members-only publications never appear in a sitemap.
        return super().get_sitemap_urls(request) if self.is_public else []


class PublicationFile(Orderable):
    """A file attached to a publication (PDF, DOCX, audio). Served by a checked view."""

    page = ParentalKey(PublicationPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("bestand"),
    )
    label = models.CharField(_("omschrijving"), max_length=120, blank=True)

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("bestand")
        verbose_name_plural = _("bestanden")

    def __str__(self) -> str:
        return self.label or self.document.title


class DocumentText(models.Model):
    """Text extracted from an attached document, kept so it is read once per file version."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+"
    )
    file_hash = models.CharField(max_length=64, blank=True)
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("tekst uit bestand")
        verbose_name_plural = _("teksten uit bestanden")

    def __str__(self) -> str:
        return f"tekst van document {self.document_id}"


class SearchDocument(models.Model):
    """One live publication as the search index sees it.

    The six ``*`` text columns hold the publication's fields after the Dutch pipeline
    (``search/analysis.py``): stems and synonym keys, each term repeated 1 + ln(tf) times.
    The database indexes them itself (migration 0005):

    - PostgreSQL: the narrow table ``knowledge_search_vectors`` (migration 0012), kept in
      step by triggers: the filter columns and tsvectors ('simple' configuration, weights
      A title, B summary and taxonomy, C body and transcript, D files) with GIN indexes;
    - SQLite: the FTS5 table ``knowledge_search_fts`` over these columns, kept in step by
      triggers, and ``knowledge_search_instances`` (fts5vocab) to read it.

    ``text`` is the plain text for snippets. ``kind``, ``published_on`` and the slugs of its
    ``themes`` and codes of its ``sectors`` (JSON lists) are copied from the publication, so
    filters, date sorting and facet counts read this one row and need no join.
    """

    page = models.OneToOneField(
        PublicationPage, on_delete=models.CASCADE, related_name="search_document"
    )
    is_public = models.BooleanField(default=False)
    kind = models.CharField(max_length=20, blank=True)
    published_on = models.DateField(null=True)
    themes = models.JSONField(default=list, blank=True)
    sectors = models.JSONField(default=list, blank=True)
    title = models.TextField(blank=True)
    summary = models.TextField(blank=True)
    taxonomy = models.TextField(blank=True)
    body = models.TextField(blank=True)
    transcript = models.TextField(blank=True)
    files = models.TextField(blank=True)
    text = models.TextField(blank=True)
    indexed_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("zoekdocument")
        verbose_name_plural = _("zoekdocumenten")
        indexes = [
            models.Index(fields=["is_public", "published_on"], name="knowledge_doc_public_idx")
        ]

    def __str__(self) -> str:
        return f"zoekdocument {self.page_id}"


class SearchTerm(models.Model):
    """A normalised term (stem or synonym group key) with its document frequency: all live
    publications (``df``) and public ones only (``df_public``, so visitors never see or
    are ranked by what only members' publications contain).

    The term ``""`` (``indexing.DOCUMENTS_TERM``) counts the documents themselves. On
    PostgreSQL ``text`` has a trigram index (pg_trgm) for compound parts and "Bedoelde u";
    on SQLite the FTS5 trigram table ``knowledge_term_fts`` serves the same purpose.
    """

    text = models.CharField(max_length=80, unique=True)
    display = models.CharField(max_length=80, blank=True)
    length = models.PositiveSmallIntegerField(default=0)
    df = models.PositiveIntegerField(default=0)
    df_public = models.PositiveIntegerField(default=0)

    class Meta:
        indexes = [models.Index(fields=["length", "text"], name="knowledge_term_len_idx")]

    def __str__(self) -> str:
        return self.text


class ZeroResultQuery(models.Model):
    """How often a search found nothing, per normalised query text and day; nothing else.

    No person, no address, no time of day: only what was typed (lower case, spaces tidied),
    the day and a count. Rows older than a month are removed when new ones are written
    (``knowledge/zero_results.py``). Editors see the most frequent ones to add synonyms."""

    query = models.CharField(_("zoekvraag"), max_length=200)
    day = models.DateField(_("dag"), db_index=True)
    count = models.PositiveIntegerField(_("aantal"), default=1)

    class Meta:
        verbose_name = _("zoekvraag zonder resultaat")
        verbose_name_plural = _("zoekvragen zonder resultaat")
        constraints = [
            models.UniqueConstraint(fields=["query", "day"], name="knowledge_zero_result_per_day")
        ]

    def __str__(self) -> str:
        return self.query
