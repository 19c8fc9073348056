"""One theme list: merge the near-duplicate themes ("Leden werven" into "Leden werven en
behouden", "Samenwerken met het bestuur" into "Samenwerken met de bestuurder", "Wet en rechten"
into "Medezeggenschap en de wet", …; the list is in knowledge/taxonomy.py). Publications,
courses, activities, learner interests and Vraagbaak questions move to the kept theme, as do
the theme slugs on search rows and the theme ids in page revisions; then the duplicate goes.
Idempotent, and a theme that is not there is simply skipped. Not reversible: which use came
from which duplicate is not kept (going back leaves the merged list)."""

from pathlib import Path

from django.db import migrations

from raadsplein.knowledge.taxonomy import merge_duplicate_themes

# Helper "search" is still making 0008 (not on main yet). Follow it when it is there, else
# 0007, so the graph has one leaf either way; make this static once 0008 has landed.
_SEARCH_0008 = "0008_search_title_summary_vector"
_AFTER = (
    _SEARCH_0008
    if (Path(__file__).parent / f"{_SEARCH_0008}.py").exists()
    else "0007_publication_recording"
)


def merge(apps, schema_editor):
    merge_duplicate_themes(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("knowledge", _AFTER),
        ("events", "0001_initial"),
        ("learning", "0001_initial"),
        ("helpdesk", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(merge, migrations.RunPython.noop)]
