"""The year plan and the annual report. Parse, call a service or selector, render."""

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import planning, planning_documents, selectors
from .access import MANAGE, VIEW, workspace
from .planning_forms import AnnualReportForm, TopicForm, YearPlanIntroForm
from .services import CouncilworkError


def _plan_url(council, year: int) -> str:
    return f"{reverse('councilwork:year_plan', args=[council.pk])}?jaar={year}"


def _plan_year(request) -> int:
    return planning.parse_year(
        request.GET.get("jaar", ""),
        allowed=planning.plan_years(),
        default=timezone.localdate().year,
    )


def _report_year(year: int) -> int:
    if year not in planning.report_years():
        raise Http404
    return year


@workspace(VIEW)
def year_plan(request, council):
    year = _plan_year(request)
    plan = planning.year_plan(council, year)
    may_manage = selectors.standing(request.user, council).officer
    form = YearPlanIntroForm(request.POST or None, initial={"intro": plan.intro if plan else ""})
    if request.method == "POST":
        if not may_manage:
            return redirect(_plan_url(council, year))
        if form.is_valid():
            try:
                planning.save_year_plan_intro(
                    council=council, year=year, intro=form.cleaned_data["intro"], by=request.user
                )
            except CouncilworkError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("De inleiding is opgeslagen."))
                return redirect(_plan_url(council, year))
    topics = list(plan.topics.all()) if plan else []
    this_year = timezone.localdate().year
    years = planning.plan_years()
    return render(
        request,
        "councilwork/planning/year_plan.html",
        {
            "council": council,
            "section": "year_plan",
            "year": year,
            "plan": plan,
            "topics": topics,
            "form": form,
            "may_manage": may_manage,
            "previous_year": year - 1 if year - 1 in years else None,
            "next_year": year + 1 if year + 1 in years else None,
            "report_years": [y for y in (this_year - 1, this_year) if y in years],
        },
    )


def _topic_form_page(request, council, form, year, topic=None):
    return render(
        request,
        "councilwork/planning/topic_form.html",
        {
            "council": council,
            "section": "year_plan",
            "form": form,
            "year": year,
            "topic": topic,
            "plan_url": _plan_url(council, year),
        },
    )


@workspace(MANAGE)
def topic_new(request, council):
    year = _plan_year(request)
    form = TopicForm(request.POST or None, council=council, year=year)
    if request.method == "POST" and form.is_valid():
        try:
            planning.add_topic(council=council, year=year, by=request.user, **form.cleaned_data)
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Het onderwerp staat in het jaarplan."))
            return redirect(_plan_url(council, year))
    return _topic_form_page(request, council, form, year)


@workspace(MANAGE)
def topic_edit(request, council, topic_id):
    topic = get_object_or_404(planning.topics_for(council), pk=topic_id)
    year = topic.plan.year
    initial = {
        "title": topic.title,
        "description": topic.description,
        "quarter": topic.quarter or "",
        "planned_kind": topic.planned_kind,
        "trajectory": topic.trajectory_id,
    }
    form = TopicForm(
        request.POST or None,
        initial=initial,
        council=council,
        year=year,
        current=topic.trajectory,
    )
    if request.method == "POST" and form.is_valid():
        try:
            planning.update_topic(topic=topic, by=request.user, **form.cleaned_data)
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Het onderwerp is opgeslagen."))
            return redirect(_plan_url(council, year))
    return _topic_form_page(request, council, form, year, topic)


@workspace(MANAGE)
def topic_delete(request, council, topic_id):
    topic = get_object_or_404(planning.topics_for(council), pk=topic_id)
    year = topic.plan.year
    if request.method == "POST":
        planning.delete_topic(topic=topic, by=request.user)
        messages.success(request, _("Het onderwerp is uit het jaarplan gehaald."))
        return redirect(_plan_url(council, year))
    return render(
        request,
        "councilwork/planning/topic_delete.html",
        {
            "council": council,
            "section": "year_plan",
            "topic": topic,
            "year": year,
            "plan_url": _plan_url(council, year),
        },
    )


@workspace(VIEW)
def annual_report(request, council, year):
    year = _report_year(year)
    report = planning.annual_report(council, year)
    may_manage = selectors.standing(request.user, council).officer
    form = None
    if report is not None and may_manage:
        form = AnnualReportForm(
            request.POST or None, initial={"text": report.text, "revision": report.revision}
        )
        if request.method == "POST" and form.is_valid():
            try:
                planning.save_annual_report(
                    report=report,
                    text=form.cleaned_data["text"],
                    revision=form.cleaned_data["revision"],
                    by=request.user,
                )
            except planning.ConflictError as exc:
                form.add_error(None, str(exc))
                report = planning.annual_report(council, year)
                # The form keeps the person's text; from here on it saves over the new one.
                form.data = form.data.copy()
                form.data["revision"] = report.revision
            except CouncilworkError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("Het jaarverslag is opgeslagen."))
                return redirect("councilwork:annual_report", council_id=council.pk, year=year)
    elif request.method == "POST":
        return redirect("councilwork:annual_report", council_id=council.pk, year=year)
    return render(
        request,
        "councilwork/planning/annual_report.html",
        {
            "council": council,
            "section": "year_plan",
            "year": year,
            "report": report,
            "blocks": planning.report_blocks(report.text) if report else [],
            "conflict": bool(form and form.is_bound and form.non_field_errors()),
            "form": form,
            "may_manage": may_manage,
        },
    )


@require_POST
@workspace(MANAGE)
def annual_report_generate(request, council, year):
    """Makes the draft; over an existing report only after the person confirmed."""
    year = _report_year(year)
    report = planning.annual_report(council, year)
    if report is not None and request.POST.get("bevestigd") != "ja":
        return render(
            request,
            "councilwork/planning/annual_report_regenerate.html",
            {"council": council, "section": "year_plan", "year": year, "report": report},
        )
    try:
        revision = int(request.POST.get("revision", ""))
    except ValueError:
        revision = None
    try:
        planning.generate_annual_report(
            council=council,
            year=year,
            by=request.user,
            overwrite=report is not None,
            revision=revision if report is not None else None,
        )
    except CouncilworkError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(
            request, _("Het concept is klaar. Lees het na en vul het aan met uw eigen woorden.")
        )
    return redirect("councilwork:annual_report", council_id=council.pk, year=year)


@workspace(VIEW)
def annual_report_pdf(request, council, year):
    year = _report_year(year)
    report = planning.annual_report(council, year)
    if report is None:
        messages.info(request, _("Er is nog geen jaarverslag over %(year)s.") % {"year": year})
        return redirect("councilwork:annual_report", council_id=council.pk, year=year)
    response = HttpResponse(
        planning_documents.annual_report_pdf(report), content_type="application/pdf"
    )
    filename = planning_documents.annual_report_filename(report)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
