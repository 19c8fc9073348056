"""Stored anonymous pages (web/caching.py) drop when news or the archive changes.

The newsletter app is not one of caching's content apps (subscribers and deliveries change
all the time and never show on a public page), so the models that do show are connected
here: news pages, and sent editions with their items (the archive)."""

from django.db.models.signals import post_delete, post_save

from raadsplein.web import caching


def _page_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        caching.content_changed(sites=True)


def _edition_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    edition = getattr(instance, "edition", instance)
    # A draft is on no public page; counters of a sent edition (bounces) show nowhere public
    # either, but a status change does, so every save of a sent edition counts.
    if edition.queued_at is not None:
        caching.content_changed()


def connect() -> None:
    from .models import Edition, EditionItem
    from .news_models import NewsIndexPage, NewsPage

    for model in (NewsPage, NewsIndexPage):
        uid = f"news-cache-{model._meta.label_lower}"
        post_save.connect(_page_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_page_changed, sender=model, dispatch_uid=uid + "-delete")
    for model in (Edition, EditionItem):
        uid = f"news-cache-{model._meta.label_lower}"
        post_save.connect(_edition_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_edition_changed, sender=model, dispatch_uid=uid + "-delete")
