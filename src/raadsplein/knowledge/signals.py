"""Keep the search index in step with publishing. Handlers only queue work (on commit)."""

from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.db import transaction
from django.db.models.signals import post_delete, post_save
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


def _vocabulary_changed(sender, instance, **kwargs):
    from . import tasks

    _queue(tasks.rebuild_index)


def _theme_saved(sender, instance, created=False, **kwargs):
    # A theme's name is indexed with its publications; a new or unused theme changes nothing.
    if created or not PublicationPage.themes.through.objects.filter(theme=instance).exists():
        return
    _vocabulary_changed(sender, instance)


def connect() -> None:
    page_published.connect(_published, sender=PublicationPage, dispatch_uid="kn_published")
    page_unpublished.connect(_unpublished, sender=PublicationPage, dispatch_uid="kn_unpublished")
    post_delete.connect(_unpublished, sender=PublicationPage, dispatch_uid="kn_deleted")
    post_save.connect(_vocabulary_changed, sender=Synonym, dispatch_uid="kn_synonym_s")
    post_delete.connect(_vocabulary_changed, sender=Synonym, dispatch_uid="kn_synonym_d")
    post_save.connect(_theme_saved, sender=Theme, dispatch_uid="kn_theme_s")
    post_delete.connect(_vocabulary_changed, sender=Theme, dispatch_uid="kn_theme_d")
