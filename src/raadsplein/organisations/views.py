from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from . import selectors, services
from .access import members_only, object_rule, signed_in
from .forms import DirectoryFilterForm, OfficerRolesForm
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
    may_choose = request.user.has_perm("organisations.act_for_council", council)
    current = sorted(council.officer_role_set() - {SeatRole.VOORZITTER.value})
    form = None
    if may_choose:
        form = OfficerRolesForm(
            request.POST if request.method == "POST" else None, initial={"roles": current}
        )
        if request.method == "POST" and form.is_valid():
            try:
                services.set_officer_roles(
                    council=council, roles=form.cleaned_data["roles"], by=request.user
                )
            except ValidationError:
                form.add_error("roles", _("Kies rollen uit de lijst."))
            else:
                messages.success(request, _("Opgeslagen: wie namens de raad mag handelen."))
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
            "officer_form": form,
        },
    )
