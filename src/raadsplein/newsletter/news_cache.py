"""Stored anonymous pages (web/caching.py) drop when news or the archive changes.

The newsletter app is not one of caching's content apps (subscribers and deliveries change
all the time and never show on a public page), so the models that do show are connected
here: every Wagtail page type of this app (news, and podcast and magazine pages as they come),
and sent editions with their items (the archive)."""

from django.db.models.signals import post_delete, post_save

from raadsplein.web import caching


def _page_changed(sender, raw: bool = False, **kwargs) -> None:
    if not raw:
        # Never a site root: the cached site lookup stays.
        caching.content_changed()


def _edition_changed(sender, instance, raw: bool = False, **kwargs) -> None:
    if raw:
        return
    from .models import Edition

    if isinstance(instance, Edition):
        queued = instance.queued_at is not None
    else:
        # An item: its edition may be gone already (deleted with it), which counts as a change.
        queued = not Edition.objects.filter(pk=instance.edition_id, queued_at__isnull=True).exists()
    # A draft is on no public page; a sent edition is (the archive).
    if queued:
        caching.content_changed()


def connect() -> None:
    from django.apps import apps
    from wagtail.models import Page

    from .models import Edition, EditionItem

    pages = [m for m in apps.get_app_config("newsletter").get_models() if issubclass(m, Page)]
    for model in pages:
        uid = f"news-cache-{model._meta.label_lower}"
        post_save.connect(_page_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_page_changed, sender=model, dispatch_uid=uid + "-delete")
    for model in (Edition, EditionItem):
        uid = f"news-cache-{model._meta.label_lower}"
        post_save.connect(_edition_changed, sender=model, dispatch_uid=uid + "-save")
        post_delete.connect(_edition_changed, sender=model, dispatch_uid=uid + "-delete")
