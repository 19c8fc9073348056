"""Writes to the search index. Everything that changes what search finds comes through here.

Each live publication gets one ``SearchDocument`` (plain text for snippets) and one
``SearchPosting`` per term, weighted by the field it occurs in (title counts most,
attachments least). Synonym groups are indexed as an extra term where any of their
variants occurs, so "RvB" finds "raad van bestuur" and back.
"""

import io
import logging
import math
from collections import defaultdict
from collections.abc import Iterable
from html import unescape

from django.db import transaction
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.html import strip_tags

from ..models import (
    DocumentText,
    PublicationPage,
    SearchDocument,
    SearchPosting,
    SearchTerm,
    Synonym,
)
from . import analysis

logger = logging.getLogger(__name__)

# How much a word counts, per field. Title > summary > taxonomy > body > transcript > files.
FIELD_WEIGHTS = {
    "title": 10.0,
    "summary": 4.0,
    "taxonomy": 3.0,
    "body": 1.5,
    "transcript": 1.0,
    "files": 0.7,
}
MAX_FILE_CHARS = 200_000


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
    """A term as sent to an external engine: synonym keys become plain letters."""
    return f"zsyn{term[1:]}" if term.startswith("~") else term


def normalised(text: str, variants: dict | None = None) -> str:
    """Text after the Dutch pipeline (stems plus synonym keys), for Wagtail's backends."""
    variants = synonym_variants() if variants is None else variants
    toks = analysis.tokens(text or "")
    keys = [
        external_term(analysis.synonym_key(synonym_id))
        for _s, _e, synonym_id in analysis.find_phrases([t for t, _ in toks], variants)
    ]
    return " ".join([t for t, _ in toks] + keys)


def weigh(fields: dict[str, str], variants: dict) -> tuple[dict[str, float], dict[str, str]]:
    """Term → weight (sum over fields of field weight × (1 + ln tf)), and a display word."""
    weights: dict[str, float] = defaultdict(float)
    display: dict[str, str] = {}
    for field, text in fields.items():
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
            weights[term] += FIELD_WEIGHTS[field] * (1 + math.log(tf))
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


def _write(pages: list[PublicationPage], variants: dict) -> set[int]:
    """Replace the index entries of these pages. Returns the ids of all terms touched."""
    page_ids = [p.pk for p in pages]
    touched = set(
        SearchPosting.objects.filter(page_id__in=page_ids).values_list("term_id", flat=True)
    )
    SearchPosting.objects.filter(page_id__in=page_ids).delete()
    prepared = []
    all_display: dict[str, str] = {}
    for page in pages:
        fields = page_fields(page)
        weights, display = weigh(fields, variants)
        for term in weights:
            all_display.setdefault(term, display.get(term, term))
        prepared.append((page, fields, weights))
    ids = _term_ids(all_display)
    postings = []
    for page, fields, weights in prepared:
        public = page.is_public
        for term, weight in weights.items():
            postings.append(
                SearchPosting(term_id=ids[term], page=page, weight=weight, is_public=public)
            )
        text = "\n".join(fields[k] for k in ("summary", "body", "transcript", "files") if fields[k])
        SearchDocument.objects.update_or_create(
            page=page, defaults={"is_public": public, "text": text}
        )
    SearchPosting.objects.bulk_create(postings, batch_size=2000)
    touched.update(ids.values())
    return touched


@transaction.atomic
def index_publication(*, page_id: int) -> None:
    """(Re)index one publication if it is live; remove it from the index otherwise."""
    page = PublicationPage.objects.filter(pk=page_id).first()
    if page is None or not page.live:
        unindex_publication(page_id=page_id)
        return
    touched = _write([page], synonym_variants())
    refresh_frequencies(touched)


@transaction.atomic
def unindex_publication(*, page_id: int | None) -> None:
    if page_id is None:
        return
    touched = list(SearchPosting.objects.filter(page_id=page_id).values_list("term_id", flat=True))
    SearchPosting.objects.filter(page_id=page_id).delete()
    SearchDocument.objects.filter(page_id=page_id).delete()
    refresh_frequencies(touched)


def index_publications(pages: Iterable[PublicationPage], *, batch_size: int = 200) -> int:
    """Index many live publications at once (import, rebuild). Returns how many."""
    variants = synonym_variants()
    batch: list[PublicationPage] = []
    done = 0
    with transaction.atomic():
        for page in pages:
            if not page.live:
                continue
            batch.append(page)
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


def rebuild_index() -> int:
    """Throw the whole index away and build it again from the live publications."""
    with transaction.atomic():
        SearchPosting.objects.all().delete()
        SearchDocument.objects.all().delete()
        SearchTerm.objects.all().delete()
        pages = (
            PublicationPage.objects.live()
            .prefetch_related("themes", "sectors", "files__document")
            .order_by("pk")
        )
        return index_publications(pages.iterator(chunk_size=200))
