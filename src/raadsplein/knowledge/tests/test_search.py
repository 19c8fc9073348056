import io

import pytest

from raadsplein.knowledge import selectors, services
from raadsplein.knowledge.models import SearchDocument, SearchTerm, Synonym
from raadsplein.knowledge.search import indexing
from raadsplein.organisations.tests.factories import member

from .factories import publication

pytestmark = pytest.mark.django_db


def slugs(user, q, **kwargs):
    if user is None:
        from django.contrib.auth.models import AnonymousUser

        user = AnonymousUser()
    return [h.page.slug for h in selectors.search_publications(user, q=q, **kwargs).hits]


@pytest.fixture
def lid():
    return member()


def test_stemming_finds_plural_from_singular(lid):
    publication(slug="raden", title="Samen met andere cliëntenraden")
    assert slugs(lid, "cliëntenraad") == ["raden"]


def test_accents_do_not_matter(lid):
    publication(slug="client", title="Wat de cliënt wil")
    assert slugs(lid, "client") == ["client"]
    assert slugs(lid, "CLIËNT") == ["client"]


@pytest.mark.parametrize(
    ("word", "title"),
    [("wapen", "Stroomstootwapens bij de politie"), ("podcast", "Alle podcastafleveringen")],
)
def test_compounds_are_found_by_their_parts(lid, word, title):
    publication(slug="compound", title=title)
    publication(slug="other", title="Iets heel anders")
    assert slugs(lid, word) == ["compound"]


@pytest.mark.parametrize(
    ("query", "text"),
    [
        ("MZR", "Over de medezeggenschapsregeling"),
        ("medezeggenschapsregeling", "Een nieuwe MZR"),
        ("LCvV", "De commissie van vertrouwenslieden beslist"),
        ("commissie van vertrouwenslieden", "Naar de LCvV"),
        ("RvB", "Overleg met de raad van bestuur"),
        ("CR", "Een cliëntenraad in de wijk"),
    ],
)
def test_synonyms_work_both_ways(lid, query, text):
    publication(slug="syn", title=text)
    publication(slug="other", title="Koffie en thee")
    assert slugs(lid, query) == ["syn"]


def test_new_synonym_from_editors_applies_after_reindex(lid, django_capture_on_commit_callbacks):
    publication(slug="target", title="De zorgbemiddelaar helpt")
    assert slugs(lid, "cliëntondersteuner") == []
    with django_capture_on_commit_callbacks(execute=True):
        Synonym.objects.create(name="Ondersteuner", variants="cliëntondersteuner\nzorgbemiddelaar")
    assert slugs(lid, "cliëntondersteuner") == ["target"]


def test_typo_gets_a_suggestion_and_results(lid):
    publication(slug="begroting", title="De begroting lezen")
    outcome = selectors.search_publications(lid, q="begrotnig")
    assert outcome.suggestion == "begroting"
    assert [h.page.slug for h in outcome.hits] == ["begroting"]


def test_nonsense_gives_no_hits_and_no_crash(lid):
    publication(slug="a", title="Begroting")
    outcome = selectors.search_publications(lid, q="qqqqqqqq")
    assert outcome.count == 0 and outcome.hits == []


def test_title_outranks_body(lid):
    publication(slug="body", title="Iets anders", body="Hier staat ook iets over de jaarrekening.")
    publication(slug="title", title="De jaarrekening")
    assert slugs(lid, "jaarrekening") == ["title", "body"]


def test_snippet_highlights_and_escapes(lid):
    publication(slug="s", title="Titel", body="Dit gaat over de <b>begroting</b> van de zorg.")
    hit = selectors.search_publications(lid, q="begroting").hits[0]
    assert "<mark>begroting</mark>" in hit.snippet
    assert "<b>" not in hit.snippet


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def _docx(text: str) -> bytes:
    import docx

    document = docx.Document()
    document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_text_of_pdf_and_docx_attachments_is_searchable(lid):
    publication(slug="pdf", files={"bijlage.pdf": _pdf("Het rooster van aftreden")})
    publication(slug="docx", files={"brief.docx": _docx("Vraag een ontvangstbevestiging")})
    assert slugs(lid, "aftreden") == ["pdf"]
    assert slugs(lid, "ontvangstbevestiging") == ["docx"]


def test_facets_count_and_filter(lid):
    publication(slug="a", title="Begroting A", kind="brochure", themes=["Geld"], sectors=["ggz"])
    publication(slug="b", title="Begroting B", kind="checklist", themes=["Geld"])
    publication(slug="c", title="Begroting C", kind="brochure", sectors=["ggz", "jeugdzorg"])
    outcome = selectors.search_publications(lid, q="begroting")
    kinds = {f.value: f.count for f in outcome.facets["soort"]}
    assert kinds == {"brochure": 2, "checklist": 1}
    assert {f.value: f.count for f in outcome.facets["sector"]} == {"ggz": 2, "jeugdzorg": 1}
    assert {f.label: f.count for f in outcome.facets["thema"]} == {"Geld": 2}
    assert sorted(slugs(lid, "begroting", kinds=["brochure"])) == ["a", "c"]
    assert slugs(lid, "begroting", sectors=["jeugdzorg"]) == ["c"]
    assert slugs(lid, "begroting", kinds=["onzin"], sectors=["mars"]) != []


def test_sort_by_date(lid):
    import datetime

    publication(slug="old", title="Begroting", published=datetime.date(2020, 1, 1))
    publication(slug="new", title="Iets over begroting", published=datetime.date(2025, 1, 1))
    assert slugs(lid, "begroting", sort="datum") == ["new", "old"]
    assert slugs(lid, "begroting") == ["old", "new"]


def test_pagination_out_of_range_gives_last_page(lid):
    for _ in range(3):
        publication(title="Begroting")
    outcome = selectors.search_publications(lid, q="begroting", page_number=99, per_page=2)
    assert outcome.page.number == 2 and len(outcome.hits) == 1


def test_unpublish_removes_from_index(lid, django_capture_on_commit_callbacks):
    page = publication(slug="weg", title="Verdwijnende begroting")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert slugs(lid, "begroting") == []
    assert not SearchDocument.objects.filter(page_id=page.pk).exists()
    assert not SearchTerm.objects.filter(text__in=["verdwijn", "begrot"]).exists()


def test_publish_through_wagtail_queues_indexing(lid, django_capture_on_commit_callbacks):
    page = publication(slug="p", title="Eerste titel", index=False)
    assert slugs(lid, "bouwplannen") == []
    page.title = "Bouwplannen bespreken"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    assert slugs(lid, "bouwplannen") == ["p"]


def test_rebuild_index_is_stable(lid):
    publication(slug="x", title="Begroting")
    before = slugs(lid, "begroting")
    assert indexing.rebuild_index() == 1
    assert slugs(lid, "begroting") == before


def test_import_line_validation_reasons():
    items, errors = services.validate_import(
        [
            '{"slug": "x"}',
            "niet json",
            '{"slug":"zoeken","title":"t","summary":"s","body":"b",'
            '"kind":"artikel","audience":"public","published":"2024-01-01"}',
        ],
        base_dir=__import__("pathlib").Path("."),
    )
    assert items == []
    assert [e.line for e in errors] == [1, 2, 3]
    assert "ontbrekende velden" in errors[0].reason
    assert "gereserveerd" in errors[2].reason


@pytest.fixture
def wagtail_mode(settings):
    settings.RAADSPLEIN_KNOWLEDGE_SEARCH = "wagtail"


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("MZR", "Over de medezeggenschapsregeling"),
        ("cliëntenraad", "Samen met andere clientenraden"),
        ("wapen", "Stroomstootwapens bij de politie"),
        ("begrotnig", "De begroting lezen"),
    ],
)
def test_wagtail_backend_mode_keeps_dutch_behaviour(lid, wagtail_mode, query, title):
    """RAADSPLEIN_KNOWLEDGE_SEARCH = "wagtail" ranks through WAGTAILSEARCH_BACKENDS (here the
    database backend; in production Elasticsearch/OpenSearch) with the same pipeline."""
    from django.core.management import call_command

    publication(slug="target", title=title, audience="public")
    publication(slug="other", title="Koffie en thee", audience="public")
    publication(slug="secret", title=title + " voor leden", audience="members")
    call_command("update_index", verbosity=0)
    assert set(slugs(lid, query)) == {"target", "secret"}
    assert slugs(None, query) == ["target"]


def test_renaming_a_used_theme_reindexes(lid, django_capture_on_commit_callbacks):
    from raadsplein.knowledge.models import Theme

    publication(slug="t", title="Iets", themes=["Oud thema"])
    theme = Theme.objects.get(name="Oud thema")
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        Theme.objects.create(name="Ongebruikt thema", slug="ongebruikt")
    assert callbacks == []
    theme.name = "Zeldzaamheidsthema"
    with django_capture_on_commit_callbacks(execute=True):
        theme.save()
    assert slugs(lid, "zeldzaamheidsthema") == ["t"]
