"""What people call things finds the publication (migration 0010), through the real search."""

import datetime
import importlib

import pytest
from django.apps import apps as django_apps

from raadsplein.demo import content
from raadsplein.knowledge import selectors, services
from raadsplein.knowledge.models import Synonym
from raadsplein.knowledge.search import indexing
from raadsplein.organisations.tests.factories import member

from .factories import publication

pytestmark = pytest.mark.django_db

seed = importlib.import_module("raadsplein.knowledge.migrations.0010_more_synonyms").seed
DEMO_SLUG = "geschillen-commissie-van-vertrouwenslieden"


def demo_publication(slug: str):
    """One publication of the demo world, made from its data file as the demo builder does."""
    item = next(i for i in content.load_markdown_folder("publications") if i["slug"] == slug)
    data = services.PublicationData(
        slug=item["slug"],
        title=item["title"],
        summary=item["summary"],
        body=item["body"],
        kind=item["kind"],
        themes=item.get("themes", []),
        sectors=item.get("sectors", []),
        audience=item["audience"],
        published=datetime.date(2025, 3, 1),
    )
    page, _created = services.save_publication(data=data)
    indexing.index_publication(page_id=page.pk)
    return page


def slugs(user, q):
    return [h.page.slug for h in selectors.search_publications(user, q=q).hits]


@pytest.mark.parametrize(
    "query", ["geschillencommissie", "vertrouwenspersoon", "Geschillencommissie", "LCvV"]
)
def test_what_people_call_the_commissie_van_vertrouwenslieden_finds_it(query):
    demo_publication(DEMO_SLUG)
    publication(slug="other", title="De begroting lezen", body="Cijfers en keuzes.")
    assert slugs(member(), query)[:1] == [DEMO_SLUG]
    assert "other" not in slugs(member(), query)


def test_without_the_new_words_geschillencommissie_finds_nothing():
    """The test above depends on migration 0010's words, not on luck."""
    lcvv = Synonym.objects.get(name="LCvV")
    lcvv.variants = "LCvV\ncommissie van vertrouwenslieden"
    lcvv.save()
    Synonym.objects.filter(name="Vertrouwenspersoon").delete()
    demo_publication(DEMO_SLUG)
    assert slugs(member(), "vertrouwenspersoon") == []
    assert slugs(member(), "geschillencommissie") == []


def test_the_seed_adds_missing_words_and_keeps_what_editors_wrote():
    lcvv = Synonym.objects.get(name="LCvV")
    lcvv.variants = "LCvV\ncommissie van vertrouwenslieden\nCvV"  # an editor's own word
    lcvv.save()
    Synonym.objects.filter(name="Verpleeghuis").delete()

    seed(django_apps, None)
    seed(django_apps, None)  # twice: nothing doubles

    words = Synonym.objects.get(name="LCvV").variant_list()
    assert words[:3] == ["LCvV", "commissie van vertrouwenslieden", "CvV"]
    assert words.count("geschillencommissie") == 1
    assert Synonym.objects.filter(name="Verpleeghuis").count() == 1


def test_editors_can_still_extend_the_list_in_wagtail(client):
    from raadsplein.accounts.tests.factories import redacteur

    client.force_login(redacteur())
    response = client.post(
        "/admin/snippets/knowledge/synonym/add/",
        {"name": "Bouwpool", "variants": "bouwpool\nexpertpool bouw"},
    )
    assert response.status_code == 302
    assert Synonym.objects.get(name="Bouwpool").variant_list() == ["bouwpool", "expertpool bouw"]
