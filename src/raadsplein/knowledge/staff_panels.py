"""The knowledge centre's panel on the staff start page and the Wagtail dashboard."""

from . import selectors


def recent(request) -> dict:
    """The newest publications, members-only ones included (staff see everything)."""
    return {"publications": selectors.latest_publications(request.user, limit=6)}
