"""Editors build courses in the Wagtail admin."""

import pytest
from wagtail.test.utils.form_data import querydict_from_html, rich_text

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import redacteur
from raadsplein.events.tests.factories import SessionFactory
from raadsplein.learning.models import Step

from .factories import small_course, steps_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor(client):
    account_services.ensure_staff_groups()  # what runs after every migrate
    user = redacteur()
    client.force_login(user)
    return user


def test_editor_opens_course_and_step_screens(client, editor):
    course = small_course()
    quiz = steps_of(course)[-1]
    for url in (
        "/admin/snippets/learning/course/",
        f"/admin/snippets/learning/course/edit/{course.pk}/",
        "/admin/snippets/learning/step/",
        "/admin/snippets/learning/step/add/",
        f"/admin/snippets/learning/step/edit/{quiz.pk}/",
        "/admin/snippets/learning/learningpath/add/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url


def _form_data(client, url):
    """The edit form as the browser would send it unchanged."""
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="w-editor-form")
    # Quiz questions (a StreamField) are drawn by the admin's JavaScript: send them as it would.
    for i in range(int(data.get("steps-TOTAL_FORMS", 0))):
        step = Step.objects.get(pk=data[f"steps-{i}-id"])
        data.update(_questions_data(f"steps-{i}-questions", step))
    return data


def _questions_data(prefix: str, step) -> dict:
    data = {f"{prefix}-count": str(len(step.questions))}
    for i, child in enumerate(step.questions):
        q, value = f"{prefix}-{i}", child.value
        options = value["options"].bound_blocks
        data.update(
            {
                f"{q}-type": "question",
                f"{q}-id": child.id,
                f"{q}-deleted": "",
                f"{q}-order": str(i),
                f"{q}-value-kind": value["kind"],
                f"{q}-value-prompt": value["prompt"],
                f"{q}-value-explanation": value["explanation"] or "",
                f"{q}-value-options-count": str(len(options)),
            }
        )
        for j, item in enumerate(options):
            o = f"{q}-value-options-{j}"
            data.update(
                {
                    f"{o}-id": item.id,
                    f"{o}-deleted": "",
                    f"{o}-order": str(j),
                    f"{o}-value-text": item.value["text"],
                    f"{o}-value-match": item.value["match"] or "",
                    f"{o}-value-feedback": item.value["feedback"] or "",
                }
            )
            if item.value["correct"]:
                data[f"{o}-value-correct"] = "on"
    return data


def _learner_order(course) -> list[int]:
    return [s.pk for s in steps_of(course)]


def _step_prefixes(data) -> list[str]:
    """The steps' form prefixes in the order the editor placed them (ORDER)."""
    total = int(data["steps-TOTAL_FORMS"])
    prefixes = [f"steps-{i}" for i in range(total)]
    return sorted(prefixes, key=lambda p: int(data.get(f"{p}-ORDER") or 0))


def test_editing_a_course_keeps_module_and_step_ids(client, editor):
    course = small_course(quiz=True, modules=2, steps_per_module=1)
    modules = list(course.modules.order_by("sort_order"))
    order = _learner_order(course)
    questions = steps_of(course)[-1].question_list()
    url = f"/admin/snippets/learning/course/edit/{course.pk}/"
    data = _form_data(client, url)
    data["title"] = course.title + " (nieuw)"
    for i in range(2):
        data[f"modules-{i}-title"] = data[f"modules-{i}-title"] + " bijgewerkt"
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    course.refresh_from_db()
    assert course.title.endswith("(nieuw)")
    assert [m.pk for m in course.modules.order_by("sort_order")] == [m.pk for m in modules]
    assert _learner_order(course) == order
    assert steps_of(course)[-1].question_list() == questions  # the quiz came through intact


def test_course_screen_lists_its_steps_in_learner_order(client, editor):
    course = small_course(quiz=False, modules=2, steps_per_module=2)
    data = _form_data(client, f"/admin/snippets/learning/course/edit/{course.pk}/")
    assert data["steps-TOTAL_FORMS"] == "4"
    assert [int(data[f"{p}-id"]) for p in _step_prefixes(data)] == _learner_order(course)


def test_dragging_reorders_steps_within_their_module(client, editor):
    course = small_course(quiz=False, modules=2, steps_per_module=2)
    first, second, third, fourth = _learner_order(course)
    url = f"/admin/snippets/learning/course/edit/{course.pk}/"
    data = _form_data(client, url)
    by_id = {int(data[f"{p}-id"]): p for p in _step_prefixes(data)}
    # The editor drags the second step of each module above the first.
    for position, pk in enumerate([second, first, fourth, third]):
        data[f"{by_id[pk]}-ORDER"] = str(position + 1)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert _learner_order(course) == [second, first, fourth, third]


def test_editor_adds_a_step_inline_and_deletes_another(client, editor):
    course = small_course(quiz=False, modules=2, steps_per_module=2)
    first, second, third, fourth = _learner_order(course)
    module_one, module_two = course.modules.order_by("sort_order")
    url = f"/admin/snippets/learning/course/edit/{course.pk}/"
    data = _form_data(client, url)
    by_id = {int(data[f"{p}-id"]): p for p in _step_prefixes(data)}
    data[f"{by_id[third]}-DELETE"] = "1"
    new = "steps-4"
    data["steps-TOTAL_FORMS"] = "5"
    data.update(
        {
            f"{new}-id": "",
            f"{new}-ORDER": "2",  # between the first and the second step
            f"{new}-module": str(module_one.pk),
            f"{new}-kind": "text",
            f"{new}-required": "on",
            f"{new}-title": "Nieuwe stap",
            f"{new}-body": rich_text("<p>Lees dit.</p>"),
            f"{new}-questions-count": "0",
            f"{new}-pass_mark": "70",
            f"{new}-max_attempts": "0",
        }
    )
    for position, pk in enumerate([first, second, third, fourth]):
        data[f"{by_id[pk]}-ORDER"] = str(position + 1 if position == 0 else position + 2)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    added = Step.objects.get(title="Nieuwe stap")
    assert (added.course_id, added.module_id) == (course.pk, module_one.pk)
    assert _learner_order(course) == [first, added.pk, second, fourth]
    assert not Step.objects.filter(pk=third).exists()
    assert module_two.steps.count() == 1


def test_a_step_left_in_a_removed_module_is_refused_and_nothing_changes(client, editor):
    course = small_course(quiz=False, modules=2, steps_per_module=1)
    before = _learner_order(course)
    url = f"/admin/snippets/learning/course/edit/{course.pk}/"
    data = _form_data(client, url)
    data["title"] = "Mag niet opgeslagen worden"
    data["modules-1-DELETE"] = "1"
    response = client.post(url, data)
    assert response.status_code == 200
    assert "hoort bij een module die u weghaalt" in response.content.decode()
    course.refresh_from_db()
    assert course.title != "Mag niet opgeslagen worden"
    assert course.modules.count() == 2 and _learner_order(course) == before


def test_live_step_chooses_its_session_with_a_chooser(client, editor):
    course = small_course(quiz=False, modules=1, steps_per_module=1)
    session = SessionFactory(event__title="Webinar over de WMCZ")
    url = f"/admin/snippets/learning/course/edit/{course.pk}/"
    page = client.get(url).content.decode()
    # A chooser (button and hidden id), not a number to type or a long drop-down.
    assert 'id="id_steps-0-event_session"' in page
    assert 'type="hidden" name="steps-0-event_session"' in page
    assert "/admin/snippets/choose/events/session/" in page
    found = client.get("/admin/snippets/choose/events/session/results/", {"q": "WMCZ"})
    assert found.status_code == 200 and "Webinar over de WMCZ" in found.content.decode()
    data = _form_data(client, url)
    data.update(
        {
            "steps-0-kind": "live",
            "steps-0-event_session": str(session.pk),
        }
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert steps_of(course)[0].event_session_id == session.pk
