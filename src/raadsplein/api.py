"""The JSON API at /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Callers are identified by their session (browser) or by a personal API token sent as
``Authorization: Bearer rp_…``. Apps add their routers here. Endpoints that also serve
anonymous callers (public content) call ``api_user(request)``; endpoints that need a
signed-in person use ``auth=signed_in``.
"""

from django.contrib.auth.models import AnonymousUser
from ninja import NinjaAPI
from ninja.errors import HttpError
from ninja.security import HttpBearer, django_auth

from raadsplein.accounts import services as account_services


class BearerToken(HttpBearer):
    def authenticate(self, request, token):
        user = account_services.user_for_api_token(token)
        if user is not None:
            request.user = user
        return user


signed_in = [BearerToken(), django_auth]


def api_user(request):
    """The caller: token owner, session user, or anonymous. A bad token is a 401."""
    header = request.headers.get("Authorization", "")
    if header.lower().startswith("bearer "):
        user = account_services.user_for_api_token(header.split(" ", 1)[1].strip())
        if user is None:
            raise HttpError(401, "Deze API-sleutel is onbekend of ingetrokken.")
        request.user = user
        return user
    user = getattr(request, "user", None)
    return user if user is not None else AnonymousUser()


api = NinjaAPI(
    title="Raadsplein API",
    version="1",
    description="Kennisbank, leeromgeving en agenda van Raadsplein.",
    urls_namespace="api",
    # No Swagger page: it would load script from a CDN (privacy, CSP). The schema is at
    # /api/v1/openapi.json for any OpenAPI tool.
    docs_url=None,
)
api.add_router("/learning/", "raadsplein.learning.api.router")
api.add_router("/events/", "raadsplein.events.api.router")
api.add_router("/knowledge/", "raadsplein.knowledge.api.router")
