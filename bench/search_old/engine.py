"""The old engine: indexing (postings), query parsing, ranking and the search selector.

Copied from src/raadsplein/knowledge/search/{indexing,query,meta}.py and selectors.py at
commit ca8a56a, with the models renamed to the bench's tables and the indexer fed with the
same ``indexing.Source`` objects as the new engine. Do not improve it: it is the baseline.
"""

import datetime
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

from django.db import transaction
from django.db.models import (
    Case,
    Count,
    F,
    FloatField,
    IntegerField,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce

from raadsplein.knowledge.models import Kind, PublicationPage, Theme
from raadsplein.knowledge.search import analysis, snippets
from raadsplein.knowledge.search.indexing import FIELD_WEIGHTS, synonym_variants
from raadsplein.knowledge.selectors import FacetValue, Hit, SearchOutcome, _paginate
from raadsplein.organisations.models import CareSector

from .models import OldSearchDocument as SearchDocument
from .models import OldSearchPosting as SearchPosting
from .models import OldSearchTerm as SearchTerm


def weigh(fields: dict[str, str], variants: dict) -> tuple[dict[str, float], dict[str, str]]:
    """Term → weight (sum over fields of field weight × (1 + ln tf)), and a display word."""
    weights: dict[str, float] = defaultdict(float)
    display: dict[str, str] = {}
    for name, text in fields.items():
        if not text:
            continue
        toks = analysis.tokens(text)
        counts: dict[str, int] = defaultdict(int)
        for term, word in toks:
            counts[term] += 1
            display.setdefault(term, word)
        for _start, _end, synonym_id in analysis.find_phrases([t for t, _ in toks], variants):
            counts[analysis.synonym_key(synonym_id)] += 1
        for term, tf in counts.items():
            weights[term] += FIELD_WEIGHTS[name] * (1 + math.log(tf))
    return dict(weights), display


def _term_ids(display: dict[str, str]) -> dict[str, int]:
    texts = list(display)
    found: dict[str, int] = {}
    for i in range(0, len(texts), 500):
        chunk = texts[i : i + 500]
        found.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "pk"))
    missing = [t for t in texts if t not in found]
    if missing:
        SearchTerm.objects.bulk_create(
            [SearchTerm(text=t, display=display[t][:80], length=len(t)) for t in missing],
            ignore_conflicts=True,
            batch_size=1000,
        )
        for i in range(0, len(missing), 500):
            chunk = missing[i : i + 500]
            found.update(SearchTerm.objects.filter(text__in=chunk).values_list("text", "pk"))
    return found


def refresh_frequencies(term_ids: Iterable[int] | None = None) -> None:
    """Recount each term's document frequency (all and public-only)."""
    qs = SearchTerm.objects.all()
    ids = None if term_ids is None else list(set(term_ids))
    counts = {
        "df": SearchPosting.objects.filter(term=OuterRef("pk")),
        "df_public": SearchPosting.objects.filter(term=OuterRef("pk"), is_public=True),
    }
    values = {
        name: Coalesce(
            Subquery(
                sub.values("term").annotate(n=Count("pk")).values("n"), output_field=IntegerField()
            ),
            Value(0),
        )
        for name, sub in counts.items()
    }
    if ids is None:
        qs.update(**values)
        return
    for i in range(0, len(ids), 500):
        qs.filter(pk__in=ids[i : i + 500]).update(**values)


def _write(sources, variants: dict) -> set[int]:
    """Replace the index entries of these publications. Returns the ids of all terms touched."""
    page_ids = [s.page_id for s in sources]
    touched = set(
        SearchPosting.objects.filter(page_id__in=page_ids).values_list("term_id", flat=True)
    )
    SearchPosting.objects.filter(page_id__in=page_ids).delete()
    prepared = []
    all_display: dict[str, str] = {}
    for source in sources:
        fields = source.fields
        weights, display = weigh(fields, variants)
        for term in weights:
            all_display.setdefault(term, display.get(term, term))
        prepared.append((source, fields, weights))
    ids = _term_ids(all_display)
    postings = []
    documents = []
    for source, fields, weights in prepared:
        public = source.is_public
        for term, weight in weights.items():
            postings.append(
                SearchPosting(
                    term_id=ids[term], page_id=source.page_id, weight=weight, is_public=public
                )
            )
        text = "\n".join(
            fields[k] for k in ("summary", "body", "transcript", "files") if fields.get(k)
        )
        documents.append(SearchDocument(page_id=source.page_id, is_public=public, text=text))
    SearchDocument.objects.filter(page_id__in=page_ids).delete()
    SearchDocument.objects.bulk_create(documents, batch_size=1000)
    SearchPosting.objects.bulk_create(postings, batch_size=2000)
    touched.update(ids.values())
    return touched


def index_sources(sources, *, batch_size: int = 500) -> int:
    """The old index_publications: every batch in one transaction, then all frequencies."""
    variants = synonym_variants()
    batch = []
    done = 0
    with transaction.atomic():
        for source in sources:
            batch.append(source)
            if len(batch) >= batch_size:
                _write(batch, variants)
                done += len(batch)
                batch = []
        if batch:
            _write(batch, variants)
            done += len(batch)
        refresh_frequencies()
        SearchTerm.objects.filter(df=0).delete()
    return done


def clear() -> None:
    SearchPosting.objects.all().delete()
    SearchDocument.objects.all().delete()
    SearchTerm.objects.all().delete()


COMPOUND_FACTOR = 0.5
TYPO_FACTOR = 0.9
MIN_COMPOUND_PART = 5
MAX_COMPOUNDS_PER_WORD = 40


@dataclass
class Group:
    """One concept in the query: index terms with the factor each counts for."""

    label: str
    word: str
    terms: dict[str, float] = field(default_factory=dict)
    strong: set[str] = field(default_factory=set)
    highlight: set[str] = field(default_factory=set)
    correction: str | None = None


@dataclass
class ParsedQuery:
    text: str
    groups: list[Group]
    term_ids: dict[str, int]
    idf: dict[str, float]
    suggestion: str | None = None
    highlight_stems: set[str] = field(default_factory=set)
    highlight_parts: set[str] = field(default_factory=set)

    @property
    def usable(self) -> bool:
        return any(self.term_ids.get(t) for g in self.groups for t in g.terms)


def _visible_df(row: dict, members: bool) -> int:
    return row["df"] if members else row["df_public"]


def parse_query(q: str, *, members: bool, documents: int | None = None) -> ParsedQuery:
    """Turn what a person typed into weighted index terms. At most four queries."""
    text = (q or "")[: analysis.MAX_QUERY_CHARS]
    toks = analysis.tokens(text)[:12]
    if not toks:
        return ParsedQuery(text=text, groups=[], term_ids={}, idf={})
    variants = synonym_variants()
    by_synonym: dict[int, list[tuple[str, ...]]] = {}
    for key, synonym_id in variants.items():
        by_synonym.setdefault(synonym_id, []).append(key)
    stem_seq = [s for s, _ in toks]
    groups: list[Group] = []
    covered: set[int] = set()
    for start, end, synonym_id in analysis.find_phrases(stem_seq, variants):
        words = " ".join(w for _, w in toks[start:end])
        group = Group(label=words, word=words)
        key = analysis.synonym_key(synonym_id)
        group.terms[key] = 1.0
        group.strong.add(key)
        for variant in by_synonym.get(synonym_id, []):
            group.highlight.update(variant)
            if len(variant) == 1:
                group.terms.setdefault(variant[0], 1.0)
                group.strong.add(variant[0])
        covered.update(range(start, end))
        groups.append(group)
    seen: set[str] = set()
    for i, (stem, word) in enumerate(toks):
        if i in covered or stem in seen:
            continue
        seen.add(stem)
        group = Group(label=word, word=word, terms={stem: 1.0}, strong={stem}, highlight={stem})
        groups.append(group)

    # Look up every exact term, and compounds that contain a query word.
    exact = {t for g in groups for t in g.terms}
    parts = {
        p
        for g in groups
        if len(g.strong) == 1
        for p in (g.word, *g.strong)
        if len(p) >= MIN_COMPOUND_PART
    }
    lookup = Q(text__in=exact)
    for part in parts:
        lookup |= Q(text__contains=part, length__gte=len(part) + 3)
    rows = list(
        SearchTerm.objects.filter(lookup).values("pk", "text", "display", "df", "df_public")
    )
    by_text = {r["text"]: r for r in rows if _visible_df(r, members) > 0}
    for group in groups:
        if len(group.strong) != 1:
            continue
        group_parts = [p for p in {group.word, *group.strong} if len(p) >= MIN_COMPOUND_PART]
        compounds = sorted(
            (
                r
                for r in by_text.values()
                if r["text"] not in group.terms
                and not r["text"].startswith("~")
                and any(p in r["text"] and len(r["text"]) >= len(p) + 3 for p in group_parts)
            ),
            key=lambda r: -_visible_df(r, members),
        )[:MAX_COMPOUNDS_PER_WORD]
        for r in compounds:
            group.terms[r["text"]] = COMPOUND_FACTOR
            group.highlight.add(r["text"])

    # Typo tolerance: a word the index does not know gets the closest word it does know.
    unknown = [g for g in groups if not any(t in by_text for t in g.terms)]
    suggestion = None
    if unknown:
        fuzzy = Q(pk__in=[])
        for g in unknown:
            stem = next(iter(g.strong))
            if len(stem) < 4 or stem.startswith("~"):
                continue
            fuzzy |= Q(
                text__startswith=stem[0], length__gte=len(stem) - 2, length__lte=len(stem) + 2
            )
        visible = Q(df__gt=0) if members else Q(df_public__gt=0)
        candidates = list(
            SearchTerm.objects.filter(fuzzy, visible).values(
                "pk", "text", "display", "df", "df_public"
            )[:5000]
        )
        replacements: dict[str, str] = {}
        for g in unknown:
            stem = next(iter(g.strong))
            if len(stem) < 4 or stem.startswith("~"):
                continue
            limit = 1 if len(stem) <= 5 else 2
            best = None
            for r in candidates:
                if r["text"][0] != stem[0] or r["text"].startswith("~"):
                    continue
                distance = analysis.edit_distance(stem, r["text"], limit)
                if distance <= limit:
                    rank = (distance, -_visible_df(r, members))
                    if best is None or rank < best[0]:
                        best = (rank, r)
            if best is not None:
                r = best[1]
                by_text[r["text"]] = r
                g.terms[r["text"]] = TYPO_FACTOR
                g.strong.add(r["text"])
                g.highlight.add(r["text"])
                g.correction = r["display"] or r["text"]
                replacements[g.word] = g.correction
        if replacements:
            suggestion = " ".join(replacements.get(w, w) for w in analysis.words(text)[:12])

    if documents is None:
        documents = SearchDocument.objects.filter(
            **({} if members else {"is_public": True})
        ).count()
    idf = {t: math.log(1 + documents / max(1, _visible_df(r, members))) for t, r in by_text.items()}
    term_ids = {t: r["pk"] for t, r in by_text.items()}
    parsed = ParsedQuery(
        text=text, groups=groups, term_ids=term_ids, idf=idf, suggestion=suggestion
    )
    for g in groups:
        parsed.highlight_stems.update(g.highlight)
        parsed.highlight_parts.update(
            p for p in (g.word, *g.strong) if len(p) >= MIN_COMPOUND_PART and not p.startswith("~")
        )
    return parsed


def matching_postings(parsed: ParsedQuery, *, members: bool, page_filter: Q | None = None):
    """Postings of the query's terms in publications this person may see."""
    qs = SearchPosting.objects.filter(term_id__in=list(parsed.term_ids.values()))
    if not members:
        qs = qs.filter(is_public=True)
    if page_filter is not None:
        qs = qs.filter(page_id__in=PublicationPage.objects.filter(page_filter).values("pk"))
    return qs


def ranked_postings(parsed: ParsedQuery, *, members: bool, page_filter: Q | None = None):
    """Publication ids with score, best first, as a queryset of dicts (page_id, rank)."""
    qs = matching_postings(parsed, members=members, page_filter=page_filter)
    score_whens = []
    for g in parsed.groups:
        for term, factor in g.terms.items():
            if term in parsed.term_ids:
                score_whens.append(
                    When(
                        term_id=parsed.term_ids[term],
                        then=F("weight") * Value(parsed.idf[term] * factor),
                    )
                )
    coverage = []
    for g in parsed.groups:
        strong_ids = [parsed.term_ids[t] for t in g.strong if t in parsed.term_ids]
        if strong_ids:
            coverage.append(
                Max(
                    Case(
                        When(term_id__in=strong_ids, then=Value(1)),
                        default=Value(0),
                        output_field=IntegerField(),
                    )
                )
            )
    score = Sum(Case(*score_whens, default=Value(0.0), output_field=FloatField()))
    annotations = {"score": score}
    cover_expr = Value(0, output_field=IntegerField())
    for i, expr in enumerate(coverage):
        annotations[f"c{i}"] = expr
    qs = qs.values("page_id").annotate(**annotations)
    for i in range(len(coverage)):
        cover_expr = cover_expr + F(f"c{i}")
    return qs.annotate(
        rank=Coalesce(F("score"), Value(0.0)) * (Value(1.0) + cover_expr * Value(1.0))
    )


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


def _passes(meta, pk: int, kinds, themes, sectors) -> bool:
    if kinds and meta.kind.get(pk) not in kinds:
        return False
    if themes and not any(t in meta.themes.get(pk, ()) for t in themes):
        return False
    return not (sectors and not any(c in meta.sectors.get(pk, ()) for c in sectors))


def _facets_from_meta(meta, ids, kinds, themes, sectors) -> dict[str, list[FacetValue]]:
    """Facet counts over the matched publications that pass the current filters."""
    if kinds or themes or sectors:
        ids = [pk for pk in ids if _passes(meta, pk, kinds, themes, sectors)]
    kind_counts = Counter(meta.kind[pk] for pk in ids)
    no_values: tuple[str, ...] = ()
    theme_counts = Counter(chain.from_iterable(meta.themes.get(pk, no_values) for pk in ids))
    sector_counts = Counter(chain.from_iterable(meta.sectors.get(pk, no_values) for pk in ids))
    return {
        "soort": [
            FacetValue(k.value, str(k.label), kind_counts[k.value], k.value in kinds)
            for k in Kind
            if kind_counts.get(k.value)
        ],
        "thema": [
            FacetValue(slug, meta.theme_names[slug], n, slug in themes)
            for slug, n in sorted(theme_counts.items(), key=lambda i: meta.theme_names[i[0]])
        ],
        "sector": [
            FacetValue(code, meta.sector_names[code][1], n, code in sectors)
            for code, n in sorted(sector_counts.items(), key=lambda i: meta.sector_names[i[0]])
        ],
    }


def _clean_values(values, allowed) -> list[str]:
    return [v for v in dict.fromkeys(values or []) if v in allowed][:10]


def search_publications(
    members: bool,
    *,
    q: str,
    kinds=(),
    themes=(),
    sectors=(),
    sort: str = "relevantie",
    page_number: int = 1,
    per_page: int = 20,
) -> SearchOutcome:
    """The old selector's search path (a query that has words; the catalogue path without a
    query did not change)."""
    kinds = _clean_values(kinds, set(Kind.values))
    themes = _clean_values(themes, set(Theme.objects.values_list("slug", flat=True)))
    sectors = _clean_values(sectors, set(CareSector.objects.values_list("code", flat=True)))
    sort = sort if sort in ("relevantie", "datum") else "relevantie"
    q = (q or "").strip()[:200]
    meta = index_meta()
    parsed = parse_query(
        q, members=members, documents=meta.documents if members else meta.public_documents
    )
    rows = (
        list(
            ranked_postings(parsed, members=members)
            .order_by("-rank", "page_id")
            .values_list("page_id", "rank")
        )
        if parsed.usable
        else []
    )
    rows = [r for r in rows if r[0] in meta.kind]
    facets = _facets_from_meta(meta, [pk for pk, _ in rows], kinds, themes, sectors)
    rows = [r for r in rows if _passes(meta, r[0], kinds, themes, sectors)]
    if sort == "datum":
        rows.sort(key=lambda r: (meta.published[r[0]], r[1]), reverse=True)
    count = len(rows)
    paginator, page = _paginate(count, page_number, per_page)
    start = (page.number - 1) * per_page
    hits = _hits(parsed, rows[start : start + per_page])
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
    ids = [r[0] for r in rows]
    by_id = {p.pk: p for p in PublicationPage.objects.live().filter(pk__in=ids)}
    texts = dict(SearchDocument.objects.filter(page_id__in=ids).values_list("page_id", "text"))
    hits = []
    for page_id, rank in rows:
        p = by_id.get(page_id)
        if p is None:
            continue
        hits.append(
            Hit(
                page=p,
                score=round(float(rank), 4),
                snippet=snippets.snippet(
                    texts.get(page_id) or p.summary,
                    stems=parsed.highlight_stems,
                    parts=parsed.highlight_parts,
                    fallback=p.summary,
                ),
            )
        )
    return hits
