"""A member walks a small course end to end in Chromium: text, audio, a quiz sent with a
place given twice (every answer kept, the error by its question), then failed, then passed,
"Cursus afgerond", certificate downloaded and verified. Every page is checked with axe-core."""

import os
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from raadsplein.accounts.tests.factories import PASSWORD
from raadsplein.learning.models import Audience, Certificate, Enrolment, QuizAttempt
from raadsplein.learning.testing import tone_wav

from .factories import CourseFactory, ModuleFactory, StepFactory, audio_step, quiz_step

SCREENSHOTS = os.environ.get("LEARNING_SCREENSHOTS", "")


def _shot(page, name):
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SCREENSHOTS}/{name}.png", full_page=True)


def _small_course():
    course = CourseFactory(
        title="Kennismaken met de raad", slug="kennismaken", audience=Audience.MEMBERS
    )
    first = ModuleFactory(course=course, title="Begin", sort_order=0)
    StepFactory(
        module=first,
        title="Wat doet de raad?",
        body="<p>De raad praat mee over de zorg.</p>",
        sort_order=0,
    )
    doc = get_document_model()(title="Demo-audio: welkom")
    doc.file.save("welkom.wav", ContentFile(tone_wav(seconds=1.0)), save=False)
    doc.save()
    audio_step(first, document=doc, title="Podcast: welkom", sort_order=1)
    second = ModuleFactory(course=course, title="Toets", sort_order=1)
    quiz_step(second, sort_order=0)
    return course


def _choose_all(page, right: bool):
    """Answer the factory quiz by its visible texts (the page holds no answer key)."""
    page.get_by_label("Instemmingsrecht" if right else "Adviesrecht").check()
    page.get_by_label("De begroting").check()
    page.get_by_label("Een fusie").check()
    page.get_by_label("Niet waar" if right else "Waar", exact=True).check()
    for text, place in (("Lezen", "1"), ("Vragen noteren", "2"), ("Bespreken", "3")):
        page.get_by_label(text).select_option(place)
    page.get_by_label("Begroting", exact=True).select_option(label="Plannen voor volgend jaar")
    page.get_by_label("Jaarrekening").select_option(label="Hoe het afgelopen jaar ging")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_member_walks_a_course_end_to_end(page, assert_accessible, learner):
    course = _small_course()

    page.goto("/account/login/?next=/leren/")
    page.get_by_label("E-mailadres").fill(learner.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/leren/")
    assert_accessible(page, context="catalogue")
    _shot(page, "catalogue")

    page.get_by_role("link", name="Kennismaken met de raad").click()
    assert_accessible(page, context="course")
    page.get_by_role("button", name="Schrijf mij in en begin").click()

    # text step
    page.wait_for_selector("h1:has-text('Wat doet de raad?')")
    assert_accessible(page, context="text step")
    page.get_by_role("button", name="Markeer als klaar en ga verder").click()

    # audio step: play to the end, the page saves it by itself
    page.wait_for_selector("h1:has-text('Podcast: welkom')")
    assert page.get_by_text("Dit is de uitgeschreven tekst van de podcast.").is_visible()
    assert_accessible(page, context="audio step")
    _shot(page, "step-audio")
    page.evaluate(
        "() => { const a = document.querySelector('audio'); a.muted = true; return a.play(); }"
    )
    page.wait_for_selector("text=Deze stap is klaar en bewaard.", timeout=10000)
    page.locator("[data-complete-form] button").click()  # saved already; this moves on

    # quiz: a place given twice first; the page keeps every answer and names the place
    page.wait_for_selector("h1:has-text('Toets')")
    assert_accessible(page, context="quiz")
    _shot(page, "quiz")
    _choose_all(page, right=True)
    page.get_by_label("Vragen noteren").select_option("1")
    page.get_by_role("button", name="Antwoorden insturen").click()
    summary = page.get_by_role("alert")
    summary.wait_for()
    assert "Vraag 4: U koos plaats 1 twee keer" in summary.inner_text()
    assert page.get_by_label("Instemmingsrecht").is_checked()
    assert page.get_by_label("Een fusie").is_checked()
    assert page.get_by_label("Niet waar", exact=True).is_checked()
    assert page.get_by_label("Vragen noteren").input_value() == "1"
    assert page.get_by_label("Jaarrekening").locator("option:checked").inner_text() == (
        "Hoe het afgelopen jaar ging"
    )
    # the ordering question says why, in words tied to it
    ordering = page.get_by_role("group", name="Zet op volgorde.")
    assert "U koos plaats 1 twee keer" in ordering.inner_text()
    assert ordering.get_attribute("aria-describedby")
    assert not QuizAttempt.objects.exists()
    assert_accessible(page, context="quiz with an error")
    _shot(page, "quiz-error")
    summary.get_by_role("link").click()
    assert page.evaluate("location.hash").startswith("#q-")

    # then fail
    _choose_all(page, right=False)
    page.get_by_role("button", name="Antwoorden insturen").click()
    page.wait_for_selector("text=U heeft 70% nodig")
    assert_accessible(page, context="quiz result (failed)")
    assert QuizAttempt.objects.filter(person=learner, passed=False).count() == 1

    # then pass
    page.get_by_role("link", name="Probeer het opnieuw").click()
    _choose_all(page, right=True)
    page.get_by_role("button", name="Antwoorden insturen").click()
    page.wait_for_selector("text=Gehaald!")
    assert page.locator("#course-progress").get_attribute("value") == "100"
    # the last required step: the page says the course is done, with the certificate
    assert page.get_by_role("heading", name="Cursus afgerond").is_visible()
    assert page.get_by_role("link", name="Download uw certificaat (pdf)").is_visible()
    assert_accessible(page, context="quiz result (passed, course completed)")
    _shot(page, "course-completed")

    page.get_by_role("link", name="Naar het cursusoverzicht").click()
    assert page.get_by_text("3 van 3 verplichte stappen klaar").is_visible()
    assert page.get_by_role("heading", name="Cursus afgerond").is_visible()
    assert_accessible(page, context="course completed")
    enrolment = Enrolment.objects.get(person=learner, course=course)
    assert enrolment.completed_at is not None

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download uw certificaat (pdf)").click()
    path = download_info.value.path()
    assert Path(path).read_bytes().startswith(b"%PDF")

    certificate = Certificate.objects.get(person=learner, course=course)
    page.goto("/leren/certificaat/")
    page.get_by_label("Controlecode").fill(certificate.code)
    page.get_by_role("button", name="Controleren").click()
    page.wait_for_selector("text=Dit certificaat is echt.")
    assert page.get_by_text(certificate.holder_name).is_visible()
    assert_accessible(page, context="certificate verification")
    _shot(page, "verify")


def _tab_to(page, locator, limit: int = 120) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    handle = locator.element_handle()
    for _ in range(limit):
        page.keyboard.press("Tab")
        if handle.evaluate("el => el === document.activeElement"):
            return
    raise AssertionError(f"Tab never reached {locator}")


def _choose_radio(page, label: str) -> None:
    """Tab into the radio group, then use the arrow keys until the option is chosen."""
    target = page.get_by_label(label, exact=True)
    name = target.get_attribute("name")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate("n => document.activeElement.name === n", name):
            break
    for _ in range(10):
        if target.is_checked():
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"arrow keys never chose {label}")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_course_step_and_quiz_work_by_keyboard_alone(page, learner):
    _small_course()
    page.goto("/account/login/?next=/leren/cursus/kennismaken/")
    page.get_by_label("E-mailadres").fill(learner.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_label("Wachtwoord").press("Enter")
    page.wait_for_url("**/leren/cursus/kennismaken/")

    _tab_to(page, page.get_by_role("button", name="Schrijf mij in en begin"))
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Wat doet de raad?')")
    _tab_to(page, page.get_by_role("button", name="Markeer als klaar en ga verder"))
    page.keyboard.press("Enter")
    page.wait_for_selector("h1:has-text('Podcast: welkom')")
    # the transcript is on the page, one Tab-stop away from the player at most
    assert page.get_by_text("Dit is de uitgeschreven tekst van de podcast.").is_visible()
    _tab_to(page, page.locator("[data-complete-form] button"))
    page.keyboard.press("Enter")

    page.wait_for_selector("h1:has-text('Toets')")
    # radio groups: Tab reaches the group, arrow keys choose within it
    _choose_radio(page, "Instemmingsrecht")
    for label in ("De begroting", "Een fusie"):
        _tab_to(page, page.get_by_label(label))
        page.keyboard.press("Space")
    _choose_radio(page, "Niet waar")
    for text, place in (("Lezen", "1"), ("Vragen noteren", "2"), ("Bespreken", "3")):
        _tab_to(page, page.get_by_label(text))
        page.keyboard.type(place)
    _tab_to(page, page.get_by_label("Begroting", exact=True))
    page.keyboard.type("Plannen")
    _tab_to(page, page.get_by_label("Jaarrekening"))
    page.keyboard.type("Hoe")
    _tab_to(page, page.get_by_role("button", name="Antwoorden insturen"))
    page.keyboard.press("Enter")
    page.wait_for_selector("text=Gehaald!")
    assert QuizAttempt.objects.filter(person=learner, passed=True).count() == 1
