"""Ranking through Wagtail's configured search backend (WAGTAILSEARCH_BACKENDS), for
installations that move search to Elasticsearch or OpenSearch.

Chosen with the setting ``RAADSPLEIN_KNOWLEDGE_SEARCH = "wagtail"`` (read from the
environment in settings/base.py; default ``"index"``: the database's own full-text index).
Only in this mode do publications send their normalised text to Wagtail's index. The query
still goes through the Dutch pipeline (query.parse_query: stems, synonyms, compounds, typo
correction); the engine matches it against the normalised fields of
``PublicationPage.search_fields``. Facet counts are taken over the best ``FACET_LIMIT`` matches.
"""

from django.conf import settings
from django.db.models import Q
from wagtail.search.backends import get_search_backend
from wagtail.search.query import PlainText

from ..models import Audience, PublicationPage
from .indexing import external_term
from .query import ParsedQuery

FACET_LIMIT = 1000


def mode() -> str:
    value = getattr(settings, "RAADSPLEIN_KNOWLEDGE_SEARCH", "index")
    return "wagtail" if value == "wagtail" else "index"


def search(parsed: ParsedQuery, *, members: bool, page_filter: Q | None, sort: str):
    """(count, ordered list of (page_id, score), ids for facet counts)."""
    terms = []
    for group in parsed.groups:
        for term in group.terms:
            if term in parsed.term_ids or term in group.strong:
                terms.append(external_term(term))
    terms = list(dict.fromkeys(terms))
    if not terms:
        return 0, [], []
    qs = PublicationPage.objects.live()
    if not members:
        qs = qs.filter(audience=Audience.PUBLIC)
    if page_filter is not None:
        ids = list(PublicationPage.objects.filter(page_filter).values_list("pk", flat=True))
        qs = qs.filter(pk__in=ids)
    if sort == "datum":
        qs = qs.order_by("-published_on")
    results = get_search_backend().search(
        PlainText(" ".join(terms), operator="or"),
        qs,
        order_by_relevance=sort != "datum",
    )
    results = results.annotate_score("_score")
    rows = [(p.pk, float(getattr(p, "_score", 0) or 0)) for p in results[:FACET_LIMIT]]
    return len(rows), rows, [pk for pk, _ in rows]
