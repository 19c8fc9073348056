"""The guards every app's views use: the one place that decides what a refused visitor meets.

- ``signed_in``: anonymous visitors go to sign-in and come back afterwards.
- ``members_only``: as ``signed_in``; a signed-in non-member gets a page (403) that explains
  how to become a member.
- ``staff_only``: as ``signed_in``; anyone who is not staff gets 403.
- ``permission_required(perm)``: as ``signed_in``; without the (django-rules) permission, 403
  (or 404 with ``hide=True``).
- ``object_rule(perm, find=…)``: finds the object in the viewer's scope (outside it: 404),
  then checks the permission on that object.

Who may do what is decided in each app's ``rules.py``; these guards only apply it. Every
app's views take their guards from here, accounts' and web's included; no view checks
``is_authenticated`` or raises ``PermissionDenied`` itself.
"""

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404
from django.shortcuts import render

from raadsplein.accounts.rules import is_staff_member

from .rules import is_member

#: What a signed-in visitor meets when an ``object_rule`` refuses.
MEMBERS = "members"  # the members-only page (403), for content that members may see
FORBIDDEN = "forbidden"  # plain 403, for staff or officer work

MEMBERS_ONLY_TEMPLATE = "organisations/members_only.html"


def to_sign_in(request):
    """Send the visitor to sign-in, and back here afterwards."""
    return redirect_to_login(request.get_full_path())


def members_only_page(request):
    """The page a signed-in non-member meets instead of members' content (status 403)."""
    return render(request, MEMBERS_ONLY_TEMPLATE, status=403)


def refuse_members_content(request):
    """For a view that decides itself that the visitor may not see members' content (a page
    served by Wagtail, say): anonymous → sign-in, signed in → the members-only page."""
    if not request.user.is_authenticated:
        return to_sign_in(request)
    return members_only_page(request)


def signed_in(view):
    """Anonymous visitors go to sign-in (and come back after)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return to_sign_in(request)
        return view(request, *args, **kwargs)

    return wrapper


def members_only(view):
    """Anonymous visitors go to sign-in (and come back after); signed-in non-members get a
    page that explains how to become a member (status 403)."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return to_sign_in(request)
        if not is_member(request.user):
            return members_only_page(request)
        return view(request, *args, **kwargs)

    return wrapper


def staff_only(view):
    """Adviseurs, redacteuren and beheerders only; anyone else signed in gets 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return to_sign_in(request)
        if not is_staff_member(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def permission_required(perm: str, *, hide: bool = False):
    """Only for who has ``perm`` (a rule without an object); anyone else signed in gets 403,
    or 404 with ``hide=True`` (staff screens that others need not know exist)."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return to_sign_in(request)
            if not request.user.has_perm(perm):
                if hide:
                    raise Http404
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return wrapper

    return decorator


def object_rule(perm: str, *, find: Callable[..., Any], denied: str = FORBIDDEN):
    """Find the object, then check ``perm`` on it; the view gets ``(request, obj, **kwargs)``.

    ``find(request, **url_kwargs)`` looks the object up in what the viewer may know of
    (for example ``get_object_or_404(councils_visible_to(request.user), pk=pk)``): an object
    outside that scope answers 404, so nobody learns that it exists. When the permission is
    refused, anonymous visitors go to sign-in; a signed-in visitor meets the members-only page
    (``denied=MEMBERS``) or 403 (``denied=FORBIDDEN``).
    """
    if denied not in (MEMBERS, FORBIDDEN):
        raise ValueError(f"denied must be MEMBERS or FORBIDDEN, not {denied!r}")

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                obj = find(request, *args, **kwargs)
            except ObjectDoesNotExist as exc:
                raise Http404 from exc
            if obj is None:
                raise Http404
            if not request.user.has_perm(perm, obj):
                if denied == MEMBERS:
                    return refuse_members_content(request)
                if not request.user.is_authenticated:
                    return to_sign_in(request)
                raise PermissionDenied
            return view(request, obj, *args, **kwargs)

        return wrapper

    return decorator
