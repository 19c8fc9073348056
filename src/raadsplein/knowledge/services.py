"""Writes of the Kenniscentrum: publishing publications, importing them, synonyms."""

import datetime
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import markdown
import nh3
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from raadsplein.organisations.models import CareSector

from . import taxonomy
from .models import (
    RESERVED_SLUGS,
    Audience,
    Kind,
    KnowledgeIndexPage,
    PublicationFile,
    PublicationPage,
    Synonym,
    Theme,
)
from .search import indexing
from .signals import indexing_paused

ALLOWED_TAGS = {"p", "a", "strong", "em", "b", "i", "ul", "ol", "li", "h3", "br"}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
COLLECTION_NAME = "Kennisbank"


def knowledge_index() -> KnowledgeIndexPage:
    """The folder page at /kennisbank/, created under the site root if missing."""
    from wagtail.models import Site

    index = KnowledgeIndexPage.objects.first()
    if index is not None:
        return index
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page if site else None
    if root is None:
        raise RuntimeError("No Wagtail site: run migrate first.")
    index = KnowledgeIndexPage(
        title="Kennisbank",
        slug="kennisbank",
        intro="<p>Brochures, handreikingen, checklists, modelbrieven en opnames voor "
        "cliëntenraden.</p>",
    )
    root.add_child(instance=index)
    index.save_revision().publish()
    return index


def markdown_to_blocks(text: str) -> list[tuple[str, str]]:
    """Markdown → StreamField blocks: '## ' lines become headings, the rest rich text."""
    blocks: list[tuple[str, str]] = []
    chunk: list[str] = []

    def flush():
        source = "\n".join(chunk).strip()
        if source:
            html = markdown.markdown(source)
            html = html.replace("<h4>", "<h3>").replace("</h4>", "</h3>")
            blocks.append(("paragraph", nh3.clean(html, tags=ALLOWED_TAGS)))
        chunk.clear()

    for line in (text or "").splitlines():
        if line.startswith("## ") or line.startswith("# "):
            flush()
            blocks.append(("heading", line.lstrip("#").strip()[:200]))
        else:
            chunk.append(line)
    flush()
    return blocks


def _collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def attach_file(*, page: PublicationPage, name: str, content: bytes, label: str = "") -> None:
    """Attach (or replace, by file name) a file on a publication. Idempotent by content."""
    Document = get_document_model()
    digest = hashlib.sha1(content).hexdigest()  # noqa: S324 - a content fingerprint
    existing = next((f for f in page.files.all() if f.document.title == name), None)
    if existing is not None:
        if existing.document.file_hash == digest:
            return
        existing.document.file.save(name, ContentFile(content), save=False)
        existing.document.file_hash = digest
        existing.document.save()
        return
    document = Document(title=name, collection=_collection(), file_hash=digest)
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    page.files.add(PublicationFile(document=document, label=label))


@dataclass
class PublicationData:
    slug: str
    title: str
    summary: str
    body: str
    kind: str
    themes: list[str]
    sectors: list[str]
    audience: str
    published: datetime.date
    files: list[Path] = field(default_factory=list)
    teaser: bool = False
    transcript: str = ""
    reviewed: datetime.date | None = None


def themes_by_name(names: list[str]) -> list[Theme]:
    """Themes with these names; new names are created. An older name of a merged theme
    ("Leden werven") gives the theme that replaced it (knowledge/taxonomy.py)."""
    themes = []
    for name in names:
        name = taxonomy.canonical_name(name.strip())[:80]
        theme = Theme.objects.filter(name__iexact=name).first()
        if theme is None:
            slug = slugify(name)[:80] or "thema"
            base, n = slug, 2
            while Theme.objects.filter(slug=slug).exists():
                slug = f"{base}-{n}"[:80]
                n += 1
            theme = Theme.objects.create(name=name, slug=slug)
        themes.append(theme)
    return themes


@transaction.atomic
def save_publication(*, data: PublicationData, file_contents: dict[str, bytes] | None = None):
    """Create or update the publication with this slug and publish it. Idempotent by slug.

    Returns (page, created). The caller indexes (the signal queues indexing otherwise)."""
    index = knowledge_index()
    page = PublicationPage.objects.filter(slug=data.slug).first()
    created = page is None
    if created:
        page = PublicationPage(slug=data.slug)
    page.title = data.title
    page.summary = data.summary
    page.body = markdown_to_blocks(data.body)
    page.kind = data.kind
    page.audience = data.audience
    page.teaser = data.teaser
    page.published_on = data.published
    page.reviewed_on = data.reviewed
    page.transcript = data.transcript
    if created:
        index.add_child(instance=page)
    page.themes.set(themes_by_name(data.themes))
    page.sectors.set(CareSector.objects.filter(code__in=data.sectors))
    contents = dict(file_contents or {})
    for path in data.files:
        contents.setdefault(path.name, path.read_bytes())
    for name, content in contents.items():
        attach_file(page=page, name=name, content=content)
    page.save_revision().publish()
    return PublicationPage.objects.get(pk=page.pk), created


@dataclass
class LineError:
    line: int
    reason: str


REQUIRED = ("slug", "title", "summary", "body", "kind", "audience", "published")


def parse_import_line(raw: str, *, base_dir: Path, sectors: set[str]) -> PublicationData:
    """Validate one JSONL line; raises ValueError with a Dutch reason."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise ValueError(f"geen geldige JSON ({exc.msg})") from None
    if not isinstance(obj, dict):
        raise ValueError("verwacht een JSON-object")
    missing = [k for k in REQUIRED if not obj.get(k)]
    if missing:
        raise ValueError("ontbrekende velden: " + ", ".join(missing))
    for key in ("slug", "title", "summary", "body", "kind", "audience", "published"):
        if not isinstance(obj[key], str):
            raise ValueError(f"veld '{key}' moet tekst zijn")
    slug = obj["slug"]
    if not _SLUG.match(slug) or len(slug) > 200:
        raise ValueError(f"ongeldige slug '{slug[:60]}'")
    if slug in RESERVED_SLUGS:
        raise ValueError(f"slug '{slug}' is gereserveerd")
    if len(obj["title"]) > 255:
        raise ValueError("titel is langer dan 255 tekens")
    if len(obj["summary"]) > 600:
        raise ValueError("samenvatting is langer dan 600 tekens")
    if obj["kind"] not in Kind.values:
        raise ValueError(f"onbekende soort '{obj['kind'][:40]}'")
    if obj["audience"] not in Audience.values:
        raise ValueError(f"onbekend publiek '{obj['audience'][:40]}' (public of members)")
    try:
        published = datetime.date.fromisoformat(obj["published"])
    except ValueError:
        raise ValueError(f"ongeldige datum '{obj['published'][:40]}'") from None
    themes = obj.get("themes") or []
    codes = obj.get("sectors") or []
    files = obj.get("files") or []
    for key, value in (("themes", themes), ("sectors", codes), ("files", files)):
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise ValueError(f"veld '{key}' moet een lijst met tekst zijn")
    unknown = [c for c in codes if c not in sectors]
    if unknown:
        raise ValueError("onbekende sector: " + ", ".join(unknown))
    paths = []
    for name in files:
        path = Path(name)
        if not path.is_absolute():
            path = base_dir / path
        if not path.is_file():
            raise ValueError(f"bestand niet gevonden: {name}")
        paths.append(path)
    return PublicationData(
        slug=slug,
        title=obj["title"].strip(),
        summary=obj["summary"].strip(),
        body=obj["body"],
        kind=obj["kind"],
        themes=[t for t in themes if t.strip()],
        sectors=codes,
        audience=obj["audience"],
        published=published,
        files=paths,
        teaser=bool(obj.get("teaser", False)),
        transcript=str(obj.get("transcript") or ""),
    )


def validate_import(
    lines: list[str], *, base_dir: Path
) -> tuple[list[PublicationData], list[LineError]]:
    sectors = set(CareSector.objects.values_list("code", flat=True))
    parsed, errors, seen = [], [], {}
    for number, raw in enumerate(lines, 1):
        if not raw.strip():
            continue
        try:
            data = parse_import_line(raw, base_dir=base_dir, sectors=sectors)
        except ValueError as exc:
            errors.append(LineError(number, str(exc)))
            continue
        if data.slug in seen:
            errors.append(
                LineError(number, f"slug '{data.slug}' staat ook op regel {seen[data.slug]}")
            )
            continue
        seen[data.slug] = number
        parsed.append(data)
    return parsed, errors


def import_publications(items: list[PublicationData], *, progress=None) -> tuple[int, int]:
    """Save all (already validated) publications in one transaction, then index them
    synchronously so they are searchable when this returns. Returns (created, updated)."""
    created = updated = 0
    pages = []
    with transaction.atomic(), indexing_paused():
        for data in items:
            page, was_created = save_publication(data=data)
            pages.append(page.pk)
            created += was_created
            updated += not was_created
            if progress is not None:
                progress(1)
        queryset = PublicationPage.objects.filter(pk__in=pages).prefetch_related(
            "themes", "sectors", "files__document"
        )
        indexing.index_publications(queryset.iterator(chunk_size=200))
    return created, updated


@transaction.atomic
def save_synonym(*, name: str, variants: list[str]) -> Synonym:
    synonym, _ = Synonym.objects.update_or_create(
        name=name, defaults={"variants": "\n".join(variants)}
    )
    return synonym


@transaction.atomic
def link_related_by_theme(*, page_ids: list[int], per_page: int = 3) -> None:
    """Fill empty 'zie ook' lists with publications that share a theme (demo and import)."""
    pages = list(
        PublicationPage.objects.filter(pk__in=page_ids).prefetch_related("themes", "related")
    )
    by_theme: dict[int, list[int]] = {}
    for page in pages:
        for theme in page.themes.all():
            by_theme.setdefault(theme.pk, []).append(page.pk)
    through = PublicationPage.related.through
    rows = []
    for page in pages:
        if page.related.all():
            continue
        picks: list[int] = []
        for theme in page.themes.all():
            for other in by_theme[theme.pk]:
                if other != page.pk and other not in picks:
                    picks.append(other)
        rows += [
            through(from_publicationpage_id=page.pk, to_publicationpage_id=o)
            for o in picks[:per_page]
        ]
    through.objects.bulk_create(rows, ignore_conflicts=True)
