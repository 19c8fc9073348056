"""Query counts of the benchmark's pages (bench/bench_pages.py) that have no count test in
their app yet: the same number of queries with a small and with a larger world.

The apps' own tests cover the agenda, the programme, my bookings, the staff overview, the
knowledge catalogue and search, the course catalogue, course and step pages, the statistics
and the council overview. Each test here counts the second request (the first fills the
per-process caches), then grows what the page shows and counts again.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.events.models import Audience
from raadsplein.events.tests.factories import BookingFactory, EventFactory, SessionFactory
from raadsplein.knowledge.tests.factories import publication
from raadsplein.learning.models import Audience as CourseAudience
from raadsplein.learning.services import enrol
from raadsplein.learning.tests.factories import small_course
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

pytestmark = pytest.mark.django_db


def _count(client, url, **params) -> tuple[int, str]:
    client.get(url, params)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(ctx.captured_queries), response.content.decode()


def _grow_world(person, n: int) -> None:
    """n more of what the home page, Mijn Raadsplein and the API lists draw on."""
    for i in range(n):
        publication(title=f"Groeipublicatie {i}", audience="public", themes=["Zorg"])
        event = EventFactory(title=f"Groeisessie {i}", audience=Audience.OPEN)
        session = SessionFactory(event=event)
        BookingFactory(session=session, person=person)
        SeatFactory(person=person, council=MemberCouncilFactory())
        enrol(person=person, course=small_course(audience=CourseAudience.PUBLIC))


@pytest.mark.parametrize("who", ["visitor", "member", "chair", "advisor"])
def test_home_and_dashboard_query_count_is_flat(client, who):
    person = {"visitor": None, "member": member, "chair": member, "advisor": adviseur}[who]
    person = person() if person else member()
    if who != "visitor":
        client.force_login(person)
    urls = ["/"] + ([reverse("web:dashboard")] if who != "visitor" else [])
    _grow_world(person, 1)
    small = {url: _count(client, url)[0] for url in urls}
    _grow_world(person, 3)
    for url in urls:
        queries, html = _count(client, url)
        assert queries == small[url], url
        if url != "/" and who != "advisor":
            assert html.count("Groeisessie") >= 3  # the bookings panel shows all four


def test_publication_page_query_count_is_flat(client):
    client.force_login(member())
    page = publication(title="Hoofdpublicatie", themes=["Zorg"], sectors=["ggz"])
    small, _ = _count(client, page.url)
    for i in range(3):
        publication(title=f"Verwant {i}", themes=["Zorg", "Geld"], sectors=["ggz"])
    page.themes.add(*page.themes.model.objects.all())
    queries, html = _count(client, page.url)
    assert queries == small
    assert "Hoofdpublicatie" in html


def test_event_page_query_count_is_flat_in_its_sessions(client):
    client.force_login(member())
    event = EventFactory(title="Regiobijeenkomst", audience=Audience.OPEN)
    SessionFactory(event=event)
    url = reverse("events:event_detail", args=[event.slug])
    small, _ = _count(client, url)
    for _ in range(3):
        BookingFactory(session=SessionFactory(event=event), person=member())
    queries, html = _count(client, url)
    assert queries == small
    assert html.count("session") >= 4


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/v1/events/", {}),
        ("/api/v1/learning/courses", {}),
        ("/api/v1/knowledge/search", {"q": "groeipublicatie"}),
    ],
)
@pytest.mark.parametrize("signed_in", [False, True])
def test_api_lists_query_count_is_flat(client, url, params, signed_in):
    person = member()
    if signed_in:
        client.force_login(person)
    _grow_world(person, 1)
    small, _ = _count(client, url, **params)
    _grow_world(person, 3)
    queries, body = _count(client, url, **params)
    assert queries == small
    assert body.count("roei") >= 4 or body.count('"slug"') >= 4
