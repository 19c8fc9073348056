import datetime
import itertools

import factory

from raadsplein.newsletter.models import (
    Edition,
    EditionItem,
    ItemKind,
    Subscriber,
    SubscriberStatus,
)


class SubscriberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Subscriber

    email = factory.Sequence(lambda n: f"lezer{n}@voorbeeld.nl")
    name = factory.Sequence(lambda n: f"Lezer {n}")
    status = SubscriberStatus.ACTIVE
    consent_source = "test"


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    title = factory.Sequence(lambda n: f"Nieuwsbrief week {n}")
    subject = factory.LazyAttribute(lambda o: o.title)
    intro = "Het nieuws van deze week."
    week_of = datetime.date(2026, 11, 30)


class EditionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EditionItem

    edition = factory.SubFactory(EditionFactory)
    position = factory.Sequence(lambda n: n)
    kind = ItemKind.NEWS
    heading = factory.Sequence(lambda n: f"Bericht {n}")
    text = "Een korte tekst."
    url = "https://raadsplein.example/nieuws/bericht/"


# --- news (news_models.py) ---------------------------------------------------------------

_news_counter = itertools.count(1)


def news_item(
    *,
    title: str | None = None,
    intro: str = "Een korte inleiding voor de test.",
    body: str = "Gewone tekst van het bericht.",
    audience: str = "public",
    themes: list[str] | None = None,
    sectors: list[str] | None = None,
    published_on: datetime.date | None = None,
    slug: str | None = None,
    image=None,
    image_alt: str = "",
):
    """A live news item through the service (under /nieuws/)."""
    from raadsplein.newsletter import news_services

    n = next(_news_counter)
    page, _created = news_services.save_news(
        data=news_services.NewsData(
            slug=slug or f"testbericht-{n}",
            title=title or f"Testbericht {n}",
            intro=intro,
            body=body,
            audience=audience,
            themes=themes or [],
            sectors=sectors or [],
            published_on=published_on or datetime.date(2026, 1, 1) + datetime.timedelta(days=n),
            image=image,
            image_alt=image_alt,
        )
    )
    return page


# --- podcast and magazine (issue 14, part 9) ------------------------------------------------


def silent_mp3(seconds: float = 3.0) -> bytes:
    """A valid MP3 of silence: MPEG-1 Layer III frames (32 kbit/s, 48 kHz, mono, 96 bytes,
    24 ms each) with all-zero side information, as the demo makes its audio."""
    frame = bytes([0xFF, 0xFB, 0x14, 0xC4]) + bytes(92)
    return frame * max(1, round(seconds / (1152 / 48000)))


def document(name: str, content: bytes, title: str | None = None):
    from django.core.files.base import ContentFile
    from wagtail.documents import get_document_model

    doc = get_document_model()(title=title or name, file_size=len(content))
    doc.file.save(name, ContentFile(content), save=False)
    doc.save()
    return doc


def home_page():
    from wagtail.models import Site

    return Site.objects.get(is_default_site=True).root_page.specific


def podcast_index(**fields):
    from raadsplein.newsletter.podcast_models import PodcastIndexPage

    index = PodcastIndexPage(
        title=fields.pop("title", "Raadsplein de podcast"),
        slug="podcast",
        description=fields.pop("description", "Gesprekken over medezeggenschap."),
        owner_name="Redactie",
        owner_email="podcast@raadsplein.example",
        **fields,
    )
    home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


def episode(index, *, publish: bool = True, **fields):
    """A podcast episode under ``index`` with a silent MP3 of 3 seconds."""
    import datetime

    from raadsplein.newsletter.podcast_models import PodcastEpisodePage

    n = PodcastEpisodePage.objects.count() + 1
    page = PodcastEpisodePage(
        title=fields.pop("title", f"Aflevering {n}"),
        slug=fields.pop("slug", f"aflevering-{n}"),
        audio=fields.pop("audio", None) or document(f"aflevering-{n}.mp3", silent_mp3(3)),
        transcript=fields.pop("transcript", "Welkom bij deze aflevering over medezeggenschap."),
        show_notes=fields.pop("show_notes", "<p>Over de cliëntenraad.</p>"),
        episode_number=fields.pop("episode_number", n),
        published_on=fields.pop("published_on", datetime.date(2026, 1, 1) + datetime.timedelta(n)),
        **fields,
    )
    page.live = False
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
        page.refresh_from_db()
    return page


def magazine_index():
    from raadsplein.newsletter.magazine_models import MagazineIndexPage

    index = MagazineIndexPage(
        title="Zorg & Zeggenschap", slug="zorg-en-zeggenschap", intro="Het tijdschrift."
    )
    home_page().add_child(instance=index)
    index.save_revision().publish()
    return index


def magazine_issue(index, *, number: int = 1, year: int = 2026, articles=(), **fields):
    """A live issue with a small PDF; ``articles``: (title, publication or None) pairs."""
    from raadsplein.newsletter.magazine_models import MagazineArticle, MagazineIssuePage

    page = MagazineIssuePage(
        title=fields.pop("title", f"Nummer {number}"),
        slug=f"nr-{number}-{year}",
        number=number,
        year=year,
        season=fields.pop("season", "winter"),
        pdf=document(f"zz-{number}-{year}.pdf", b"%PDF-1.4\n% nummer " + str(number).encode()),
        intro=fields.pop("intro", "In dit nummer."),
        **fields,
    )
    for position, (title, publication) in enumerate(articles):
        page.articles.add(
            MagazineArticle(
                title=title,
                summary=f"Samenvatting van {title}.",
                first_page=2 + 4 * position,
                last_page=5 + 4 * position,
                publication=publication,
                sort_order=position,
            )
        )
    index.add_child(instance=page)
    page.save_revision().publish()
    return page
