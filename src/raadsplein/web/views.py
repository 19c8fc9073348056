from django.shortcuts import render

from raadsplein.organisations.access import signed_in, staff_only

from . import navigation


@signed_in
def dashboard(request):
    return render(request, "web/dashboard.html", {"panels": navigation.panels_for(request)})


@staff_only
def staff_home(request):
    """Where staff land after signing in: their quick links and panels from every app."""
    return render(
        request,
        "web/staff_home.html",
        {
            "links": navigation.staff_links(request),
            "panels": navigation.staff_panels_for(request),
        },
    )


def privacy(request):
    return render(request, "web/privacy.html")


def accessibility(request):
    return render(request, "web/accessibility.html")


def membership(request):
    return render(request, "web/membership.html")


def contact(request):
    return render(request, "web/contact.html")
