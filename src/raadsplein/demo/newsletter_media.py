"""Demo podcast and magazine (issue 14, part 9): six episodes with transcripts written for the
demo (data/podcast.yaml) and eight quarterly issues of Zorg & Zeggenschap of 2025 and 2026
(data/magazine/magazine.yaml), each with a PDF and three or four articles that are also
publications of kind "artikel" in the kennisbank, indexed for its search.

The files are honestly demo: each episode's audio is a few seconds of silence (valid MPEG-1
Layer III frames), the PDF of an issue a cover page and the list of its articles (made with
WeasyPrint by data/magazine/make_pdfs.py and kept beside the YAML, so a build renders none).
Made once: a second run finds every page by its slug and changes nothing.
"""

import datetime

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import escape
from wagtail.documents import get_document_model
from wagtail.models import Site

from raadsplein.knowledge import services as knowledge
from raadsplein.knowledge.models import Audience, Kind, PublicationPage
from raadsplein.knowledge.search import indexing
from raadsplein.knowledge.signals import indexing_paused
from raadsplein.newsletter.magazine_models import (
    MagazineArticle,
    MagazineIndexPage,
    MagazineIssuePage,
)
from raadsplein.newsletter.podcast_models import PodcastEpisodePage, PodcastIndexPage

from . import content

# One silent frame: MPEG-1 Layer III, 32 kbit/s, 48 kHz, mono; 96 bytes = 1152 samples (24 ms).
# Header FF FB 14 C4, then side information and main data all zero: a decoder plays silence.
_SILENT_FRAME = bytes([0xFF, 0xFB, 0x14, 0xC4]) + bytes(92)
_FRAME_SECONDS = 1152 / 48000


def silent_mp3(seconds: float) -> bytes:
    """``seconds`` of silence as a valid MP3 (mutagen reads its duration)."""
    return _SILENT_FRAME * max(1, round(seconds / _FRAME_SECONDS))


def _document(title: str, filename: str, data: bytes):
    Document = get_document_model()
    existing = Document.objects.filter(title=title).first()
    if existing is not None:
        return existing
    document = Document(title=title, collection=knowledge._collection(), file_size=len(data))
    document.file.save(filename, ContentFile(data), save=False)
    document.save()
    return document


def _cover(title: str):
    """A plain square cover (1400 px, what podcast apps ask at least), made once."""
    import io

    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images import get_image_model

    Image = get_image_model()
    existing = Image.objects.filter(title=title).first()
    if existing is not None:
        return existing
    picture = PILImage.new("RGB", (1400, 1400), (18, 74, 130))
    ImageDraw.Draw(picture).rectangle((200, 560, 1200, 840), fill=(250, 250, 250))
    out = io.BytesIO()
    picture.save(out, format="PNG")
    image = Image(
        title=title,
        collection=knowledge._collection(),
        file=ImageFile(out, name="demo-podcast-omslag.png"),
    )
    image.save()
    return image


def _home():
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise RuntimeError("No Wagtail site: run migrate first.")
    return site.root_page


def _add_live(parent, page) -> None:
    """Add ``page`` under ``parent`` as a live page (validated by Wagtail's save). No revision
    and no publish pipeline: that costs about a hundred queries a page and the demo adds 41;
    the first edit in the admin makes the first revision."""
    now = timezone.now()
    page.live = True
    page.first_published_at = page.last_published_at = now
    parent.add_child(instance=page)


# --- podcast ---------------------------------------------------------------------------------


def _podcast(data: dict, log) -> int:
    show = data["show"]
    index = PodcastIndexPage.objects.filter(slug=show["slug"]).first()
    if index is None:
        index = PodcastIndexPage(
            title=show["title"],
            slug=show["slug"],
            description=show["description"],
            author=show["author"],
            owner_name=show["owner_name"],
            owner_email=show["owner_email"],
            category=show["category"],
            cover_image=_cover(show["cover_title"]),
            cover_alt=show["cover_alt"],
        )
        _add_live(_home(), index)
    existing = set(PodcastEpisodePage.objects.child_of(index).values_list("slug", flat=True))
    today = timezone.localdate()
    made = 0
    for number, item in enumerate(data["episodes"], 1):
        if item["slug"] in existing:
            continue
        audio = _document(
            f"Demo-audio aflevering {number}", f"{item['slug']}.mp3", silent_mp3(item["seconds"])
        )
        episode = PodcastEpisodePage(
            title=item["title"],
            slug=item["slug"],
            audio=audio,
            transcript=item["transcript"].strip(),
            show_notes=_notes_html(item["notes"], data["audio_label"]),
            episode_number=number,
            published_on=today - datetime.timedelta(days=14 * (len(data["episodes"]) - number) + 3),
        )
        _add_live(index, episode)
        made += 1
    return made


def _notes_html(paragraphs: list[str], label: str) -> str:
    return "".join(f"<p>{escape(p)}</p>" for p in [*paragraphs, label])


# --- magazine --------------------------------------------------------------------------------


MAGAZINE = content.DATA_DIR / "magazine"


def issue_layouts(data: dict) -> list[dict]:
    """Each issue of magazine.yaml with its number, season label and its articles' pages."""
    layouts = []
    for offset, item in enumerate(data["issues"]):
        number = data["first_number"] + offset
        page_no, articles = 3, []
        for article in item["articles"]:
            last = page_no + article.get("length", 4) - 1
            articles.append(
                {
                    **article,
                    "first_page": page_no,
                    "last_page": last,
                    "pages_label": f"blz. {page_no}–{last}",
                }
            )
            page_no = last + 2
        season_label = f"{item['season'].capitalize()} {item['year']}"
        layouts.append(
            {**item, "number": number, "season_label": season_label, "articles": articles}
        )
    return layouts


def pdf_path(number: int):
    return MAGAZINE / f"zorg-en-zeggenschap-{number}.pdf"


def make_pdfs() -> list:
    """Write the demo issues' PDFs beside magazine.yaml (``make_pdfs.py``; they are kept in
    the repository so that building the demo world renders none)."""
    data = content.load_yaml("magazine/magazine.yaml")
    paths = []
    for issue in issue_layouts(data):
        path = pdf_path(issue["number"])
        path.write_bytes(
            _pdf(
                issue["title"],
                issue["number"],
                issue["season_label"],
                issue["articles"],
                data["pdf_note"],
            )
        )
        paths.append(path)
    return paths


def _pdf(title: str, number: int, season_label: str, articles: list[dict], note: str) -> bytes:
    from weasyprint import HTML

    rows = "".join(
        f"<li><strong>{escape(a['title'])}</strong> (blz. {a['first_page']}–{a['last_page']})"
        f"<br>{escape(a['summary'])}</li>"
        for a in articles
    )
    html = (
        "<html lang='nl'><head><meta charset='utf-8'><title>Zorg &amp; Zeggenschap</title>"
        "<style>body{font-family:sans-serif;font-size:11pt}h1{font-size:26pt}"
        ".cover{page-break-after:always;text-align:center;padding-top:30%}</style></head><body>"
        f"<div class='cover'><h1>Demo — Zorg &amp; Zeggenschap nr. {number}</h1>"
        f"<p>{escape(season_label)}</p><p>{escape(title)}</p><p>{escape(note)}</p></div>"
        f"<h2>In dit nummer</h2><ol>{rows}</ol></body></html>"
    )
    return HTML(string=html).write_pdf()


def _article_publication(article: dict, issue_label: str, published: datetime.date, texts: dict):
    """The article as a members' publication of kind "artikel" (with a teaser for others),
    made as ``knowledge.services.save_publication`` makes one, without its publish pipeline."""
    page = PublicationPage.objects.filter(slug=article["slug"]).first()
    if page is not None:
        return page
    footer = texts["article_footer"].format(issue=issue_label, pages=article["pages_label"])
    page = PublicationPage(
        slug=article["slug"],
        title=article["title"],
        summary=article["summary"],
        body=knowledge.markdown_to_blocks(f"{article['body'].strip()}\n\n{footer}"),
        kind=Kind.ARTIKEL,
        audience=Audience.MEMBERS,
        teaser=True,
        published_on=published,
    )
    page.themes = [texts["_themes"][name] for name in article.get("themes", [])]
    _add_live(texts["_kennisbank"], page)
    return page


def _magazine(data: dict, log) -> tuple[int, list[int]]:
    archive = data["archive"]
    index = MagazineIndexPage.objects.filter(slug=archive["slug"]).first()
    if index is None:
        index = MagazineIndexPage(
            title=archive["title"], slug=archive["slug"], intro=archive["intro"].strip()
        )
        _add_live(_home(), index)
    existing = set(MagazineIssuePage.objects.child_of(index).values_list("slug", flat=True))
    if len(existing) < len(data["issues"]):  # looked up once for all the articles
        names = sorted(
            {n for issue in data["issues"] for a in issue["articles"] for n in a["themes"]}
        )
        data = {
            **data,
            "_kennisbank": knowledge.knowledge_index(),
            "_themes": dict(zip(names, knowledge.themes_by_name(names), strict=True)),
        }
    made, publication_ids = 0, []
    for item in issue_layouts(data):
        number = item["number"]
        slug = f"nr-{number}"
        if slug in existing:
            continue
        issue_label = f"Zorg & Zeggenschap nr. {number} ({item['season_label']})"
        quarter = ["winter", "lente", "zomer", "herfst"].index(item["season"])
        published = datetime.date(item["year"], 3 * quarter + 1, 15)
        pdf = _document(
            f"Demo — Zorg & Zeggenschap nr. {number}",
            pdf_path(number).name,
            pdf_path(number).read_bytes(),
        )
        issue = MagazineIssuePage(
            title=item["title"],
            slug=slug,
            number=number,
            year=item["year"],
            season=item["season"],
            pdf=pdf,
            intro=item["intro"].strip(),
        )
        for position, article in enumerate(item["articles"]):
            publication = _article_publication(article, issue_label, published, data)
            publication_ids.append(publication.pk)
            issue.articles.add(
                MagazineArticle(
                    title=article["title"],
                    summary=article["summary"],
                    first_page=article["first_page"],
                    last_page=article["last_page"],
                    publication=publication,
                    sort_order=position,
                )
            )
        _add_live(index, issue)
        made += 1
    return made, publication_ids


@transaction.atomic
def build(*, log) -> None:
    podcast = content.load_yaml("podcast.yaml")
    magazine = content.load_yaml("magazine/magazine.yaml")
    with indexing_paused():
        episodes = _podcast(podcast, log)
        issues, publication_ids = _magazine(magazine, log)
    if publication_ids:
        # The kennisbank's own builder indexed everything before us; these are new.
        pages = PublicationPage.objects.filter(pk__in=publication_ids).prefetch_related(
            "themes", "sectors", "files__document"
        )
        indexing.index_publications(pages)
    if episodes or issues:
        log(f"podcast: {episodes} afleveringen; Zorg & Zeggenschap: {issues} nummers")
