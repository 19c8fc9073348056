from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations import selectors as org_selectors

from . import documents, selectors, services
from .forms import CatalogueFilterForm, LearnerProfileForm, answers_from_post
from .models import Course, QuizAttempt, Step, StepKind
from .rules import can_follow_course, can_see_course


def _course_or_deny(request, slug: str) -> Course:
    """The course if the user may see it: unknown or draft → 404, members' course for a
    non-member → the members-only page (403)."""
    course = get_object_or_404(Course.objects.all(), slug=slug)
    if not course.is_published and not can_see_course(request.user, course):
        raise Http404
    if not can_see_course(request.user, course):
        raise _MembersOnly
    return course


class _MembersOnly(Exception):
    pass


def _guard(view):
    def wrapper(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except _MembersOnly:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            return render(request, "organisations/members_only.html", status=403)

    wrapper.__name__ = view.__name__
    wrapper.__doc__ = view.__doc__
    return wrapper


def _follow_or_deny(request, slug: str) -> Course:
    course = _course_or_deny(request, slug)
    if not can_follow_course(request.user, course):
        raise _MembersOnly
    return course


def catalogue(request):
    form = CatalogueFilterForm(request.GET or None)
    courses = list(selectors.catalogue(request.user, **(form.filters() if form.is_bound else {})))
    enrolments = selectors.enrolments_by_course(request.user)
    for course in courses:
        course.my_enrolment = enrolments.get(course.pk)
    return render(
        request,
        "learning/catalogue.html",
        {
            "form": form,
            "courses": courses,
            "certificates": (
                list(selectors.certificates_for(request.user))
                if request.user.is_authenticated
                else []
            ),
            "paths": list(selectors.learning_paths()) if request.user.is_authenticated else [],
            "overseen_councils": (
                list(selectors.councils_overseen_by(request.user))
                if request.user.is_authenticated
                else []
            ),
            "can_see_statistics": request.user.has_perm("learning.view_course_statistics"),
        },
    )


@_guard
def course_detail(request, slug: str):
    course = _course_or_deny(request, slug)
    outline = selectors.course_outline(course)
    done = selectors.done_step_ids(request.user, course)
    progress = selectors.course_progress(outline, done)
    enrolment = selectors.enrolment_for(request.user, course)
    prerequisites = list(course.prerequisites.select_related("required_course"))
    resume = selectors.resume_step(progress, enrolment.last_step_id if enrolment else None)
    return render(
        request,
        "learning/course.html",
        {
            "course": course,
            "progress": progress,
            "enrolment": enrolment,
            "prerequisites": prerequisites,
            "themes": list(course.themes.all()),
            "sectors": list(course.care_sectors.all()),
            "resume": resume,
            "certificate": (
                selectors.certificates_for(request.user).filter(course=course).first()
                if enrolment and enrolment.completed_at
                else None
            ),
        },
    )


@require_POST
@_guard
def enrol(request, slug: str):
    course = _follow_or_deny(request, slug)
    try:
        services.enrol(person=request.user, course=course)
    except services.LearningError as exc:
        messages.error(request, exc.message)
        return redirect(course.get_absolute_url())
    messages.success(request, _("U bent ingeschreven. Veel leerplezier!"))
    progress = selectors.course_progress(selectors.course_outline(course), set())
    if progress.next_step:
        return redirect("learning:step", slug=course.slug, step_id=progress.next_step.pk)
    return redirect(course.get_absolute_url())


def _step_or_404(course: Course, step_id: int) -> Step:
    try:
        return selectors.step_in_course(course, step_id)
    except Step.DoesNotExist:
        raise Http404 from None


@_guard
def step_detail(request, slug: str, step_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = _follow_or_deny(request, slug)
    step = _step_or_404(course, step_id)
    outline = selectors.course_outline(course)
    done = selectors.done_step_ids(request.user, course)
    progress = selectors.course_progress(outline, done)
    enrolment = selectors.enrolment_for(request.user, course)
    if enrolment:
        services.record_visit(person=request.user, step=step)
    previous, following = selectors.neighbours(outline, step)
    context = {
        "course": course,
        "step": step,
        "module": step.module,
        "progress": progress,
        "is_done": step.pk in done,
        "enrolment": enrolment,
        "previous": previous,
        "following": following,
    }
    if step.kind == StepKind.LIVE:
        context["session"] = selectors.live_session(request.user, step)
    if step.kind == StepKind.QUIZ:
        attempts = list(selectors.attempts_for(request.user, step)[:20])
        context.update(
            questions=_questions_for_form(step),
            token=services.quiz_token(person=request.user, step=step),
            attempts=attempts,
            attempts_left=(
                max(step.max_attempts - len(attempts), 0) if step.max_attempts else None
            ),
        )
    return render(request, "learning/step.html", context)


def _questions_for_form(step: Step) -> list[dict]:
    """The quiz without the answer key: texts and ids only, options in a fixed mixed order
    for ordering and matching questions (so the stored order gives nothing away)."""
    questions = []
    for q in step.question_list():
        options = [{"id": o["id"], "text": o["text"]} for o in q["options"]]
        matches = []
        if q["kind"] in ("ordering", "matching"):
            options = sorted(options, key=lambda o: o["id"])
        if q["kind"] == "matching":
            unique = {o["match"].strip().casefold(): o["match"] for o in q["options"]}
            matches = sorted(
                ({"id": services.match_token(q["id"], t), "text": t} for t in unique.values()),
                key=lambda o: o["text"].casefold(),
            )
        questions.append(
            {
                "id": q["id"],
                "kind": q["kind"],
                "prompt": q["prompt"],
                "options": options,
                "matches": matches,
                "positions": list(range(1, len(options) + 1)),
            }
        )
    return questions


@require_POST
@_guard
def complete(request, slug: str, step_id: int):
    if not request.user.is_authenticated:
        raise PermissionDenied
    course = _follow_or_deny(request, slug)
    step = _step_or_404(course, step_id)
    wants_json = "application/json" in request.headers.get("Accept", "")
    try:
        created = services.complete_step(person=request.user, step=step)
    except services.LearningError as exc:
        if wants_json:
            return JsonResponse({"ok": False, "message": exc.message}, status=400)
        messages.error(request, exc.message)
        return redirect("learning:step", slug=course.slug, step_id=step.pk)
    if wants_json:
        return JsonResponse({"ok": True, "new": created})
    if created:
        messages.success(request, _("Opgeslagen: deze stap is klaar."))
    return _after_step(request, course, step)


def _after_step(request, course, step):
    outline = selectors.course_outline(course)
    _prev, following = selectors.neighbours(outline, step)
    progress = selectors.course_progress(outline, selectors.done_step_ids(request.user, course))
    if progress.complete and not following:
        return redirect(course.get_absolute_url())
    if following:
        return redirect("learning:step", slug=course.slug, step_id=following.pk)
    return redirect(course.get_absolute_url())


@require_POST
@_guard
def submit_quiz(request, slug: str, step_id: int):
    if not request.user.is_authenticated:
        raise PermissionDenied
    course = _follow_or_deny(request, slug)
    step = _step_or_404(course, step_id)
    try:
        outcome = services.submit_quiz(
            person=request.user,
            step=step,
            token=request.POST.get("token", ""),
            answers=answers_from_post(request.POST),
        )
    except services.LearningError as exc:
        messages.error(request, exc.message)
        return redirect("learning:step", slug=course.slug, step_id=step.pk)
    return redirect(
        "learning:quiz_result", slug=course.slug, step_id=step.pk, attempt_id=outcome.attempt.pk
    )


@_guard
def quiz_result(request, slug: str, step_id: int, attempt_id: int):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    course = _follow_or_deny(request, slug)
    step = _step_or_404(course, step_id)
    attempt = get_object_or_404(
        QuizAttempt.objects.filter(person=request.user, step=step), pk=attempt_id
    )
    outline = selectors.course_outline(course)
    progress = selectors.course_progress(outline, selectors.done_step_ids(request.user, course))
    _prev, following = selectors.neighbours(outline, step)
    return render(
        request,
        "learning/quiz_result.html",
        {
            "course": course,
            "step": step,
            "attempt": attempt,
            "feedback": services.feedback_for(step, attempt),
            "progress": progress,
            "following": following,
            "can_retry": not attempt.passed
            and (
                not step.max_attempts
                or selectors.attempts_for(request.user, step).count() < step.max_attempts
            ),
        },
    )


@login_required
def profile(request):
    learner = services.get_or_create_profile(person=request.user)
    form = LearnerProfileForm(request.POST or None, instance=learner)
    if request.method == "POST" and form.is_valid():
        services.update_profile(person=request.user, **form.cleaned_data)
        messages.success(request, _("Uw leerprofiel is opgeslagen."))
        return redirect("learning:profile")
    return render(request, "learning/profile.html", {"form": form})


@login_required
def certificate_pdf(request, code: str):
    certificate = get_object_or_404(selectors.certificates_for(request.user), code=code)
    verify_url = request.build_absolute_uri(reverse("learning:verify", args=[certificate.code]))
    pdf = documents.certificate_pdf(certificate, verify_url=verify_url)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="certificaat-{certificate.code}.pdf"'
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


@login_required
def council_overview(request, council_id: int):
    council = get_object_or_404(org_selectors.councils_visible_to(request.user), pk=council_id)
    if not request.user.has_perm("learning.view_council_overview", council):
        raise PermissionDenied
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


def _staff_only(request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not request.user.has_perm("learning.view_course_statistics"):
        raise PermissionDenied
    return None


def statistics(request):
    if denied := _staff_only(request):
        return denied
    return render(request, "learning/statistics.html", {"courses": selectors.statistics_overview()})


def course_statistics(request, slug: str, export: str = ""):
    if denied := _staff_only(request):
        return denied
    if export not in ("", "csv", "xlsx"):
        raise Http404
    course = get_object_or_404(Course.objects.all(), slug=slug)
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
    bar_height, gap = 28, 10
    for i, row in enumerate(stats["steps"]):
        row["y"] = i * (bar_height + gap)
        row["width"] = row["percent"] * 4
    return render(
        request,
        "learning/course_statistics.html",
        {
            "course": course,
            "stats": stats,
            "chart_height": max(len(stats["steps"]) * (bar_height + gap), bar_height),
            "bar_height": bar_height,
        },
    )
