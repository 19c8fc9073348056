"""The home page's service cards become links, and the card of a service that does not exist
yet (Signalen) goes. Only a home page whose cards editors left as they came is changed."""

import json

from django.db import migrations

ORIGINAL_TITLES = [
    "Kennisbank",
    "Leeromgeving",
    "Cursussen en bijeenkomsten",
    "Vraagbaak",
    "Signalen",
    "Lid worden",
]


def _relink(body: list) -> list | None:
    from raadsplein.web import home_content

    cards = {title: (link, members_only) for title, _, link, members_only in home_content.SERVICES}
    changed = False
    for block in body:
        if block.get("type") != "services":
            continue
        items = block.get("value") or []
        if [item["value"].get("title") for item in items] != ORIGINAL_TITLES:
            return None  # edited by hand: leave it to the editors
        kept = []
        for item in items:
            title = item["value"]["title"]
            if title not in cards:
                continue
            link, members_only = cards[title]
            item["value"]["link_url"] = link
            item["value"]["members_only"] = members_only
            kept.append(item)
        block["value"] = kept
        changed = True
    return body if changed else None


def forwards(apps, schema_editor):
    HomePage = apps.get_model("web", "HomePage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for page in HomePage.objects.all():
        body = _relink(list(page.body.raw_data))
        if body is None:
            continue
        page.body = body
        page.save(update_fields=["body"])
        content_type = ContentType.objects.filter(app_label="web", model="homepage").first()
        if content_type is None:
            continue
        for revision in Revision.objects.filter(
            base_content_type__isnull=False, content_type=content_type, object_id=str(page.pk)
        ).order_by("-created_at")[:1]:
            content = dict(revision.content)
            stored = content.get("body")
            as_text = isinstance(stored, str)
            relinked = _relink(json.loads(stored) if as_text else list(stored or []))
            if relinked is not None:
                content["body"] = json.dumps(relinked) if as_text else relinked
                revision.content = content
                revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0003_contact_settings"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
