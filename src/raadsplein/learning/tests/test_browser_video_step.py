"""A member opens a video step in Chromium: the demo video with its Dutch captions track
(cues loaded through the file guard), the transcript below, axe clean at 1280 and 375 px."""

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from raadsplein.accounts.tests.factories import PASSWORD
from raadsplein.demo.video import FOLDER
from raadsplein.learning.models import Audience

from .factories import CourseFactory, ModuleFactory, StepFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = "var/screenshots"


def _document(title: str, name: str):
    doc = get_document_model()(title=title)
    doc.file.save(name, ContentFile((FOLDER / name).read_bytes()), save=False)
    doc.save()
    return doc


def test_video_step_plays_with_captions(page, assert_accessible, learner):
    course = CourseFactory(title="Kijken en leren", slug="kijken", audience=Audience.MEMBERS)
    module = ModuleFactory(course=course, title="Begin", sort_order=0)
    step = StepFactory(
        module=module,
        kind="video",
        title="Demo-video: wat doet een cliëntenraad?",
        transcript="Welkom. Dit is een demo-video van Raadsplein.",
        media_document=_document("Demo-video", "demo-video.mp4"),
        captions_document=_document("Demo-video ondertitels", "demo-video.nl.vtt"),
    )
    page.goto(f"/account/login/?next=/leren/cursus/kijken/stap/{step.pk}/")
    page.get_by_label("E-mailadres").fill(learner.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**/stap/{step.pk}/")
    assert page.locator("video[data-media-step] track[kind='captions']").count() == 1
    page.wait_for_function(
        "() => { const t = document.querySelector('video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length === 4; }",
        timeout=15000,
    )
    assert "demo-video van Raadsplein" in page.locator("#transcript").inner_text()
    page.screenshot(path=f"{SHOTS}/video-step-1280.png", full_page=True)
    assert_accessible(page, context="video step, 1280 px")
    page.set_viewport_size({"width": 375, "height": 800})
    page.reload()
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.screenshot(path=f"{SHOTS}/video-step-375.png", full_page=True)
    assert_accessible(page, context="video step, 375 px")
