"""The site's sitemaps: ``/sitemap.xml`` is an index of every app's sitemap.

An app with public pages registers its sitemap's URL name in ``AppConfig.ready``:
``sitemaps.register(key="knowledge", url_name="knowledge:sitemap")``. Members-only content
never goes in a sitemap.
"""

from django.contrib.sitemaps import Sitemap
from django.shortcuts import render
from django.urls import reverse

_registered: dict[str, str] = {}


def register(*, key: str, url_name: str) -> None:
    """``url_name`` answers an XML ``urlset`` of the app's public pages."""
    _registered[key] = url_name


def registered() -> dict[str, str]:
    return dict(sorted(_registered.items()))


class SitePages(Sitemap):
    """The pages of the site itself, and the front pages of the services."""

    changefreq = "weekly"

    def items(self) -> list[str]:
        return [
            "/",
            reverse("web:contact"),
            reverse("web:membership"),
            reverse("web:privacy"),
            reverse("web:accessibility"),
            reverse("learning:catalogue"),
            reverse("events:agenda"),
        ]

    def location(self, item: str) -> str:
        return item


def index(request):
    base = request.build_absolute_uri("/").rstrip("/")
    locations = [base + reverse("web:sitemap_site")] + [
        base + reverse(url_name) for url_name in registered().values()
    ]
    return render(
        request,
        "web/sitemap_index.xml",
        {"locations": locations},
        content_type="application/xml",
    )
