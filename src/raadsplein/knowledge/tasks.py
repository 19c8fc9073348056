"""Background work of the Kenniscentrum (run by ``manage.py run_worker``).

Safe to run twice without a record: indexing writes the index entry for the page as it is now
(an upsert), unindexing deletes it if it is there, and a rebuild starts from nothing.
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
def rebuild_index() -> int:
    return indexing.rebuild_index()
