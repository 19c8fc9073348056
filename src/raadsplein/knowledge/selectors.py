"""Reads of the Kenniscentrum, always through what the person may see."""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, Q, QuerySet

from raadsplein.organisations.models import CareSector
from raadsplein.web.caching import shared

from .models import Audience, Kind, PublicationFile, PublicationPage, Theme
from .rules import sees_members_content
from .search import engine, external, snippets
from .search.query import parse_query

PER_PAGE = 20
SORTS = ("relevantie", "datum")


def publications_for(user) -> QuerySet[PublicationPage]:
    """Live publications the user may see in full."""
    qs = PublicationPage.objects.live()
    if not sees_members_content(user):
        qs = qs.filter(audience=Audience.PUBLIC)
    return qs


def latest_publications(user, *, limit: int = 5) -> list[PublicationPage]:
    return list(publications_for(user).order_by("-published_on", "-pk")[:limit])


def public_publications() -> QuerySet[PublicationPage]:
    return PublicationPage.objects.live().filter(audience=Audience.PUBLIC)


def file_for(user, file_id: int) -> PublicationFile | None:
    """An attached file of a live publication; None if absent or hidden from this user."""
    item = (
        PublicationFile.objects.select_related("document", "page")
        .filter(pk=file_id, page__live=True)
        .first()
    )
    if item is None:
        return None
    if item.page.audience != Audience.PUBLIC and not sees_members_content(user):
        return None
    return item


def live_file_exists(file_id: int) -> bool:
    return PublicationFile.objects.filter(pk=file_id, page__live=True).exists()


@dataclass
class Hit:
    page: PublicationPage
    score: float
    snippet: str


@dataclass
class FacetValue:
    value: str
    label: str
    count: int
    selected: bool


@dataclass
class SearchOutcome:
    query: str
    hits: list[Hit]
    count: int
    page: object
    sort: str
    facets: dict[str, list[FacetValue]] = field(default_factory=dict)
    suggestion: str | None = None
    understood: bool = True


def _clean_values(values, allowed) -> list[str]:
    return [v for v in dict.fromkeys(values or []) if v in allowed][:10]


def _page_filter(kinds, themes, sectors) -> Q | None:
    q = Q()
    if kinds:
        q &= Q(kind__in=kinds)
    if themes:
        q &= Q(
            pk__in=PublicationPage.themes.through.objects.filter(theme__slug__in=themes).values(
                "publicationpage_id"
            )
        )
    if sectors:
        q &= Q(
            pk__in=PublicationPage.sectors.through.objects.filter(caresector_id__in=sectors).values(
                "publicationpage_id"
            )
        )
    return q if q else None


def _facets(base_ids, *, kinds, themes, sectors) -> dict[str, list[FacetValue]]:
    """Counts per kind, theme and sector over the matched publications (three queries)."""
    kind_counts = dict(
        PublicationPage.objects.filter(pk__in=base_ids)
        .order_by()
        .values_list("kind")
        .annotate(n=Count("pk"))
        .values_list("kind", "n")
    )
    theme_rows = (
        PublicationPage.themes.through.objects.filter(publicationpage_id__in=base_ids)
        .values_list("theme__slug", "theme__name")
        .annotate(n=Count("pk"))
        .order_by("theme__name")
    )
    sector_rows = (
        PublicationPage.sectors.through.objects.filter(publicationpage_id__in=base_ids)
        .values_list("caresector_id", "caresector__name", "caresector__order")
        .annotate(n=Count("pk"))
        .order_by("caresector__order")
    )
    return {
        "soort": [
            FacetValue(k.value, str(k.label), kind_counts[k.value], k.value in kinds)
            for k in Kind
            if kind_counts.get(k.value)
        ],
        "thema": [FacetValue(s, n, c, s in themes) for s, n, c in theme_rows],
        "sector": [FacetValue(code, n, c, code in sectors) for code, n, _o, c in sector_rows],
    }


def _paginate(items_count: int, number, per_page: int = PER_PAGE) -> tuple[Paginator, object]:
    paginator = Paginator(range(items_count), per_page)
    try:
        page = paginator.page(number)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return paginator, page


def search_publications(
    user,
    *,
    q: str = "",
    kinds=(),
    themes=(),
    sectors=(),
    sort: str = "relevantie",
    page_number: int = 1,
    per_page: int = PER_PAGE,
) -> SearchOutcome:
    """The catalogue and search: ranked hits with snippets, facet counts, a suggestion.

    A fixed number of queries whatever the number of results (about ten). The outcome is the
    same for everyone who sees the same content (members or not) and asks the same, so it is
    shared between them until content changes (raadsplein.web.caching.shared)."""
    members = sees_members_content(user)
    asked = {
        "q": q,
        "kinds": tuple(kinds or ()),
        "themes": tuple(themes or ()),
        "sectors": tuple(sectors or ()),
        "sort": sort,
        "page_number": page_number,
        "per_page": per_page,
    }
    return shared(
        "knowledge-search",
        (members, sorted(asked.items())),
        lambda: _search_publications(members, **asked),
    )


def _search_publications(
    members: bool, *, q, kinds, themes, sectors, sort, page_number, per_page
) -> SearchOutcome:
    theme_rows = {
        slug: (pk, name) for pk, slug, name in Theme.objects.values_list("pk", "slug", "name")
    }
    sector_rows = {
        code: (order, name)
        for code, name, order in CareSector.objects.values_list("code", "name", "order")
    }
    kinds = _clean_values(kinds, set(Kind.values))
    themes = _clean_values(themes, set(theme_rows))
    sectors = _clean_values(sectors, set(sector_rows))
    sort = sort if sort in SORTS else "relevantie"
    page_filter = _page_filter(kinds, themes, sectors)
    q = (q or "").strip()[:200]
    parsed = parse_query(q, members=members) if q else None

    if parsed is None or not parsed.groups:
        base = PublicationPage.objects.live()
        if not members:
            base = base.filter(audience=Audience.PUBLIC)
        if page_filter is not None:
            base = base.filter(page_filter)
        count = base.count()
        paginator, page = _paginate(count, page_number, per_page)
        start = (page.number - 1) * per_page
        pages = list(base.order_by("-published_on", "-pk")[start : start + per_page])
        hits = [Hit(page=p, score=0.0, snippet=p.summary) for p in pages]
        return SearchOutcome(
            query=q,
            hits=hits,
            count=count,
            page=page,
            sort="datum",
            facets=_facets(base.values("pk"), kinds=kinds, themes=themes, sectors=sectors),
            understood=parsed is None,
        )

    if external.mode() == "wagtail":
        return _search_external(
            parsed, members, page_filter, kinds, themes, sectors, sort, page_number, per_page, q
        )
    # The database ranks, filters, counts, pages and counts the facets in one query; only the
    # asked page of publications is loaded.
    wanted = max(1, int(page_number)) if str(page_number).isdigit() else 1
    ask = {"members": members, "kinds": kinds, "themes": themes, "sectors": sectors, "sort": sort}
    found = (
        engine.search(parsed, offset=(wanted - 1) * per_page, limit=per_page, **ask)
        if parsed.usable
        else engine.Found(0, [], {}, {}, {})
    )
    paginator, page = _paginate(found.count, page_number, per_page)
    rows = found.rows
    if found.count and page.number != wanted:  # asked past the end: show the last page
        rows = engine.search(
            parsed, offset=(page.number - 1) * per_page, limit=per_page, **ask
        ).rows
    facets = {
        "soort": [
            FacetValue(k.value, str(k.label), found.kinds[k.value], k.value in kinds)
            for k in Kind
            if found.kinds.get(k.value)
        ],
        "thema": [
            FacetValue(slug, theme_rows[slug][1], n, slug in themes)
            for slug, n in sorted(found.themes.items(), key=lambda i: theme_rows[i[0]][1])
            if slug in theme_rows
        ],
        "sector": [
            FacetValue(code, sector_rows[code][1], n, code in sectors)
            for code, n in sorted(found.sectors.items(), key=lambda i: sector_rows[i[0]])
            if code in sector_rows
        ],
    }
    count = found.count
    hits = _hits(parsed, rows)
    return SearchOutcome(
        query=q,
        hits=hits,
        count=count,
        page=page,
        sort=sort,
        facets=facets,
        suggestion=parsed.suggestion,
    )


def _hits(parsed, rows) -> list[Hit]:
    by_id = {
        p.pk: p
        for p in PublicationPage.objects.live()
        .filter(pk__in=[r[0] for r in rows])
        .select_related("search_document")
    }
    hits = []
    for page_id, rank in rows:
        p = by_id.get(page_id)
        if p is None:
            continue
        document = getattr(p, "search_document", None)
        hits.append(
            Hit(
                page=p,
                score=round(float(rank), 4),
                snippet=snippets.snippet(
                    document.text if document else p.summary,
                    stems=parsed.highlight_stems,
                    parts=parsed.highlight_parts,
                    fallback=p.summary,
                ),
            )
        )
    return hits


def _search_external(
    parsed, members, page_filter, kinds, themes, sectors, sort, page_number, per_page, q
) -> SearchOutcome:
    count, rows, ids = external.search(parsed, members=members, page_filter=page_filter, sort=sort)
    paginator, page = _paginate(count, page_number, per_page)
    start = (page.number - 1) * per_page
    hits = _hits(parsed, rows[start : start + per_page])
    facets = (
        _facets(ids, kinds=kinds, themes=themes, sectors=sectors)
        if ids
        else {"soort": [], "thema": [], "sector": []}
    )
    return SearchOutcome(
        query=q,
        hits=hits,
        count=count,
        page=page,
        sort=sort,
        facets=facets,
        suggestion=parsed.suggestion,
    )
