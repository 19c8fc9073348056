"""The podcast's RSS feed at /podcast/feed.xml, in the form podcast apps accept.

RSS 2.0 (Django's ``Rss201rev2Feed``) with Apple's ``itunes`` namespace and the Podcast
Index ``podcast`` namespace: the show's author, owner, image, category and "not explicit";
per episode an enclosure with the file's absolute address, length in bytes and MIME type,
the duration, the episode number, the transcript's address, and a GUID that never changes
(``PodcastEpisodePage.guid``, ``isPermaLink="false"``). Only live episodes; every link is
absolute and built from ``RAADSPLEIN_BASE_URL`` (``web.links``).
"""

import datetime
import zoneinfo

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import feedgenerator
from django.utils.html import strip_tags
from django.utils.text import normalize_newlines
from django.views.decorators.http import require_safe
from wagtail.rich_text import expand_db_html

from raadsplein.web import links

from .podcast_models import PodcastEpisodePage, PodcastIndexPage, audio_type, file_size

ITUNES_NS = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PODCAST_NS = "https://podcastindex.org/namespace/1.0"
CONTENT_TYPE = "application/rss+xml; charset=utf-8"
# Episodes appear in the morning of their publication date.
RELEASE_TIME = datetime.time(7, 0)
AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")


class PodcastFeed(feedgenerator.Rss201rev2Feed):
    """RSS 2.0 with the ``itunes`` and ``podcast`` namespaces."""

    content_type = CONTENT_TYPE

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES_NS, "xmlns:podcast": PODCAST_NS}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.startElement("itunes:owner", {})
        handler.addQuickElement("itunes:name", feed["owner_name"])
        handler.addQuickElement("itunes:email", feed["owner_email"])
        handler.endElement("itunes:owner")
        if feed.get("image_url"):
            handler.addQuickElement("itunes:image", None, {"href": feed["image_url"]})
            handler.startElement("image", {})
            handler.addQuickElement("url", feed["image_url"])
            handler.addQuickElement("title", feed["title"])
            handler.addQuickElement("link", feed["link"])
            handler.endElement("image")
        handler.addQuickElement("itunes:category", None, {"text": feed["category"]})
        handler.addQuickElement("itunes:explicit", "true" if feed["explicit"] else "false")
        handler.addQuickElement("itunes:type", "episodic")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        if item.get("duration"):
            handler.addQuickElement("itunes:duration", str(item["duration"]))
        if item.get("episode"):
            handler.addQuickElement("itunes:episode", str(item["episode"]))
        handler.addQuickElement("itunes:episodeType", "full")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement(
            "podcast:transcript",
            None,
            {"url": item["transcript_url"], "type": "text/plain", "language": "nl"},
        )


def live_episodes(index: PodcastIndexPage):
    """The show's live episodes, newest first, with their audio files."""
    return (
        PodcastEpisodePage.objects.live()
        .child_of(index)
        .select_related("audio")
        .order_by("-published_on", "-episode_number", "-pk")
    )


def notes_text(episode: PodcastEpisodePage) -> str:
    """The show notes as plain text (podcast apps show ``description`` as text)."""
    text = strip_tags(expand_db_html(episode.show_notes or ""))
    return normalize_newlines(text).strip() or episode.title


def release_time(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, RELEASE_TIME, tzinfo=AMSTERDAM)


def page_url(page) -> str:
    return links.absolute(page.get_url())


def image_url(index: PodcastIndexPage) -> str:
    """The cover as a square JPEG of at most 3000 px (what Apple asks), as an absolute URL."""
    if index.cover_image is None:
        return ""
    rendition = index.cover_image.get_rendition("fill-3000x3000-c0|format-jpeg")
    return links.absolute(rendition.url)


def build_feed(index: PodcastIndexPage) -> PodcastFeed:
    feed = PodcastFeed(
        title=index.title,
        link=page_url(index),
        description=index.description,
        language=index.language or "nl",
        feed_url=links.absolute(reverse("podcast_feed")),
        author_name=index.author,
        itunes_author=index.author,
        owner_name=index.owner_name,
        owner_email=index.owner_email,
        image_url=image_url(index),
        category=index.category,
        explicit=index.explicit,
    )
    for episode in live_episodes(index):
        document = episode.audio
        url = page_url(episode)
        feed.add_item(
            title=episode.title,
            link=url,
            description=notes_text(episode),
            pubdate=release_time(episode.published_on),
            unique_id=str(episode.guid),
            unique_id_is_permalink=False,
            enclosures=[
                feedgenerator.Enclosure(
                    links.absolute(document.url),
                    str(file_size(document)),
                    audio_type(document) or "audio/mpeg",
                )
            ],
            duration=episode.duration_seconds,
            episode=episode.episode_number,
            transcript_url=url.rstrip("/") + "/" + episode.reverse_subpage("transcript"),
        )
    return feed


@require_safe
def feed(request):
    """/podcast/feed.xml: the feed of the live show; 404 while there is none."""
    index = PodcastIndexPage.objects.live().select_related("cover_image").first()
    if index is None:
        raise Http404
    response = HttpResponse(content_type=CONTENT_TYPE)
    build_feed(index).write(response, "utf-8")
    return response
