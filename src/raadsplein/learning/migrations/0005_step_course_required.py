import django.db.models.deletion
import modelcluster.fields
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0004_step_course"),
    ]

    operations = [
        migrations.AlterField(
            model_name="step",
            name="course",
            field=modelcluster.fields.ParentalKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="steps",
                to="learning.course",
                verbose_name="cursus",
            ),
        ),
    ]
