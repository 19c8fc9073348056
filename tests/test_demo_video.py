"""The demo world's video (demo/video.py, data/video/): shipped small, clearly a demo, with
Dutch captions; attached to one video publication and one video step, once."""

import pytest
from wagtail.documents import get_document_model

from raadsplein.demo import video as demo_video
from raadsplein.knowledge.models import PublicationPage
from raadsplein.knowledge.tests.factories import publication
from raadsplein.learning.models import Step, StepKind
from raadsplein.learning.tests.factories import small_course

Document = get_document_model()
FOLDER = demo_video.FOLDER


def test_shipped_demo_video_is_small_and_has_dutch_captions():
    video = FOLDER / "demo-video.mp4"
    assert video.stat().st_size < 300 * 1024
    assert video.read_bytes()[4:8] == b"ftyp"  # an MP4 container
    captions = (FOLDER / "demo-video.nl.vtt").read_text(encoding="utf-8")
    assert captions.startswith("WEBVTT")
    assert captions.count(" --> ") == 4
    assert "demo-video van Raadsplein" in captions


@pytest.mark.django_db
def test_demo_video_is_attached_once_to_a_publication_and_a_step():
    page = publication(
        slug="video-wmcz-in-vijf-minuten", kind="video", audience="public", index=False
    )
    small_course(slug="basiscursus-medezeggenschap", quiz=False)
    for _ in range(2):  # seed_demo runs it again: nothing doubles
        demo_video.build(log=lambda message: None)
    page = PublicationPage.objects.get(pk=page.pk)
    assert page.live and page.media_document.file_extension == "mp4"
    assert page.captions_document.file_extension == "vtt"
    assert page.get_latest_revision().content["media_document"] == page.media_document_id
    steps = Step.objects.filter(kind=StepKind.VIDEO)
    assert steps.count() == 1
    step = steps.get()
    assert step.module.course.slug == "basiscursus-medezeggenschap" and not step.required
    assert step.captions_document and step.transcript
    assert Document.objects.filter(title__startswith="Demo-video Raadsplein").count() == 4
