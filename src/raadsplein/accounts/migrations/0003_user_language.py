from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_api_token"),
    ]

    operations = [
        migrations.AddField(
            model_name="user",
            name="language",
            field=models.CharField(
                blank=True,
                choices=[("nl", "Nederlands"), ("en", "English")],
                default="",
                help_text="Leeg: Nederlands, de taal van de website.",
                max_length=8,
                verbose_name="taal van e-mails",
            ),
        ),
    ]
