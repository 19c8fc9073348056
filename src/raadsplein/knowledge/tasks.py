"""Background work of the Kenniscentrum (run by ``manage.py run_worker``).

Safe to run twice without a record: indexing writes the index entry for the page as it is now
(the vocabulary counts change by the difference with what was stored), unindexing deletes it
if it is there, reindexing a set of publications indexes each as it is now, and a rebuild
starts from nothing.
"""

from django_tasks import task

from .search import indexing


@task()
def index_publication(page_id: int) -> None:
    indexing.index_publication(page_id=page_id)


@task()
def unindex_publication(page_id: int) -> None:
    indexing.unindex_publication(page_id=page_id)


@task()
def reindex_for_synonym(synonym_id: int, variants: list[str]) -> int:
    """After an editor changed or removed a synonym group: the publications that carry its
    key or contain one of its variants, in batches of 200 (one transaction each)."""
    return indexing.reindex_publications(indexing.pages_touched_by_synonym(synonym_id, variants))


@task()
def reindex_for_theme(theme_id: int) -> int:
    """After a theme was renamed or removed: the publications that have it."""
    return indexing.reindex_publications(indexing.pages_with_theme(theme_id))


@task()
def reindex_publications(page_ids: list[int]) -> int:
    return indexing.reindex_publications(page_ids)


@task()
def rebuild_index() -> int:
    return indexing.rebuild_index()
