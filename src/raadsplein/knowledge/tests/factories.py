import datetime
import itertools

import factory

from raadsplein.knowledge import services
from raadsplein.knowledge.models import Theme
from raadsplein.knowledge.search import indexing

_counter = itertools.count(1)


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Testthema {n}")
    slug = factory.Sequence(lambda n: f"testthema-{n}")


def publication(
    *,
    title: str | None = None,
    summary: str = "Een korte samenvatting voor de test.",
    body: str = "Gewone tekst zonder bijzondere woorden.",
    kind: str = "artikel",
    audience: str = "members",
    themes: list[str] | None = None,
    sectors: list[str] | None = None,
    teaser: bool = False,
    transcript: str = "",
    files: dict[str, bytes] | None = None,
    published: datetime.date | None = None,
    slug: str | None = None,
    index: bool = True,
):
    """A live publication through the service, indexed at once."""
    n = next(_counter)
    data = services.PublicationData(
        slug=slug or f"testpublicatie-{n}",
        title=title or f"Testpublicatie {n}",
        summary=summary,
        body=body,
        kind=kind,
        themes=themes or [],
        sectors=sectors or [],
        audience=audience,
        published=published or datetime.date(2024, 1, 1) + datetime.timedelta(days=n),
        teaser=teaser,
        transcript=transcript,
    )
    page, _created = services.save_publication(data=data, file_contents=files)
    if index:
        indexing.index_publication(page_id=page.pk)
    return page
