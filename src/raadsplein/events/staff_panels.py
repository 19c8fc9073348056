"""The agenda's panel on the staff start page and the Wagtail dashboard."""

from . import selectors


def upcoming_sessions(request) -> dict:
    """The next sessions with their free seats and waiting lists."""
    return {"sessions": list(selectors.staff_sessions(upcoming_only=True)[:8])}
