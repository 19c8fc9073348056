"""Editors build courses in the Wagtail admin."""

import pytest

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import redacteur
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


def test_editing_a_course_keeps_module_and_step_ids(client, editor):
    course = small_course(quiz=False, modules=2, steps_per_module=1)
    modules = list(course.modules.order_by("sort_order"))
    step_ids = [s.pk for s in steps_of(course)]
    data = {
        "title": course.title + " (nieuw)",
        "slug": course.slug,
        "summary": course.summary,
        "audience": "members",
        "level": "basis",
        "estimated_minutes": "40",
        "is_published": "on",
        "prerequisites-TOTAL_FORMS": "0",
        "prerequisites-INITIAL_FORMS": "0",
        "prerequisites-MIN_NUM_FORMS": "0",
        "prerequisites-MAX_NUM_FORMS": "1000",
        "modules-TOTAL_FORMS": "2",
        "modules-INITIAL_FORMS": "2",
        "modules-MIN_NUM_FORMS": "0",
        "modules-MAX_NUM_FORMS": "1000",
    }
    for i, module in enumerate(modules):
        data.update(
            {
                f"modules-{i}-id": str(module.pk),
                f"modules-{i}-title": module.title + " bijgewerkt",
                f"modules-{i}-summary": "",
                f"modules-{i}-ORDER": str(i + 1),
                f"modules-{i}-DELETE": "",
            }
        )
    response = client.post(f"/admin/snippets/learning/course/edit/{course.pk}/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    course.refresh_from_db()
    assert course.title.endswith("(nieuw)")
    assert [m.pk for m in course.modules.order_by("sort_order")] == [m.pk for m in modules]
    assert sorted(
        Step.objects.filter(module__course=course).values_list("pk", flat=True)
    ) == sorted(step_ids)
