"""Writes of the news: the index page at /nieuws/ and saving a news item (the demo and
imports use it; editors write news in the Wagtail admin)."""

import datetime
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from raadsplein.knowledge.models import Audience
from raadsplein.knowledge.services import markdown_to_blocks, themes_by_name
from raadsplein.organisations.models import CareSector

from .news_models import NewsIndexPage, NewsPage
from .services import NewsletterError

INDEX_SLUG = "nieuws"


@transaction.atomic
def ensure_news_index() -> NewsIndexPage:
    """The folder page at /nieuws/, created (and published) under the home page if missing."""
    from raadsplein.web.services import ensure_home_page

    index = NewsIndexPage.objects.first()
    if index is not None:
        return index
    home = ensure_home_page()
    index = NewsIndexPage(
        title="Nieuws",
        slug=INDEX_SLUG,
        intro="<p>Nieuws over medezeggenschap in de zorg: wetten, regels en wat andere "
        "cliëntenraden doen.</p>",
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@dataclass
class NewsData:
    slug: str
    title: str
    intro: str
    body: str  # Markdown: '## ' lines become headings
    published_on: datetime.date
    audience: str = Audience.PUBLIC
    themes: list[str] = field(default_factory=list)
    sectors: list[str] = field(default_factory=list)  # CareSector codes
    image: object | None = None
    image_alt: str = ""


@transaction.atomic
def save_news(*, data: NewsData) -> tuple[NewsPage, bool]:
    """Create or update the live news item with this slug and publish it. Idempotent by slug.
    Returns (page, created); raises NewsletterError with the page's own validation message."""
    index = ensure_news_index()
    if data.audience not in Audience.values:
        raise NewsletterError(_("Kies voor wie het bericht is: iedereen of alleen leden."))
    unknown = set(data.sectors) - set(
        CareSector.objects.filter(code__in=data.sectors).values_list("code", flat=True)
    )
    if unknown:
        raise NewsletterError(_("Onbekende zorgsector: %s.") % ", ".join(sorted(unknown)))
    page = NewsPage.objects.child_of(index).filter(slug=data.slug).first()
    created = page is None
    if created:
        page = NewsPage(slug=data.slug)
    page.title = data.title
    page.intro = data.intro
    page.body = markdown_to_blocks(data.body)
    page.published_on = data.published_on
    page.audience = data.audience
    page.image = data.image
    page.image_alt = data.image_alt
    try:
        # Wagtail's Page.save runs full_clean (NewsPage.clean: alt text, reserved slugs).
        if created:
            index.add_child(instance=page)
        page.themes.set(themes_by_name(data.themes))
        page.sectors.set(CareSector.objects.filter(code__in=data.sectors))
        page.save_revision().publish()
    except ValidationError as exc:
        raise NewsletterError(" ".join(exc.messages)) from None
    return NewsPage.objects.get(pk=page.pk), created
