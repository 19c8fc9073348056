"""A live step points at its agenda session by a foreign key instead of a bare number.

The old number moves aside, links to sessions that still exist are copied into the new key,
numbers of sessions that are gone are dropped (the step keeps its agenda link, if any). The old
column goes in the next migration: PostgreSQL does not alter a table in the transaction that
has just updated its rows under a deferred foreign key.
"""

import django.db.models.deletion
from django.db import migrations, models


def keep_existing_links(apps, schema_editor):
    Step = apps.get_model("learning", "Step")
    Session = apps.get_model("events", "Session")
    existing = Session.objects.filter(pk=models.OuterRef("old_event_session_number"))
    Step.objects.filter(models.Exists(existing)).update(
        event_session_id=models.F("old_event_session_number")
    )


def restore_numbers(apps, schema_editor):
    Step = apps.get_model("learning", "Step")
    Step.objects.filter(event_session__isnull=False).update(
        old_event_session_number=models.F("event_session_id")
    )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_session_message"),
        ("learning", "0001_initial"),
    ]

    operations = [
        migrations.RemoveIndex(model_name="step", name="learning_st_event_s_a67a27_idx"),
        migrations.RenameField(
            model_name="step", old_name="event_session_id", new_name="old_event_session_number"
        ),
        migrations.AddField(
            model_name="step",
            name="event_session",
            field=models.ForeignKey(
                blank=True,
                help_text="De bijeenkomst in de agenda. Aanwezigheid rondt deze stap af.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="events.session",
                verbose_name="bijeenkomst in de agenda",
            ),
        ),
        migrations.RunPython(keep_existing_links, restore_numbers),
    ]
