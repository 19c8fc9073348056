"""Editors see a course's steps and an event's sessions on their edit screens, in Chromium."""

import os
from pathlib import Path

import pytest

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import PASSWORD, beheerder
from raadsplein.events.tests.factories import SessionFactory

from .factories import small_course

SHOTS = os.environ.get("SCREENSHOT_DIR", "")


def _shot(page, name):
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _sign_in(page, user):
    page.goto("/account/login/?next=/admin/")
    page.get_by_label("E-mailadres").fill(user.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/admin/")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_course_and_event_edit_screens_show_their_steps_and_sessions(page):
    account_services.ensure_staff_groups()
    course = small_course(quiz=False, modules=2, steps_per_module=2)
    session = SessionFactory(event__title="Webinar over de WMCZ")
    SessionFactory(event=session.event)
    page.set_viewport_size({"width": 1280, "height": 900})
    _sign_in(page, beheerder())

    page.goto(f"/admin/snippets/learning/course/edit/{course.pk}/")
    steps = page.locator("#id_steps-FORMS > [data-inline-panel-child]:visible")
    assert steps.count() == 4
    assert page.locator("[name='steps-0-event_session']").count() == 1
    _shot(page, "admin-course-steps-1280")

    page.goto(f"/admin/snippets/events/event/edit/{session.event.pk}/")
    sessions = page.locator("#id_sessions-FORMS > [data-inline-panel-child]:visible")
    assert sessions.count() == 2
    _shot(page, "admin-event-sessions-1280")
