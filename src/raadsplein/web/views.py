from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from . import navigation


@login_required
def dashboard(request):
    return render(request, "web/dashboard.html", {"panels": navigation.panels_for(request)})


def privacy(request):
    return render(request, "web/privacy.html")


def accessibility(request):
    return render(request, "web/accessibility.html")


def membership(request):
    return render(request, "web/membership.html")
