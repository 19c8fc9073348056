"""One theme list: merge the near-duplicate themes ("Leden werven" into "Leden werven en
behouden", "Samenwerken met het bestuur" into "Samenwerken met de bestuurder", "Wet en rechten"
into "Medezeggenschap en de wet", …; the list is in knowledge/taxonomy.py). Publications,
courses, activities, learner interests and Vraagbaak questions move to the kept theme, as do
the theme slugs on search rows and the theme ids in page revisions; then the duplicate goes.
Idempotent, and a theme that is not there is simply skipped. Not reversible: which use came
from which duplicate is not kept (going back leaves the merged list)."""

from django.db import migrations

from raadsplein.knowledge.taxonomy import merge_duplicate_themes


def merge(apps, schema_editor):
    merge_duplicate_themes(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", "0008_search_title_summary_vector"),
        ("events", "0001_initial"),
        ("learning", "0001_initial"),
        ("helpdesk", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
