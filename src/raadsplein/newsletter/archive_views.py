"""The public archive of sent editions (issue 14, part 7): the list at /nieuwsbrief/archief/
and one edition at /nieuwsbrief/archief/<pk>/, the "view in browser" link of every message."""

from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from raadsplein.knowledge.rules import sees_members_content

from . import archive_selectors

PER_PAGE = 20


@require_safe
def archive(request):
    page = Paginator(archive_selectors.archive_editions(), PER_PAGE).get_page(
        request.GET.get("pagina")
    )
    return render(
        request,
        "newsletter/archive.html",
        {"page": page, "editions": list(page.object_list)},
    )


@require_safe
def edition(request, pk: int):
    found, is_preview = archive_selectors.edition_for(request.user, pk)
    is_member = sees_members_content(request.user)
    items = archive_selectors.archive_items(found, is_member=is_member)
    response = render(
        request,
        "newsletter/archive_edition.html",
        {
            "edition": found,
            "items": items,
            "is_member": is_member,
            "is_preview": is_preview,
            "has_locked": any(item["locked"] for item in items),
        },
    )
    if is_preview or (is_member and any(item["members_only"] for item in items)):
        # a preview, or items for members in full: never from a shared cache
        patch_cache_control(response, private=True, no_store=True)
    return response
