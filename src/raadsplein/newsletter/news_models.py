"""News items as Wagtail pages (issue 14, part 1): one ``NewsIndexPage`` at /nieuws/ and the
``NewsPage`` items under it.

The overview and the feeds are Django views under /nieuws/ (``news_urls.py``), placed before
Wagtail's catch-all, so the index page itself only sends on to the overview (as the
knowledge centre's index does). The weekly edition's automatic draft reads ``intro``,
``published_on``, ``sectors``, ``themes`` and ``audience``: keep these names.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from raadsplein.knowledge.models import BODY_BLOCKS, Audience, Theme
from raadsplein.organisations.models import CareSector

# Paths of our Django views under /nieuws/; a news item may not take these slugs.
NEWS_RESERVED_SLUGS = frozenset({"rss", "atom", "feed", "pagina"})


class NewsIndexPage(Page):
    """The folder of all news items, at /nieuws/. Its intro heads the overview."""

    intro = RichTextField(_("inleiding"), features=["bold", "italic", "link"], blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["web.HomePage"]
    subpage_types = ["newsletter.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("nieuwsoverzicht")

    def serve(self, request, *args, **kwargs):
        from django.shortcuts import redirect

        return redirect("news:index")


class NewsPage(Page):
    """One news item. ``audience`` members: non-members see it in the overview as a teaser
    (title and intro) with a sign-in link; the page itself is for members."""

    intro = models.TextField(
        _("inleiding"),
        max_length=600,
        help_text=_("Eén of twee zinnen: waar gaat het over? Staat in het overzicht en de mail."),
    )
    body = StreamField(BODY_BLOCKS, blank=True, verbose_name=_("inhoud"))
    image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("afbeelding"),
    )
    image_alt = models.CharField(
        _("beschrijving van de afbeelding"),
        max_length=250,
        blank=True,
        help_text=_(
            "Verplicht bij een afbeelding: wat is er te zien, voor wie de afbeelding niet ziet."
        ),
    )
    themes = ParentalManyToManyField(Theme, verbose_name=_("thema's"), blank=True)
    sectors = ParentalManyToManyField(CareSector, verbose_name=_("zorgsectoren"), blank=True)
    audience = models.CharField(
        _("voor wie"),
        max_length=10,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        db_index=True,
    )
    published_on = models.DateField(_("publicatiedatum"), default=timezone.localdate, db_index=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Afbeelding")),
        FieldPanel("body"),
    ]
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audience"),
                FieldPanel("themes"),
                FieldPanel("sectors"),
                FieldPanel("published_on"),
            ],
            heading=_("Kenmerken"),
        ),
        *Page.promote_panels,
    ]
    parent_page_types = ["newsletter.NewsIndexPage"]
    subpage_types: list[str] = []

    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=4),
        index.SearchField("body"),
        index.FilterField("audience"),
        index.FilterField("published_on"),
    ]

    class Meta:
        verbose_name = _("nieuwsbericht")
        verbose_name_plural = _("nieuwsberichten")

    @property
    def is_public(self) -> bool:
        return self.audience == Audience.PUBLIC

    def clean(self) -> None:
        super().clean()
        errors = {}
        self.image_alt = (self.image_alt or "").strip()
        if self.image_id and not self.image_alt:
            errors["image_alt"] = _("Beschrijf wat er op de afbeelding te zien is.")
        if self.slug in NEWS_RESERVED_SLUGS:
            errors["slug"] = _("Dit webadres is al in gebruik door het nieuwsoverzicht.")
        if errors:
            raise ValidationError(errors)

    def serve(self, request, *args, **kwargs):
        from . import news_views

        return news_views.serve_news(request, self)

    def get_sitemap_urls(self, request=None):
        # Members-only news never appears in a sitemap.
        return super().get_sitemap_urls(request) if self.is_public else []


__all__ = ["NEWS_RESERVED_SLUGS", "NewsIndexPage", "NewsPage"]
