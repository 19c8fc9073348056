from django.conf import settings

from . import navigation
from .contact import contact_for


def site_chrome(request) -> dict:
    """What the base layout needs on every page: navigation, search, the person's preferences."""
    user = getattr(request, "user", None)
    body_classes = []
    if user is not None and user.is_authenticated:
        body_classes.append(f"text-{user.text_size}")
        if user.reduce_motion:
            body_classes.append("reduce-motion")
    return {
        "nav_items": navigation.nav_items(request) if user is not None else [],
        "site_search": navigation.site_search(),
        "body_classes": " ".join(body_classes),
        "demo_mode": settings.RAADSPLEIN_DEMO_MODE,
        "contact": contact_for(request),
    }
