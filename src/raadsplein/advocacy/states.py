"""The default steps of a signal's life, for a database that has none.

Migration 0002 makes them in a new database. A flushed test database (a transactional or
browser test empties every table, data from migrations included) has none, and reporting
needs an initial state: ``ensure_default_states`` runs after every migrate and flush
(``apps.py``) and makes the defaults only when there are no states at all, so steps staff
renamed, hid or removed are never made again.
"""

from django.db import transaction

from .models import State

# (slug, name, explanation for councils, visible to councils, initial, closed), as in 0002.
DEFAULT_STATES = [
    ("ontvangen", "Ontvangen", "We hebben uw signaal ontvangen en lezen het.", True, True, False),
    (
        "in-behandeling",
        "In behandeling",
        "Een beleidsadviseur bekijkt uw signaal.",
        True,
        False,
        False,
    ),
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
    (
        "resultaat",
        "Resultaat",
        "Er is een resultaat. Leest u het antwoord hieronder.",
        True,
        False,
        False,
    ),
    ("gesloten", "Gesloten", "We werken niet meer aan dit signaal.", True, False, True),
]


@transaction.atomic
def ensure_default_states() -> int:
    """Make the default states when the database has none; answers how many were made."""
    if State.objects.exists():
        return 0
    for order, (slug, name, description, visible, initial, closed) in enumerate(DEFAULT_STATES):
        State.objects.create(
            slug=slug,
            name=name,
            description=description,
            order=order * 10,
            visible_to_councils=visible,
            is_initial=initial,
            is_closed=closed,
        )
    return len(DEFAULT_STATES)
