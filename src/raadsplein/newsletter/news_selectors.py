"""Reads of the news: live items under the news index, what a visitor may see of them."""

import datetime

from django.db.models import QuerySet

from raadsplein.knowledge.models import Audience

from .news_models import NewsIndexPage, NewsPage


def news_index() -> NewsIndexPage | None:
    return NewsIndexPage.objects.live().first()


def live_news() -> QuerySet[NewsPage]:
    """Every live news item, newest first (members-only ones included)."""
    return (
        NewsPage.objects.live()
        .select_related("image")
        .order_by("-published_on", "-first_published_at", "-pk")
    )


def public_news() -> QuerySet[NewsPage]:
    """Live news items for everyone: what the feeds and the home page show."""
    return live_news().filter(audience=Audience.PUBLIC)


def latest_public_news(*, limit: int = 3) -> list[NewsPage]:
    return list(public_news()[:limit])


def latest_news_for_members(*, limit: int = 5) -> list[NewsPage]:
    """The newest items for members, members-only ones included (Mijn Raadsplein)."""
    return list(live_news()[:limit])


def news_published_between(start: datetime.date, end: datetime.date) -> QuerySet[NewsPage]:
    """Live news items with a publication date in [start, end] (the weekly draft reads it)."""
    return live_news().filter(published_on__gte=start, published_on__lte=end)


def news_years() -> list[int]:
    """The years that have live news, newest first (the overview's year filter)."""
    return [d.year for d in live_news().order_by().dates("published_on", "year", order="DESC")]


def filtered_news(*, theme=None, sector=None, year: int | None = None) -> QuerySet[NewsPage]:
    """The overview's list: every live item (members-only ones too, shown to non-members as
    a teaser), newest first, narrowed by theme, sector and year."""
    qs = live_news()
    if theme is not None:
        qs = qs.filter(themes=theme)
    if sector is not None:
        qs = qs.filter(sectors=sector)
    if year is not None:
        qs = qs.filter(published_on__year=year)
    return qs
