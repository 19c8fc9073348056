"""Give Wagtail's default workflow and its task a Dutch name.

Wagtail creates them as "Moderators approval" (wagtailcore 0048), and editors read that name
when they submit a page. A workflow or task that an administrator renamed is left alone.
"""

from django.db import migrations

ENGLISH = "Moderators approval"
DUTCH = "Goedkeuring voor publicatie"


def to_dutch(apps, schema_editor):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=ENGLISH).update(name=DUTCH)


def to_english(apps, schema_editor):
    for model in ("Workflow", "Task"):
        apps.get_model("wagtailcore", model).objects.filter(name=DUTCH).update(name=ENGLISH)


class Migration(migrations.Migration):
    dependencies = [
        ("web", "0004_linked_service_cards"),
        ("wagtailcore", "0048_add_default_workflows"),
    ]

    operations = [migrations.RunPython(to_dutch, to_english)]
