"""One theme list: merging the near-duplicate themes (migration 0009, knowledge/taxonomy.py)."""

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from raadsplein.demo import content
from raadsplein.events.tests.factories import EventFactory
from raadsplein.helpdesk import services as helpdesk_services
from raadsplein.knowledge import services, taxonomy
from raadsplein.knowledge.models import PublicationPage, SearchDocument, Theme
from raadsplein.learning.models import Course, LearnerProfile
from raadsplein.learning.tests.factories import CourseFactory
from raadsplein.organisations.tests.factories import member

from .factories import ThemeFactory, publication

pytestmark = pytest.mark.django_db

LIST = {name for name, _slug in taxonomy.THEMES}


def historical_apps():
    """The models as migration 0009 sees them (the state just before it)."""
    loader = MigrationExecutor(connection).loader
    return loader.project_state(("knowledge", "0009_merge_duplicate_themes"), at_end=False).apps


@pytest.fixture
def duplicates():
    """Older names in use everywhere a theme can be used, next to the kept ones."""
    kept = Theme.objects.get(slug="leden-werven-en-behouden")
    leden = ThemeFactory(name="Leden werven", slug="leden-werven")
    bestuur = ThemeFactory(name="Samenwerken met het bestuur", slug="samenwerken-met-het-bestuur")
    wet = ThemeFactory(name="Wet en rechten", slug="wet-en-rechten")
    page = publication(slug="werven", title="Nieuwe leden vinden", themes=[])
    page.themes.set([leden, kept])  # both: must end up once
    page.save()
    page.save_revision()  # a draft that names the duplicate by id
    SearchDocument.objects.filter(page=page).update(themes=sorted([leden.slug, kept.slug]))
    course = CourseFactory()
    course.themes.set([wet])
    course.save()
    event = EventFactory()
    event.themes.set([bestuur, leden])
    person = member()
    profile = LearnerProfile.objects.create(person=person)
    profile.interests.set([wet])
    question = helpdesk_services.ask(
        asker=person, subject="Werving", question="Hoe vinden we leden?", theme=leden
    )
    return {
        "page": page,
        "course": course,
        "event": event,
        "profile": profile,
        "question": question,
        "ids": (leden.pk, bestuur.pk, wet.pk),
    }


@pytest.mark.parametrize("registry", ["historical", "current"])
def test_everything_that_used_a_duplicate_moves_to_the_kept_theme(duplicates, registry):
    apps = historical_apps() if registry == "historical" else django_apps
    merged = taxonomy.merge_duplicate_themes(apps)

    assert {old for old, _new in merged} == {
        "Leden werven",
        "Samenwerken met het bestuur",
        "Wet en rechten",
    }
    assert not Theme.objects.filter(pk__in=duplicates["ids"]).exists()
    page = PublicationPage.objects.get(pk=duplicates["page"].pk)
    course = Course.objects.get(pk=duplicates["course"].pk)
    event = duplicates["event"]
    assert [t.slug for t in page.themes.all()] == ["leden-werven-en-behouden"]
    assert SearchDocument.objects.get(page=page).themes == ["leden-werven-en-behouden"]
    kept = Theme.objects.get(slug="leden-werven-en-behouden")
    assert page.get_latest_revision().content["themes"] == [kept.pk]
    assert [t.slug for t in course.themes.all()] == ["medezeggenschap-en-de-wet"]
    assert sorted(t.slug for t in event.themes.all()) == [
        "leden-werven-en-behouden",
        "samenwerken-met-de-bestuurder",
    ]
    assert [t.slug for t in duplicates["profile"].interests.all()] == ["medezeggenschap-en-de-wet"]
    duplicates["question"].refresh_from_db()
    assert duplicates["question"].theme == kept


def test_publishing_the_old_draft_after_the_merge_works(duplicates):
    taxonomy.merge_duplicate_themes(django_apps)
    page = PublicationPage.objects.get(pk=duplicates["page"].pk)
    page.get_latest_revision().publish()
    assert [t.slug for t in PublicationPage.objects.get(pk=page.pk).themes.all()] == [
        "leden-werven-en-behouden"
    ]


def test_merging_twice_changes_nothing_the_second_time(duplicates):
    taxonomy.merge_duplicate_themes(django_apps)
    before = sorted(Theme.objects.values_list("pk", "name", "slug"))
    assert taxonomy.merge_duplicate_themes(historical_apps()) == []
    assert sorted(Theme.objects.values_list("pk", "name", "slug")) == before


def test_a_database_without_some_themes_gets_the_list_and_nothing_breaks():
    Theme.objects.filter(slug__in=["jeugd", "mantelzorg", "achterban"]).delete()
    ThemeFactory(name="In contact staan", slug="in-contact-staan")  # a duplicate, no kept one

    merged = taxonomy.merge_duplicate_themes(historical_apps())

    assert merged == [("In contact staan", "Achterban")]
    assert set(Theme.objects.values_list("name", flat=True)) >= LIST


def test_a_theme_editors_made_themselves_stays():
    own = ThemeFactory(name="Cliëntenraad en corona", slug="clientenraad-en-corona")
    taxonomy.merge_duplicate_themes(django_apps)
    assert Theme.objects.filter(pk=own.pk).exists()


def test_the_test_database_holds_the_one_list_after_migrating():
    """Migrations 0002 and 0009 ran (and conftest restores the same after a flush)."""
    names = set(Theme.objects.values_list("name", flat=True))
    assert names >= LIST
    assert not names & set(taxonomy.MERGED)
    assert len(LIST) == 12


def test_an_import_with_an_older_name_gets_the_kept_theme():
    kept = Theme.objects.get(slug="leden-werven-en-behouden")
    assert services.themes_by_name(["Leden werven", "leden werven en behouden"]) == [kept, kept]
    assert not Theme.objects.filter(name="Leden werven").exists()


def test_the_demo_world_uses_only_themes_of_the_list():
    used = set(content.load_yaml("events.yaml")["themes"])
    learning = content.load_yaml("learning.yaml")["themes"]
    used |= {t["name"] for t in learning}
    slugs = {t["slug"] for t in learning}
    assert slugs <= {slug for _name, slug in taxonomy.THEMES}
    for item in content.load_markdown_folder("publications"):
        used |= set(item.get("themes", []))
    for course in content.load_yaml_folder("courses"):
        assert set(course["themes"]) <= slugs, course["slug"]
    assert used <= LIST, used - LIST
