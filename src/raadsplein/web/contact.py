"""The Vraagbaak's contact details and the membership costs, from the site setting."""

from .caching import shared, site_for_request
from .models import ContactSettings


def contact_for(request) -> ContactSettings | None:
    """The contact setting of the request's site, kept in the shared cache until content
    changes (every page's footer shows it, so it must cost no query)."""
    site = getattr(request, "_wagtail_site", None) or site_for_request(request)
    if site is None:
        return None
    # Not Wagtail's for_site: it creates the row on first read, and a write on a GET would
    # empty the visitors' page cache.
    return shared(
        "contact-settings",
        (site.pk,),
        lambda: ContactSettings.objects.filter(site=site).first() or ContactSettings(site=site),
    )
