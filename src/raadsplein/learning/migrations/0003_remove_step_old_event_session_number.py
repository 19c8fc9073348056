from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_step_event_session_foreign_key"),
    ]

    operations = [
        migrations.RemoveField(model_name="step", name="old_event_session_number"),
    ]
