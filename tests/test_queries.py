"""List views use a fixed number of queries, whatever the number of rows (1 vs 3)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member


def _count(client, url) -> int:
    """Queries of a warm request: the first after a change fills per-person caches (whether
    the viewer is a member), which is a fixed cost, not one that grows with the rows."""
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_directory_query_count_does_not_grow(client):
    viewer = member()
    client.force_login(viewer)
    url = reverse("organisations:directory")
    one = _count(client, url)
    for _ in range(2):
        MemberCouncilFactory()
    three = _count(client, url)
    assert one == three


@pytest.mark.django_db
def test_dashboard_query_count_does_not_grow_with_seats(client):
    seat = SeatFactory()
    client.force_login(seat.person)
    url = reverse("web:dashboard")
    one = _count(client, url)
    SeatFactory(person=seat.person, role=SeatRole.SECRETARIS)
    SeatFactory(person=seat.person)
    three = _count(client, url)
    assert one == three


@pytest.mark.django_db
def test_my_councils_query_count_does_not_grow(client):
    seat = SeatFactory()
    client.force_login(seat.person)
    url = reverse("organisations:my_councils")
    one = _count(client, url)
    SeatFactory(person=seat.person)
    SeatFactory(person=seat.person)
    three = _count(client, url)
    assert one == three


@pytest.mark.django_db
def test_council_detail_query_count_does_not_grow_with_members(client):
    seat = SeatFactory()
    client.force_login(seat.person)
    url = reverse("organisations:council_detail", args=[seat.council.pk])
    one = _count(client, url)
    SeatFactory(council=seat.council)
    SeatFactory(council=seat.council)
    three = _count(client, url)
    assert one == three
