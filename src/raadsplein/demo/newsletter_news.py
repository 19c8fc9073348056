"""Demo newsletter part: 30 news items over the last four months (data/news.yaml), a few for
members only, some with a picture drawn here. Idempotent: an unchanged item is left alone (no
new revision), a changed one is published again; dates count back from the day of the run."""

import datetime
import io

from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.models import Collection

from raadsplein.knowledge import taxonomy
from raadsplein.knowledge.services import markdown_to_blocks
from raadsplein.newsletter import news_services
from raadsplein.newsletter.news_models import NewsPage

from . import content

COLLECTION_NAME = "Nieuws"


def _collection() -> Collection:
    existing = Collection.objects.filter(name=COLLECTION_NAME).first()
    if existing:
        return existing
    return Collection.get_first_root_node().add_child(name=COLLECTION_NAME)


def _drawing(index: int, colour: list[int]) -> bytes:
    """A plain 800×450 picture: a table with chairs, a house, or a bar chart."""
    from PIL import Image, ImageDraw

    picture = Image.new("RGB", (800, 450), (244, 246, 249))
    pen = ImageDraw.Draw(picture)
    ink = tuple(colour)
    if index == 0:
        pen.rounded_rectangle((250, 150, 550, 300), radius=20, fill=ink)
        for x in (290, 400, 510):
            pen.ellipse((x - 25, 90, x + 25, 140), fill=ink)
            pen.ellipse((x - 25, 310, x + 25, 360), fill=ink)
    elif index == 1:
        pen.polygon([(250, 220), (400, 100), (550, 220)], fill=ink)
        pen.rectangle((280, 220, 520, 380), fill=ink)
        for x in (560, 640):
            pen.line((x, 120, x, 390), fill=(90, 90, 90), width=8)
        for y in (180, 260, 340):
            pen.line((560, y, 640, y), fill=(90, 90, 90), width=8)
    else:
        for n, height in enumerate((120, 220, 170, 290)):
            x = 200 + n * 110
            pen.rectangle((x, 380 - height, x + 70, 380), fill=ink)
        pen.line((180, 380, 640, 380), fill=(31, 41, 51), width=4)
    out = io.BytesIO()
    picture.save(out, format="PNG")
    return out.getvalue()


def _images(specs: list[dict]) -> dict[str, tuple[object, str]]:
    """slug → (image, alt text); each demo image is made once, found again by its title."""
    Image = get_image_model()
    by_slug = {}
    for n, spec in enumerate(specs):
        image = Image.objects.filter(title=spec["title"]).first()
        if image is None:
            picture = ImageFile(
                io.BytesIO(_drawing(n, spec["colour"])), name=f"demo-nieuws-{n + 1}.png"
            )
            image = Image(title=spec["title"], collection=_collection(), file=picture)
            image.save()
        for slug in spec["items"]:
            by_slug[slug] = (image, spec["alt"])
    return by_slug


def _unchanged(page: NewsPage, data: news_services.NewsData) -> bool:
    body = [(block["type"], block["value"]) for block in page.body.raw_data]
    return (
        page.live
        and not page.has_unpublished_changes
        and page.title == data.title
        and page.intro == data.intro
        and page.published_on == data.published_on
        and page.audience == data.audience
        and page.image_id == (data.image.pk if data.image else None)
        and page.image_alt == data.image_alt
        and body == [tuple(b) for b in markdown_to_blocks(data.body)]
        and sorted(t.name for t in page.themes.all())
        == sorted(taxonomy.canonical_name(name) for name in data.themes)
        and sorted(s.code for s in page.sectors.all()) == sorted(data.sectors)
    )


def build(*, log) -> None:
    texts = content.load_yaml("news.yaml")
    today = timezone.localdate()
    images = _images(texts.get("images", []))
    existing = {p.slug: p for p in NewsPage.objects.prefetch_related("themes", "sectors")}
    made = changed = 0
    for item in texts["items"]:
        published_on = today - datetime.timedelta(days=item["days_ago"])
        image, alt = images.get(item["slug"], (None, ""))
        data = news_services.NewsData(
            slug=item["slug"],
            title=item["title"],
            intro=item["intro"],
            body=item["body"],
            published_on=published_on,
            audience=item.get("audience", "public"),
            themes=item.get("themes", []),
            sectors=item.get("sectors", []),
            image=image,
            image_alt=alt,
        )
        page = existing.get(item["slug"])
        if page is not None and _unchanged(page, data):
            continue
        page, created = news_services.save_news(data=data)
        made += created
        changed += not created
        # Backdated: the weekly draft and the feeds read when an item first appeared.
        at = timezone.make_aware(datetime.datetime.combine(published_on, datetime.time(9, 0)))
        NewsPage.objects.filter(pk=page.pk).update(first_published_at=at)
    log(f"nieuws: {len(texts['items'])} berichten ({made} nieuw, {changed} bijgewerkt)")
