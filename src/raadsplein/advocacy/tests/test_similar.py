"""Similar signals while typing: what is suggested, what never is, and the two engines."""

import pytest
from django.db import connection

from raadsplein.advocacy import services, similar
from raadsplein.advocacy.models import Signal
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

NIGHT = {
    "title": "Te weinig personeel in de nacht",
    "description": "Bewoners wachten 's nachts lang op hulp omdat er te weinig personeel is.",
}
FOOD = {
    "title": "Maaltijden komen koud aan",
    "description": "De warme maaltijd wordt koud geserveerd op de afdelingen.",
}


def test_a_like_signal_of_another_council_is_suggested_with_label_and_count():
    night = report(**NIGHT)
    report(**FOOD)
    other = council_in()
    services.cosign_signal(
        signal=night, council=other, person=member(council=other), account="Bij ons ook zo."
    )
    found = similar.similar_signals(title="Personeel 's nachts", description="")
    assert [s.pk for s in found] == [night.pk]
    assert found[0].councils == 2 and found[0].label.startswith("een cliëntenraad")


def test_the_members_own_councils_and_merged_signals_are_left_out():
    council = council_in()
    own = report(council=council, **NIGHT)
    merged = report(**NIGHT)
    root = report(**NIGHT)
    Signal.objects.filter(pk=merged.pk).update(merged_into=root)
    found = similar.similar_signals(
        title="Weinig personeel nacht", exclude_council_ids=[council.pk]
    )
    assert [s.pk for s in found] == [root.pk]
    assert own.pk not in [s.pk for s in found]


def test_at_most_five_and_nothing_for_too_little_text():
    for _ in range(7):
        report(**NIGHT)
    assert len(similar.similar_signals(title="personeel nacht")) == 5
    assert similar.similar_signals(title="de") == []
    assert similar.similar_signals(title="   ", description="") == []


def test_the_fallback_ranks_by_shared_words():
    night = report(**NIGHT)
    food = report(**FOOD)
    base = Signal.objects.all()
    words = similar.words_of("maaltijd koud", "")
    assert similar._fallback(base, words=words, limit=5) == [food.pk]
    words = similar.words_of("personeel nacht hulp", "")
    assert similar._fallback(base, words=words, limit=5) == [night.pk]


@pytest.mark.postgres
def test_postgres_stems_dutch_words_and_tolerates_a_typo_in_the_title():
    night = report(**NIGHT)
    report(**FOOD)
    # "nachten" / "wacht" stem to the words of the description; "personneel" is a typo.
    assert [s.pk for s in similar.similar_signals(description="bewoner wacht nachten")] == [
        night.pk
    ]
    assert [s.pk for s in similar.similar_signals(title="Te weinig personneel")] == [night.pk]


@pytest.mark.postgres
def test_postgres_has_the_indexes():
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'advocacy_signal' "
            "AND indexname IN ('advocacy_signal_search_document', 'advocacy_signal_title_trgm')"
        )
        assert {row[0] for row in cursor.fetchall()} == {
            "advocacy_signal_search_document",
            "advocacy_signal_title_trgm",
        }


def test_the_live_endpoint_answers_a_fragment_with_the_cosign_link(client):
    night = report(**NIGHT)
    client.force_login(member(council=council_in()))
    response = client.post(
        "/signalen/melden/vergelijkbaar/", {"title": "Weinig personeel in de nacht"}
    )
    text = response.content.decode()
    assert response.status_code == 200 and "<html" not in text
    assert f"/signalen/{night.pk}/wij-zien-dit-ook/" in text and NIGHT["title"] in text
    assert "1 raad ziet dit" in text


def test_without_javascript_the_form_shows_suggestions_when_it_comes_back(client):
    night = report(**NIGHT)
    council = council_in()
    client.force_login(member(council=council))
    response = client.post(
        "/signalen/melden/",
        {"council": council.pk, "title": "Weinig personeel in de nacht", "description": "Kort"},
    )
    assert f"/signalen/{night.pk}/wij-zien-dit-ook/" in response.content.decode()


def test_the_live_privacy_hint(client):
    client.force_login(member(council=council_in()))
    text = client.post(
        "/signalen/melden/controle/", {"description": "Mail naar piet@example.nl"}
    ).content.decode()
    assert "Staan er persoonsgegevens in uw tekst?" in text and "piet@example.nl" in text
    empty = client.post("/signalen/melden/controle/", {"description": "Niets bijzonders."})
    assert empty.content.decode().strip() == ""


def test_a_nul_byte_in_what_is_typed_is_left_out_rather_than_failing():
    report(title="Te weinig personeel in de avond")
    found = similar.similar_signals(title="personeel\x00 in de avond", description="\x00")
    assert [s.title for s in found] == ["Te weinig personeel in de avond"]
