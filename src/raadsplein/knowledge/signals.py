"""Keep the search index in step with publishing. Handlers only queue work (on commit)."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.signals import page_published, page_unpublished

from .models import PublicationPage, Synonym, Theme

_paused: ContextVar[bool] = ContextVar("knowledge_index_paused", default=False)


@contextmanager
def indexing_paused():
    """For bulk writes (import, demo) that index everything themselves afterwards."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def _queue(task, *args) -> None:
    if _paused.get():
        return
    transaction.on_commit(partial(task.enqueue, *args))


def _published(sender, instance, **kwargs):
    from . import tasks

    _queue(tasks.index_publication, instance.pk)


def _unpublished(sender, instance, **kwargs):
    from . import tasks

    _queue(tasks.unindex_publication, instance.pk)


def _synonym_changed(sender, instance, **kwargs):
    # Only the publications that carry the group's key or contain one of its variants.
    from . import tasks

    _queue(tasks.reindex_for_synonym, instance.pk, instance.variant_list())


def _theme_saved(sender, instance, created=False, **kwargs):
    # A theme's name is indexed with its publications; a new or unused theme changes nothing.
    from . import tasks

    if created or not PublicationPage.themes.through.objects.filter(theme=instance).exists():
        return
    _queue(tasks.reindex_for_theme, instance.pk)


def _theme_deleting(sender, instance, **kwargs):
    # Taken before the delete: by post_delete the links to the publications are gone.
    from . import tasks

    ids = list(
        PublicationPage.themes.through.objects.filter(theme=instance).values_list(
            "publicationpage_id", flat=True
        )
    )
    if ids:
        _queue(tasks.reindex_publications, ids)


def connect() -> None:
    page_published.connect(_published, sender=PublicationPage, dispatch_uid="kn_published")
    page_unpublished.connect(_unpublished, sender=PublicationPage, dispatch_uid="kn_unpublished")
    post_delete.connect(_unpublished, sender=PublicationPage, dispatch_uid="kn_deleted")
    post_save.connect(_synonym_changed, sender=Synonym, dispatch_uid="kn_synonym_s")
    post_delete.connect(_synonym_changed, sender=Synonym, dispatch_uid="kn_synonym_d")
    post_save.connect(_theme_saved, sender=Theme, dispatch_uid="kn_theme_s")
    pre_delete.connect(_theme_deleting, sender=Theme, dispatch_uid="kn_theme_d")
