"""The demo Kenniscentrum: about 60 publications written for Raadsplein, some with a PDF
or Word file generated here. Idempotent: a second run updates, never duplicates."""

import datetime
import io

from django.utils import timezone

from raadsplein.knowledge import services
from raadsplein.knowledge.demo_data import publications_a, publications_b
from raadsplein.knowledge.search import indexing
from raadsplein.knowledge.signals import indexing_paused

# Words that appear only in the generated files, so search over file text can be shown.
FILE_EXTRAS = {
    "checklist-medezeggenschapsregeling": "Invulblad: rooster van aftreden en zittingstermijnen "
    "van alle leden, met een kolom voor herbenoeming.",
    "model-medezeggenschapsregeling": "Artikel 12. Het rooster van vergaderingen wordt elk jaar "
    "in december vastgesteld.",
    "bouwstenen-ver-en-nieuwbouw": "Werkblad: loop met een rolstoel door de gang en noteer waar "
    "drempels en zware deuren zijn.",
    "basisinformatie-wmcz": "Dit is een demoversie van de brochure, gemaakt voor Raadsplein.",
    "werven-en-behouden-van-leden": "Voorbeeld wervingsposter: Wij zoeken u! Denk mee over de zorg "
    "in uw wijk.",
    "huishoudboekje-van-de-instelling": "Woordenlijst: solvabiliteit, liquiditeit, "
    "exploitatieresultaat en afschrijvingen in gewone woorden.",
}


def all_items() -> list[dict]:
    return [*publications_a.P, *publications_b.P]


def _pdf(item: dict) -> bytes:
    import markdown
    import nh3
    from django.utils.html import escape
    from weasyprint import HTML

    # The demo bodies are Markdown: render headings and lists, never show "##" in the PDF.
    body = nh3.clean(markdown.markdown(item["body"]))
    extra = FILE_EXTRAS.get(item["slug"], "")
    html = (
        "<html lang='nl'><head><meta charset='utf-8'><style>body{font-family:sans-serif;"
        "font-size:11pt}</style></head><body>"
        f"<h1>{escape(item['title'])}</h1><p><em>{escape(item['summary'])}</em></p>{body}"
        f"<p>{escape(extra)}</p><p>Raadsplein demo</p></body></html>"
    )
    return HTML(string=html).write_pdf()


def _docx(item: dict) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(item["title"], level=1)
    document.add_paragraph(item["summary"])
    document.add_paragraph(
        "Voorbeeldbrief. Geachte bestuurder, hierbij ontvangt u het advies van de cliëntenraad. "
        "Wij vragen u om een ontvangstbevestiging en een schriftelijke reactie binnen vier weken."
    )
    document.add_paragraph("Raadsplein demo")
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
