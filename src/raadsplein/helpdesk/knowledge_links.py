"""Link a knowledge publication into an answer: the advisor searches live publications by
title on the question's page (?kennis=<words>) and picks one (?koppel=<id>); its title and
address are put at the end of the answer field. Only live publications are offered."""

from __future__ import annotations

from raadsplein.web import links

MAX_RESULTS = 10


def search(words: str):
    from raadsplein.knowledge.models import PublicationPage

    words = (words or "").strip()[:100]
    if not words:
        return []
    return list(
        PublicationPage.objects.live()
        .filter(title__icontains=words)
        .order_by("title")
        .only("pk", "title", "url_path")[:MAX_RESULTS]
    )


def chosen(raw: str):
    from raadsplein.knowledge.models import PublicationPage

    if not (raw.isascii() and raw.isdigit()) or len(raw) > 12:
        return None
    return PublicationPage.objects.live().filter(pk=int(raw)).first()


def link_text(page) -> str:
    return f"{page.title}: {links.absolute(page.get_url() or '/')}"


def with_link(body: str, page) -> str:
    text = link_text(page)
    return f"{body.rstrip()}\n\n{text}" if body.strip() else text
