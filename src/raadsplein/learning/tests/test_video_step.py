"""A video step plays the uploaded video with its captions track (through the file guard),
or an outside video behind a button."""

from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model

from raadsplein.accounts.tests.factories import UserFactory

from .factories import StepFactory, small_course, steps_of

Document = get_document_model()
CAPTIONS = b"WEBVTT\n\n00:00.000 --> 00:02.000\nHallo.\n"


def document(name: str, content: bytes) -> Document:
    doc = Document(title=name)
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def video_step(course, **kwargs):
    step = StepFactory(module=steps_of(course)[0].module, kind="video", title="Film", **kwargs)
    step.full_clean()
    return step


def test_video_step_has_player_with_captions(client, learner):
    course = small_course(quiz=False, audience="members")
    step = video_step(
        course,
        media_document=document("film.mp4", b"video"),
        captions_document=document("film.vtt", CAPTIONS),
        transcript="Hallo.",
    )
    client.force_login(learner)
    html = client.get(reverse("learning:step", args=[course.slug, step.pk])).content.decode()
    assert "<video" in html and "data-media-step" in html
    assert '<track kind="captions"' in html and step.captions_document.url in html
    assert 'aria-describedby="transcript-link"' in html
    response = client.get(step.captions_document.url)
    assert response.status_code == 200 and response["Content-Type"].startswith("text/vtt")


def test_members_course_captions_are_refused_to_non_members(client, db):
    course = small_course(quiz=False, audience="members")
    step = video_step(
        course,
        media_document=document("film.mp4", b"video"),
        captions_document=document("film.vtt", CAPTIONS),
    )
    assert client.get(step.captions_document.url).status_code == 302
    client.force_login(UserFactory())
    response = client.get(step.media_document.url, HTTP_RANGE="bytes=0-1")
    assert response.status_code == 403  # the members-only page: a member may have it
    assert b"video" not in response.content


def test_outside_video_step_loads_only_after_a_click(client, learner):
    course = small_course(quiz=False, audience="members")
    step = video_step(course, media_url="https://youtu.be/dQw4w9WgXcQ", transcript="Tekst.")
    client.force_login(learner)
    html = client.get(reverse("learning:step", args=[course.slug, step.pk])).content.decode()
    assert "<iframe" not in html
    assert "Video laden van YouTube" in html
    assert "Markeer als klaar" in html or "Schrijf mij in" in html
