"""The JSON API at /api/v1/ (django-ninja, OpenAPI at /api/v1/openapi.json).

Callers are identified by a personal API token sent as ``Authorization: Bearer rp_…`` or,
without an Authorization header, by their session (browser). Apps add their routers here.
Endpoints that also serve anonymous callers (public content) call ``api_user(request)``;
endpoints that need a signed-in person use ``auth=signed_in``.

Every error answers the same JSON body (``Error``): a stable ``code``, a Dutch ``message``
and, for invalid input, ``details`` per field. Operations declare their statuses with
``responses(...)`` so that the OpenAPI schema lists every status they can answer.
"""

import re
from typing import Annotated, Any, Literal

from annotated_types import Ge, Le
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext
from ninja import NinjaAPI, Schema
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer, SessionAuth
from pydantic import BeforeValidator, Field, StringConstraints

from raadsplein.accounts import services as account_services


class ErrorDetail(Schema):
    loc: list[str | int] = Field(description="Waar de fout zit, bijvoorbeeld body → veld.")
    msg: str = Field(description="Wat er mis is (van de validatie, in het Engels).")
    type: str = Field(description="Soort fout, bijvoorbeeld missing of enum.")


class Error(Schema):
    """The one body of every error answer."""

    code: str = Field(description="Vaste code voor programma's, bijvoorbeeld not_found.")
    message: str = Field(description="Uitleg in het Nederlands, voor mensen.")
    detail: str = Field(description="Hetzelfde als message; blijft voor bestaande koppelingen.")
    details: list[ErrorDetail] | None = Field(
        default=None, description="Bij ongeldige invoer: wat er per veld mis is."
    )


class ApiError(Exception):
    """Raise in an endpoint to answer an error with a code and a Dutch message."""

    def __init__(self, status: int, code: str, message: str) -> None:
        self.status = status
        self.code = code
        self.message = message
        super().__init__(status, code, message)


def one_of(choices) -> Any:
    """A Literal type of the values of a TextChoices (or of a tuple of strings): OpenAPI
    shows it as an ``enum`` and a value outside it is a 422."""
    return Literal[tuple(getattr(choices, "values", choices))]


def text(max_length: int | None = None) -> Any:
    """A string parameter without NUL characters (PostgreSQL cannot store or compare them):
    one with NUL is a 422 with the other invalid input, not a server error."""
    return Annotated[str, StringConstraints(pattern=r"^[^\x00]*$", max_length=max_length)]


def _digits_only(value):
    # pydantic reads "1.0" or "0.0" from a query string as an integer; a page number is digits.
    if isinstance(value, str) and not re.fullmatch(r"[0-9]{1,9}", value):
        raise ValueError("geen geheel getal")
    return value


def whole_number(*, ge: int, le: int) -> Any:
    """An integer query parameter written in digits only, within [ge, le] (in the schema as
    minimum and maximum); anything else is a 422."""
    # The bounds before the validator, or pydantic leaves them out of the JSON schema.
    return Annotated[int, Ge(ge), Le(le), BeforeValidator(_digits_only)]


# Every operation can answer these: a bad or unknown token is 401 (also on public
# endpoints, so that a caller notices a revoked token) and malformed parameters are 422.
ALWAYS = (401, 422)


def responses(ok: dict[int, Any], *errors: int) -> dict[int, Any]:
    """An operation's ``response=``: its success bodies, plus ``Error`` for 401, 422 and
    the given error statuses (400 bad body, 403, 404, 409 …)."""
    return {**ok, **dict.fromkeys(sorted({*ALWAYS, *errors}), Error)}


def _caller_from_header(header: str):
    """The owner of the token in an Authorization header; AuthenticationError otherwise."""
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise AuthenticationError(
            message=gettext("Stuur uw API-sleutel als: Authorization: Bearer <sleutel>.")
        )
    user = account_services.user_for_api_token(token.strip())
    if user is None:
        raise AuthenticationError(message=gettext("Deze API-sleutel is onbekend of ingetrokken."))
    return user


class BearerToken(HttpBearer):
    """A personal API token. When an Authorization header is sent, it alone decides:
    a bad token is a 401, never a fall-back to the session (and its CSRF check)."""

    def __call__(self, request: HttpRequest):
        header = request.headers.get("Authorization")
        if header is None:
            return None
        user = _caller_from_header(header)
        request.user = user
        return user

    def authenticate(self, request, token):  # pragma: no cover - __call__ does the work
        return account_services.user_for_api_token(token)


class SessionCookie(SessionAuth):
    """The browser session (with ninja's CSRF check on unsafe methods), only for requests
    without an Authorization header."""

    def __call__(self, request: HttpRequest):
        if "Authorization" in request.headers:
            return None
        return super().__call__(request)


signed_in = [BearerToken(), SessionCookie()]


def api_user(request: HttpRequest):
    """The caller: token owner, session user, or anonymous. A bad token is a 401."""
    header = request.headers.get("Authorization")
    if header is not None:
        user = _caller_from_header(header)
        request.user = user
        return user
    user = getattr(request, "user", None)
    return user if user is not None else AnonymousUser()


api = NinjaAPI(
    title="Raadsplein API",
    version="1",
    description=(
        "Kennisbank, leeromgeving en agenda van Raadsplein. Fouten hebben altijd dezelfde "
        "vorm: code, message (Nederlands) en bij ongeldige invoer details."
    ),
    urls_namespace="api",
    # No Swagger page: it would load script from a CDN (privacy, CSP). The schema is at
    # /api/v1/openapi.json for any OpenAPI tool.
    docs_url=None,
)

_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    422: "invalid",
    429: "too_many_requests",
}


def _messages() -> dict[int, str]:
    return {
        400: gettext("Het verzoek klopt niet. Stuur geldige JSON."),
        401: gettext("Log in of stuur een geldige API-sleutel."),
        403: gettext("U mag dit niet doen."),
        404: gettext("Dit bestaat niet, of u mag het niet zien."),
        409: gettext("Dit kan nu niet, door de stand van zaken."),
        422: gettext("De invoer klopt niet. Zie details."),
        429: gettext("Te veel verzoeken. Probeer het straks opnieuw."),
    }


def error_response(
    request: HttpRequest, status: int, code: str, message: str, details: list | None = None
) -> HttpResponse:
    body: dict[str, Any] = {"code": code, "message": message, "detail": message}
    if details is not None:
        body["details"] = details
    response = api.create_response(request, body, status=status)
    if status == 401:
        response["WWW-Authenticate"] = "Bearer"
    return response


@api.exception_handler(ApiError)
def _api_error(request, exc: ApiError):
    return error_response(request, exc.status, exc.code, exc.message)


@api.exception_handler(AuthenticationError)
def _authentication_error(request, exc: AuthenticationError):
    # ninja's own message is English ("Unauthorized"); ours are Dutch.
    message = exc.message if exc.message != "Unauthorized" else _messages()[401]
    return error_response(request, 401, "unauthorized", message)


@api.exception_handler(HttpError)
def _http_error(request, exc: HttpError):
    # ninja raises these for an unreadable body (400) or a failed CSRF check (403), with
    # English text: answer the Dutch text of the status instead.
    status = exc.status_code
    return error_response(
        request,
        status,
        _CODES.get(status, "error"),
        _messages().get(status, gettext("Er ging iets mis met dit verzoek.")),
    )


@api.exception_handler(ValidationError)
def _validation_error(request, exc: ValidationError):
    details = [
        {
            "loc": [p if isinstance(p, int) else str(p) for p in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors
    ]
    return error_response(request, 422, "invalid", _messages()[422], details)


@api.exception_handler(Http404)
def _not_found(request, exc):
    return error_response(request, 404, "not_found", _messages()[404])


@api.exception_handler(ObjectDoesNotExist)
def _does_not_exist(request, exc):
    return error_response(request, 404, "not_found", _messages()[404])


@api.exception_handler(PermissionDenied)
def _permission_denied(request, exc):
    return error_response(request, 403, "forbidden", _messages()[403])


api.add_router("/learning/", "raadsplein.learning.api.router")
api.add_router("/events/", "raadsplein.events.api.router")
api.add_router("/knowledge/", "raadsplein.knowledge.api.router")
api.add_router("/helpdesk/", "raadsplein.helpdesk.api.router")
api.add_router("/signals/", "raadsplein.advocacy.api.router")
api.add_router("/councilwork/", "raadsplein.councilwork.api.router")
