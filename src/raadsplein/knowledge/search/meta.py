"""A per-process picture of the indexed publications (kind, date, themes, sectors), so
facet counts, filters and date sorting of search results need no further queries.

It is rebuilt when the index changes: the key is the number of indexed documents and the
time of the last index write, read with one cheap query per search.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Max, Q

from ..models import PublicationPage, SearchDocument


@dataclass
class IndexMeta:
    key: tuple
    documents: int
    public_documents: int
    kind: dict[int, str] = field(default_factory=dict)
    published: dict[int, datetime.date] = field(default_factory=dict)
    themes: dict[int, tuple[str, ...]] = field(default_factory=dict)
    sectors: dict[int, tuple[str, ...]] = field(default_factory=dict)
    theme_names: dict[str, str] = field(default_factory=dict)
    sector_names: dict[str, tuple[int, str]] = field(default_factory=dict)


_cache: dict[str, IndexMeta] = {}


def index_meta() -> IndexMeta:
    stats = SearchDocument.objects.aggregate(
        n=Count("pk"), public=Count("pk", filter=Q(is_public=True)), last=Max("indexed_at")
    )
    key = (stats["n"], stats["public"], stats["last"])
    current = _cache.get("meta")
    if current is not None and current.key == key:
        return current
    meta = IndexMeta(key=key, documents=stats["n"], public_documents=stats["public"])
    indexed = SearchDocument.objects.values("page_id")
    for pk, kind, published in (
        PublicationPage.objects.filter(pk__in=indexed)
        .values_list("pk", "kind", "published_on")
        .order_by()
    ):
        meta.kind[pk] = kind
        meta.published[pk] = published
    themes: dict[int, list[str]] = {}
    for pk, slug, name in PublicationPage.themes.through.objects.filter(
        publicationpage_id__in=indexed
    ).values_list("publicationpage_id", "theme__slug", "theme__name"):
        themes.setdefault(pk, []).append(slug)
        meta.theme_names[slug] = name
    sectors: dict[int, list[str]] = {}
    for pk, code, name, order in PublicationPage.sectors.through.objects.filter(
        publicationpage_id__in=indexed
    ).values_list("publicationpage_id", "caresector_id", "caresector__name", "caresector__order"):
        sectors.setdefault(pk, []).append(code)
        meta.sector_names[code] = (order, name)
    meta.themes = {pk: tuple(v) for pk, v in themes.items()}
    meta.sectors = {pk: tuple(v) for pk, v in sectors.items()}
    _cache["meta"] = meta
    return meta
