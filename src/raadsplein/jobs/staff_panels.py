"""The background work's panel on the staff start page (beheerders): what needs a look."""

from . import selectors


def attention(request) -> dict:
    return {
        "failed": selectors.failed_tasks(limit=100).count(),
        "stuck": len(selectors.stuck_tasks()),
    }
