"""Pages of the Wmcz trajectories: the list, a new one, one trajectory with its timeline, the
next step, editing the request and its documents. Officers manage; seat holders and advisors
with access read (and add documents)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services, trajectories
from .access import CONTRIBUTE, MANAGE, VIEW, workspace
from .models import DeadlineSource, Kind, State
from .trajectory_forms import DocumentsForm, FilterForm, RequestForm, StepForm, TrajectoryForm


def _scheme_settings_url(council) -> str:
    return reverse("councilwork:scheme_settings", kwargs={"council_id": council.pk})


def _get(council, trajectory_id):
    trajectory = get_object_or_404(selectors.trajectories_for(council), pk=trajectory_id)
    trajectory.council = council
    return trajectory


@workspace(VIEW)
def trajectory_list(request, council):
    filter_form = FilterForm(request.GET or None)
    filters = filter_form.filters() if request.GET else {"status": trajectories.OPEN, "kind": ""}
    listed = trajectories.listed(council, status=filters["status"], kind=filters["kind"])
    page = Paginator(listed, trajectories.PER_PAGE).get_page(request.GET.get("pagina"))
    # The rows by their own slice, so that an empty list costs the same query as a full one.
    start = (page.number - 1) * trajectories.PER_PAGE
    return render(
        request,
        "councilwork/trajectories/list.html",
        {
            "council": council,
            "section": "trajectories",
            "filter_form": filter_form,
            "filters": filters,
            "page": page,
            "rows": trajectories.mark_days_left(listed[start : start + trajectories.PER_PAGE]),
            "counts": trajectories.counts(council),
            "may_manage": request.user.has_perm(MANAGE, council),
        },
    )


@workspace(MANAGE)
def trajectory_new(request, council):
    form = TrajectoryForm(request.POST or None, request.FILES or None, council=council)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            trajectory = trajectories.start_trajectory(
                council=council,
                kind=data["kind"],
                subject=data["subject"],
                title=data["title"],
                received=data["received"],
                question=data["question"],
                deadline=data["deadline"],
                files=data["files"],
                by=request.user,
            )
        except services.CouncilworkError as exc:
            form.add_error(None, str(exc))
            if data.get("files"):
                form.add_error("files", _("Kies de bestanden opnieuw als u het traject opslaat."))
        else:
            messages.success(request, _("Het traject staat erin."))
            return redirect(
                "councilwork:trajectory", council_id=council.pk, trajectory_id=trajectory.pk
            )
    return render(
        request,
        "councilwork/trajectories/new.html",
        {
            "council": council,
            "section": "trajectories",
            "form": form,
            "scheme_settings_url": _scheme_settings_url(council),
        },
    )


def _detail(request, council, trajectory_id, *, step_form=None, documents_form=None):
    trajectory = get_object_or_404(trajectories.with_everything(council), pk=trajectory_id)
    trajectory.council = council
    committee = trajectories.dispute_committee_name(council)
    today = timezone.localdate()
    may_manage = request.user.has_perm(MANAGE, council)
    nullity_until, nullity_rule = services.nullity_deadline(trajectory)
    letter_url = reverse("councilwork:letter_new", kwargs={"council_id": council.pk})
    letter_links = []
    if may_manage:
        letter_links = [
            (label, f"{letter_url}?trajectory={trajectory.pk}&kind={kind}")
            for kind, label in trajectories.letter_kinds_for(trajectory)
        ]
    if step_form is None and may_manage and trajectory.is_open:
        step_form = StepForm(trajectory=trajectory, committee=committee)
    return render(
        request,
        "councilwork/trajectories/detail.html",
        {
            "council": council,
            "section": "trajectories",
            "trajectory": trajectory,
            "steps": list(trajectory.steps.all()),
            "documents": list(trajectory.documents.all()),
            "letters": list(trajectory.letters.all()),
            "letter_links": letter_links,
            "days_left": (
                trajectories.days_left(trajectory, today) if trajectory.awaits_council else None
            ),
            "deadline_explained": trajectories.deadline_explained(trajectory),
            "from_scheme": trajectory.deadline_source == DeadlineSource.SCHEME,
            "nullity_until": nullity_until,
            "nullity_rule": nullity_rule,
            "nullity_passed": bool(nullity_until and nullity_until < today),
            "committee": committee,
            "is_consent": trajectory.kind == Kind.CONSENT,
            "in_dispute": trajectory.state == State.DISPUTE,
            "may_manage": may_manage,
            "may_contribute": request.user.has_perm(CONTRIBUTE, council),
            "step_form": step_form,
            "documents_form": documents_form or DocumentsForm(),
            "today": today,
        },
    )


@workspace(VIEW)
def trajectory_detail(request, council, trajectory_id):
    return _detail(request, council, trajectory_id)


@require_POST
@workspace(MANAGE)
def trajectory_step(request, council, trajectory_id):
    trajectory = _get(council, trajectory_id)
    form = StepForm(request.POST, trajectory=trajectory)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.record_step(
                trajectory=trajectory,
                state=data["state"],
                on=data["on"],
                note=data["note"],
                outcome=data["outcome"],
                outcome_note=data["outcome_note"],
                decided_without_consent=data.get("decided_without_consent") or False,
                council_learned_on=data.get("council_learned_on"),
                by=request.user,
            )
        except services.CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            services.log_change(by=request.user, council=council, obj=trajectory, what="step")
            messages.success(request, _("De stap is vastgelegd."))
            return redirect(
                reverse("councilwork:trajectory", args=[council.pk, trajectory.pk]) + "#tijdlijn"
            )
    return _detail(request, council, trajectory_id, step_form=form)


@require_POST
@workspace(CONTRIBUTE)
def trajectory_documents(request, council, trajectory_id):
    trajectory = _get(council, trajectory_id)
    form = DocumentsForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            stored = trajectories.add_documents(
                trajectory=trajectory, files=form.cleaned_data["files"], by=request.user
            )
        except services.CouncilworkError as exc:
            form.add_error("files", str(exc))
        else:
            messages.success(
                request,
                _("%(n)s document(en) toegevoegd.") % {"n": len(stored)},
            )
            return redirect(
                reverse("councilwork:trajectory", args=[council.pk, trajectory.pk]) + "#documenten"
            )
    return _detail(request, council, trajectory_id, documents_form=form)


@workspace(MANAGE)
def trajectory_edit(request, council, trajectory_id):
    trajectory = _get(council, trajectory_id)
    initial = {
        "title": trajectory.title,
        "question": trajectory.question,
        "subject": str(trajectory.subject_id or ""),
        "deadline": None
        if trajectory.deadline_source == DeadlineSource.SCHEME
        else trajectory.deadline,
    }
    form = RequestForm(request.POST or None, initial=initial, trajectory=trajectory)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            trajectories.update_request(
                trajectory=trajectory,
                title=data["title"],
                question=data["question"],
                subject=data["subject"],
                deadline=data["deadline"],
                by=request.user,
            )
        except services.CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De aanvraag is bijgewerkt."))
            return redirect(
                "councilwork:trajectory", council_id=council.pk, trajectory_id=trajectory.pk
            )
    return render(
        request,
        "councilwork/trajectories/edit.html",
        {
            "council": council,
            "section": "trajectories",
            "trajectory": trajectory,
            "form": form,
            "scheme_settings_url": _scheme_settings_url(council),
        },
    )
