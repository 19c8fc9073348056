"""Writes to the search index. Everything that changes what search finds comes through here.

Each live publication gets one ``SearchDocument`` row: its fields after the Dutch pipeline
(stems, plus a synonym key ``zsyn<id>`` where a synonym variant occurs, so "RvB" finds
"raad van bestuur" and back), and its plain text for snippets. The database indexes those
columns itself (PostgreSQL tsvector + GIN, SQLite FTS5; see models.SearchDocument), so this
module writes one row per publication and never a row per term.

``SearchTerm`` is the vocabulary: each term's document frequency over all live publications
and over public ones, kept by adding the difference between a publication's old and new
terms (so indexing the same publication twice changes nothing). Query parsing uses it for
idf, compounds and typo suggestions.
"""

import io
import logging
import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from html import unescape

from django.db import connection, transaction
from django.utils import timezone
from django.utils.html import strip_tags

from ..models import DocumentText, PublicationPage, SearchDocument, SearchTerm, Synonym
from . import analysis

logger = logging.getLogger(__name__)

# How much a word counts, per field. Title > summary > taxonomy > body > transcript > files.
# PostgreSQL has four weight classes (A–D): title A, summary and taxonomy B, body and
# transcript C, files D (engine.PG_WEIGHTS); SQLite uses these numbers as they are.
FIELD_WEIGHTS = {
    "title": 10.0,
    "summary": 4.0,
    "taxonomy": 3.0,
    "body": 1.5,
    "transcript": 1.0,
    "files": 0.7,
}
FIELDS = tuple(FIELD_WEIGHTS)
MAX_FILE_CHARS = 200_000
# The vocabulary row that counts the documents themselves (for idf): every document has it.
DOCUMENTS_TERM = ""
SYNONYM_PREFIX = "zsyn"


def synonym_variants() -> dict[tuple[str, ...], int]:
    """Every synonym variant as a tuple of stems → the id of its group."""
    variants: dict[tuple[str, ...], int] = {}
    for synonym in Synonym.objects.all():
        for variant in synonym.variant_list():
            key = tuple(analysis.stems(variant))
            if key:
                variants.setdefault(key, synonym.pk)
    return variants


def body_text(page: PublicationPage) -> str:
    parts: list[str] = []
    for block in page.body:
        value = block.value
        if block.block_type == "paragraph":
            parts.append(unescape(strip_tags(value.source)))
        elif block.block_type == "checklist":
            parts.extend(str(item) for item in value)
        elif block.block_type == "tip":
            parts.extend([value.get("title") or "", value.get("text") or ""])
        else:
            parts.append(str(value))
    return "\n".join(p for p in parts if p)


def extract_document_text(document) -> str:
    """Plain text of a PDF or DOCX document; cached per file version in DocumentText."""
    cached = DocumentText.objects.filter(document=document).first()
    file_hash = getattr(document, "file_hash", "") or ""
    if cached is not None and cached.file_hash == file_hash and file_hash:
        return cached.text
    text = ""
    name = (document.file.name or "").lower()
    try:
        with document.file.open("rb") as handle:
            data = handle.read()
        if name.endswith(".pdf"):
            from pypdf import PdfReader

            reader = PdfReader(io.BytesIO(data))
            text = "\n".join((p.extract_text() or "") for p in reader.pages)
        elif name.endswith(".docx"):
            import docx

            parsed = docx.Document(io.BytesIO(data))
            text = "\n".join(p.text for p in parsed.paragraphs)
    except Exception:  # a broken file must not stop indexing the publication
        logger.warning("Could not read text from document %s", document.pk, exc_info=True)
        text = ""
    text = text[:MAX_FILE_CHARS]
    DocumentText.objects.update_or_create(
        document=document, defaults={"file_hash": file_hash, "text": text}
    )
    return text


def page_fields(page: PublicationPage) -> dict[str, str]:
    taxonomy = [page.get_kind_display()]
    taxonomy += [t.name for t in page.themes.all()]
    taxonomy += [s.name for s in page.sectors.all()]
    files = [extract_document_text(f.document) for f in page.files.all()]
    return {
        "title": page.title,
        "summary": page.summary,
        "taxonomy": " ".join(taxonomy),
        "body": body_text(page),
        "transcript": page.transcript,
        "files": "\n".join(files),
    }


def external_term(term: str) -> str:
    """A term as the full-text engines see it: synonym keys ``~12`` become ``zsyn12``."""
    return f"{SYNONYM_PREFIX}{term[1:]}" if term.startswith("~") else term


def internal_term(token: str) -> str:
    """The reverse of external_term, for tokens read back from a stored document."""
    if token.startswith(SYNONYM_PREFIX) and token[len(SYNONYM_PREFIX) :].isdigit():
        return f"~{token[len(SYNONYM_PREFIX) :]}"
    return token


def normalised(text: str, variants: dict | None = None) -> str:
    """Text after the Dutch pipeline (stems plus synonym keys), for Wagtail's backends."""
    variants = synonym_variants() if variants is None else variants
    toks = analysis.tokens(text or "")
    keys = [
        external_term(analysis.synonym_key(synonym_id))
        for _s, _e, synonym_id in analysis.find_phrases([t for t, _ in toks], variants)
    ]
    return " ".join([t for t, _ in toks] + keys)


def _repeat(tf: int) -> int:
    """How often a term is stored for a field: 1 + ln(tf), rounded (1, 2, 2, 2, 3, …)."""
    return 1 + int(math.log(tf) + 0.5)


def bag(text: str, variants: dict, display: dict[str, str]) -> str:
    """One field as stored: each term (first occurrence order) repeated 1 + ln(tf) times.

    The engines rank by how often a term occurs per field (ts_rank_cd on PostgreSQL, term
    instances on SQLite), so this gives the weight field × (1 + ln tf) of the old engine
    while keeping the stored text short whatever the length of the publication."""
    if not text:
        return ""
    toks = analysis.tokens(text)
    counts: Counter[str] = Counter()
    for term, word in toks:
        counts[term] += 1
        display.setdefault(term, word)
    for _start, _end, synonym_id in analysis.find_phrases([t for t, _ in toks], variants):
        counts[analysis.synonym_key(synonym_id)] += 1
    out: list[str] = []
    for term, tf in counts.items():
        out.extend([external_term(term)] * _repeat(tf))
    return " ".join(out)


def stored_terms(row: dict | SearchDocument) -> set[str]:
    """The distinct terms of a stored document (vocabulary form, ``~12`` for synonyms)."""
    get = row.get if isinstance(row, dict) else lambda name: getattr(row, name)
    terms: set[str] = set()
    for name in FIELDS:
        terms.update(internal_term(t) for t in (get(name) or "").split())
    return terms


@dataclass
class Source:
    """What is indexed of one live publication (from a page, or generated by the bench)."""

    page_id: int
    is_public: bool
    kind: str
    published_on: object
    fields: dict[str, str]
    themes: list[str] = field(default_factory=list)  # slugs
    sectors: list[str] = field(default_factory=list)  # codes


def source_for(page: PublicationPage) -> Source:
    return Source(
        page_id=page.pk,
        is_public=page.is_public,
        kind=page.kind,
        published_on=page.published_on,
        fields=page_fields(page),
        themes=sorted(t.slug for t in page.themes.all()),
        sectors=sorted(s.code for s in page.sectors.all()),
    )


def _apply_deltas(deltas: dict[str, list[int]], display: dict[str, str]) -> None:
    """Add (df, df_public) differences to the vocabulary, creating terms that are new."""
    changed = {t: d for t, d in deltas.items() if d[0] or d[1]}
    if not changed:
        return
    new = [t for t, d in changed.items() if d[0] > 0]
    for i in range(0, len(new), 2000):
        SearchTerm.objects.bulk_create(
            [
                SearchTerm(text=t, display=(display.get(t) or t)[:80], length=len(t))
                for t in new[i : i + 2000]
            ],
            ignore_conflicts=True,
        )
    table = connection.ops.quote_name(SearchTerm._meta.db_table)
    items = sorted(changed.items())  # one order for every writer: no deadlocks between them
    with connection.cursor() as cursor:
        for i in range(0, len(items), 3000):
            chunk = items[i : i + 3000]
            values = ", ".join(["(%s, %s, %s)"] * len(chunk))
            params = [p for t, (d, dp) in chunk for p in (t, d, dp)]
            # WITH … UPDATE … FROM works on PostgreSQL and SQLite ≥ 3.33 alike.
            cursor.execute(
                f"WITH v(t, d, dp) AS (VALUES {values}) "  # noqa: S608 - our table name
                f"UPDATE {table} SET df = {table}.df + v.d, "
                f"df_public = {table}.df_public + v.dp FROM v WHERE {table}.text = v.t",
                params,
            )
    gone = [t for t, d in changed.items() if d[0] < 0]
    for i in range(0, len(gone), 2000):
        SearchTerm.objects.filter(text__in=gone[i : i + 2000], df=0).delete()


def _write(sources: list[Source], variants: dict, deltas=None, display=None) -> None:
    """Replace the index rows of these publications and bring the vocabulary up to date
    (or, with ``deltas``/``display`` given, add the vocabulary's changes to those)."""
    apply = deltas is None
    page_ids = [s.page_id for s in sources]
    old_rows = {
        row["page_id"]: row
        for row in SearchDocument.objects.select_for_update()
        .filter(page_id__in=page_ids)
        .values("pk", "page_id", "is_public", *FIELDS)
    }
    if apply:
        deltas, display = defaultdict(lambda: [0, 0]), {}
    creates, updates = [], []
    now = timezone.now()
    for source in sources:
        stored = {name: bag(source.fields.get(name) or "", variants, display) for name in FIELDS}
        new_terms = stored_terms(stored) | {DOCUMENTS_TERM}
        old = old_rows.get(source.page_id)
        old_terms = stored_terms(old) | {DOCUMENTS_TERM} if old else set()
        old_public = bool(old and old["is_public"])
        for term in new_terms | old_terms:
            was, has = term in old_terms, term in new_terms
            deltas[term][0] += has - was
            deltas[term][1] += (has and source.is_public) - (was and old_public)
        text = "\n".join(
            source.fields[k]
            for k in ("summary", "body", "transcript", "files")
            if source.fields.get(k)
        )
        document = SearchDocument(
            page_id=source.page_id,
            is_public=source.is_public,
            kind=source.kind,
            published_on=source.published_on,
            themes=list(source.themes),
            sectors=list(source.sectors),
            text=text,
            indexed_at=now,
            **stored,
        )
        if old:
            document.pk = old["pk"]
            updates.append(document)
        else:
            creates.append(document)
    SearchDocument.objects.bulk_create(creates, batch_size=500)
    if updates:
        SearchDocument.objects.bulk_update(
            updates,
            [
                *("is_public", "kind", "published_on", "themes", "sectors", "text"),
                *("indexed_at", *FIELDS),
            ],
            batch_size=200,
        )
    if apply:
        _apply_deltas(deltas, display)


def _remove(page_ids: list[int]) -> None:
    rows = list(
        SearchDocument.objects.select_for_update()
        .filter(page_id__in=page_ids)
        .values("pk", "is_public", *FIELDS)
    )
    if not rows:
        return
    deltas: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for row in rows:
        for term in stored_terms(row) | {DOCUMENTS_TERM}:
            deltas[term][0] -= 1
            deltas[term][1] -= 1 if row["is_public"] else 0
    SearchDocument.objects.filter(pk__in=[r["pk"] for r in rows]).delete()
    _apply_deltas(deltas, {})


def _pages(page_ids: Iterable[int]):
    return (
        PublicationPage.objects.filter(pk__in=list(page_ids))
        .prefetch_related("themes", "sectors", "files__document")
        .order_by("pk")
    )


@transaction.atomic
def index_publication(*, page_id: int) -> None:
    """(Re)index one publication if it is live; remove it from the index otherwise."""
    page = PublicationPage.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        _remove([page_id])
        return
    _write([source_for(page)], synonym_variants())


@transaction.atomic
def unindex_publication(*, page_id: int | None) -> None:
    if page_id is None:
        return
    _remove([page_id])


def index_sources(
    sources: Iterable[Source], *, batch_size: int = 500, per_transaction: int = 10
) -> int:
    """Index many publications given as Sources (import, rebuild, the bench). Rows are
    written per batch; the vocabulary's counts are added up over ``per_transaction``
    batches and written with them in one transaction, so a common word's row is updated
    once per few thousand publications, and a crash leaves no half-counted batch."""
    variants = synonym_variants()
    done = 0
    batches: list[list[Source]] = []
    batch: list[Source] = []

    def flush() -> None:
        nonlocal done
        deltas: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        display: dict[str, str] = {}
        with transaction.atomic():
            for chunk in batches:
                _write(chunk, variants, deltas, display)
                done += len(chunk)
            _apply_deltas(deltas, display)
        batches.clear()

    for source in sources:
        batch.append(source)
        if len(batch) >= batch_size:
            batches.append(batch)
            batch = []
            if len(batches) >= per_transaction:
                flush()
    if batch:
        batches.append(batch)
    if batches:
        flush()
    return done


def index_publications(pages: Iterable[PublicationPage], *, batch_size: int = 200) -> int:
    """Index many live publications at once (import, rebuild). Returns how many."""
    return index_sources((source_for(p) for p in pages if p.live), batch_size=batch_size)


def reindex_publications(page_ids: Iterable[int], *, batch_size: int = 200) -> int:
    """Index these publications again as they are now, in batches (one transaction each);
    those no longer live leave the index. Safe to run twice."""
    ids = sorted(set(page_ids))
    done = 0
    for i in range(0, len(ids), batch_size):
        chunk = ids[i : i + batch_size]
        with transaction.atomic():
            pages = list(_pages(chunk).filter(live=True))
            live = {p.pk for p in pages}
            _remove([pk for pk in chunk if pk not in live])
            if pages:
                _write([source_for(p) for p in pages], synonym_variants())
        done += len(pages)
    return done


def documents_containing(phrases: Iterable[tuple[str, ...]]) -> set[int]:
    """Ids of the indexed publications that contain all terms of any of these phrases."""
    from . import engine

    return engine.pages_with_all_terms([tuple(external_term(t) for t in p) for p in phrases])


def pages_touched_by_synonym(synonym_id: int, variants: list[str]) -> set[int]:
    """Publications whose index changes when this synonym group changes: those that carry
    its key now, and those that contain one of its (new) variants."""
    phrases = [(analysis.synonym_key(synonym_id),)]
    phrases += [tuple(analysis.stems(v)) for v in variants]
    return documents_containing([p for p in phrases if p])


def pages_with_theme(theme_id: int) -> set[int]:
    through = PublicationPage.themes.through
    return set(
        through.objects.filter(theme_id=theme_id).values_list("publicationpage_id", flat=True)
    )


def rebuild_index() -> int:
    """Throw the whole index away and build it again from the live publications (one
    transaction: search keeps answering from the old index until it is done)."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        pages = (
            PublicationPage.objects.live()
            .prefetch_related("themes", "sectors", "files__document")
            .order_by("pk")
        )
        return index_publications(pages.iterator(chunk_size=200))
