"""Guards for members-only pages, used by every app's views."""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.shortcuts import render

from .rules import is_member


def members_only(view):
    """Anonymous visitors go to sign-in (and come back after); signed-in non-members get a
    page that explains how to become a member (status 403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_member(request.user):
            return render(request, "organisations/members_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper
