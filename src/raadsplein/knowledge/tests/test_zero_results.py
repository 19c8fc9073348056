"""Searches that found nothing: counted privately, shown to editors for synonyms."""

import datetime

import pytest
from django.contrib.auth.models import AnonymousUser

from raadsplein.accounts.tests.factories import adviseur, beheerder, redacteur
from raadsplein.knowledge import zero_results
from raadsplein.knowledge.models import ZeroResultQuery
from raadsplein.organisations.tests.factories import member

from .factories import publication

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 2)
PANEL = "Zoekvragen zonder resultaat"


def test_a_search_without_results_is_counted_without_who_asked(client):
    publication(slug="begroting", title="De begroting lezen", audience="public")
    client.force_login(member())
    client.get("/kennisbank/zoeken/", {"q": "  Dwangbuis   OPNAME "})
    client.get("/kennisbank/zoeken/", {"q": "dwangbuis opname"})
    client.get("/kennisbank/zoeken/", {"q": "begroting"})  # found: not counted
    client.get("/kennisbank/zoeken/", {"q": "qqzz", "soort": "brochure"})  # filtered: not counted

    row = ZeroResultQuery.objects.get()
    assert (row.query, row.count) == ("dwangbuis opname", 2)
    assert {f.name for f in ZeroResultQuery._meta.get_fields()} == {"id", "query", "day", "count"}


def test_the_api_counts_a_search_without_results_as_the_page_does(client):
    publication(slug="begroting", title="De begroting lezen", audience="public")
    client.get("/api/v1/knowledge/search", {"q": "Dwangbuis  opname"})
    client.get("/api/v1/knowledge/search", {"q": "begroting"})  # found: not counted
    client.get("/api/v1/knowledge/search", {"q": "qqzz", "kind": "brochure"})  # filtered
    row = ZeroResultQuery.objects.get()
    assert (row.query, row.count) == ("dwangbuis opname", 1)


def test_counting_per_day_and_the_ten_most_frequent_of_the_last_30_days():
    for n in range(12):
        for _ in range(n + 1):
            zero_results.record(f"woord {n:02d}", today=TODAY)
    zero_results.record("woord 00", today=TODAY - datetime.timedelta(days=29))  # still in
    for _ in range(50):
        zero_results.record("te oud", today=TODAY - datetime.timedelta(days=30))  # just out

    top = zero_results.most_frequent(today=TODAY)

    assert len(top) == 10
    assert top[0] == {"query": "woord 11", "total": 12}
    assert "te oud" not in [r["query"] for r in top]
    assert "woord 00" not in [r["query"] for r in top]  # 2 in total: not in the ten
    assert ZeroResultQuery.objects.filter(query="woord 00").count() == 2


def test_a_day_in_the_window_counts_with_today():
    zero_results.record("mantelzorgcompliment", today=TODAY - datetime.timedelta(days=29))
    zero_results.record("mantelzorgcompliment", today=TODAY)
    assert zero_results.most_frequent(today=TODAY) == [
        {"query": "mantelzorgcompliment", "total": 2}
    ]


def test_counts_older_than_a_month_are_removed_when_a_new_day_starts():
    zero_results.record("oud", today=TODAY - datetime.timedelta(days=32))
    zero_results.record("net binnen", today=TODAY - datetime.timedelta(days=31))
    zero_results.record("nieuw", today=TODAY)
    assert set(ZeroResultQuery.objects.values_list("query", flat=True)) == {"net binnen", "nieuw"}


def test_control_characters_are_not_stored():
    zero_results.record("wet\x00 zorg\x01en dwang", today=TODAY)
    assert ZeroResultQuery.objects.get().query == "wet zorg en dwang"


@pytest.mark.parametrize("text", ["", " ", "a", '"', "\x00\x01"])
def test_empty_or_one_letter_is_not_recorded(text):
    zero_results.record(text, today=TODAY)
    assert not ZeroResultQuery.objects.exists()


def test_editors_see_the_panel_on_the_staff_page_and_the_wagtail_dashboard(client):
    zero_results.record("geschillenregeling")
    client.force_login(redacteur())
    for url in ("/medewerkers/", "/admin/"):
        html = client.get(url).content.decode()
        assert PANEL in html, url
        assert "geschillenregeling" in html
        assert "/admin/snippets/knowledge/synonym/add/?woord=geschillenregeling" in html
    client.force_login(beheerder())
    assert PANEL in client.get("/medewerkers/").content.decode()


@pytest.mark.parametrize("who", ["adviseur", "lid", "bezoeker"])
def test_others_do_not_see_the_queries(client, who):
    zero_results.record("depressie en opname")
    if who == "adviseur":
        client.force_login(adviseur())  # staff, but may not edit synonyms
    elif who == "lid":
        client.force_login(member())
    for url in ("/medewerkers/", "/admin/", "/mijn/"):
        html = client.get(url).content.decode()
        assert PANEL not in html, url
        assert "depressie en opname" not in html, url


def test_the_add_link_fills_in_the_word(client):
    client.force_login(redacteur())
    html = client.get("/admin/snippets/knowledge/synonym/add/", {"woord": "Geschillenregeling"})
    assert 'value="geschillenregeling"' in html.content.decode()


def test_the_predicate_for_the_panel():
    from raadsplein.knowledge.staff_panels import may_see_zero_results

    assert may_see_zero_results(redacteur())
    assert not may_see_zero_results(adviseur())
    assert not may_see_zero_results(member())
    assert not may_see_zero_results(AnonymousUser())
