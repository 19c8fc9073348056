"""The search index in the database's own full-text indexes (PostgreSQL tsvector + GIN,
SQLite FTS5): what is written on publish and removed on unpublish, what visitors can find
and count, the vocabulary's document frequencies, and what editors' changes reindex."""

import pytest
from django.contrib.auth.models import AnonymousUser

from raadsplein.knowledge import selectors
from raadsplein.knowledge.models import SearchDocument, SearchTerm, Synonym, Theme
from raadsplein.knowledge.search import analysis, engine, indexing
from raadsplein.organisations.tests.factories import member

from .factories import publication

pytestmark = pytest.mark.django_db


@pytest.fixture
def lid():
    return member()


def _terms(*texts):
    return dict(SearchTerm.objects.filter(text__in=texts).values_list("text", "df"))


def test_publish_writes_the_full_text_row_and_unpublish_removes_it(
    django_capture_on_commit_callbacks,
):
    page = publication(slug="p", title="Eerste titel", index=False)
    page.title = "Bouwplannen bespreken"
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    document = SearchDocument.objects.get(page=page)
    assert "bouwplan" in document.title.split()
    # the database's own index (tsvector on PostgreSQL, FTS5 on SQLite) finds it
    assert engine.pages_with_all_terms([("bouwplan",)]) == {page.pk}
    assert _terms("bouwplan") == {"bouwplan": 1}
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert not SearchDocument.objects.filter(page=page).exists()
    assert engine.pages_with_all_terms([("bouwplan",)]) == set()
    assert _terms("bouwplan") == {}


def test_document_frequencies_count_public_apart_and_reindexing_changes_nothing():
    public = publication(title="Begroting voor iedereen", audience="public")
    publication(title="Begroting voor leden", audience="members")
    row = SearchTerm.objects.get(text="begrot")
    assert (row.df, row.df_public) == (2, 1)
    documents = SearchTerm.objects.get(text=indexing.DOCUMENTS_TERM)
    assert (documents.df, documents.df_public) == (2, 1)
    indexing.index_publication(page_id=public.pk)
    indexing.index_publication(page_id=public.pk)
    row.refresh_from_db()
    assert (row.df, row.df_public) == (2, 1)
    public.audience = "members"
    public.save()
    indexing.index_publication(page_id=public.pk)
    row.refresh_from_db()
    assert (row.df, row.df_public) == (2, 0)


def test_visitors_neither_find_nor_count_members_only_publications(lid):
    publication(slug="open", title="Begroting open", kind="brochure", audience="public")
    publication(slug="leden", title="Begroting leden", kind="checklist", audience="members")
    publication(slug="leden2", title="Begroting ook leden", kind="brochure", audience="members")
    visitor = selectors.search_publications(AnonymousUser(), q="begroting")
    assert [h.page.slug for h in visitor.hits] == ["open"]
    assert visitor.count == 1
    assert {f.value: f.count for f in visitor.facets["soort"]} == {"brochure": 1}
    members = selectors.search_publications(lid, q="begroting")
    assert members.count == 3
    assert {f.value: f.count for f in members.facets["soort"]} == {"brochure": 2, "checklist": 1}


def test_a_word_only_in_members_only_publications_is_no_suggestion_for_visitors(lid):
    publication(slug="geheim", title="Het bravoplan", audience="members")
    assert selectors.search_publications(lid, q="bravoplna").suggestion == "bravoplan"
    visitor = selectors.search_publications(AnonymousUser(), q="bravoplna")
    assert visitor.suggestion is None and visitor.hits == []


def test_compound_part_finds_the_compound_through_the_vocabulary_index(lid):
    page = publication(slug="compound", title="Stroomstootwapens bij de politie")
    rows = engine.vocabulary(set(), {"wapen"})
    assert "stromstotwapen" in {r["text"] for r in rows}
    outcome = selectors.search_publications(lid, q="wapen")
    assert [h.page.pk for h in outcome.hits] == [page.pk]


def test_filters_paging_and_date_sort_run_in_the_database(lid):
    import datetime

    for n in range(5):
        publication(
            slug=f"b{n}",
            title="Begroting",
            kind="brochure" if n % 2 else "artikel",
            published=datetime.date(2020 + n, 1, 1),
        )
    outcome = selectors.search_publications(lid, q="begroting", kinds=["artikel"], per_page=2)
    assert outcome.count == 3 and len(outcome.hits) == 2
    assert {f.value: f.count for f in outcome.facets["soort"]} == {"artikel": 3}
    by_date = selectors.search_publications(lid, q="begroting", sort="datum", per_page=10)
    assert [h.page.slug for h in by_date.hits] == ["b4", "b3", "b2", "b1", "b0"]
    last = selectors.search_publications(lid, q="begroting", page_number=3, per_page=2)
    assert last.page.number == 3 and [h.page.slug for h in last.hits] == ["b4"]


def test_synonym_change_reindexes_only_the_publications_it_touches(
    lid, django_capture_on_commit_callbacks
):
    target = publication(slug="target", title="De zorgbemiddelaar helpt")
    other = publication(slug="other", title="Koffie en thee")
    before = dict(SearchDocument.objects.values_list("page_id", "indexed_at"))
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        synonym = Synonym.objects.create(
            name="Ondersteuner", variants="cliëntondersteuner\nzorgbemiddelaar"
        )
    assert len(callbacks) == 1
    after = dict(SearchDocument.objects.values_list("page_id", "indexed_at"))
    assert after[target.pk] > before[target.pk]
    assert after[other.pk] == before[other.pk]
    assert f"zsyn{synonym.pk}" in SearchDocument.objects.get(page=target).title.split()
    assert [
        h.page.slug for h in selectors.search_publications(lid, q="cliëntondersteuner").hits
    ] == ["target"]
    assert indexing.pages_touched_by_synonym(synonym.pk, synonym.variant_list()) == {target.pk}
    # removing the group takes its key out of the publications that carried it
    with django_capture_on_commit_callbacks(execute=True):
        synonym.delete()
    assert f"zsyn{synonym.pk}" not in SearchDocument.objects.get(page=target).title.split()
    assert selectors.search_publications(lid, q="cliëntondersteuner").hits == []


def test_deleting_a_used_theme_reindexes_its_publications(lid, django_capture_on_commit_callbacks):
    publication(slug="t", title="Iets", themes=["Zeldzaamheidsthema"])
    publication(slug="u", title="Iets anders")
    assert [
        h.page.slug for h in selectors.search_publications(lid, q="zeldzaamheidsthema").hits
    ] == ["t"]
    with django_capture_on_commit_callbacks(execute=True):
        Theme.objects.get(name="Zeldzaamheidsthema").delete()
    assert selectors.search_publications(lid, q="zeldzaamheidsthema").hits == []


def test_reindexing_a_batch_drops_publications_that_are_no_longer_live():
    live = publication(title="Begroting blijft")
    gone = publication(title="Begroting verdwijnt")
    gone.unpublish()  # without the signal's task: the index still has it
    assert SearchDocument.objects.filter(page=gone).exists()
    assert indexing.reindex_publications([live.pk, gone.pk]) == 1
    assert not SearchDocument.objects.filter(page=gone).exists()
    assert SearchTerm.objects.get(text="begrot").df == 1


def test_wagtail_index_gets_normalised_text_only_when_switched_on(settings):
    page = publication(title="Cliëntenraden", body="Over de begroting")
    settings.RAADSPLEIN_KNOWLEDGE_SEARCH = "index"
    assert page.normalised_title() == "" and page.normalised_text() == ""
    settings.RAADSPLEIN_KNOWLEDGE_SEARCH = "wagtail"
    assert "clientenrad" in page.normalised_title().split()
    assert "begrot" in page.normalised_text().split()


def test_many_matches_rank_the_title_matches_and_still_count_every_match(lid, monkeypatch):
    import datetime

    # PostgreSQL ranks in full only candidates above EXACT_UP_TO matches (SQLite ranks all)
    monkeypatch.setattr(engine, "EXACT_UP_TO", 3)
    monkeypatch.setattr(engine, "CANDIDATES", 2)
    day = datetime.date(2025, 1, 1)
    publication(slug="titel", title="Begroting van de raad", themes=["Financiën"], published=day)
    for n in range(5):
        publication(
            slug=f"tekst{n}",
            title=f"Iets anders {n}",
            body="De begroting staat alleen in de tekst.",
            kind="brochure",
            themes=["Financiën"] if n < 2 else [],
            published=day,
        )
    first = selectors.search_publications(lid, q="begroting", per_page=1)
    assert [h.page.slug for h in first.hits] == ["titel"]
    assert first.count == 6
    assert {f.value: f.count for f in first.facets["soort"]} == {"artikel": 1, "brochure": 5}
    assert {f.label: f.count for f in first.facets["thema"]} == {"Financiën": 3}
    # fewer title matches than the page holds, or a page past the candidates: all are ranked
    assert len(selectors.search_publications(lid, q="begroting", per_page=3).hits) == 3
    deep = selectors.search_publications(lid, q="begroting", per_page=2, page_number=3)
    assert len(deep.hits) == 2 and "titel" not in {h.page.slug for h in deep.hits}
    # sorted by date, equal dates by rank
    by_date = selectors.search_publications(lid, q="begroting", sort="datum", per_page=2)
    assert by_date.hits[0].page.slug == "titel" and by_date.count == 6


def _vector_rows():
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT v.page_id, v.kind, v.vector_a @@ to_tsquery('simple', 'bouwplan'), "  # noqa: S608
            f"v.vector @@ to_tsquery('simple', %s) FROM {engine.VECTORS} v",
            [analysis.stem("gemeente")],
        )
        rows = cursor.fetchall()
        cursor.execute(
            "SELECT COUNT(DISTINCT chunk_id) FROM "  # noqa: S608 - the table's own TOAST table
            f"{_toast_table(cursor)}"
        )
        return rows, cursor.fetchone()[0]


def _toast_table(cursor) -> str:
    cursor.execute(
        "SELECT reltoastrelid::regclass FROM pg_class WHERE relname = %s", [engine.VECTORS]
    )
    return cursor.fetchone()[0]


def test_postgres_keeps_the_narrow_vectors_table_in_step():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("the narrow table is PostgreSQL's (SQLite has FTS5)")
    page = publication(slug="p", title="Bouwplannen", body="De gemeente bouwt. " * 20)
    rows, chunks = _vector_rows()
    # one short row per document; the full tsvector is stored out of the row (TOAST)
    assert rows == [(page.pk, page.kind, True, True)] and chunks >= 1
    page.title = "Iets anders"
    page.save()
    indexing.index_publication(page_id=page.pk)
    rows, chunks = _vector_rows()
    assert rows == [(page.pk, page.kind, False, True)] and chunks >= 1  # updated: out again
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending checks: TRUNCATE may run
        cursor.execute("TRUNCATE knowledge_searchdocument")
    assert _vector_rows()[0] == []
    indexing.index_publication(page_id=page.pk)
    page.unpublish()
    indexing.unindex_publication(page_id=page.pk)
    assert _vector_rows()[0] == []
