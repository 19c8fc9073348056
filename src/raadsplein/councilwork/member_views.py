"""Members, terms and recruitment: the members page, vacancies with their candidates, the
public vacancy page, and a new member's checklist. Parse, call a service or selector, render."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from raadsplein.organisations.models import SeatRole
from raadsplein.web import links

from . import onboarding, recruitment, selectors, terms
from .access import CANDIDATES, CONTRIBUTE, MANAGE, VIEW, workspace
from .member_forms import CandidateForm, CloseVacancyForm, VacancyForm
from .models import VacancyState
from .services import CouncilworkError

RECENT_VACANCIES = 10


def _vacancy(council, vacancy_id):
    return get_object_or_404(recruitment.vacancy_with_counts(council), pk=vacancy_id)


@workspace(VIEW)
def members(request, council):
    today = timezone.localdate()
    scheme = selectors.scheme_settings(council)
    rows = terms.member_terms(council, scheme=scheme, today=today)
    vacancies = list(recruitment.vacancy_with_counts(council)[:RECENT_VACANCIES])
    standing = selectors.standing(request.user, council)
    return render(
        request,
        "councilwork/members/members.html",
        {
            "council": council,
            "section": "members",
            "terms": rows,
            "scheme": scheme,
            "open_places": terms.open_places(scheme, rows),
            "open_vacancies": [v for v in vacancies if v.state == VacancyState.OPEN],
            "ended_vacancies": [v for v in vacancies if v.state != VacancyState.OPEN],
            # Officers see every new member's checklist, a member only their own.
            "new_members": [
                t
                for t in rows
                if t.is_new and (standing.officer or t.seat.person_id == request.user.pk)
            ],
            "standing": standing,
            "may_manage": standing.officer,
            "warning_days": settings.RAADSPLEIN_TERM_WARNING_DAYS,
            "today": today,
        },
    )


def _vacancy_form_page(request, council, form, vacancy=None):
    return render(
        request,
        "councilwork/members/vacancy_form.html",
        {"council": council, "section": "members", "form": form, "vacancy": vacancy},
    )


@workspace(MANAGE)
def vacancy_new(request, council):
    form = VacancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = recruitment.create_vacancy(
                council=council, by=request.user, **form.cleaned_data
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De vacature is gemaakt. U kunt hem nu delen."))
            return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=vacancy.pk)
    return _vacancy_form_page(request, council, form)


@workspace(VIEW)
def vacancy(request, council, vacancy_id):
    item = _vacancy(council, vacancy_id)
    may_see_candidates = request.user.has_perm(CANDIDATES, council)
    return render(
        request,
        "councilwork/members/vacancy.html",
        {
            "council": council,
            "section": "members",
            "vacancy": item,
            "role_label": dict(SeatRole.choices).get(item.role, item.role),
            "is_public": recruitment.is_public(item),
            "public_url": links.absolute(_public_path(item.share_token)),
            "may_manage": selectors.standing(request.user, council).officer,
            "candidates": (
                list(recruitment.candidates_for(council).filter(vacancy=item))
                if may_see_candidates
                else None
            ),
        },
    )


def _public_path(token) -> str:
    return reverse("councilwork:vacancy_public", kwargs={"token": token})


@workspace(MANAGE)
def vacancy_edit(request, council, vacancy_id):
    item = _vacancy(council, vacancy_id)
    if item.state != VacancyState.OPEN:
        messages.error(request, _("Deze vacature is gesloten en kan niet meer veranderen."))
        return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)
    initial = {
        "title": item.title,
        "role": item.role,
        "text": item.text,
        "closes_on": item.closes_on,
    }
    form = VacancyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            recruitment.update_vacancy(vacancy=item, by=request.user, **form.cleaned_data)
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De vacature is opgeslagen."))
            return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)
    return _vacancy_form_page(request, council, form, item)


@require_POST
@workspace(MANAGE)
def vacancy_share(request, council, vacancy_id):
    item = _vacancy(council, vacancy_id)
    shared = request.POST.get("shared") == "1"
    try:
        recruitment.share_vacancy(vacancy=item, by=request.user, shared=shared)
    except CouncilworkError as exc:
        messages.error(request, str(exc))
    else:
        if shared:
            messages.success(request, _("De vacature is nu openbaar. Deel de link hieronder."))
        else:
            messages.success(request, _("De vacature is niet meer openbaar."))
    return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)


@workspace(MANAGE)
def vacancy_close(request, council, vacancy_id):
    """Asks first: closing deletes every candidate of the vacancy."""
    item = _vacancy(council, vacancy_id)
    if item.state != VacancyState.OPEN:
        messages.info(request, _("Deze vacature is al gesloten."))
        return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)
    form = CloseVacancyForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            deleted = recruitment.close_vacancy(
                vacancy=item,
                by=request.user,
                filled=form.cleaned_data["outcome"] == CloseVacancyForm.FILLED,
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("De vacature is gesloten. De gegevens van %(n)s kandidaten zijn gewist.")
                % {"n": deleted},
            )
            return redirect("councilwork:members", council_id=council.pk)
    return render(
        request,
        "councilwork/members/vacancy_close.html",
        {"council": council, "section": "members", "vacancy": item, "form": form},
    )


def _candidate_page(request, council, vacancy, form, candidate=None):
    return render(
        request,
        "councilwork/members/candidate_form.html",
        {
            "council": council,
            "section": "members",
            "vacancy": vacancy,
            "form": form,
            "candidate": candidate,
        },
    )


@workspace(CANDIDATES)
def candidate_new(request, council, vacancy_id):
    item = _vacancy(council, vacancy_id)
    if item.state != VacancyState.OPEN:
        messages.error(request, _("Deze vacature is gesloten. Daar kan niets meer bij."))
        return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)
    form = CandidateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            recruitment.add_candidate(vacancy=item, by=request.user, **form.cleaned_data)
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De kandidaat is toegevoegd."))
            return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)
    return _candidate_page(request, council, item, form)


def _candidate(council, candidate_id):
    return get_object_or_404(recruitment.candidates_for(council), pk=candidate_id)


@workspace(CANDIDATES)
def candidate_edit(request, council, candidate_id):
    candidate = _candidate(council, candidate_id)
    item = candidate.vacancy
    initial = {
        "name": candidate.name,
        "email": candidate.email,
        "phone": candidate.phone,
        "note": candidate.note,
        "state": candidate.state,
    }
    form = CandidateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            recruitment.update_candidate(candidate=candidate, by=request.user, **form.cleaned_data)
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De gegevens van de kandidaat zijn opgeslagen."))
            return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)
    return _candidate_page(request, council, item, form, candidate)


@workspace(CANDIDATES)
def candidate_delete(request, council, candidate_id):
    candidate = _candidate(council, candidate_id)
    item = candidate.vacancy
    if request.method == "POST":
        recruitment.delete_candidate(candidate=candidate, by=request.user)
        messages.success(request, _("De gegevens van de kandidaat zijn gewist."))
        return redirect("councilwork:vacancy", council_id=council.pk, vacancy_id=item.pk)
    return render(
        request,
        "councilwork/members/candidate_delete.html",
        {"council": council, "section": "members", "vacancy": item, "candidate": candidate},
    )


@require_safe
def vacancy_public(request, token):
    """The page a council shares: the vacancy's text and the council's name, nothing else."""
    item = recruitment.public_vacancy(token)
    if item is None:
        raise Http404
    return render(request, "councilwork/members/vacancy_public.html", {"vacancy": item})


def _seat(request, council, seat_id):
    seat = get_object_or_404(selectors.seat_holders(council), pk=seat_id)
    seat.council = council
    if not onboarding.may_tick(request.user, seat):
        raise PermissionDenied
    return seat


@workspace(VIEW)
def onboarding_page(request, council, seat_id):
    seat = _seat(request, council, seat_id)
    steps = onboarding.checklist(request.user, seat, request=request)
    return render(
        request,
        "councilwork/members/onboarding.html",
        {
            "council": council,
            "section": "members",
            "seat": seat,
            "own": seat.person_id == request.user.pk,
            "steps": steps,
            "done_count": sum(1 for s in steps if s.done),
            "is_new": (timezone.localdate() - seat.start_date).days < terms.NEW_MEMBER_DAYS,
        },
    )


@require_POST
@workspace(CONTRIBUTE)
def onboarding_tick(request, council, seat_id):
    seat = _seat(request, council, seat_id)
    try:
        onboarding.tick_step(
            seat=seat,
            step=request.POST.get("step", ""),
            done=request.POST.get("done") == "1",
            by=request.user,
        )
    except CouncilworkError as exc:
        messages.error(request, str(exc))
    return redirect("councilwork:onboarding", council_id=council.pk, seat_id=seat.pk)
