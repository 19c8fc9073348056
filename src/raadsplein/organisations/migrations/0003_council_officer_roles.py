from django.db import migrations, models

import raadsplein.organisations.models


class Migration(migrations.Migration):
    dependencies = [
        ("organisations", "0002_sectors_and_regions"),
    ]

    operations = [
        migrations.AddField(
            model_name="council",
            name="officer_roles",
            field=models.JSONField(
                blank=True,
                default=raadsplein.organisations.models.default_officer_roles,
                help_text=(
                    "Wie in deze rollen zit, mag voor leden van de raad boeken en hun voortgang "
                    "zien. De voorzitter hoort er altijd bij."
                ),
                verbose_name="rollen die namens de raad handelen",
            ),
        ),
    ]
