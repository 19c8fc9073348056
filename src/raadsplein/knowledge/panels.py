"""The "Mijn Raadsplein" panel: the newest publications this person may read."""

from . import selectors
from .rules import sees_members_content


def latest(request) -> dict:
    return {
        "publications": selectors.latest_publications(request.user, limit=5),
        "is_member": sees_members_content(request.user),
    }
