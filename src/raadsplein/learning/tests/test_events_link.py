"""Live-session steps and the agenda: attendance marked in the events app completes them."""

import pytest
from django.urls import reverse

from raadsplein.learning import services
from raadsplein.learning.models import StepKind, StepProgress

from .factories import StepFactory, small_course, steps_of

events_hooks = pytest.importorskip("raadsplein.events.hooks")
event_factories = pytest.importorskip("raadsplein.events.tests.factories")

pytestmark = pytest.mark.django_db


def test_learning_listens_to_attendance():
    assert services.complete_steps_for_attendance in events_hooks._attendance_listeners


def test_marking_attendance_completes_the_live_step(learner, django_capture_on_commit_callbacks):
    from raadsplein.events import services as event_services

    booking = event_factories.BookingFactory(person=learner)
    course = small_course(quiz=False)
    live = StepFactory(
        module=steps_of(course)[0].module,
        kind=StepKind.LIVE,
        event_session_id=booking.session.pk,
    )
    with django_capture_on_commit_callbacks(execute=True):
        event_services.mark_attendance(
            session=booking.session, present_ids=[booking.pk], by=learner
        )
    assert StepProgress.objects.filter(person=learner, step=live).exists()


def test_live_step_page_shows_the_session_and_no_mark_done_button(client, learner):
    session = event_factories.SessionFactory()
    course = small_course(quiz=False)
    live = StepFactory(
        module=steps_of(course)[0].module, kind=StepKind.LIVE, event_session_id=session.pk
    )
    services.enrol(person=learner, course=course)
    client.force_login(learner)
    html = client.get(reverse("learning:step", args=[course.slug, live.pk])).content.decode()
    assert session.event.title in html
    assert reverse("events:event_detail", args=[session.event.slug]) in html
    assert "Markeer als klaar" not in html
