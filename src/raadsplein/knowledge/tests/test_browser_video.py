"""A video publication in the browser: the demo video plays with its Dutch captions track
(the cues load), the page passes axe at 1280 and 375 px; an outside video makes no request
to the provider until the visitor presses the button, and then loads in a frame."""

import pytest

from raadsplein.demo import video as demo_video

from .factories import publication

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "var/screenshots"
DEMO_SLUG = "video-wmcz-in-vijf-minuten"


@pytest.fixture
def demo_video_publication():
    """The demo's video publication as seed_demo makes it (the demo video builder attaches
    the shipped video and captions), without building the rest of the demo world."""
    page = publication(
        slug=DEMO_SLUG,
        title="Video: de Wmcz in vijf minuten",
        kind="video",
        audience="public",
        transcript="Welkom. Dit is een demo-video van Raadsplein.",
        index=False,
    )
    demo_video.build(log=lambda message: None)
    page.refresh_from_db()
    assert page.media_document_id and page.captions_document_id
    return page


def test_video_publication_plays_with_captions(page, demo_video_publication, assert_accessible):
    vtt_responses = []
    page.on("response", lambda r: vtt_responses.append(r) if r.url.endswith(".vtt") else None)
    page.goto(demo_video_publication.url)
    video = page.locator("video.player__video")
    assert video.count() == 1
    # The default captions track loads its cues (from the file guard, as text/vtt).
    page.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length > 0; }",
        timeout=15000,
    )
    track = page.evaluate(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return {kind: t.kind, language: t.language, first: t.cues[0].text,"
        " count: t.cues.length}; }"
    )
    assert track == {
        "kind": "captions",
        "language": "nl",
        "first": "Welkom. Dit is een demo-video van Raadsplein.",
        "count": 4,
    }
    assert vtt_responses and vtt_responses[0].status == 200
    assert vtt_responses[0].headers["content-type"].startswith("text/vtt")
    # The browser fetched the video's start by a byte range; seeking asks for another part.
    status = page.evaluate(
        "async url => (await fetch(url, {headers: {Range: 'bytes=100-199'}})).status",
        video.get_attribute("src"),
    )
    assert status == 206
    # Seek into the second cue: the captions show it (the screenshot shows them too).
    page.evaluate(
        "() => new Promise(done => { const v = document.querySelector('video');"
        " v.addEventListener('seeked', done, {once: true}); v.currentTime = 5.5; })"
    )
    page.wait_for_function(
        "() => { const c = document.querySelector('video').textTracks[0].activeCues;"
        " return c && c.length === 1; }",
        timeout=10000,
    )
    active = page.evaluate("document.querySelector('video').textTracks[0].activeCues[0].text")
    assert active == "In deze video hoort u wat een cliëntenraad is."
    transcript = page.locator("details#transcript")
    transcript.locator("summary").click()
    assert "demo-video van Raadsplein" in transcript.inner_text()
    page.screenshot(path=f"{SHOTS}/video-publication-1280.png", full_page=True)
    assert_accessible(page, context="video publication, 1280 px")

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(demo_video_publication.url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    box = video.bounding_box()
    assert box and box["width"] <= 375 and box["height"] > 100
    page.screenshot(path=f"{SHOTS}/video-publication-375.png", full_page=True)
    assert_accessible(page, context="video publication, 375 px")


def test_outside_video_loads_only_after_the_click(page, assert_accessible):
    webinar = publication(
        title="Webinar: de begroting lezen",
        kind="webinar",
        audience="public",
        transcript="De uitgeschreven tekst van het webinar.",
        index=False,
    )
    webinar.media_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    webinar.media_minutes = 45
    webinar.full_clean()
    webinar.save_revision().publish()

    outside = []
    page.on(
        "request",
        lambda r: outside.append(r.url) if "youtube" in r.url or "ytimg" in r.url else None,
    )
    # The provider is not reached from the test: its player is a small local stand-in.
    page.route(
        "https://www.youtube-nocookie.com/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>speler</title><p>speler</p>"
        ),
    )
    page.goto(webinar.url)
    page.wait_for_load_state("networkidle")
    assert page.locator("iframe").count() == 0
    assert outside == []
    placeholder = page.locator("[data-player-embed]")
    assert "gaan er gegevens naar YouTube" in placeholder.inner_text()
    assert "Duur: ongeveer 45 minuten" in placeholder.inner_text()
    page.screenshot(path=f"{SHOTS}/video-embed-placeholder-1280.png", full_page=True)
    assert_accessible(page, context="outside video placeholder")

    page.get_by_role("button", name="Video laden van YouTube").click()
    frame = page.locator("iframe.player-embed__frame")
    frame.wait_for()
    assert frame.get_attribute("src").startswith(
        "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?"
    )
    assert frame.get_attribute("title") == "Webinar: de begroting lezen"
    # Wait until the stand-in player is shown in the frame: only then has its request been made.
    page.frame_locator("iframe.player-embed__frame").get_by_text("speler").wait_for()
    assert outside and all(u.startswith("https://www.youtube-nocookie.com/") for u in outside)
    assert_accessible(page, context="outside video loaded")
