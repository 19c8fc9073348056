"""The starting synonym list and themes. Editors manage both in the Wagtail admin."""

from django.db import migrations

SYNONYMS = [
    ("MZR", ["MZR", "medezeggenschapsregeling", "regeling medezeggenschap"]),
    ("CR", ["CR", "cliëntenraad", "clientenraad"]),
    ("CCR", ["CCR", "centrale cliëntenraad"]),
    ("LCR", ["LCR", "lokale cliëntenraad"]),
    ("Wmcz", ["Wmcz", "Wmcz 2018", "Wet medezeggenschap cliënten zorginstellingen"]),
    ("LCvV", ["LCvV", "commissie van vertrouwenslieden", "landelijke commissie van vertrouwenslieden"]),
    ("RvB", ["RvB", "raad van bestuur", "bestuurder"]),
    ("RvT", ["RvT", "raad van toezicht", "toezichthouder"]),
    ("IGJ", ["IGJ", "inspectie", "Inspectie Gezondheidszorg en Jeugd"]),
    ("VWS", ["VWS", "ministerie van Volksgezondheid, Welzijn en Sport", "ministerie"]),
    ("Wzd", ["Wzd", "Wet zorg en dwang"]),
    ("Wlz", ["Wlz", "Wet langdurige zorg"]),
    ("Wmo", ["Wmo", "Wet maatschappelijke ondersteuning"]),
    ("ggz", ["ggz", "geestelijke gezondheidszorg"]),
    ("VVT", ["VVT", "verpleging, verzorging en thuiszorg", "ouderenzorg"]),
    ("OR", ["OR", "ondernemingsraad"]),
    ("Ondersteuner", ["ondersteuner", "ambtelijk secretaris", "ambtelijk ondersteuner"]),
    ("Achterban", ["achterban", "cliënten die u vertegenwoordigt"]),
    ("Begroting", ["begroting", "budget", "jaarbegroting"]),
    ("Jaarrekening", ["jaarrekening", "jaarcijfers"]),
    ("Leden werven", ["werven", "werving", "nieuwe leden zoeken"]),
    ("Vrijwilliger", ["vrijwilliger", "vrijwilligerswerk"]),
    ("Mantelzorger", ["mantelzorger", "naaste", "familielid"]),
    ("Verbouwing", ["verbouwing", "nieuwbouw", "huisvesting"]),
    ("Huishoudelijk reglement", ["huishoudelijk reglement", "HR"]),
]

THEMES = [
    "Medezeggenschap en de wet",
    "Samenwerken met de bestuurder",
    "Achterban",
    "Geld en begroting",
    "Kwaliteit en veiligheid",
    "Huisvesting en bouw",
    "Leden werven en behouden",
    "De raad organiseren",
    "Toezicht en bestuur",
    "Jeugd",
    "Zorg en dwang",
]


def seed(apps, schema_editor):
    Synonym = apps.get_model("knowledge", "Synonym")
    Theme = apps.get_model("knowledge", "Theme")
    from django.utils.text import slugify

    for name, variants in SYNONYMS:
        Synonym.objects.get_or_create(name=name, defaults={"variants": "\n".join(variants)})
    for name in THEMES:
        Theme.objects.get_or_create(name=name, defaults={"slug": slugify(name)})


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
