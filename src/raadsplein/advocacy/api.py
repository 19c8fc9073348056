"""/api/v1/signals/: report a signal, co-sign one ("Wij zien dit ook"), list one's own.

The same services and selectors as the web pages: a council the caller holds no seat on, an
unknown theme or sector, or text the service refuses answer 422 with a Dutch message and
change nothing; a signal the caller may not see (or that does not exist) answers 404.
Session or personal token, as every endpoint (``raadsplein.api.signed_in``).

``GET /stats?by=theme,sector``: the figures about signals by one or two of theme, sector,
province and month, suppressed as everything that leaves the staff screens
(``stats.published``, docs/advocacy.md): for members (staff count as members).
"""

import datetime
from typing import Annotated

from django.http import HttpRequest
from django.utils.translation import gettext
from ninja import Query, Router, Schema, Status
from pydantic import Field, StringConstraints

from raadsplein.api import ApiError, one_of, responses, signed_in, text, whole_number
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector, Province

from . import selectors, services, stats
from .models import Signal

router = Router(tags=["signalen"])

PER_PAGE = 50


def filled(max_length: int):
    """A text with at least one visible character (empty is a 422) and no NUL."""
    return Annotated[
        str, StringConstraints(pattern=r"^[^\x00]*[^\s\x00][^\x00]*$", max_length=max_length)
    ]


class SignalIn(Schema):
    title: filled(services.TITLE_MAX)
    description: filled(services.DESCRIPTION_MAX)
    council: int = Field(description="Id van een raad waarin u zit.")
    themes: list[text(max_length=80)] = Field(default=[], description="Codes (slugs) van thema's.")
    sectors: list[text(max_length=40)] = Field(
        default=[], description="Codes van zorgsectoren; leeg: die van de raad."
    )
    province: one_of(Province) | None = Field(
        default=None, description="Provinciecode (GE, UT, …); leeg: die van de raad."
    )


class ReportedOut(Schema):
    id: int
    state: str = Field(
        description="De stap die raden zien (code), bij een nieuw signaal ontvangen."
    )


class CosignIn(Schema):
    council: int = Field(description="Id van een raad waarin u zit.")
    account: filled(services.ACCOUNT_MAX) = Field(description="Wat ziet uw raad?")


class CosignedOut(Schema):
    id: int = Field(description="Id van de medeondertekening.")
    signal: int
    councils: int = Field(description="Aantal raden dat het signaal deelt.")


class MySignalOut(Schema):
    id: int
    title: str
    state: str
    state_name: str
    public_answer: str
    councils: int
    own: bool = Field(description="Gemeld door uw raad (anders: mede ondertekend).")
    created_at: datetime.datetime


def _invalid(message: str) -> ApiError:
    return ApiError(422, "invalid", message)


def _members_only(user, perm: str) -> None:
    if not user.has_perm(perm):
        raise ApiError(
            403,
            "members_only",
            gettext("Signalen zijn er voor leden. Alleen leden van een raad kunnen melden."),
        )


def _by_slug(model, field: str, values: list[str], what: str):
    values = list(dict.fromkeys(values))
    found = list(model.objects.filter(**{f"{field}__in": values}))
    missing = sorted(set(values) - {getattr(obj, field) for obj in found})
    if missing:
        raise _invalid(
            gettext("Onbekende %(what)s: %(codes)s.") % {"what": what, "codes": ", ".join(missing)}
        )
    return found


@router.post(
    "/",
    auth=signed_in,
    response=responses({201: ReportedOut}, 400, 403),
    summary="Meld een signaal namens uw raad",
)
def report_signal(request: HttpRequest, payload: SignalIn):
    """For council members. Answers the new signal's id and the state councils see."""
    user = request.auth
    _members_only(user, "advocacy.report_signal")
    themes = _by_slug(Theme, "slug", payload.themes, gettext("thema's"))
    sectors = _by_slug(CareSector, "code", payload.sectors, gettext("zorgsectoren"))
    try:
        signal = services.report_signal(
            reporter=user,
            council=payload.council,
            title=payload.title,
            description=payload.description,
            themes=themes,
            sectors=sectors,
            province=payload.province,
        )
    except services.SignalError as exc:
        raise _invalid(str(exc)) from exc
    return Status(201, ReportedOut(id=signal.pk, state=signal.public_state.slug))


@router.post(
    "/{signal_id}/cosign",
    auth=signed_in,
    response=responses({201: CosignedOut}, 400, 403, 404),
    summary="Wij zien dit ook: onderteken een signaal van een andere raad mede",
)
def cosign_signal(request: HttpRequest, signal_id: int, payload: CosignIn):
    user = request.auth
    _members_only(user, "advocacy.cosign_signal")
    signal = selectors.shared_signals().filter(pk=signal_id).first()
    if signal is None:
        raise ApiError(
            404, "not_found", gettext("Dit signaal bestaat niet, of u mag het niet zien.")
        )
    try:
        cosignature = services.cosign_signal(
            signal=signal, council=payload.council, person=user, account=payload.account
        )
    except services.SignalError as exc:
        raise _invalid(str(exc)) from exc
    councils = 1 + selectors.active_cosignatures().filter(signal_id=cosignature.signal_id).count()
    return Status(
        201, CosignedOut(id=cosignature.pk, signal=cosignature.signal_id, councils=councils)
    )


@router.get(
    "/mine",
    auth=signed_in,
    response=responses({200: list[MySignalOut]}),
    summary="Mijn signalen: van uw raden, en wat uw raden mede ondertekenden",
)
def my_signals(request: HttpRequest, page: whole_number(ge=1, le=100_000) = 1):
    """Newest first, 50 to a page (``?page=2``)."""
    ids = set(selectors.council_ids_of(request.auth))
    signals: list[Signal] = list(
        selectors.signals_of_person(request.auth).order_by("-created_at", "-pk")[
            (page - 1) * PER_PAGE : page * PER_PAGE
        ]
    )
    return [
        {
            "id": s.pk,
            "title": s.title,
            "state": s.public_state.slug,
            "state_name": s.public_state.name,
            "public_answer": s.public_answer,
            "councils": 1 + s.cosign_count,
            "own": s.council_id in ids,
            "created_at": s.created_at,
        }
        for s in signals
    ]


# -- figures -----------------------------------------------------------------------------------


class FigureOut(Schema):
    """A cell (its dimension values), a total per value of one dimension, or the grand
    total (no dimension values). ``count`` and ``councils`` are null when suppressed."""

    theme: str | None = Field(None, description="Slug van het thema.")
    sector: str | None = Field(None, description="Code van de zorgsector.")
    province: one_of(Province) | None = Field(None, description="Code van de provincie.")
    month: str | None = Field(None, pattern=r"^\d{4}-\d{2}$", description="Maand als JJJJ-MM.")
    count: int | None = Field(description="Aantal signalen; null als het is weggelaten.")
    councils: int | None = Field(
        description="Aantal verschillende raden die de signalen zien (melder en wie mede "
        "ondertekende); null als het is weggelaten."
    )
    suppressed: bool = Field(
        description="Weggelaten: te weinig raden, of nodig om een weggelaten cijfer te beschermen."
    )


class StatsOut(Schema):
    by: list[one_of(stats.DIMENSIONS)]
    min_councils: int = Field(description="Cijfers van minder raden dan dit zijn weggelaten.")
    cells: list[FigureOut]
    totals: list[FigureOut]
    total: FigureOut


# What ``by`` may be, for the schema; the endpoint checks it itself, so that a wrong value
# gets a Dutch message that says what is wrong.
BY_VALUES = [
    *stats.DIMENSIONS,
    *(f"{a},{b}" for a in stats.DIMENSIONS for b in stats.DIMENSIONS if a != b),
]


class StatsQuery(Schema):
    by: text(max_length=100) = Field(
        description="Eén of twee van theme, sector, province, month, met een komma ertussen.",
        json_schema_extra={"enum": BY_VALUES},
    )


@router.get(
    "/stats",
    auth=signed_in,
    response=responses({200: StatsOut}, 403),
    exclude_unset=True,
    summary="Cijfers over signalen, met kleine aantallen weggelaten",
)
def signal_stats(request: HttpRequest, query: Query[StatsQuery]):
    """Every combination of the chosen dimensions gets a cell; ``totals`` has one figure per
    value of each dimension and ``total`` the grand total. A figure seen by fewer than
    ``min_councils`` councils is left out (``count`` and ``councils`` null, ``suppressed``
    true), and so are the figures from which it could be worked out."""
    if not request.auth.has_perm("advocacy.view_stats"):
        raise ApiError(
            403,
            "members_only",
            gettext("De cijfers over signalen zijn er voor leden."),
        )
    try:
        dims = stats.parse_dims(query.by)
    except stats.DimensionError as exc:
        raise ApiError(422, "invalid", str(exc)) from exc
    return stats.published(dims)
