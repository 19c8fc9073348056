"""Video, webinar and podcast publications play: the uploaded recording with its captions
track and transcript, or an outside video behind a button; members' recordings stay behind
the file guard; editors get a Dutch message for a recording that cannot play."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.organisations.tests.factories import member

from .factories import publication

pytestmark = pytest.mark.django_db

Document = get_document_model()
VIDEO = b"\x00\x00\x00\x18ftypmp42 demo video bytes"
CAPTIONS = b"WEBVTT\n\n1\n00:00.500 --> 00:03.000\nWelkom bij de demo.\n"


def document(name: str, content: bytes) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def video_publication(*, audience="public", url="", with_file=True, **kwargs):
    page = publication(
        kind="video", audience=audience, transcript="Welkom bij de demo.", index=False, **kwargs
    )
    if with_file:
        page.media_document = document("opname.mp4", VIDEO)
        page.captions_document = document("opname.nl.vtt", CAPTIONS)
    page.media_url = url
    page.full_clean()
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_video_publication_has_player_with_captions_and_transcript(client):
    page = video_publication()
    html = client.get(page.url).content.decode()
    assert '<video class="player__video"' in html
    assert f'src="{page.media_document.url}"' in html
    assert '<track kind="captions"' in html and 'srclang="nl"' in html
    assert f'src="{page.captions_document.url}"' in html
    assert html.count("Welkom bij de demo.") == 1  # the transcript once, under the player
    assert html.index("<video") < html.index('id="transcript"')
    assert "web/js/player.js" in html and "web/css/player.css" in html


def test_captions_and_video_files_are_served_with_their_types(client):
    page = video_publication()
    captions = client.get(page.captions_document.url)
    assert captions.status_code == 200
    assert captions["Content-Type"].startswith("text/vtt")
    assert b"".join(captions.streaming_content) == CAPTIONS
    video = client.get(page.media_document.url, HTTP_RANGE="bytes=0-3")
    assert video.status_code == 206 and video["Content-Type"] == "video/mp4"


def test_publication_without_recording_has_no_player(client):
    page = publication(kind="artikel", audience="public", transcript="Tekst.", index=False)
    html = client.get(page.url).content.decode()
    assert "<video" not in html and "player.js" not in html
    assert "Uitgeschreven tekst lezen" in html  # the transcript as before


def test_outside_video_shows_a_placeholder_and_no_frame(client):
    page = video_publication(url="https://vimeo.com/76979871", with_file=False, title="Webinar")
    page.media_minutes = 60
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    assert "<iframe" not in html
    assert "Video laden van Vimeo" in html and "gaan er gegevens naar Vimeo" in html
    assert "Duur: ongeveer 60 minuten" in html
    assert 'data-embed-src="https://player.vimeo.com/video/76979871?dnt=1' in html
    assert "data-player-load hidden" in html  # the button appears only with the script


@pytest.mark.parametrize("who", ["anonymous", "nonmember"])
def test_members_recording_is_refused_to_visitors(client, who):
    page = video_publication(audience="members")
    if who == "nonmember":
        client.force_login(UserFactory())
    for doc in (page.media_document, page.captions_document):
        response = client.get(doc.url, HTTP_RANGE="bytes=0-")
        assert response.status_code == (302 if who == "anonymous" else 403)
        assert CAPTIONS not in response.content and VIDEO not in response.content
    assert "<video" not in client.get(page.url).content.decode()


def test_members_recording_plays_for_members(client):
    page = video_publication(audience="members")
    client.force_login(member())
    assert "<video" in client.get(page.url).content.decode()
    response = client.get(page.captions_document.url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_recording_that_cannot_play_is_refused_in_dutch():
    page = publication(kind="video", audience="public", index=False)
    page.media_document = document("verslag.pdf", b"%PDF-1.4")
    page.media_url = "https://example.org/video"
    with pytest.raises(ValidationError) as info:
        page.full_clean()
    errors = info.value.message_dict
    assert "kan niet worden afgespeeld" in errors["media_document"][0]
    assert "niet allebei" in errors["media_url"][0]
    page.refresh_from_db()
    assert page.media_document_id is None  # nothing was stored


def _admin_edit(client, page, **fields):
    from django.urls import reverse
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    data = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "body": streamfield([]),
        "files": inline_formset([]),
        "transcript": page.transcript,
        "media_url": "",
        "kind": "video",
        "audience": "public",
        "published_on": "2024-01-01",
        "action-publish": "action-publish",
        **fields,
    }
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), nested_form_data(data))


def test_editor_adds_a_recording_in_the_admin(client):
    from raadsplein.accounts.tests.factories import UserFactory

    page = publication(kind="video", audience="public", transcript="Tekst.", index=False)
    video, vtt = document("opname.mp4", VIDEO), document("opname.vtt", CAPTIONS)
    client.force_login(UserFactory(is_superuser=True))
    response = _admin_edit(
        client, page, media_document=video.pk, captions_document=vtt.pk, media_minutes=3
    )
    assert response.status_code == 302
    page.refresh_from_db()
    assert (page.media_document_id, page.captions_document_id) == (video.pk, vtt.pk)
    assert "<track" in client.get(page.url).content.decode()


def test_editor_gets_the_dutch_message_in_the_admin_and_nothing_changes(client):
    from raadsplein.accounts.tests.factories import UserFactory

    page = publication(kind="video", audience="public", transcript="Tekst.", index=False)
    pdf = document("verslag.pdf", b"%PDF-1.4")
    client.force_login(UserFactory(is_superuser=True))
    response = _admin_edit(client, page, media_document=pdf.pk)
    assert response.status_code == 200
    assert "Dit bestand kan niet worden afgespeeld" in response.content.decode()
    page.refresh_from_db()
    assert page.media_document_id is None
    assert page.get_latest_revision().content.get("media_document") is None
