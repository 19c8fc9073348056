import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder
from raadsplein.learning import services
from raadsplein.learning.models import (
    Audience,
    Enrolment,
    LearnerProfile,
    StepKind,
    StepProgress,
)
from raadsplein.learning.testing import (
    correct_answers,
    finish_course,
    response_text,
)
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

from .factories import CourseFactory, StepFactory, audio_step, small_course, steps_of

pytestmark = pytest.mark.django_db


# --- query counts -----------------------------------------------------------------------


def test_catalogue_query_count_is_the_same_for_1_and_3_courses(client, learner):
    client.force_login(learner)
    small_course()
    client.get(reverse("learning:catalogue"))  # warm caches (content types, sessions)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        client.get(reverse("learning:catalogue"))
    small_course()
    small_course(audience=Audience.PUBLIC)
    with CaptureQueriesContext(connection) as three:
        response = client.get(reverse("learning:catalogue"))
    assert response.content.decode().count('class="card course-card"') == 3
    assert len(one.captured_queries) == len(three.captured_queries)


@pytest.mark.parametrize("page", ["course", "step"])
def test_course_and_step_pages_query_count_does_not_grow_with_size(client, learner, page):
    client.force_login(learner)
    small_c = small_course(modules=1, steps_per_module=1)
    big_c = small_course(modules=6, steps_per_module=8)
    for course in (small_c, big_c):
        services.enrol(person=learner, course=course)
        services.complete_step(person=learner, step=steps_of(course)[0])

    def url(course):
        if page == "course":
            return reverse("learning:course", args=[course.slug])
        return reverse("learning:step", args=[course.slug, steps_of(course)[0].pk])

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url(small_c))
    with CaptureQueriesContext(connection) as small:
        client.get(url(small_c))
    with CaptureQueriesContext(connection) as big:
        response = client.get(url(big_c))
    assert response.status_code == 200
    assert len(small.captured_queries) == len(big.captured_queries)


# --- progress ---------------------------------------------------------------------------


def test_double_click_on_mark_done_saves_once(client, learner):
    course = small_course(quiz=False)
    first, second = steps_of(course)[:2]
    client.force_login(learner)
    url = reverse("learning:complete", args=[course.slug, first.pk])
    r1 = client.post(url)
    r2 = client.post(url)
    assert r1.status_code == r2.status_code == 302
    assert (
        r1["Location"] == r2["Location"] == reverse("learning:step", args=[course.slug, second.pk])
    )
    assert StepProgress.objects.filter(person=learner, step=first).count() == 1
    assert Enrolment.objects.filter(person=learner, course=course).count() == 1


def test_media_ended_saves_with_json(client, learner):
    course = small_course(quiz=False)
    audio = audio_step(steps_of(course)[0].module)
    client.force_login(learner)
    url = reverse("learning:complete", args=[course.slug, audio.pk])
    response = client.post(url, HTTP_ACCEPT="application/json")
    assert response.json() == {"ok": True, "new": True, "course_complete": False}
    again = client.post(url, HTTP_ACCEPT="application/json").json()
    assert again == {"ok": True, "new": False, "course_complete": False}


def test_step_of_another_course_is_not_found_and_nothing_recorded(client, learner):
    course = small_course(quiz=False)
    other = small_course(quiz=False)
    client.force_login(learner)
    foreign = steps_of(other)[0]
    assert client.get(reverse("learning:step", args=[course.slug, foreign.pk])).status_code == 404
    url = reverse("learning:complete", args=[course.slug, foreign.pk])
    assert client.post(url).status_code == 404
    assert not StepProgress.objects.exists()


def test_non_member_cannot_record_progress_on_members_course(client):
    course = small_course(quiz=False)
    client.force_login(UserFactory())
    response = client.post(reverse("learning:complete", args=[course.slug, steps_of(course)[0].pk]))
    assert response.status_code == 403
    assert not StepProgress.objects.exists()


def test_course_page_shows_progress_and_resume(client, learner):
    course = small_course(quiz=False, modules=2, steps_per_module=2)
    steps = steps_of(course)
    client.force_login(learner)
    client.post(reverse("learning:complete", args=[course.slug, steps[0].pk]))
    client.get(reverse("learning:step", args=[course.slug, steps[1].pk]))
    html = client.get(reverse("learning:course", args=[course.slug])).content.decode()
    assert "1 van 4 verplichte stappen klaar" in html
    assert "Ga verder waar u was" in html
    assert reverse("learning:step", args=[course.slug, steps[1].pk]) in html
    assert "1 van 2 stappen klaar" in html


def test_audio_step_shows_player_and_transcript(client, learner):
    course = small_course(quiz=False)
    audio = audio_step(steps_of(course)[0].module)
    client.force_login(learner)
    html = client.get(reverse("learning:step", args=[course.slug, audio.pk])).content.decode()
    # an outside file cannot play here (CSP media-src 'self'): it opens at its own address
    assert 'href="https://example.org/podcast.mp3"' in html
    assert "<audio" not in html
    assert "Dit is de uitgeschreven tekst van de podcast." in html
    assert 'href="#transcript"' in html


def test_video_step_requires_captions_or_transcript():
    from django.core.exceptions import ValidationError

    step = StepFactory.build(
        module=steps_of(small_course(quiz=False))[0].module,
        kind=StepKind.VIDEO,
        media_url="https://example.org/film.mp4",
    )
    with pytest.raises(ValidationError) as exc:
        step.full_clean()
    assert "transcript" in exc.value.message_dict


# --- certificates -----------------------------------------------------------------------


def test_certificate_pdf_and_verification_show_name_course_date_only(client, learner):
    course = small_course()
    certificate = finish_course(learner, course)
    client.force_login(learner)
    response = client.get(reverse("learning:certificate_pdf", args=[certificate.code]))
    assert response["Content-Type"] == "application/pdf"
    page = PdfReader(io.BytesIO(response.content)).pages[0]
    text = page.extract_text()
    assert certificate.holder_name in text and course.title in text and certificate.code in text
    # Laid out with its stylesheet (certificate_pdf.css): A4 landscape.
    assert round(page.mediabox.width) == 842 and round(page.mediabox.height) == 595
    client.logout()
    html = client.get(reverse("learning:verify", args=[certificate.code])).content.decode()
    assert certificate.holder_name in html and course.title in html
    assert learner.email not in html
    assert "Dit certificaat is echt" in html
    response = client.get(reverse("learning:verify_form"), {"code": certificate.code.lower()})
    assert certificate.holder_name in response.content.decode()


@pytest.mark.parametrize("code", ["RP-XXXX-XXXX", "x" * 300, "<script>", "' OR 1=1"])
def test_unknown_certificate_code_is_a_clear_404(client, code):
    response = client.get(reverse("learning:verify_form"), {"code": code})
    assert response.status_code == 404
    assert "geen certificaat met deze code" in response.content.decode()


# --- overviews --------------------------------------------------------------------------


def test_council_overview_lists_only_members_who_share(client, council):
    chair = member(council=council, role=SeatRole.SECRETARIS)
    sharer = member(council=council, first_name="Deelt", last_name="Graag")
    private = member(council=council, first_name="Zegt", last_name="Niets")
    course = small_course(quiz=False, modules=1, steps_per_module=1)
    for person in (sharer, private):
        finish_course(person, course)
    profile = services.get_or_create_profile(person=sharer)
    profile.share_progress = True
    profile.save()
    services.get_or_create_profile(person=private)
    client.force_login(chair)
    html = client.get(reverse("learning:council_overview", args=[council.pk])).content.decode()
    assert "Deelt Graag" in html and course.title in html
    assert "Zegt Niets" not in html
    # chair, sharer and private member sit on the council; one shares and has finished
    assert "1 van de 3 mensen in de raad delen hun voortgang" in html
    assert "Van hen hebben 1 minstens" in html


def test_course_statistics_chart_and_exports(client, learner):
    course = small_course()
    services.complete_step(person=learner, step=steps_of(course)[0])
    finish_course(member(), course)
    client.force_login(adviseur())
    html = client.get(reverse("learning:course_statistics", args=[course.slug])).content.decode()
    assert "<svg" in html and "Ingeschreven" in html and "<dd>1 (50%)</dd>" in html
    csv = client.get(
        reverse("learning:course_statistics_export", args=[course.slug, "csv"])
    ).content.decode()
    assert course.title in csv and steps_of(course)[0].title in csv
    xlsx = client.get(reverse("learning:course_statistics_export", args=[course.slug, "xlsx"]))
    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb.worksheets[0]["B2"].value == 2
    assert wb.worksheets[1].max_row == 1 + len(steps_of(course))


# --- profile and dashboard --------------------------------------------------------------


def test_profile_form_saves_sharing_choice(client, learner):
    client.force_login(learner)
    response = client.post(
        reverse("learning:profile"),
        {"council_role": "lid", "experience": "experienced", "share_progress": "on"},
    )
    assert response.status_code == 302
    profile = LearnerProfile.objects.get(person=learner)
    assert profile.share_progress is True and profile.experience == "experienced"


def test_profile_form_bad_input_shows_errors(client, learner):
    client.force_login(learner)
    response = client.post(reverse("learning:profile"), {"council_role": "koning"})
    assert response.status_code == 200
    assert "council_role" in response.context["form"].errors


def test_dashboard_recommends_next_course_with_reason(client):
    from django.contrib.auth import get_user_model

    from raadsplein.demo import learning as demo
    from raadsplein.demo import organisations as organisations_demo

    organisations_demo.build(log=lambda *args: None)
    demo.build(log=lambda *args: None)

    newcomer = get_user_model().objects.get(email="deelnemer300@demo.raadsplein.nl")
    client.force_login(newcomer)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert 'id="panel-learning"' in html
    assert "Omdat u" in html or "U bent met deze cursus bezig" in html


def test_dashboard_recommends_path_course_for_new_member(client, council):
    from raadsplein.learning.models import LearningPath, LearningPathCourse

    newcomer = member(council=council)
    course = small_course(quiz=False, title="Welkom test")
    path = LearningPath.objects.create(title="Route", role="new_member")
    LearningPathCourse.objects.create(path=path, course=course)
    client.force_login(newcomer)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert "Welkom test" in html
    assert "Omdat u nieuw lid bent" in html


@pytest.mark.parametrize(
    ("first_seat_days_ago", "says_new"),
    [(10, True), (364, True), (365, False), (800, False)],
)
def test_new_member_reason_only_when_the_first_seat_began_within_a_year(
    client, council, first_seat_days_ago, says_new
):
    import datetime

    from django.utils import timezone

    from raadsplein.learning.models import LearningPath, LearningPathCourse

    today = timezone.localdate()
    person = UserFactory()
    # the current seat is new; an older, ended seat counts as the first one
    SeatFactory(person=person, council=council, start_date=today - datetime.timedelta(days=5))
    SeatFactory(
        person=person,
        council=MemberCouncilFactory(),
        start_date=today - datetime.timedelta(days=first_seat_days_ago),
        end_date=today - datetime.timedelta(days=4) if first_seat_days_ago > 5 else None,
    )
    for role, title in (("new_member", "Welkom test"), ("lid", "Verder test")):
        path = LearningPath.objects.create(title=f"Route {role}", role=role)
        LearningPathCourse.objects.create(path=path, course=small_course(quiz=False, title=title))
    client.force_login(person)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert ("Omdat u nieuw lid bent" in html) is says_new
    assert ("Welkom test" in html) is says_new
    assert ("Verder test" in html) is not says_new
    # the learner profile's first guess follows the same rule
    experience = services.profile_defaults(person)["experience"]
    assert experience == ("new" if says_new else "experienced")


def test_no_new_member_reason_without_any_seat(client):
    from raadsplein.learning.models import LearningPath, LearningPathCourse
    from raadsplein.organisations.tests.factories import IndividualMembershipFactory

    person = UserFactory()
    IndividualMembershipFactory(person=person)
    path = LearningPath.objects.create(title="Route", role="new_member")
    LearningPathCourse.objects.create(path=path, course=small_course(quiz=False, title="Welkom"))
    client.force_login(person)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert "Omdat u nieuw lid bent" not in html


# --- API --------------------------------------------------------------------------------


def test_api_lists_courses_the_caller_may_see(client, learner):
    members = small_course(modules=2, steps_per_module=2)
    public = small_course(quiz=False, audience=Audience.PUBLIC, modules=1, steps_per_module=1)
    CourseFactory(is_published=False)
    anonymous = client.get("/api/v1/learning/courses").json()
    assert [c["slug"] for c in anonymous] == [public.slug]
    client.force_login(learner)
    data = {c["slug"]: c for c in client.get("/api/v1/learning/courses").json()}
    assert set(data) == {members.slug, public.slug}
    assert data[members.slug] == {
        "slug": members.slug,
        "title": members.title,
        "modules": 2,
        "steps": 5,
        "quizzes": 1,
        "audience": "members",
    }
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/learning/courses" in schema["paths"]


def test_migrations_are_complete():
    call_command("makemigrations", "learning", "--check", "--dry-run", stdout=io.StringIO())


def test_chair_sees_council_link_and_seat_role_check(client, council):
    chair = member(council=council, role=SeatRole.VOORZITTER)
    SeatFactory(person=chair, council=MemberCouncilFactory(), role=SeatRole.LID)
    client.force_login(chair)
    assert client.get(reverse("learning:council_overview", args=[council.pk])).status_code == 200


def test_csv_export_neutralises_formulas(client):
    course = small_course(quiz=False)
    step = steps_of(course)[0]
    step.title = '=HYPERLINK("http://x")'
    step.save()
    client.force_login(beheerder())
    csv = client.get(
        reverse("learning:course_statistics_export", args=[course.slug, "csv"])
    ).content.decode()
    assert "'=HYPERLINK" in csv


def test_catalogue_links_overviews_for_chair_and_staff(client, council):
    chair = member(council=council, role=SeatRole.VOORZITTER)
    client.force_login(chair)
    html = client.get(reverse("learning:catalogue")).content.decode()
    assert reverse("learning:council_overview", args=[council.pk]) in html
    assert reverse("learning:statistics") not in html
    client.force_login(adviseur())
    assert (
        reverse("learning:statistics") in client.get(reverse("learning:catalogue")).content.decode()
    )


def test_resume_goes_to_the_step_opened_last_when_not_done(client, learner):
    course = small_course(quiz=False, modules=1, steps_per_module=4)
    steps = steps_of(course)
    client.force_login(learner)
    client.post(reverse("learning:complete", args=[course.slug, steps[0].pk]))
    client.get(reverse("learning:step", args=[course.slug, steps[2].pk]))  # skipped ahead
    html = client.get(reverse("learning:course", args=[course.slug])).content.decode()
    resume = reverse("learning:step", args=[course.slug, steps[2].pk])
    assert f'<a class="button" href="{resume}">' in html


def _queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def test_statistics_list_query_count_is_the_same_for_1_and_3_courses(client):
    client.force_login(adviseur())
    url = reverse("learning:statistics")
    small_course()
    client.get(url)
    one = _queries(client, url)
    small_course()
    small_course()
    assert _queries(client, url) == one


def test_council_overview_query_count_is_the_same_for_1_and_3_sharing_members(client, council):
    chair = member(council=council, role=SeatRole.VOORZITTER)
    course = small_course(quiz=False, modules=1, steps_per_module=1)
    url = reverse("learning:council_overview", args=[council.pk])
    client.force_login(chair)

    def sharer():
        person = member(council=council)
        finish_course(person, course)
        profile = services.get_or_create_profile(person=person)
        profile.share_progress = True
        profile.save()

    sharer()
    client.get(url)
    one = _queries(client, url)
    sharer()
    sharer()
    assert _queries(client, url) == one
    assert client.get(url).content.decode().count(course.title) == 3


def test_unknown_export_format_is_not_found(client):
    course = small_course(quiz=False)
    client.force_login(beheerder())
    url = reverse("learning:course_statistics_export", args=[course.slug, "pdf"])
    assert client.get(url).status_code == 404


def test_quiz_result_of_someone_else_is_not_found(client, learner):
    course = small_course()
    quiz = steps_of(course)[-1]
    other = member()
    outcome = services.submit_quiz(
        person=other,
        step=quiz,
        token=services.quiz_token(person=other, step=quiz),
        answers=correct_answers(quiz),
    )
    client.force_login(learner)
    url = reverse("learning:quiz_result", args=[course.slug, quiz.pk, outcome.attempt.pk])
    assert client.get(url).status_code == 404


def test_learning_data_is_in_the_personal_data_registry():
    from raadsplein.accounts import personal_data

    section = next(s for s in personal_data.sections() if s.key == "learning")
    assert section.export is services.export_learning_data
    assert section.erase is services.erase_learning_data


def test_exports_and_certificate_speak_the_language_the_person_chose(client, learner):
    from django.conf import settings

    course = small_course(quiz=False, modules=1, steps_per_module=1)
    certificate = finish_course(learner, course)
    client.force_login(beheerder())
    url = reverse("learning:course_statistics_export", args=[course.slug, "csv"])
    dutch = client.get(url).content.decode()
    assert "Module;Stap;Soort;Verplicht;Afgerond;Procent" in dutch and ";ja;" in dutch
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url).content.decode()
    assert "Module;Step;Kind;Required;Completed;Percent" in english and ";yes;" in english
    assert "Ingeschreven" not in english and "Enrolled" in english
    client.force_login(learner)
    response = client.get(reverse("learning:certificate_pdf", args=[certificate.code]))
    assert f'filename="certificate-{certificate.code}.pdf"' in response["Content-Disposition"]
    assert "Certificate" in response_text(response) and "Certificaat" not in response_text(response)
