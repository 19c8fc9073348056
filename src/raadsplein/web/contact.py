"""The Vraagbaak's contact details and the membership costs, from the site setting."""

from django.core.exceptions import ObjectDoesNotExist

from .caching import site_for_request
from .models import ContactSettings


def contact_for(request) -> ContactSettings | None:
    """The contact setting of the request's site. It comes with the cached site lookup
    (``caching._all_sites``), so the footer of every page costs no query; a site without a
    saved setting gets the defaults (not Wagtail's ``for_site``, which writes on a GET)."""
    site = getattr(request, "_wagtail_site", None) or site_for_request(request)
    if site is None:
        return None
    try:
        return site.contactsettings
    except ObjectDoesNotExist:
        return ContactSettings(site=site)
