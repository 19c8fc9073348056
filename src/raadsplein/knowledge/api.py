"""GET /api/v1/knowledge/search — the same search and access rules as the pages."""

from django.http import HttpRequest
from ninja import Query, Router, Schema

from raadsplein.api import api_user, one_of, responses, text, whole_number

from . import selectors, zero_results
from .models import Kind

router = Router(tags=["kennisbank"])


class SearchResultOut(Schema):
    slug: str
    title: str
    kind: one_of(Kind)
    snippet: str
    url: str
    score: float


class SearchOut(Schema):
    count: int
    page: int
    num_pages: int
    suggestion: str | None = None
    results: list[SearchResultOut]


class SearchIn(Schema):
    # Any text: the search copes with NUL bytes and overlong queries (cut at 2000 here).
    q: str = ""
    kind: list[one_of(Kind)] = []
    theme: list[text(max_length=100)] = []
    sector: list[text(max_length=100)] = []
    sort: one_of(selectors.SORTS) = "relevantie"
    page: whole_number(ge=1, le=100_000) = 1


@router.get("/search", response=responses({200: SearchOut}), summary="Zoeken in de kennisbank")
def search(request: HttpRequest, params: Query[SearchIn]):
    """Publications ranked best first. Anonymous callers and non-members only get public
    publications; members (session or personal API token) get everything."""
    user = api_user(request)
    outcome = selectors.search_publications(
        user,
        q=params.q[:2000],
        kinds=params.kind,
        themes=params.theme,
        sectors=params.sector,
        sort=params.sort,
        page_number=params.page,
    )
    if (
        params.q.strip()
        and outcome.count == 0
        and not (params.kind or params.theme or params.sector)
    ):
        zero_results.record(params.q[:2000])  # as the search page: the words only, no person
    return {
        "count": outcome.count,
        "page": outcome.page.number,
        "num_pages": outcome.page.paginator.num_pages,
        "suggestion": outcome.suggestion,
        "results": [
            {
                "slug": hit.page.slug,
                "title": hit.page.title,
                "kind": hit.page.kind,
                "snippet": str(hit.snippet),
                "url": request.build_absolute_uri(hit.page.url),
                "score": hit.score,
            }
            for hit in outcome.hits
        ],
    }
