from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0010_more_synonyms")]

    operations = [
        migrations.CreateModel(
            name="ZeroResultQuery",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("query", models.CharField(max_length=200, verbose_name="zoekvraag")),
                ("day", models.DateField(db_index=True, verbose_name="dag")),
                ("count", models.PositiveIntegerField(default=1, verbose_name="aantal")),
            ],
            options={
                "verbose_name": "zoekvraag zonder resultaat",
                "verbose_name_plural": "zoekvragen zonder resultaat",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("query", "day"), name="knowledge_zero_result_per_day"
                    )
                ],
            },
        ),
    ]
