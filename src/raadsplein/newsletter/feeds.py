"""RSS 2.0 and Atom feeds of the public news (members-only items never appear here)."""

import datetime

from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext_lazy as _

from . import news_selectors

FEED_ITEMS = 30


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed
    title = _("Nieuws van Raadsplein")
    description = _("Nieuws over medezeggenschap in de zorg, voor cliëntenraden.")
    language = "nl"

    def link(self):
        return reverse("news:index")

    def feed_url(self):
        return reverse("news:rss")

    def items(self):
        return news_selectors.public_news().prefetch_related("themes")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.intro

    def item_link(self, item):
        return item.url

    def item_guid(self, item):
        # Stable across title and slug changes: the page's id.
        return f"raadsplein-nieuws-{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        at = datetime.datetime.combine(item.published_on, datetime.time(8, 0))
        return timezone.make_aware(at)

    def item_updateddate(self, item):
        return item.last_published_at

    def item_categories(self, item):
        return [theme.name for theme in item.themes.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description

    def feed_url(self):
        return reverse("news:atom")

    def item_guid(self, item):
        # Atom ids must be URIs.
        return f"tag:raadsplein.nl,2026:nieuws:{item.pk}"
