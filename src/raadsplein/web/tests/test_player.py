"""The recordings player (web.player, web/includes/player.html) and byte ranges on files
served by the file guard (web.files.with_ranges)."""

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.template import Context, Template
from wagtail.documents import get_document_model

from raadsplein.web import player
from raadsplein.web.video_providers import PROVIDERS, frame_sources, providers

Document = get_document_model()


def make_document(name: str, content: bytes = b"0123456789" * 10) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


# --- providers ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "video_id"),
    [
        ("https://www.youtube.com/watch?v=dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://youtu.be/dQw4w9WgXcQ?t=10", "dQw4w9WgXcQ"),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://m.youtube.com/shorts/dQw4w9WgXcQ", "dQw4w9WgXcQ"),
        ("https://vimeo.com/76979871", "76979871"),
        ("https://player.vimeo.com/video/76979871", "76979871"),
    ],
)
def test_provider_urls_give_the_video_id(url, video_id):
    embed = player.find_embed(url)
    assert embed is not None and embed.video_id == video_id


@pytest.mark.parametrize(
    "url",
    [
        "https://www.youtube.com/watch?v=short",  # not an 11-character id
        "https://evil.example/watch?v=dQw4w9WgXcQ",  # another host
        "https://www.youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "javascript:alert(1)//youtube.com/watch?v=dQw4w9WgXcQ",
        "https://vimeo.com/channels/staffpicks",
        "",
    ],
)
def test_other_urls_are_no_embed(url):
    assert player.find_embed(url) is None


def test_embed_addresses_are_privacy_friendly():
    youtube = player.find_embed("https://youtu.be/dQw4w9WgXcQ")
    assert youtube.src.startswith("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?")
    vimeo = player.find_embed("https://vimeo.com/76979871")
    assert "dnt=1" in vimeo.src


def test_only_configured_providers_are_embedded(settings):
    settings.RAADSPLEIN_VIDEO_EMBED_PROVIDERS = ["vimeo"]
    assert player.find_embed("https://youtu.be/dQw4w9WgXcQ") is None
    assert player.find_embed("https://vimeo.com/76979871") is not None


def test_unknown_provider_in_the_setting_is_an_error():
    with pytest.raises(ValueError, match="dailymotion"):
        providers(["youtube", "dailymotion"])


def test_csp_frame_src_allows_exactly_the_configured_providers():
    frame_src = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["frame-src"]
    assert frame_src == ["'self'", *frame_sources(settings.RAADSPLEIN_VIDEO_EMBED_PROVIDERS)]
    assert "https://www.youtube-nocookie.com" in frame_src
    assert "https://www.youtube.com" not in frame_src
    assert {p.frame_origin for p in PROVIDERS.values()} >= set(frame_src[1:])


def test_csp_header_on_a_page_has_the_frame_src(client, db):
    header = client.get("/").headers["Content-Security-Policy"]
    assert "frame-src 'self' https://www.youtube-nocookie.com https://player.vimeo.com" in header


# --- what the player shows ----------------------------------------------------------------


def render(**kwargs) -> str:
    template = Template(
        "{% load player %}{% recording title=title document=document url=url "
        "captions=captions transcript=transcript minutes=minutes %}"
    )
    values = {"document": None, "url": "", "captions": None, "transcript": "", "minutes": None}
    return template.render(Context({"title": "Demo-video", **values, **kwargs}))


@pytest.mark.django_db
def test_uploaded_video_has_controls_captions_track_and_transcript():
    video, vtt = make_document("film.mp4"), make_document("film.nl.vtt", b"WEBVTT\n")
    html = render(document=video, captions=vtt, transcript="Welkom bij de video.")
    assert "<video" in html and "controls" in html and f'src="{video.url}"' in html
    assert '<track kind="captions"' in html
    assert 'srclang="nl"' in html and " default>" in html and f'src="{vtt.url}"' in html
    assert "<details" in html and "Welkom bij de video." in html
    assert 'aria-describedby="transcript-summary"' in html
    assert "<iframe" not in html


@pytest.mark.django_db
def test_uploaded_sound_plays_in_an_audio_element():
    html = render(document=make_document("aflevering.mp3"), transcript="Tekst.")
    assert "<audio" in html and "<video" not in html and "<track" not in html


def test_outside_video_is_a_placeholder_without_a_frame():
    html = render(url="https://www.youtube.com/watch?v=dQw4w9WgXcQ", minutes=42)
    assert "<iframe" not in html
    assert "youtube-nocookie.com" in html  # only as data for the script, nothing is loaded
    assert 'data-embed-src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?' in html
    assert "Video laden van YouTube" in html
    assert "gaan er gegevens naar YouTube" in html
    assert "Duur: ongeveer 42 minuten" in html
    assert "<img" not in html and "<script" not in html  # no thumbnail from the provider
    assert 'href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"' in html


def test_other_outside_address_is_a_link():
    html = render(url="https://example.org/film.mp4")
    assert "<video" not in html and "<iframe" not in html
    assert 'href="https://example.org/film.mp4"' in html


def test_nothing_to_play_renders_nothing():
    assert render().strip() == ""


# --- what editors may enter -----------------------------------------------------------------


@pytest.mark.django_db
def test_media_errors_name_the_field_in_dutch():
    video, vtt, pdf = make_document("a.mp4"), make_document("a.vtt"), make_document("a.pdf")
    assert player.media_errors(document=video, url="", captions=vtt, transcript="") == {}
    assert player.media_errors(document=video, url="", captions=None, transcript="Tekst") == {}
    errors = player.media_errors(document=pdf, url="", captions=pdf, transcript="")
    assert "afgespeeld" in errors["media_document"]
    assert "WebVTT" in errors["captions_document"]
    errors = player.media_errors(
        document=None, url="https://example.org/x", captions=None, transcript="Tekst"
    )
    assert "YouTube of Vimeo" in errors["media_url"]
    errors = player.media_errors(
        document=None, url="https://youtu.be/dQw4w9WgXcQ", captions=None, transcript=""
    )
    assert "uitgeschreven tekst" in errors["transcript"]
    errors = player.media_errors(
        document=video, url="https://youtu.be/dQw4w9WgXcQ", captions=None, transcript="T"
    )
    assert "niet allebei" in errors["media_url"]
