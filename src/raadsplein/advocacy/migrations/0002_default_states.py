from django.db import migrations

# The default life of a signal (issue 13): staff may rename, add or hide steps afterwards.
STATES = [
    ("ontvangen", "Ontvangen", "We hebben uw signaal ontvangen en lezen het.", True, True, False),
    ("in-behandeling", "In behandeling", "Een beleidsadviseur bekijkt uw signaal.", True, False, False),
    (
        "in-dossier",
        "Opgepakt in dossier",
        "Uw signaal is samen met andere signalen opgenomen in een dossier.",
        True,
        False,
        False,
    ),
    (
        "aangekaart",
        "Aangekaart",
        "We hebben het onderwerp aangekaart bij VWS, de IGJ, een zorgkantoor of een verzekeraar.",
        True,
        False,
        False,
    ),
    ("resultaat", "Resultaat", "Er is een resultaat. Leest u het antwoord hieronder.", True, False, False),
    ("gesloten", "Gesloten", "We werken niet meer aan dit signaal.", True, False, True),
]


def add_states(apps, schema_editor):
    State = apps.get_model("advocacy", "State")
    for order, (slug, name, description, visible, initial, closed) in enumerate(STATES):
        State.objects.get_or_create(
            slug=slug,
            defaults={
                "name": name,
                "description": description,
                "order": order * 10,
                "visible_to_councils": visible,
                "is_initial": initial,
                "is_closed": closed,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("advocacy", "0001_initial")]

    operations = [migrations.RunPython(add_states, migrations.RunPython.noop)]
