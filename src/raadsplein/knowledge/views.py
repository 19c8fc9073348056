from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from raadsplein.organisations import access
from raadsplein.web import files

from . import selectors, zero_results
from .models import Kind, KnowledgeIndexPage
from .rules import can_view_publication, sees_members_content


def _int(value, default: int = 1) -> int:
    try:
        number = int(str(value)[:6])
    except (TypeError, ValueError):
        return default
    return max(1, number)


@require_GET
def catalogue(request):
    """The catalogue at /kennisbank/ and the search page at /kennisbank/zoeken/."""
    q = request.GET.get("q", "")
    filters = [request.GET.getlist(name) for name in ("soort", "thema", "sector")]
    outcome = selectors.search_publications(
        request.user,
        q=q,
        kinds=filters[0],
        themes=filters[1],
        sectors=filters[2],
        sort=request.GET.get("sortering", "relevantie"),
        page_number=_int(request.GET.get("pagina")),
    )
    if q.strip() and outcome.count == 0 and not any(filters):
        zero_results.record(q)  # the words only, for editors' synonyms; no person, no IP
    index_page = KnowledgeIndexPage.objects.live().first()
    response = render(
        request,
        "knowledge/catalogue.html",
        {
            "outcome": outcome,
            "page": outcome.page,
            "index_page": index_page,
            "is_member": sees_members_content(request.user),
            "facet_groups": [
                ("soort", _("Soort"), outcome.facets.get("soort", [])),
                ("thema", _("Thema"), outcome.facets.get("thema", [])),
                ("sector", _("Zorgsector"), outcome.facets.get("sector", [])),
            ],
        },
    )
    patch_cache_control(response, private=True)
    return response


def serve_publication(request, page):
    """A publication page. Non-members see a teaser (if editors allow it) or nothing."""
    if can_view_publication(request.user, page):
        files = list(page.files.select_related("document"))
        related = list(selectors.publications_for(request.user).filter(pk__in=page.related.all()))
        response = render(
            request,
            "knowledge/publication_page.html",
            {"page": page, "self": page, "files": files, "related": related},
        )
        if not page.is_public:
            # never let a shared cache hand a members-only page to someone else
            patch_cache_control(response, private=True, no_store=True)
        return response
    if page.teaser:
        return render(request, "knowledge/publication_teaser.html", {"page": page})
    return access.refuse_members_content(request)


@require_GET
def download(request, file_id: int):
    """An attached file, streamed after the access check."""
    item = selectors.file_for(request.user, file_id)
    if item is None:
        if not selectors.live_file_exists(file_id):
            raise Http404
        return access.refuse_members_content(request)
    document = item.document
    response = FileResponse(
        document.file.open("rb"), as_attachment=False, filename=document.filename
    )
    response["Cache-Control"] = "private, no-store" if not item.page.is_public else "public"
    response["X-Content-Type-Options"] = "nosniff"
    return files.with_ranges(request, response)  # audio players seek with byte ranges


class PublicFeed(Feed):
    """RSS of public publications only; members-only titles never appear here."""

    title = _("Raadsplein kennisbank: nieuwe publicaties")
    description = _("Nieuwe openbare publicaties voor cliëntenraden.")

    def link(self):
        return reverse("knowledge:index")

    def items(self):
        return selectors.public_publications().order_by("-published_on", "-pk")[:30]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.url

    def item_categories(self, item):
        return [Kind(item.kind).label]


def sitemap(request):
    pages = selectors.public_publications().order_by("-published_on", "-pk")
    return render(
        request,
        "knowledge/sitemap.xml",
        {"pages": pages, "base": request.build_absolute_uri("/").rstrip("/")},
        content_type="application/xml",
    )
