"""GET /api/v1/knowledge/search — the same search and access rules as the pages."""

from django.http import HttpRequest
from ninja import Query, Router, Schema

from raadsplein.api import api_user

from . import selectors

router = Router(tags=["kennisbank"])


class SearchResultOut(Schema):
    slug: str
    title: str
    kind: str
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
    q: str = ""
    kind: list[str] = []
    theme: list[str] = []
    sector: list[str] = []
    sort: str = "relevantie"
    page: int = 1


@router.get("/search", response=SearchOut, summary="Zoeken in de kennisbank")
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
        page_number=max(1, min(params.page, 100_000)),
    )
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
