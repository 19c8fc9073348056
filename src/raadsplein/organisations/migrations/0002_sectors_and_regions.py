from django.db import migrations

SECTORS = [
    ("ouderenzorg", "Ouderenzorg (VVT)", 1),
    ("thuiszorg", "Thuiszorg", 2),
    ("ggz", "Geestelijke gezondheidszorg (ggz)", 3),
    ("gehandicaptenzorg", "Gehandicaptenzorg", 4),
    ("jeugdzorg", "Jeugdzorg", 5),
    ("ziekenhuiszorg", "Ziekenhuiszorg", 6),
]

REGIONS = [
    ("Noord", "noord"),
    ("Oost", "oost"),
    ("Midden", "midden"),
    ("Noord-West", "noord-west"),
    ("Zuid-West", "zuid-west"),
    ("Zuid", "zuid"),
]


def forwards(apps, schema_editor):
    CareSector = apps.get_model("organisations", "CareSector")
    Region = apps.get_model("organisations", "Region")
    for code, name, order in SECTORS:
        CareSector.objects.update_or_create(code=code, defaults={"name": name, "order": order})
    for name, slug in REGIONS:
        Region.objects.get_or_create(slug=slug, defaults={"name": name})


class Migration(migrations.Migration):
    dependencies = [("organisations", "0001_initial")]
    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
