"""The default model letters from data/letters/ (editors keep them in Wagtail afterwards)."""

from django.db import migrations


def load(apps, schema_editor):
    from raadsplein.councilwork import letters

    letters.load_default_templates(apps.get_model("councilwork", "LetterTemplate"))


class Migration(migrations.Migration):
    dependencies = [("councilwork", "0002_legal_catalogue")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
