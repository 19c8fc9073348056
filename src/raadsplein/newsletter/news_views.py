"""The news overview at /nieuws/ and one news item (served by its Wagtail page)."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from raadsplein.knowledge.rules import sees_members_content
from raadsplein.organisations import access

from . import news_selectors
from .news_forms import NewsFilterForm
from .news_rules import can_view_news

PER_PAGE = 20


@require_safe
def overview(request):
    """Every news item, newest first, 20 a page; members-only items are a teaser for others."""
    form = NewsFilterForm(
        request.GET if any(k in request.GET for k in ("thema", "sector", "jaar")) else None,
        years=news_selectors.news_years(),
    )
    filters = form.filters()
    items = news_selectors.filtered_news(
        theme=filters.get("thema"), sector=filters.get("sector"), year=filters.get("jaar")
    )
    page = Paginator(items, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "newsletter/news_index.html",
        {
            "form": form,
            "filtered": bool(filters),
            "page": page,
            "items": list(page.object_list),
            "index_page": news_selectors.news_index(),
            "is_member": sees_members_content(request.user),
        },
    )


def serve_news(request, page):
    """A news item; a members-only item is for members (others: sign-in or the members page)."""
    if not can_view_news(request.user, page):
        return access.refuse_members_content(request)
    response = render(request, "newsletter/news_page.html", {"page": page, "self": page})
    if not page.is_public:
        # never let a shared cache hand a members-only page to someone else
        patch_cache_control(response, private=True, no_store=True)
    return response
