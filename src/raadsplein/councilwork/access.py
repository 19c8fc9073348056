"""The guard of every workspace view: the one guard module (``organisations.access``) applied
to a council taken from the URL.

``@workspace(perm)`` on a view whose URL has ``council_id``: anonymous visitors go to sign-in;
a council whose workspace the viewer may not enter answers 404 (nobody learns it exists —
staff included, unless the council granted them access); a refused permission on a council
they may enter answers 403. The view is called as ``view(request, council, **other_kwargs)``.
A visit made under an advisor's access (no seat) is logged, page by page.
"""

from functools import wraps

from django.shortcuts import get_object_or_404

from raadsplein.organisations.access import FORBIDDEN, object_rule, signed_in

from . import selectors, services

VIEW = "councilwork.view_workspace"
CONTRIBUTE = "councilwork.contribute"
MANAGE = "councilwork.manage_workspace"
CANDIDATES = "councilwork.view_candidates"
GRANT = "councilwork.grant_access"


def find_council(request, council_id, **kwargs):
    council = get_object_or_404(selectors.workspace_councils(request.user), pk=council_id)
    standing = selectors.standing(request.user, council)
    if standing.advisor and not standing.seat:
        match = getattr(request, "resolver_match", None)
        services.note_advisor_visit(
            advisor=request.user,
            council=council,
            page=f"{request.method} {match.url_name if match else request.path}",
        )
    return council


def workspace(perm: str = VIEW, *, denied: str = FORBIDDEN):
    def decorator(view):
        @wraps(view)
        def inner(request, council, council_id, **kwargs):
            return view(request, council, **kwargs)

        return signed_in(object_rule(perm, find=find_council, denied=denied)(inner))

    return decorator
