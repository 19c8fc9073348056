"""The knowledge centre's panels on the staff start page and the Wagtail dashboard."""

from raadsplein.web.navigation import for_staff

from . import selectors, zero_results


def recent(request) -> dict:
    """The newest publications, members-only ones included (staff see everything)."""
    return {"publications": selectors.latest_publications(request.user, limit=6)}


def may_see_zero_results(user) -> bool:
    """Searches can hold health details: only staff who may edit synonyms see them."""
    return for_staff(user) and user.has_perm("knowledge.add_synonym")


def zero_result_queries(request) -> dict:
    """The ten searches that most often found nothing in the last 30 days."""
    return {"queries": zero_results.most_frequent(limit=10), "days": zero_results.WINDOW_DAYS}
