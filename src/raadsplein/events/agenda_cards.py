"""The agenda's session cards, rendered once for everyone who sees the same and kept shared.

The cards of one agenda page are the same for every person with the same answer to "member or
not" and "signed in or not" (teasers and their links), in one language, at one address (filters
and page). They are rendered once and kept like any shared value (``raadsplein.web.caching``):
dropped when content changes (an event, a session, a booking — so seat counts stay true) and
after RAADSPLEIN_PAGE_CACHE_SECONDS (sessions that have ended leave the agenda).

What is personal — "U heeft een plaats", "U staat op de wachtlijst" — is never in the stored
cards: each card holds a marker, and every request reads the person's own bookings of the
sessions on the page fresh (one query) and puts their badge in.
"""

import re

from django.contrib.auth.models import AnonymousUser
from django.core.paginator import Paginator
from django.template.loader import get_template, render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from raadsplein.organisations.rules import is_member
from raadsplein.web.caching import shared

from . import selectors
from .forms import AgendaFilterForm
from .models import ACTIVE_STATUSES, Booking, Theme

PER_PAGE = 20
MARKER = "<!--rp-mine-{}-->"
_MARKERS = re.compile(r"<!--rp-mine-\d+-->")


def filter_form(data) -> AgendaFilterForm:
    """The agenda's filter form; its theme and region choices are shared content."""

    def choices():
        from raadsplein.organisations.models import Region

        return (
            list(Theme.objects.values_list("slug", "name")),
            list(Region.objects.values_list("slug", "name")),
        )

    themes, regions = shared("events-agenda-choices", (), choices)
    return AgendaFilterForm(data, themes=themes, regions=regions)


def agenda_cards(request, filters: dict) -> dict:
    """``page`` (a Paginator page over the count, for the count and the pagination) and ``cards``
    (the HTML of the page's cards, with the person's own booking badges)."""
    user = request.user
    member = is_member(user)
    signed_in = bool(getattr(user, "is_authenticated", False))

    def compute() -> dict:
        # The sessions are the same for everyone (the agenda lists every published event, a
        # members-only one as a teaser); no person's booking status is read here.
        sessions = selectors.upcoming_sessions(AnonymousUser(), teasers=True, **filters)
        page = Paginator(sessions, PER_PAGE).get_page(request.GET.get("pagina"))
        shown = list(page.object_list)
        for s in shown:
            s.is_teaser = s.event.audience == selectors.Audience.MEMBERS and not member
        html = render_to_string(
            "events/includes/agenda_cards.html",
            {"sessions": shown},
            request=request,
        )
        return {
            "count": page.paginator.count,
            "number": page.number,
            "html": html,
            "ids": [s.pk for s in shown if not s.is_teaser],
        }

    key = (member, signed_in, translation.get_language(), request.get_full_path())
    entry = shared("events-agenda-cards", key, compute)
    page = Paginator(range(entry["count"]), PER_PAGE).get_page(entry["number"])
    return {"page": page, "cards": _with_my_badges(entry["html"], entry["ids"], user)}


def _with_my_badges(html: str, ids: list[int], user) -> str:
    """Put the person's own booking status (read now) into the shared cards."""
    if ids and getattr(user, "is_authenticated", False):
        mine = dict(
            Booking.objects.filter(person=user, session_id__in=ids, status__in=ACTIVE_STATUSES)
            .order_by("pk")
            .values_list("session_id", "status")
        )
        if mine:
            badge = get_template("events/includes/my_status.html")
            for session_id, status in mine.items():
                html = html.replace(
                    MARKER.format(session_id),
                    " " + badge.render({"s": {"my_status": status}}).strip(),
                )
    return mark_safe(_MARKERS.sub("", html))  # noqa: S308 - our own rendered template
