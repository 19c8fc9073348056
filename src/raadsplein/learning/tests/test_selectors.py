"""The reads behind the learning pages: a course outline with a person's progress, the quiz as
the form shows it, and the geometry of the statistics chart."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadsplein.learning import documents, selectors, services
from raadsplein.learning.forms import quiz_questions
from raadsplein.learning.models import QuestionKind

from .factories import quiz_step, small_course, steps_of

pytestmark = pytest.mark.django_db


def test_progress_for_counts_done_steps_and_finds_the_neighbours(learner):
    course = small_course(quiz=False, modules=2, steps_per_module=2)
    first, second, third, fourth = steps_of(course)
    services.complete_step(person=learner, step=first)
    services.complete_step(person=learner, step=third)

    progress = selectors.progress_for(learner, course, at=third)

    assert (progress.done_required, progress.total_required, progress.percent) == (2, 4, 50)
    assert [mp.done for mp in progress.modules] == [1, 1]
    assert progress.next_step == second
    assert progress.is_done(third) and not progress.is_done(fourth)
    assert (progress.previous, progress.following) == (second, fourth)
    assert progress.resume_step(third.pk) == fourth  # carry on after the step opened last
    assert progress.resume_step(None) == second
    assert not progress.complete


def test_progress_for_the_first_and_last_step_and_an_anonymous_visitor(learner):
    course = small_course(quiz=False, modules=1, steps_per_module=3)
    first, _middle, last = steps_of(course)
    assert selectors.progress_for(learner, course, at=first).previous is None
    assert selectors.progress_for(learner, course, at=last).following is None
    anonymous = selectors.progress_for(AnonymousUser(), course)
    assert anonymous.done_required == 0 and anonymous.next_step == first
    assert anonymous.previous is None and anonymous.following is None


def test_progress_for_runs_the_same_queries_for_a_small_and_a_big_course(learner):
    small, big = (
        small_course(modules=1, steps_per_module=1),
        small_course(modules=5, steps_per_module=6),
    )
    counts = []
    for course in (small, big):
        first = steps_of(course)[0]
        services.complete_step(person=learner, step=first)
        with CaptureQueriesContext(connection) as ctx:
            selectors.progress_for(learner, course, at=first)
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1] == 3


def test_quiz_questions_carry_no_answer_key():
    step = quiz_step(steps_of(small_course(quiz=False))[0].module)
    stored = {q["id"]: q for q in step.question_list()}

    questions = quiz_questions(step)

    assert [q["prompt"] for q in questions] == [q["prompt"] for q in stored.values()]
    for number, q in enumerate(questions, start=1):
        assert set(q) == {
            "id",
            "number",
            "kind",
            "prompt",
            "options",
            "matches",
            "positions",
            "error",
        }
        assert q["number"] == number and q["error"] == ""
        for option in q["options"]:
            # nothing chosen yet: "checked" and "given" only echo the person's own answers
            assert option == {
                "id": option["id"],
                "text": option["text"],
                "checked": False,
                "given": "",
            }
        assert q["positions"] == [str(p) for p in range(1, len(q["options"]) + 1)]
    ordering = next(q for q in questions if q["kind"] == QuestionKind.ORDERING)
    assert [o["id"] for o in ordering["options"]] == sorted(
        o["id"] for o in stored[ordering["id"]]["options"]
    )
    matching = next(q for q in questions if q["kind"] == QuestionKind.MATCHING)
    option_ids = {o["id"] for o in stored[matching["id"]]["options"]}
    assert {m["text"] for m in matching["matches"]} == {
        "Plannen voor volgend jaar",
        "Hoe het afgelopen jaar ging",
    }
    for m in matching["matches"]:
        assert m["id"] not in option_ids
        assert m["id"] == services.match_token(matching["id"], m["text"])


def test_step_chart_places_one_bar_per_step():
    rows = [{"step": "Een", "percent": 0}, {"step": "Twee", "percent": 50}]
    rows.append({"step": "Drie", "percent": 100})

    chart = documents.step_chart(rows, bar_height=20, gap=10, track=400)

    assert [(b["y"], b["width"], b["label_y"]) for b in chart["bars"]] == [
        (0, 0, 13),
        (30, 200, 43),
        (60, 400, 73),
    ]
    assert [b["step"] for b in chart["bars"]] == ["Een", "Twee", "Drie"]
    assert chart["height"] == 90


def test_step_chart_of_a_course_without_steps_keeps_a_height():
    chart = documents.step_chart([])
    assert chart["bars"] == [] and chart["height"] == chart["bar_height"] == 28
