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
