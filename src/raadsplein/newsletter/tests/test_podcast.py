"""The podcast (issue 14, part 9): episode pages with player and transcript, the transcript
required, the duration read from the file, the RSS feed podcast apps read, and the audio
served to everyone with byte ranges."""

import feedparser
import pytest
from defusedxml import ElementTree
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadsplein.newsletter.podcast_feed import ITUNES_NS, PODCAST_NS
from raadsplein.newsletter.podcast_models import PodcastEpisodePage, duration_words

from .factories import document, episode, podcast_index, silent_mp3

pytestmark = pytest.mark.django_db

FEED = "/podcast/feed.xml"
ATOM_NS = "http://www.w3.org/2005/Atom"


def test_episode_page_has_player_transcript_notes_and_download(client):
    index = podcast_index()
    page = episode(
        index,
        title="De Wmcz in gewone taal",
        transcript="Welkom. Vandaag praten we over instemmingsrecht.",
        show_notes="<p>Demo-audio: stilte</p>",
    )
    response = client.get(page.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<audio" in html and "controls" in html and "autoplay" not in html
    assert f'src="{page.audio.url}"' in html
    assert "<details" in html and "Vandaag praten we over instemmingsrecht." in html
    assert "Demo-audio: stilte" in html
    assert f'href="{page.audio.url}" download' in html
    assert "Duur: 3 seconden" in html
    assert "Download de aflevering (MP3," in html


def test_transcript_is_required_in_dutch():
    index = podcast_index()
    page = PodcastEpisodePage(
        title="Zonder tekst",
        slug="zonder-tekst",
        audio=document("stil.mp3", silent_mp3(2)),
        transcript="   ",
    )
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Vul de uitgeschreven tekst in" in str(error.value.message_dict["transcript"])
    with pytest.raises(ValidationError):
        index.add_child(instance=page)  # Wagtail cleans on save: nothing is stored
    assert not PodcastEpisodePage.objects.filter(slug="zonder-tekst").exists()


def test_audio_that_is_not_sound_is_refused():
    index = podcast_index()
    page = PodcastEpisodePage(
        title="Een pdf",
        slug="een-pdf",
        audio=document("brief.pdf", b"%PDF-1.4"),
        transcript="Tekst.",
    )
    with pytest.raises(ValidationError) as error:
        index.add_child(instance=page)
    assert "Dit is geen geluidsbestand" in str(error.value.message_dict["audio"])


def test_duration_is_read_from_the_file_and_editable():
    index = podcast_index()
    page = episode(index, audio=document("lang.mp3", silent_mp3(125)))
    assert page.duration_seconds == 125
    assert page.duration_text == "2 minuten"
    page.duration_seconds = 1920  # the editor knows better (say, a file cut later)
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.duration_seconds == 1920
    page.audio = document("kort.mp3", silent_mp3(7))  # a new file: read again
    page.save_revision().publish()
    page.refresh_from_db()
    assert page.duration_seconds == 7


def test_duration_in_words():
    assert duration_words(1920) == "32 minuten"
    assert duration_words(60) == "1 minuut"
    assert duration_words(5) == "5 seconden"
    assert duration_words(3900) == "1 uur en 5 minuten"


def _parsed(client):
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    return response, feedparser.parse(response.content)


def test_feed_is_a_podcast_feed_apps_accept(client, settings):
    settings.RAADSPLEIN_BASE_URL = "https://raadsplein.example"
    index = podcast_index()
    first = episode(index, title="Eerste", episode_number=1, audio=document("a.mp3", silent_mp3(4)))
    episode(index, title="Tweede", episode_number=2)
    response, feed = _parsed(client)
    xml = response.content.decode()
    assert feed.bozo == 0, feed.bozo_exception
    assert f'xmlns:itunes="{ITUNES_NS}"' in xml and f'xmlns:podcast="{PODCAST_NS}"' in xml
    root = ElementTree.fromstring(response.content)
    self_link = root.find(f"channel/{{{ATOM_NS}}}link")
    assert self_link.attrib == {"rel": "self", "href": "https://raadsplein.example" + FEED}
    channel = feed.feed
    assert channel.title == index.title and channel.language == "nl"
    itunes = {"itunes": ITUNES_NS}
    assert root.findtext("channel/itunes:author", namespaces=itunes) == "Raadsplein"
    assert root.findtext("channel/itunes:owner/itunes:name", namespaces=itunes) == "Redactie"
    assert channel.publisher_detail.email == "podcast@raadsplein.example"
    # Apple's spec says true/false; feedparser knows only the older yes/clean and reads None
    assert root.findtext("channel/itunes:explicit", namespaces=itunes) == "false"
    assert root.find("channel/itunes:image", namespaces=itunes) is None  # no cover here
    assert channel.tags[0].term == "Health & Fitness"
    items = {e.title: e for e in feed.entries}
    item = items["Eerste"]
    assert item.id == str(first.guid) and item.guidislink is False
    enclosure = item.enclosures[0]
    assert enclosure.href == "https://raadsplein.example" + first.audio.url
    assert int(enclosure.length) == len(silent_mp3(4)) and enclosure.type == "audio/mpeg"
    assert item.itunes_duration == "4" and item.itunes_episode == "1"
    transcript = item["podcast_transcript"]
    assert transcript["url"].endswith(first.url + "tekst/")
    assert transcript["type"] == "text/plain"


def test_feed_guid_is_stable_and_lists_only_live_episodes(client):
    index = podcast_index()
    page = episode(index, title="Blijvend")
    draft = episode(index, title="Nog een concept", publish=False)
    _response, before = _parsed(client)
    page.title = "Blijvend (nieuwe titel)"
    page.save_revision().publish()  # a re-publish keeps the GUID
    _response, after = _parsed(client)
    assert [e.id for e in before.entries] == [e.id for e in after.entries] == [str(page.guid)]
    assert after.entries[0].title == "Blijvend (nieuwe titel)"
    assert str(draft.guid) not in _response.content.decode()
    page.unpublish()
    _response, gone = _parsed(client)
    assert gone.entries == []


def test_a_copy_gets_its_own_guid():
    index = podcast_index()
    page = episode(index)
    copy = page.copy(update_attrs={"slug": "kopie", "title": "Kopie"}).specific
    assert copy.guid != page.guid


def test_audio_is_served_to_anyone_with_byte_ranges(client):
    index = podcast_index()
    page = episode(index)
    data = silent_mp3(3)
    whole = client.get(page.audio.url)
    assert whole.status_code == 200 and b"".join(whole.streaming_content) == data
    assert "public" in whole["Cache-Control"] and whole["Accept-Ranges"] == "bytes"
    part = client.get(page.audio.url, HTTP_RANGE="bytes=96-191")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 96-191/{len(data)}"
    assert b"".join(part.streaming_content) == data[96:192]


def test_audio_of_a_draft_episode_is_not_public(client):
    index = podcast_index()
    draft = episode(index, publish=False)
    assert client.get(draft.audio.url).status_code == 302  # to sign-in: staff only


def test_transcript_as_plain_text(client):
    index = podcast_index()
    page = episode(index, title="Tekst", transcript="Regel een.\nRegel twee.")
    response = client.get(page.url + "tekst/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "Tekst\n\nRegel een.\nRegel twee.\n"


def test_no_feed_without_a_show(client):
    assert client.get(FEED).status_code == 404


@pytest.mark.parametrize("path", ["/podcast/", FEED])
def test_lists_read_the_same_queries_for_one_or_three_episodes(client, path):
    index = podcast_index()
    episode(index)

    def count():
        cache.clear()  # the stored anonymous page would answer without a query
        with CaptureQueriesContext(connection) as queries:
            assert client.get(path).status_code == 200
        return len(queries)

    count()  # warm caches (site root paths, content types)
    one = count()
    episode(index)
    episode(index)
    count()  # saving pages drops the site memo (web.caching): warm it again
    assert count() == one
    assert "Aflevering 3" in client.get("/podcast/").content.decode()


def test_feed_has_the_cover_as_an_absolute_image(client, settings):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    settings.RAADSPLEIN_BASE_URL = "https://raadsplein.example"
    cover = get_image_model().objects.create(
        title="Omslag", file=get_test_image_file(size=(1400, 1400))
    )
    index = podcast_index(cover_image=cover, cover_alt="Een blauw vlak")
    episode(index)
    response, feed = _parsed(client)
    href = (
        ElementTree.fromstring(response.content)
        .find("channel/itunes:image", namespaces={"itunes": ITUNES_NS})
        .attrib["href"]
    )
    assert href.startswith("https://raadsplein.example/media/images/") and href.endswith(".jpg")
    assert client.get(href.removeprefix("https://raadsplein.example")).status_code == 200
    html = client.get(index.url).content.decode()
    assert 'alt="Een blauw vlak"' in html


def test_cover_needs_a_description():
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    cover = get_image_model().objects.create(title="Omslag", file=get_test_image_file())
    with pytest.raises(ValidationError) as error:
        podcast_index(cover_image=cover)
    assert "Beschrijf de afbeelding" in str(error.value.message_dict["cover_alt"])


def test_editors_find_the_fields_in_the_admin(client):
    from raadsplein.accounts.tests.factories import redacteur

    index = podcast_index()
    page = episode(index)
    client.force_login(redacteur())
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    for label in ("Geluidsbestand", "Duur in seconden", "Uitgeschreven tekst", "Shownotes"):
        assert label in html, label
    assert (
        client.get(f"/admin/pages/add/newsletter/podcastepisodepage/{index.pk}/").status_code == 200
    )
