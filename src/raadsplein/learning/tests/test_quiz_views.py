"""The quiz and course-completion pages: answers kept on errors, tokens, results."""

import pytest
from django.urls import reverse

from raadsplein.learning import services
from raadsplein.learning.models import (
    Certificate,
    Enrolment,
    QuizAttempt,
    StepProgress,
)
from raadsplein.learning.testing import (
    correct_answers,
    wrong_answers,
)

from .factories import StepFactory, small_course, steps_of

pytestmark = pytest.mark.django_db


# --- quiz -------------------------------------------------------------------------------


def test_quiz_page_does_not_contain_the_answer_key(client, learner):
    course = small_course()
    quiz = steps_of(course)[-1]
    services.enrol(person=learner, course=course)
    client.force_login(learner)
    html = client.get(reverse("learning:step", args=[course.slug, quiz.pk])).content.decode()
    questions = quiz.question_list()
    for q in questions:
        assert q["prompt"] in html
        for o in q["options"]:
            assert o["text"] in html
            if o["feedback"]:
                assert o["feedback"] not in html
        if q["explanation"]:
            assert q["explanation"] not in html
    assert "correct" not in html.lower().replace("correctie", "")
    # matching: the right-hand values do not reveal which left item they belong to
    matching = questions[4]
    for o in matching["options"]:
        assert f'value="{o["id"]}"' not in html


def _quiz_post(step, token, answers):
    data = {"token": token}
    for qid, value in answers.items():
        if isinstance(value, list):
            data[f"q__{qid}"] = value
        else:
            for oid, v in value.items():
                data[f"q__{qid}__{oid}"] = v
    return data


def test_quiz_failed_then_passed_through_the_page(client, learner):
    course = small_course(quiz=True, modules=1, steps_per_module=1)
    text, quiz = steps_of(course)
    client.force_login(learner)
    client.post(reverse("learning:enrol", args=[course.slug]))
    client.post(reverse("learning:complete", args=[course.slug, text.pk]))
    url = reverse("learning:submit_quiz", args=[course.slug, quiz.pk])
    answers = correct_answers(quiz)
    wrong = dict(answers)
    first = quiz.question_list()[0]
    wrong[first["id"]] = [first["options"][0]["id"]]
    wrong[quiz.question_list()[2]["id"]] = [quiz.question_list()[2]["options"][0]["id"]]
    token = services.quiz_token(person=learner, step=quiz)
    response = client.post(url, _quiz_post(quiz, token, wrong))
    assert response.status_code == 302
    result = client.get(response["Location"]).content.decode()
    assert "60% goed" in result
    assert "Nee, het is meer dan advies." in result  # feedback on the chosen answer
    assert "Probeer het opnieuw" in result
    # the same form posted again (back button) is refused, nothing extra recorded
    response = client.post(url, _quiz_post(quiz, token, answers), follow=True)
    assert "al ingestuurd" in response.content.decode()
    assert QuizAttempt.objects.filter(person=learner).count() == 1
    token = services.quiz_token(person=learner, step=quiz)
    response = client.post(url, _quiz_post(quiz, token, answers), follow=True)
    assert "Gehaald" in response.content.decode()
    assert Enrolment.objects.get(person=learner, course=course).completed_at is not None


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"token": "onzin"},
        {"token": "onzin", "q__x": "y"},
        {"token": "onzin", "q__x__y__z": "1", "q__": "2"},
    ],
)
def test_bad_quiz_input_is_refused_with_a_message(client, learner, data):
    course = small_course()
    quiz = steps_of(course)[-1]
    client.force_login(learner)
    response = client.post(
        reverse("learning:submit_quiz", args=[course.slug, quiz.pk]), data, follow=True
    )
    assert response.status_code == 200
    assert "alert--error" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def test_quiz_post_with_real_token_but_question_of_another_quiz(client, learner):
    course = small_course()
    quiz = steps_of(course)[-1]
    other = steps_of(small_course())[-1]
    client.force_login(learner)
    token = services.quiz_token(person=learner, step=quiz)
    data = _quiz_post(quiz, token, {**correct_answers(quiz), **correct_answers(other)})
    response = client.post(
        reverse("learning:submit_quiz", args=[course.slug, quiz.pk]), data, follow=True
    )
    assert "horen niet bij deze toets" in response.content.decode()
    assert not QuizAttempt.objects.exists()


def _quiz_page(client, person, course, quiz, answers):
    token = services.quiz_token(person=person, step=quiz)
    url = reverse("learning:submit_quiz", args=[course.slug, quiz.pk])
    return client.post(url, _quiz_post(quiz, token, answers))


def test_quiz_with_a_duplicate_place_keeps_every_answer_and_names_the_place(client, learner):
    course = small_course(modules=1, steps_per_module=0)
    quiz = steps_of(course)[-1]
    client.force_login(learner)
    questions = quiz.question_list()
    answers = correct_answers(quiz)
    ordering = questions[3]
    first, second, third = (o["id"] for o in ordering["options"])
    answers[ordering["id"]] = {first: "2", second: "2", third: "1"}
    response = _quiz_page(client, learner, course, quiz, answers)
    html = response.content.decode()
    assert response.status_code == 200
    assert "U koos plaats 2 twee keer" in html
    # the message sits by its question and the summary links to it
    assert f'aria-describedby="q-{ordering["id"]}-error"' in html
    assert f'href="#q-{ordering["id"]}"' in html
    assert "Vraag 4: U koos plaats 2 twee keer" in html
    # every answer still chosen: the radio, both checkboxes, the places, the matches
    single = answers[questions[0]["id"]][0]
    assert f'id="o-{single}" value="{single}" required checked' in html
    for oid in answers[questions[1]["id"]]:
        assert f'id="o-{oid}" value="{oid}" checked' in html
    assert html.count('<option value="2" selected>') == 2
    assert html.count('<option value="1" selected>') == 1
    for token in answers[questions[4]["id"]].values():
        assert f'<option value="{token}" selected>' in html
    # nothing recorded, and the form can be sent again once put right
    assert not QuizAttempt.objects.exists()
    assert not StepProgress.objects.exists()
    response = _quiz_page(client, learner, course, quiz, correct_answers(quiz))
    assert response.status_code == 302
    assert QuizAttempt.objects.get(person=learner).passed


def test_quiz_with_an_unanswered_question_says_which_one(client, learner):
    course = small_course(modules=1, steps_per_module=0)
    quiz = steps_of(course)[-1]
    client.force_login(learner)
    questions = quiz.question_list()
    answers = correct_answers(quiz)
    del answers[questions[2]["id"]]
    html = _quiz_page(client, learner, course, quiz, answers).content.decode()
    assert "Eén vraag is nog niet goed ingevuld" in html
    assert "Vraag 3: Beantwoord deze vraag." in html
    assert f'id="q-{questions[2]["id"]}-error"' in html
    assert "Vraag 1:" not in html
    assert not QuizAttempt.objects.exists()


def test_last_step_done_by_hand_lands_on_course_completed(client, learner):
    course = small_course(quiz=False, modules=1, steps_per_module=2)
    first, last = steps_of(course)
    StepFactory(module=first.module, sort_order=5, required=False, title="Extra lezen")
    client.force_login(learner)
    client.post(reverse("learning:enrol", args=[course.slug]))
    response = client.post(reverse("learning:complete", args=[course.slug, first.pk]))
    assert response["Location"] == reverse("learning:step", args=[course.slug, last.pk])
    # the last required step: to the course page, even though an optional step follows
    response = client.post(reverse("learning:complete", args=[course.slug, last.pk]), follow=True)
    assert response.redirect_chain[-1][0] == course.get_absolute_url() + "#voortgang"
    html = response.content.decode()
    certificate = Certificate.objects.get(person=learner, course=course)
    assert "Cursus afgerond! Uw certificaat staat klaar." in html
    assert "Cursus afgerond</h3>" in html
    assert reverse("learning:certificate_pdf", args=[certificate.code]) in html


def test_passing_the_last_quiz_shows_course_completed_on_the_result(client, learner):
    course = small_course(modules=1, steps_per_module=1)
    text, quiz = steps_of(course)
    client.force_login(learner)
    client.post(reverse("learning:enrol", args=[course.slug]))
    client.post(reverse("learning:complete", args=[course.slug, text.pk]))
    failed = _quiz_page(client, learner, course, quiz, wrong_answers(quiz))
    assert "Cursus afgerond" not in client.get(failed["Location"]).content.decode()
    passed = _quiz_page(client, learner, course, quiz, correct_answers(quiz))
    html = client.get(passed["Location"]).content.decode()
    certificate = Certificate.objects.get(person=learner, course=course)
    assert "Cursus afgerond</h2>" in html
    assert reverse("learning:certificate_pdf", args=[certificate.code]) in html
