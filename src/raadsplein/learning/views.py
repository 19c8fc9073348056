from django.contrib import messages
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations import selectors as org_selectors
from raadsplein.organisations.access import (
    MEMBERS,
    object_rule,
    permission_required,
    signed_in,
)

from . import documents, selectors, services
from .forms import CatalogueFilterForm, LearnerProfileForm, answers_from_post, quiz_questions
from .models import StepKind


def _course(request, slug: str, **kwargs):
    # Unknown, or a draft for someone who is not staff: 404.
    return get_object_or_404(selectors.reachable_courses(request.user), slug=slug)


def _step(request, slug: str, step_id: int, **kwargs):
    # A step of another course, or of a course the visitor cannot reach: 404.
    return selectors.reachable_step(request.user, slug, step_id)


def _council(request, council_id: int):
    # Another council's overview: 404, as for any council record one does not sit on.
    return get_object_or_404(org_selectors.councils_visible_to(request.user), pk=council_id)


# A members' course or its steps, for a signed-in non-member: the members-only page.
course_page = object_rule("learning.view_course", find=_course, denied=MEMBERS)
followed_course = object_rule("learning.follow_course", find=_course, denied=MEMBERS)
taken_step = object_rule("learning.take_step", find=_step, denied=MEMBERS)
statistics_only = permission_required("learning.view_course_statistics")


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    filters = form.filters() if form.is_bound else {}
    context = selectors.catalogue_page(request.user, filters)
    return render(request, "learning/catalogue.html", {"form": form, **context})


@course_page
def course_detail(request, course, slug: str):
    return render(request, "learning/course.html", selectors.course_page(request.user, course))


@require_POST
@followed_course
def enrol(request, course, slug: str):
    try:
        services.enrol(person=request.user, course=course)
    except services.LearningError as exc:
        messages.error(request, exc.message)
        return redirect(course.get_absolute_url())
    messages.success(request, _("U bent ingeschreven. Veel leerplezier!"))
    next_step = selectors.progress_for(request.user, course).next_step
    if next_step:
        return redirect("learning:step", slug=course.slug, step_id=next_step.pk)
    return redirect(course.get_absolute_url())


def _step_context(request, step, *, answers=None, errors=None) -> dict:
    course = step.module.course
    enrolment = selectors.enrolment_for(request.user, course)
    progress = selectors.progress_for(request.user, course, at=step)
    context = {
        "course": course,
        "step": step,
        "module": step.module,
        "progress": progress,
        "is_done": progress.is_done(step),
        "enrolment": enrolment,
        "previous": progress.previous,
        "following": progress.following,
    }
    if step.kind == StepKind.LIVE:
        context["session"] = selectors.live_session(request.user, step)
    if step.kind == StepKind.QUIZ:
        questions = quiz_questions(step, answers=answers, errors=errors)
        context.update(
            selectors.quiz_attempts_page(request.user, step),
            questions=questions,
            quiz_errors=[q for q in questions if q["error"]],
            token=services.quiz_token(person=request.user, step=step),
        )
    return context


@taken_step
def step_detail(request, step, slug: str, step_id: int):
    context = _step_context(request, step)
    if context["enrolment"]:
        services.record_visit(person=request.user, step=step)
    return render(request, "learning/step.html", context)


@require_POST
@taken_step
def complete(request, step, slug: str, step_id: int):
    wants_json = "application/json" in request.headers.get("Accept", "")
    course = step.module.course
    before = selectors.enrolment_for(request.user, course)
    was_complete = bool(before and before.completed_at)
    try:
        created = services.complete_step(person=request.user, step=step)
    except services.LearningError as exc:
        if wants_json:
            return JsonResponse({"ok": False, "message": exc.message}, status=400)
        messages.error(request, exc.message)
        return redirect("learning:step", slug=slug, step_id=step.pk)
    enrolment = selectors.enrolment_for(request.user, course)
    finished_now = bool(enrolment and enrolment.completed_at) and not was_complete
    if wants_json:
        return JsonResponse({"ok": True, "new": created, "course_complete": finished_now})
    following = selectors.progress_for(request.user, course, at=step).following
    if finished_now:
        # The last required step: the course page says so, with the certificate.
        messages.success(request, _("Cursus afgerond! Uw certificaat staat klaar."))
        return redirect(course.get_absolute_url() + "#voortgang")
    if created:
        messages.success(request, _("Opgeslagen: deze stap is klaar."))
    if following:
        return redirect("learning:step", slug=slug, step_id=following.pk)
    return redirect(course.get_absolute_url())


@require_POST
@taken_step
def submit_quiz(request, step, slug: str, step_id: int):
    answers = answers_from_post(request.POST)
    try:
        outcome = services.submit_quiz(
            person=request.user, step=step, token=request.POST.get("token", ""), answers=answers
        )
    except services.QuizAnswersIncomplete as exc:
        # Nothing recorded: the form again, every answer as given, each error by its question.
        context = _step_context(request, step, answers=answers, errors=exc.errors)
        return render(request, "learning/step.html", {**context, "quiz_summary": exc.message})
    except services.LearningError as exc:
        messages.error(request, exc.message)
        return redirect("learning:step", slug=slug, step_id=step.pk)
    return redirect(
        "learning:quiz_result", slug=slug, step_id=step.pk, attempt_id=outcome.attempt.pk
    )


@taken_step
def quiz_result(request, step, slug: str, step_id: int, attempt_id: int):
    attempt = get_object_or_404(selectors.attempts_for(request.user, step), pk=attempt_id)
    progress = selectors.progress_for(request.user, step.module.course, at=step)
    attempts = selectors.quiz_attempts_page(request.user, step)
    enrolment = selectors.enrolment_for(request.user, step.module.course)
    completed = attempt.passed and bool(enrolment and enrolment.completed_at)
    return render(
        request,
        "learning/quiz_result.html",
        {
            "course": step.module.course,
            "step": step,
            "attempt": attempt,
            "feedback": services.feedback_for(step, attempt),
            "progress": progress,
            "following": progress.following,
            "can_retry": not attempt.passed and attempts["attempts_left"] != 0,
            "enrolment": enrolment if completed else None,
            "certificate": (
                selectors.certificates_for(request.user).filter(course=step.module.course).first()
                if completed
                else None
            ),
        },
    )


@signed_in
def profile(request):
    learner = services.get_or_create_profile(person=request.user)
    form = LearnerProfileForm(request.POST or None, instance=learner)
    if request.method == "POST" and form.is_valid():
        services.update_profile(person=request.user, **form.cleaned_data)
        messages.success(request, _("Uw leerprofiel is opgeslagen."))
        return redirect("learning:profile")
    return render(request, "learning/profile.html", {"form": form})


@signed_in
def certificate_pdf(request, code: str):
    certificate = get_object_or_404(selectors.certificates_for(request.user), code=code)
    verify_url = request.build_absolute_uri(reverse("learning:verify", args=[certificate.code]))
    pdf = documents.certificate_pdf(certificate, verify_url=verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = _("certificaat-%(code)s.pdf") % {"code": certificate.code}
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def verify(request, code: str = ""):
    code = code or request.GET.get("code", "")
    # A NUL character is never in a code, and PostgreSQL refuses it in a query.
    certificate = selectors.certificate_by_code(code) if code and "\x00" not in code else None
    return render(
        request,
        "learning/verify.html",
        {"code": code[:40], "certificate": certificate, "searched": bool(code)},
        status=404 if code and certificate is None else 200,
    )


@signed_in
@object_rule("learning.view_council_overview", find=_council)
def council_overview(request, council, council_id: int):
    people = selectors.council_completions(council)
    return render(
        request,
        "learning/council_overview.html",
        {
            "council": council,
            "people": people,
            "coverage": selectors.council_coverage(council, people),
        },
    )


@statistics_only
def statistics(request):
    return render(request, "learning/statistics.html", {"courses": selectors.statistics_overview()})


@statistics_only
def course_statistics(request, slug: str, export: str = ""):
    if export not in ("", "csv", "xlsx"):
        raise Http404
    course = get_object_or_404(selectors.reachable_courses(request.user), slug=slug)
    stats = selectors.course_statistics(course)
    if export == "csv":
        response = HttpResponse(
            documents.statistics_csv(course, stats), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{course.slug}.csv"'
        return response
    if export == "xlsx":
        response = HttpResponse(
            documents.statistics_xlsx(course, stats),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        response["Content-Disposition"] = f'attachment; filename="{course.slug}.xlsx"'
        return response
    return render(
        request,
        "learning/course_statistics.html",
        {"course": course, "stats": stats, "chart": documents.step_chart(stats["steps"])},
    )
