"""Reads of the public archive: sent editions, one edition for a viewer, and what a
non-member sees of an item for members."""

import re

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from . import selectors
from .models import Edition, EditionItem

_SENTENCE = re.compile(r"^(.+?[.!?])(?:\s|$)", re.S)
TEASER_WORDS = 30


def archive_editions() -> QuerySet[Edition]:
    """Sent editions, newest first (``selectors.sent_editions``), without the counters."""
    return selectors.sent_editions().only("pk", "title", "intro", "week_of", "queued_at")


def edition_for(user, pk: int) -> tuple[Edition, bool]:
    """(edition, is_preview). A sent edition for everyone; a draft or scheduled edition only
    for newsletter editors (a preview); for anyone else 404, as if it did not exist."""
    sent = selectors.sent_editions().filter(pk=pk).first()
    if sent is not None:
        return sent, False
    if user.has_perm("newsletter.manage_newsletter"):
        return get_object_or_404(Edition, pk=pk), True
    raise Http404


def teaser(text: str) -> str:
    """The first sentence of an item's text (at most 30 words): what non-members read of an
    item for members."""
    text = " ".join((text or "").split())
    match = _SENTENCE.match(text)
    first = match.group(1) if match else text
    words = first.split()
    if len(words) > TEASER_WORDS:
        return " ".join(words[:TEASER_WORDS]) + " …"
    return first


def sector_label(name: str) -> str:
    """The sector as it reads after "Voor de": "Gehandicaptenzorg" → "gehandicaptenzorg";
    an abbreviation at the start ("GGZ") stays as it is."""
    return name if name[:2].isupper() else name[:1].lower() + name[1:]


def archive_items(edition: Edition, *, is_member: bool) -> list[dict]:
    """The edition's items in order, each as the archive shows it: members see every item
    whole, others the heading and first sentence of an item for members."""
    shown = []
    item: EditionItem
    for item in selectors.items_for(edition, None):
        locked = item.members_only and not is_member
        shown.append(
            {
                "kind": item.get_kind_display(),
                "heading": item.heading,
                "text": teaser(item.text) if locked else item.text,
                "url": "" if locked else item.url,
                "sector": sector_label(item.sector.name) if item.sector_id else "",
                "members_only": item.members_only,
                "locked": locked,
            }
        )
    return shown
