"""The Wmcz 2018 subjects and rules from data/wmcz.json (unverified until checked)."""

from django.db import migrations


def load(apps, schema_editor):
    from raadsplein.councilwork import legal

    legal.load(apps.get_model("councilwork", "LegalSubject"), apps.get_model("councilwork", "LegalRule"))


class Migration(migrations.Migration):
    dependencies = [("councilwork", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
