"""Steps get their course as parent (inline in the course's edit screen, ordered by dragging).

The course is filled in from the step's module, and ``sort_order`` is renumbered through the
whole course in the order learners meet the steps today (module order, then the step's own
order), so nobody's course changes order."""

import django.db.models.deletion
import modelcluster.fields
from django.db import migrations, models


def fill_course_and_order(apps, schema_editor):
    Step = apps.get_model("learning", "Step")
    steps = Step.objects.select_related("module").order_by(
        "module__course_id", "module__sort_order", "module_id", "sort_order", "pk"
    )
    changed, position, course_id = [], 0, None
    for step in steps:
        if step.module.course_id != course_id:
            course_id, position = step.module.course_id, 0
        step.course_id, step.sort_order = course_id, position
        position += 1
        changed.append(step)
    Step.objects.bulk_update(changed, ["course", "sort_order"], batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0003_remove_step_old_event_session_number"),
    ]

    operations = [
        migrations.AddField(
            model_name="step",
            name="course",
            field=modelcluster.fields.ParentalKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="steps",
                to="learning.course",
                verbose_name="cursus",
            ),
        ),
        migrations.AlterField(
            model_name="step",
            name="sort_order",
            field=models.IntegerField(blank=True, editable=False, null=True),
        ),
        migrations.RunPython(fill_course_and_order, migrations.RunPython.noop),
    ]
