"""Live-session steps and the agenda: a step points at its session by a foreign key, and
attendance marked in the events app completes it."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse
from django.utils import timezone

from raadsplein.events import hooks as events_hooks
from raadsplein.events import services as event_services
from raadsplein.events.models import EventStatus
from raadsplein.events.tests import factories as event_factories
from raadsplein.learning import services
from raadsplein.learning.models import Step, StepKind, StepProgress

from .factories import StepFactory, small_course, steps_of

pytestmark = pytest.mark.django_db


def test_learning_listens_to_attendance():
    assert services.complete_steps_for_attendance in events_hooks._attendance_listeners


def test_marking_attendance_completes_the_live_step(learner, django_capture_on_commit_callbacks):
    booking = event_factories.BookingFactory(person=learner)
    course = small_course(quiz=False)
    live = StepFactory(
        module=steps_of(course)[0].module,
        kind=StepKind.LIVE,
        event_session=booking.session,
    )
    with django_capture_on_commit_callbacks(execute=True):
        event_services.mark_attendance(
            session=booking.session, present_ids=[booking.pk], by=learner
        )
    assert StepProgress.objects.filter(person=learner, step=live).exists()


def test_live_step_page_shows_the_session_and_no_mark_done_button(client, learner):
    session = event_factories.SessionFactory()
    course = small_course(quiz=False)
    live = StepFactory(module=steps_of(course)[0].module, kind=StepKind.LIVE, event_session=session)
    services.enrol(person=learner, course=course)
    client.force_login(learner)
    html = client.get(reverse("learning:step", args=[course.slug, live.pk])).content.decode()
    assert session.event.title in html
    assert reverse("events:event_detail", args=[session.event.slug]) in html
    assert "Markeer als klaar" not in html


def test_live_step_page_does_not_show_a_draft_event(client, learner):
    session = event_factories.SessionFactory(
        event=event_factories.EventFactory(status=EventStatus.DRAFT, title="Nog geheim")
    )
    course = small_course(quiz=False)
    live = StepFactory(module=steps_of(course)[0].module, kind=StepKind.LIVE, event_session=session)
    client.force_login(learner)
    html = client.get(reverse("learning:step", args=[course.slug, live.pk])).content.decode()
    assert live.title in html
    assert "Nog geheim" not in html
    assert reverse("events:event_detail", args=[session.event.slug]) not in html


def _migrate(targets=None):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets or executor.loader.graph.leaf_nodes())
    return executor


@pytest.mark.django_db(transaction=True)
def test_migration_keeps_links_to_existing_sessions_and_drops_dangling_numbers():
    before = [("learning", "0001_initial"), ("events", "0002_session_message")]
    try:
        old = _migrate(before).loader.project_state(before).apps
        event = old.get_model("events", "Event").objects.create(
            kind="course", title="Basiscursus", slug="basiscursus-migratie"
        )
        start = timezone.now()
        session = old.get_model("events", "Session").objects.create(
            event=event, starts_at=start, ends_at=start + datetime.timedelta(hours=2)
        )
        course = old.get_model("learning", "Course").objects.create(
            title="Cursus", slug="cursus-migratie", summary="Kort.", level="basis"
        )
        module = old.get_model("learning", "Module").objects.create(
            course=course, title="Module", sort_order=0
        )
        OldStep = old.get_model("learning", "Step")
        kept = OldStep.objects.create(
            module=module, title="Bestaat", kind="live", event_session_id=session.pk
        )
        dangling = OldStep.objects.create(
            module=module, title="Weg", kind="live", event_session_id=session.pk + 1000
        )
        empty = OldStep.objects.create(module=module, title="Leeg", kind="live")
    finally:
        _migrate()  # forward again, also when the arrangement fails

    links = dict(Step.objects.values_list("pk", "event_session_id"))
    assert links == {kept.pk: session.pk, dangling.pk: None, empty.pk: None}
