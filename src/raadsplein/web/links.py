"""Absolute links to this site, for mail, calendar files and anything read outside a request.

Every link that leaves the site (e-mail, ICS, feeds sent by a task) is built from one setting,
``RAADSPLEIN_BASE_URL``, so a mail sent by the worker points at the same site as one sent while
a person clicks, and never at the host name a request happened to carry.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import reverse


def base_url() -> str:
    return settings.RAADSPLEIN_BASE_URL.rstrip("/")


def absolute(path: str) -> str:
    """``/agenda/`` → ``https://raadsplein.nl/agenda/``; a full URL is returned unchanged."""
    if "://" in path:
        return path
    if not path.startswith("/"):
        path = "/" + path
    return base_url() + path


def absolute_reverse(viewname: str, *args, **kwargs) -> str:
    return absolute(reverse(viewname, args=args or None, kwargs=kwargs or None))


def domain() -> str:
    """The host name of the site, for calendar UIDs and Message-IDs."""
    return urlsplit(base_url()).hostname or "raadsplein.nl"
