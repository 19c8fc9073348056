from django.shortcuts import render

from raadsplein.organisations.access import signed_in

from . import navigation


@signed_in
def dashboard(request):
    return render(request, "web/dashboard.html", {"panels": navigation.panels_for(request)})


def privacy(request):
    return render(request, "web/privacy.html")


def accessibility(request):
    return render(request, "web/accessibility.html")


def membership(request):
    return render(request, "web/membership.html")


def contact(request):
    return render(request, "web/contact.html")
