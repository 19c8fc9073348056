from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from . import selectors
from .access import members_only
from .forms import DirectoryFilterForm


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


@login_required
def my_councils(request):
    seats = selectors.seats_for(request.user)
    return render(
        request,
        "organisations/my_councils.html",
        {"seats": seats, "today": timezone.localdate()},
    )


@login_required
def council_detail(request, pk: int):
    council = get_object_or_404(
        selectors.council_with_details(selectors.councils_visible_to(request.user)), pk=pk
    )
    seats = selectors.council_seats(council)
    return render(
        request, "organisations/council_detail.html", {"council": council, "seats": seats}
    )
