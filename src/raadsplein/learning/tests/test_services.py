import datetime
import threading

import pytest
from django.db import connection
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.events.tests.factories import SessionFactory
from raadsplein.learning import services
from raadsplein.learning.models import (
    Certificate,
    CoursePrerequisite,
    Enrolment,
    Experience,
    PrerequisiteStrength,
    QuizAttempt,
    StepKind,
    StepProgress,
)
from raadsplein.learning.testing import correct_answers, wrong_answers
from raadsplein.organisations.models import CareSector, SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

from .factories import StepFactory, quiz_step, small_course, steps_of

pytestmark = pytest.mark.django_db


def _pass_quiz(person, step):
    return services.submit_quiz(
        person=person,
        step=step,
        token=services.quiz_token(person=person, step=step),
        answers=correct_answers(step),
    )


def test_complete_step_twice_records_once(learner):
    course = small_course(quiz=False)
    step = steps_of(course)[0]
    assert services.complete_step(person=learner, step=step) is True
    assert services.complete_step(person=learner, step=step) is False
    assert StepProgress.objects.filter(person=learner, step=step).count() == 1
    enrolment = Enrolment.objects.get(person=learner, course=course)
    assert enrolment.last_step == step
    assert enrolment.completed_at is None


def test_all_required_steps_complete_the_course_and_issue_one_certificate(learner):
    course = small_course(quiz=True)
    steps = steps_of(course)
    optional = StepFactory(module=steps[0].module, required=False)
    for step in steps[:-1]:
        services.complete_step(person=learner, step=step)
    assert Enrolment.objects.get(person=learner, course=course).completed_at is None
    outcome = _pass_quiz(learner, steps[-1])
    assert outcome.passed and outcome.score == 100
    enrolment = Enrolment.objects.get(person=learner, course=course)
    assert enrolment.completed_at is not None
    certificate = Certificate.objects.get(person=learner, course=course)
    assert certificate.course_title == course.title
    assert certificate.holder_name == learner.get_full_name()
    assert certificate.code.startswith("RP-")
    # optional steps are not needed, and doing them later changes nothing
    services.complete_step(person=learner, step=optional)
    assert Certificate.objects.filter(person=learner).count() == 1


def test_quiz_step_cannot_be_marked_done_by_hand(learner):
    course = small_course()
    with pytest.raises(services.LearningError):
        services.complete_step(person=learner, step=steps_of(course)[-1])
    assert not StepProgress.objects.exists()


def test_failed_quiz_records_attempt_but_not_progress(learner):
    step = steps_of(small_course())[-1]
    outcome = services.submit_quiz(
        person=learner,
        step=step,
        token=services.quiz_token(person=learner, step=step),
        answers=wrong_answers(step),
    )
    assert not outcome.passed and outcome.score == 0
    assert QuizAttempt.objects.get(person=learner, step=step).passed is False
    assert not StepProgress.objects.filter(step=step).exists()


def test_quiz_partly_right_scores_percentage(learner):
    step = steps_of(small_course())[-1]
    answers = correct_answers(step)
    wrong = wrong_answers(step)
    first_two = list(answers)[:2]
    mixed = {k: (answers[k] if k in first_two else wrong[k]) for k in answers}
    outcome = services.submit_quiz(
        person=learner,
        step=step,
        token=services.quiz_token(person=learner, step=step),
        answers=mixed,
    )
    assert outcome.score == 40
    assert outcome.passed is False  # pass mark 70


@pytest.mark.parametrize(
    "tamper",
    [
        "other_quiz_question",
        "unknown_option",
        "missing_answer",
        "two_answers_for_single",
        "ordering_duplicate_place",
        "matching_unknown_token",
        "bad_token",
        "token_of_other_step",
        "token_of_other_person",
    ],
)
def test_tampered_quiz_submission_is_rejected_and_nothing_recorded(learner, tamper):
    course = small_course()
    step = steps_of(course)[-1]
    other = quiz_step(steps_of(small_course(quiz=False))[0].module)
    answers = correct_answers(step)
    token = services.quiz_token(person=learner, step=step)
    qids = [q["id"] for q in step.question_list()]
    if tamper == "other_quiz_question":
        answers.update(correct_answers(other))
    elif tamper == "unknown_option":
        answers[qids[0]] = ["niet-bestaand"]
    elif tamper == "missing_answer":
        del answers[qids[1]]
    elif tamper == "two_answers_for_single":
        answers[qids[0]] = [o["id"] for o in step.question_list()[0]["options"]]
    elif tamper == "ordering_duplicate_place":
        answers[qids[3]] = dict.fromkeys(answers[qids[3]], "1")
    elif tamper == "matching_unknown_token":
        answers[qids[4]] = dict.fromkeys(answers[qids[4]], "deadbeef")
    elif tamper == "bad_token":
        token = token + "x"
    elif tamper == "token_of_other_step":
        token = services.quiz_token(person=learner, step=other)
    elif tamper == "token_of_other_person":
        token = services.quiz_token(person=UserFactory(), step=step)
    with pytest.raises(services.QuizRejected) as exc:
        services.submit_quiz(person=learner, step=step, token=token, answers=answers)
    assert exc.value.message
    assert not QuizAttempt.objects.exists()
    assert not StepProgress.objects.exists()


def test_replayed_quiz_post_counts_once(learner):
    step = steps_of(small_course())[-1]
    token = services.quiz_token(person=learner, step=step)
    services.submit_quiz(person=learner, step=step, token=token, answers=wrong_answers(step))
    with pytest.raises(services.QuizRejected, match="al ingestuurd"):
        services.submit_quiz(person=learner, step=step, token=token, answers=correct_answers(step))
    assert QuizAttempt.objects.filter(person=learner).count() == 1
    assert not StepProgress.objects.exists()


def test_quiz_attempts_are_limited_when_set(learner):
    course = small_course(quiz=False)
    step = quiz_step(steps_of(course)[0].module, max_attempts=1)
    services.submit_quiz(
        person=learner,
        step=step,
        token=services.quiz_token(person=learner, step=step),
        answers=wrong_answers(step),
    )
    with pytest.raises(services.QuizRejected, match="pogingen"):
        _pass_quiz(learner, step)


def test_non_member_cannot_follow_members_course():
    outsider = UserFactory()
    step = steps_of(small_course(quiz=False))[0]
    with pytest.raises(services.LearningError):
        services.complete_step(person=outsider, step=step)
    assert not Enrolment.objects.exists()


def test_required_prerequisite_blocks_enrolment_until_completed(learner):
    first = small_course(quiz=False, modules=1, steps_per_module=1)
    second = small_course(quiz=False)
    CoursePrerequisite.objects.create(
        course=second, required_course=first, strength=PrerequisiteStrength.REQUIRED
    )
    with pytest.raises(services.LearningError, match=first.title):
        services.enrol(person=learner, course=second)
    services.complete_step(person=learner, step=steps_of(first)[0])
    assert services.enrol(person=learner, course=second).course == second


def test_attendance_completes_live_steps_for_that_session_only(learner):
    course = small_course(quiz=False)
    module = steps_of(course)[0].module
    session, other_session = SessionFactory(), SessionFactory()
    live = StepFactory(module=module, kind=StepKind.LIVE, event_session=session)
    StepFactory(module=module, kind=StepKind.LIVE, event_session=other_session)
    assert services.complete_steps_for_attendance(session_id=session.pk, person=learner) == 1
    assert services.complete_steps_for_attendance(session_id=session.pk, person=learner) == 0
    assert list(StepProgress.objects.values_list("step_id", flat=True)) == [live.pk]


def test_live_step_with_a_session_is_not_marked_done_by_hand(learner):
    course = small_course(quiz=False)
    live = StepFactory(
        module=steps_of(course)[0].module, kind=StepKind.LIVE, event_session=SessionFactory()
    )
    with pytest.raises(services.LearningError, match="aanwezig"):
        services.complete_step(person=learner, step=live)
    assert not StepProgress.objects.filter(step=live).exists()


def test_attendance_skips_courses_the_person_may_not_follow():
    course = small_course(quiz=False)
    session = SessionFactory()
    StepFactory(module=steps_of(course)[0].module, kind=StepKind.LIVE, event_session=session)
    assert services.complete_steps_for_attendance(session_id=session.pk, person=UserFactory()) == 0


def test_deleting_the_session_keeps_the_live_step_without_it(learner):
    course = small_course(quiz=False)
    session = SessionFactory()
    live = StepFactory(module=steps_of(course)[0].module, kind=StepKind.LIVE, event_session=session)
    session.delete()
    live.refresh_from_db()
    assert live.event_session is None
    assert services.complete_step(person=learner, step=live) is True


def test_profile_is_prefilled_from_seats():
    sector = CareSector.objects.get_or_create(code="ggz", defaults={"name": "Ggz"})[0]
    council = MemberCouncilFactory()
    council.sectors.add(sector)
    person = UserFactory()
    SeatFactory(
        person=person,
        council=council,
        role=SeatRole.VOORZITTER,
        start_date=timezone.localdate() - datetime.timedelta(days=30),
    )
    profile = services.get_or_create_profile(person=person)
    assert profile.council_role == SeatRole.VOORZITTER
    assert profile.care_sector == sector
    assert profile.experience == Experience.NEW
    assert profile.share_progress is False


def test_export_and_erase_learning_data(learner):
    course = small_course()
    for step in steps_of(course)[:-1]:
        services.complete_step(person=learner, step=step)
    _pass_quiz(learner, steps_of(course)[-1])
    data = services.export_learning_data(learner)
    assert data["certificates"][0]["course"] == course.title
    assert len(data["completed_steps"]) == len(steps_of(course))
    services.erase_learning_data(learner)
    assert not Certificate.objects.exists()
    assert not StepProgress.objects.exists()
    assert not Enrolment.objects.exists()


def test_demo_builds_six_courses_with_quizzes_twice_without_duplicates():
    from raadsplein.demo import learning as demo
    from raadsplein.demo import organisations as organisations_demo
    from raadsplein.learning.models import Course, Step

    organisations_demo.build(log=lambda *args: None)
    demo.build(log=lambda *args: None)
    demo.build(log=lambda *args: None)  # idempotent
    assert Course.objects.count() == 6
    for course in Course.objects.all():
        assert course.modules.count() >= 3
        assert Step.objects.filter(module__course=course, kind=StepKind.QUIZ).exists()
    for step in Step.objects.filter(kind=StepKind.AUDIO):
        assert step.transcript and step.media_document
    assert Certificate.objects.exists()  # some demo learners finished


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_tabs_completing_the_same_step_at_once_record_once():
    person = member()
    step = steps_of(small_course(quiz=False))[0]
    errors = []

    def worker():
        try:
            services.complete_step(person=person, step=step)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert StepProgress.objects.filter(person=person, step=step).count() == 1
    assert Enrolment.objects.filter(person=person).count() == 1


# --- a course for everyone never depends on a members-only step -------------------------


def _public_course_with_step(kind_kwargs):
    from raadsplein.learning.models import Audience

    course = small_course(quiz=False, modules=1, steps_per_module=1, audience=Audience.PUBLIC)
    module = steps_of(course)[0].module
    return course, StepFactory.build(module=module, sort_order=9, **kind_kwargs)


def test_public_course_refuses_a_download_of_a_members_publication():
    from django.core.exceptions import ValidationError

    from raadsplein.knowledge.tests.factories import publication

    members_page = publication(audience="members", index=False)
    _course, step = _public_course_with_step(
        {"kind": StepKind.DOWNLOAD, "publication_page": members_page.page_ptr}
    )
    with pytest.raises(ValidationError) as exc:
        step.full_clean()
    assert "alleen voor leden" in str(exc.value.message_dict["publication_page"])
    step.publication_page = publication(audience="public", index=False).page_ptr
    step.full_clean()  # a public publication is fine


def test_public_course_refuses_a_live_step_on_a_members_event():
    from django.core.exceptions import ValidationError

    from raadsplein.events.models import Audience as EventAudience
    from raadsplein.events.tests.factories import EventFactory

    session = SessionFactory(event=EventFactory(audience=EventAudience.MEMBERS))
    _course, step = _public_course_with_step({"kind": StepKind.LIVE, "event_session": session})
    with pytest.raises(ValidationError) as exc:
        step.full_clean()
    assert "event_session" in exc.value.message_dict
    step.event_session = SessionFactory(event=EventFactory(audience=EventAudience.OPEN))
    step.full_clean()


def test_course_cannot_become_public_while_a_step_is_members_only():
    from django.core.exceptions import ValidationError

    from raadsplein.events.models import Audience as EventAudience
    from raadsplein.events.tests.factories import EventFactory
    from raadsplein.learning.models import Audience

    course = small_course(quiz=False, modules=1, steps_per_module=1)
    session = SessionFactory(event=EventFactory(audience=EventAudience.MEMBERS))
    StepFactory(
        module=steps_of(course)[0].module, kind=StepKind.LIVE, event_session=session, title="Live"
    )
    course.audience = Audience.PUBLIC
    with pytest.raises(ValidationError) as exc:
        course.full_clean()
    assert "Live" in str(exc.value.message_dict["audience"])


def test_public_course_cannot_require_a_members_course_first():
    from django.core.exceptions import ValidationError

    from raadsplein.learning.models import Audience

    public = small_course(quiz=False, audience=Audience.PUBLIC)
    members = small_course(quiz=False)
    link = CoursePrerequisite(
        course=public, required_course=members, strength=PrerequisiteStrength.REQUIRED
    )
    with pytest.raises(ValidationError) as exc:
        link.full_clean()
    assert "strength" in exc.value.message_dict
    link.strength = PrerequisiteStrength.ADVISED
    link.full_clean()


def test_non_member_finishes_a_public_course_without_its_members_only_step():
    """Data from before the check: a public course with a live step on a members' event."""
    from raadsplein.events.models import Audience as EventAudience
    from raadsplein.events.tests.factories import EventFactory
    from raadsplein.learning import selectors
    from raadsplein.learning.models import Audience

    course = small_course(quiz=False, modules=1, steps_per_module=1, audience=Audience.PUBLIC)
    (text,) = steps_of(course)
    session = SessionFactory(event=EventFactory(audience=EventAudience.MEMBERS))
    live = StepFactory(module=text.module, kind=StepKind.LIVE, event_session=session, sort_order=5)
    outsider = UserFactory()
    progress = selectors.progress_for(outsider, course)
    assert (progress.total_required, progress.next_step) == (1, text)
    services.complete_step(person=outsider, step=text)
    assert Certificate.objects.filter(person=outsider, course=course).exists()
    assert selectors.progress_for(outsider, course).complete
    # a member still takes the live step: it is theirs to attend
    insider = member()
    services.complete_step(person=insider, step=text)
    assert not Certificate.objects.filter(person=insider, course=course).exists()
    assert selectors.progress_for(insider, course).next_step == live
