"""The demo Kenniscentrum: about 60 publications written for Raadsplein
(data/publications/*.md), some with a PDF or Word file generated here. Idempotent: a second
run updates, never duplicates."""

import datetime
import io

from django.utils import timezone

from raadsplein.knowledge import services
from raadsplein.knowledge.search import indexing
from raadsplein.knowledge.signals import indexing_paused

from . import content


def all_items() -> list[dict]:
    """The demo publications (data/publications/*.md): their fields and Markdown body."""
    return content.load_markdown_folder("publications")


def _pdf(item: dict) -> bytes:
    import markdown
    import nh3
    from django.utils.html import escape
    from weasyprint import HTML

    # The demo bodies are Markdown: render headings and lists, never show "##" in the PDF.
    body = nh3.clean(markdown.markdown(item["body"]))
    extra = item.get("file_text", "")
    footer = content.load_yaml("knowledge.yaml")["file_footer"]
    html = (
        "<html lang='nl'><head><meta charset='utf-8'><style>body{font-family:sans-serif;"
        "font-size:11pt}</style></head><body>"
        f"<h1>{escape(item['title'])}</h1><p><em>{escape(item['summary'])}</em></p>{body}"
        f"<p>{escape(extra)}</p><p>{escape(footer)}</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def _docx(item: dict) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(item["title"], level=1)
    document.add_paragraph(item["summary"])
    texts = content.load_yaml("knowledge.yaml")
    document.add_paragraph(texts["docx_letter"])
    document.add_paragraph(texts["file_footer"])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def build(*, log) -> None:
    from raadsplein.knowledge.models import PublicationPage

    today = timezone.localdate()
    items = all_items()
    existing = {p.slug: p for p in PublicationPage.objects.prefetch_related("files__document")}
    pks = []
    with indexing_paused():
        for n, item in enumerate(items):
            files: dict[str, bytes] = {}
            page = existing.get(item["slug"])
            has_files = page is not None and any(True for _ in page.files.all())
            if not has_files:
                if item.get("pdf"):
                    files[f"{item['slug']}.pdf"] = _pdf(item)
                if item.get("docx"):
                    files[f"{item['slug']}.docx"] = _docx(item)
            published = today - datetime.timedelta(days=7 + n * 23)
            data = services.PublicationData(
                slug=item["slug"],
                title=item["title"],
                summary=item["summary"],
                body=item["body"],
                kind=item["kind"],
                themes=item.get("themes", []),
                sectors=item.get("sectors", []),
                audience=item["audience"],
                published=published,
                teaser=item.get("teaser", False),
                transcript=item.get("transcript", ""),
                reviewed=published + datetime.timedelta(days=180)
                if published + datetime.timedelta(days=180) < today
                else None,
            )
            page, _created = services.save_publication(data=data, file_contents=files)
            pks.append(page.pk)
    services.link_related_by_theme(page_ids=pks)
    count = indexing.rebuild_index()
    log(f"kennisbank: {len(items)} publicaties, {count} in de zoekindex")
