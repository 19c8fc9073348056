from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors, services
from .access import MEMBERS, members_only, object_rule, signed_in
from .forms import CouncilContactForm, CouncilProfileForm, DirectoryFilterForm, OfficerRolesForm
from .models import SeatRole


@members_only
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    councils = (
        selectors.council_directory(**form.filters())
        if form.is_bound
        else (selectors.council_directory())
    )
    page = Paginator(councils, 20).get_page(request.GET.get("pagina"))
    return render(request, "organisations/directory.html", {"form": form, "page": page})


@signed_in
def my_councils(request):
    seats = selectors.seats_for(request.user)
    return render(
        request,
        "organisations/my_councils.html",
        {"seats": seats, "today": timezone.localdate()},
    )


def _visible_council(request, pk: int):
    return get_object_or_404(
        selectors.council_with_details(selectors.councils_visible_to(request.user)), pk=pk
    )


@signed_in
@object_rule("organisations.view_council_records", find=_visible_council)
def council_detail(request, council, pk: int):
    """The council's own page: its seats, who acts for it, and its profile for other councils.
    Officers change the last two here."""
    may_choose = request.user.has_perm("organisations.act_for_council", council)
    posted = request.POST if request.method == "POST" and may_choose else None
    roles_form = profile_form = None
    if may_choose:
        current = sorted(council.officer_role_set() - {SeatRole.VOORZITTER.value})
        roles_form = OfficerRolesForm(
            posted if posted and "save_roles" in posted else None, initial={"roles": current}
        )
        profile_form = CouncilProfileForm(
            posted if posted and "save_profile" in posted else None,
            initial={
                "profile_visible": council.profile_visible,
                "profile_text": council.profile_text,
            },
        )
    if posted and roles_form.is_bound and roles_form.is_valid():
        try:
            services.set_officer_roles(
                council=council, roles=roles_form.cleaned_data["roles"], by=request.user
            )
        except ValidationError:
            roles_form.add_error("roles", _("Kies rollen uit de lijst."))
        else:
            messages.success(request, _("Opgeslagen: wie namens de raad mag handelen."))
            return redirect("organisations:council_detail", pk=council.pk)
    if posted and profile_form.is_bound and profile_form.is_valid():
        services.set_council_profile(
            council=council,
            visible=profile_form.cleaned_data["profile_visible"],
            text=profile_form.cleaned_data["profile_text"],
            by=request.user,
        )
        messages.success(request, _("Opgeslagen: het profiel voor andere raden."))
        return redirect("organisations:council_detail", pk=council.pk)
    officer_labels = [
        label for value, label in SeatRole.choices if value in council.officer_role_set()
    ]
    return render(
        request,
        "organisations/council_detail.html",
        {
            "council": council,
            "seats": selectors.council_seats(council),
            "officer_labels": officer_labels,
            "officer_form": roles_form,
            "profile_form": profile_form,
        },
    )


def _profile(request, pk: int):
    """A council's profile: for members, when the council shows it (its own seat holders and
    staff may look at it while it is hidden). Anything else answers 404."""
    council = get_object_or_404(
        selectors.member_councils().select_related("provider", "region"), pk=pk
    )
    if council.profile_visible or request.user.has_perm(
        "organisations.view_council_records", council
    ):
        return council
    raise Http404


@members_only
@object_rule("organisations.browse_directory_entry", find=_profile, denied=MEMBERS)
def council_profile(request, council, pk: int):
    form = CouncilContactForm(request.POST or None)
    own = any(seat.council_id == council.pk for seat in selectors.current_seats_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            services.contact_council(
                council=council, sender=request.user, body=form.cleaned_data["body"]
            )
        except services.ContactError as err:
            form.add_error(None, err.message)
        else:
            messages.success(
                request,
                _("Uw bericht is verstuurd. De raad antwoordt u per e-mail als hij dat wil."),
            )
            return redirect("organisations:council_profile", pk=council.pk)
    return render(
        request,
        "organisations/council_profile.html",
        {"council": council, "form": form, "own": own},
    )
