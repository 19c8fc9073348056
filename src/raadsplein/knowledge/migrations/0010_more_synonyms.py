"""Words people use for the same thing, added to the synonym list (editors keep extending it
under Kennisbank → Synoniemen). A group that is already there gets the missing words added; a
group that is not there is made. Nothing an editor wrote is removed. Idempotent.

A one-word variant is found at once; a variant of several words counts for publications after
they are indexed again (``manage.py rebuild_knowledge_index``, or any edit of the group)."""

from django.db import migrations

# group name → words and word groups that mean the same to a council member
SYNONYMS = [
    # What people call the commissie van vertrouwenslieden (disputes with the bestuurder).
    ("LCvV", ["geschillencommissie", "commissie voor geschillen"]),
    # Lay people mix up the vertrouwenspersoon and the commissie van vertrouwenslieden.
    ("Vertrouwenspersoon", ["vertrouwenspersoon", "cliëntvertrouwenspersoon", "vertrouwenslieden"]),
    ("MZR", ["medezeggenschapsreglement"]),
    ("CR", ["bewonersraad"]),
    ("RvB", ["directeur-bestuurder", "zorgbestuurder"]),
    ("IGJ", ["IGZ", "zorginspectie"]),
    ("Wzd", ["onvrijwillige zorg", "Bopz", "Wet Bopz"]),
    ("Wlz", ["AWBZ"]),
    ("Leden werven", ["ledenwerving", "vacature", "vacatures"]),
    ("Klachtenfunctionaris", ["klachtenfunctionaris", "klachtenbemiddelaar"]),
    ("Zorgkantoor", ["zorgkantoor", "Wlz-uitvoerder"]),
    ("Zorgverzekeraar", ["zorgverzekeraar", "verzekeraar"]),
    (
        "Verpleeghuis",
        ["verpleeghuis", "verpleegtehuis", "verzorgingshuis", "bejaardentehuis", "woonzorgcentrum"],
    ),
    ("Dementie", ["dementie", "alzheimer"]),
    ("Gehandicaptenzorg", ["gehandicaptenzorg", "zorg voor mensen met een beperking"]),
]


def _words(variants: str) -> list[str]:
    parts = variants.replace(",", "\n").replace(";", "\n").splitlines()
    return [p.strip() for p in parts if p.strip()]


def seed(apps, schema_editor):
    Synonym = apps.get_model("knowledge", "Synonym")
    for name, words in SYNONYMS:
        group = Synonym.objects.filter(name__iexact=name).order_by("pk").first()
        if group is None:
            Synonym.objects.create(name=name, variants="\n".join(words))
            continue
        have = _words(group.variants)
        known = {w.lower() for w in have}
        missing = [w for w in words if w.lower() not in known]
        if missing:
            group.variants = "\n".join(have + missing)
            group.save(update_fields=["variants"])


class Migration(migrations.Migration):
    dependencies = [("knowledge", "0009_merge_duplicate_themes")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
