"""The page cache for visitors and the cached site lookup (raadsplein.web.caching)."""

import pytest
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory
from django.urls import reverse
from wagtail.models import Site

from raadsplein.events.models import Audience, BookingStatus
from raadsplein.events.services import book_seat
from raadsplein.events.tests.factories import EventFactory, SessionFactory
from raadsplein.organisations.tests.factories import member
from raadsplein.web import caching

pytestmark = pytest.mark.django_db


@pytest.fixture
def page_cache(settings):
    settings.RAADSPLEIN_PAGE_CACHE_SECONDS = 60


def test_visitor_gets_stored_page_without_queries(client, page_cache, django_assert_num_queries):
    first = client.get("/")
    assert first["X-Page-Cache"] == "miss"
    # locmem cache in tests: a stored page needs no database at all
    with django_assert_num_queries(0):
        second = client.get("/")
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]
    assert second["Content-Type"].startswith("text/html")
    assert "Raadsplein" in second.content.decode()


def test_stored_page_has_etag_and_answers_not_modified(client, page_cache):
    etag = client.get("/")["ETag"]
    assert etag.startswith('"')
    response = client.get("/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response.content == b""
    other = client.get("/", HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200


def test_new_event_shows_at_once(client, page_cache, django_capture_on_commit_callbacks):
    agenda = reverse("events:agenda")
    assert "Open inloopavond" not in client.get(agenda).content.decode()
    assert client.get(agenda)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        SessionFactory(event=EventFactory(title="Open inloopavond", audience=Audience.OPEN))
    response = client.get(agenda)
    assert response["X-Page-Cache"] == "miss"
    assert "Open inloopavond" in response.content.decode()


def test_signed_in_member_never_gets_a_stored_page(client, page_cache):
    person = member()
    session = SessionFactory(event=EventFactory(title="Voorzitterscursus", audience=Audience.OPEN))
    agenda = reverse("events:agenda")
    client.get(agenda)
    assert client.get(agenda)["X-Page-Cache"] == "hit"  # a visitor's page is stored

    client.force_login(person)
    before = client.get(reverse("events:my_bookings"))
    assert "Voorzitterscursus" not in before.content.decode()
    booking = book_seat(session=session, person=person)
    assert booking.status == BookingStatus.CONFIRMED
    # no commit has run (test transaction): nothing but the database can tell the member
    mine = client.get(reverse("events:my_bookings"))
    assert "X-Page-Cache" not in mine
    assert "Voorzitterscursus" in mine.content.decode()
    on_agenda = client.get(agenda)
    assert "X-Page-Cache" not in on_agenda
    assert "U heeft een plaats" in on_agenda.content.decode()


def test_agenda_cards_are_shared_but_own_bookings_are_fresh(
    client, page_cache, django_assert_num_queries
):
    first, second = member(), member()
    session = SessionFactory(event=EventFactory(title="Begroting lezen", audience=Audience.OPEN))
    agenda = reverse("events:agenda")
    client.force_login(first)
    client.get(agenda)  # renders and stores the cards
    client.force_login(second)
    client.get(agenda)  # warms the second member's membership
    # session, user, staff groups, and the member's own bookings: the cards are shared
    with django_assert_num_queries(4):
        page = client.get(agenda).content.decode()
    assert "Begroting lezen" in page
    assert "U heeft een plaats" not in page
    assert "Nog 8 plaatsen vrij" in page
    book_seat(session=session, person=second)
    page = client.get(agenda).content.decode()
    assert "U heeft een plaats" in page  # at once, before any commit
    assert "Nog 7 plaatsen vrij" in page  # seat counts follow bookings too
    client.force_login(first)
    assert "U heeft een plaats" not in client.get(agenda).content.decode()  # not the other's


def test_home_highlights_are_shared_and_teasers_stay_per_person(
    client, page_cache, django_assert_num_queries
):
    from raadsplein.events.selectors import highlights

    SessionFactory(event=EventFactory(title="Alleen voor leden", audience=Audience.MEMBERS))
    from django.contrib.auth.models import AnonymousUser

    from raadsplein.organisations.rules import is_member

    person = member()  # before: a new seat is new content
    assert [s.is_teaser for s in highlights(AnonymousUser())] == [True]

    assert is_member(person)  # read once per person object
    with django_assert_num_queries(0):  # the sessions are shared
        assert [s.is_teaser for s in highlights(person)] == [False]


def test_language_choice_gets_its_own_stored_page(client, page_cache):
    dutch = client.get("/")
    client.cookies["django_language"] = "en"
    english = client.get("/")
    assert english["X-Page-Cache"] == "miss"
    assert '<html lang="en">' in english.content.decode()
    assert '<html lang="nl">' in dutch.content.decode()


def test_session_cookie_or_api_key_is_never_served_from_the_cache(client, page_cache):
    client.get("/")
    assert client.get("/")["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get("/", HTTP_AUTHORIZATION="Bearer abc")
    client.cookies["sessionid"] = "whatever"
    assert "X-Page-Cache" not in client.get("/")


def test_page_with_a_csrf_token_is_not_stored(page_cache):
    def view(request):
        return HttpResponse(f"<form>{get_token(request)}</form>")

    middleware = caching.AnonymousPageCacheMiddleware(view)
    request = RequestFactory().get("/formulier/")
    response = middleware(request)
    assert "X-Page-Cache" not in response
    again = middleware(RequestFactory().get("/formulier/"))
    assert "X-Page-Cache" not in again
    assert again.content != response.content


def test_page_cache_off_when_seconds_is_zero(client, settings):
    settings.RAADSPLEIN_PAGE_CACHE_SECONDS = 0
    client.get("/")
    assert "X-Page-Cache" not in client.get("/")


def test_language_switch_needs_no_csrf_token(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    response = strict.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert response.cookies["django_language"].value == "en"
    assert 'name="csrfmiddlewaretoken"' not in client.get("/").content.decode()


def test_site_lookup_matches_wagtail_and_follows_changes(rf, django_assert_num_queries):
    request = rf.get("/", HTTP_HOST="localhost")
    expected = Site._find_for_request(request)
    cache.clear()
    assert caching.site_for_request(request).pk == expected.pk
    with django_assert_num_queries(0):
        assert caching.site_for_request(rf.get("/", HTTP_HOST="localhost")).pk == expected.pk
    other = Site.objects.create(
        hostname="raad.example.org", port=80, root_page=expected.root_page, is_default_site=False
    )
    found = caching.site_for_request(rf.get("/", HTTP_HOST="raad.example.org"))
    assert found.pk == other.pk
    assert caching.site_for_request(rf.get("/", HTTP_HOST="elders.example.org")).pk == expected.pk


def test_personal_progress_does_not_drop_everyones_pages(client, page_cache):
    from raadsplein.learning.services import complete_step, enrol
    from raadsplein.learning.tests.factories import small_course, steps_of

    person = member()
    course = small_course(quiz=False)
    enrol(person=person, course=course)
    client.get("/")
    generation = cache.get(caching.GENERATION_KEY)
    complete_step(person=person, step=steps_of(course)[0])
    assert cache.get(caching.GENERATION_KEY) == generation
    assert client.get("/")["X-Page-Cache"] == "hit"


def test_knowledge_catalogue_is_stored_for_visitors_but_stays_private(client, page_cache):
    url = reverse("knowledge:index")
    client.get(url)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert "private" in response["Cache-Control"]


def test_search_outcome_is_shared_until_a_publication_changes(
    page_cache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from raadsplein.knowledge.selectors import search_publications
    from raadsplein.knowledge.tests.factories import publication

    publication(title="Huishoudboekje van de instelling", audience="public")
    first, second = member(), member()
    assert search_publications(first).count == 1
    # a second member asks the same: only the membership check, the outcome is shared
    with django_assert_num_queries(2):
        outcome = search_publications(second)
    assert [h.page.title for h in outcome.hits] == ["Huishoudboekje van de instelling"]
    with django_capture_on_commit_callbacks(execute=True):
        publication(title="Werven van nieuwe leden", audience="members")
    titles = [h.page.title for h in search_publications(second).hits]
    assert "Werven van nieuwe leden" in titles
    # a visitor does not share the members' outcome
    from django.contrib.auth.models import AnonymousUser

    assert [h.page.title for h in search_publications(AnonymousUser()).hits] == [
        "Huishoudboekje van de instelling"
    ]


def test_shared_value_is_recomputed_when_the_cache_is_off(settings):
    settings.RAADSPLEIN_PAGE_CACHE_SECONDS = 0
    calls = []
    for _ in range(2):
        caching.shared("test", (), lambda: calls.append(1) or len(calls))
    assert len(calls) == 2


def test_membership_is_kept_per_person_and_follows_their_seat(
    page_cache, django_assert_num_queries, django_capture_on_commit_callbacks
):
    from raadsplein.accounts.models import User
    from raadsplein.organisations.models import Seat
    from raadsplein.organisations.rules import is_member
    from raadsplein.organisations.tests.factories import CouncilFactory, SeatFactory

    person = member()
    outsider = SeatFactory(council=CouncilFactory()).person  # council is not a member
    assert is_member(User.objects.get(pk=person.pk))
    assert not is_member(User.objects.get(pk=outsider.pk))  # not mixed up with the first
    fresh = User.objects.get(pk=person.pk)
    with django_assert_num_queries(1):  # staff groups; membership from the cache
        assert is_member(fresh)
    with django_capture_on_commit_callbacks(execute=True):
        Seat.objects.filter(person=person).delete()
    assert not is_member(User.objects.get(pk=person.pk))


def test_secret_calendar_address_is_never_stored(client, page_cache):
    from raadsplein.events.models import CalendarFeed

    person = member()
    feed = CalendarFeed.objects.create(person=person)
    url = reverse("events:calendar_feed", args=[feed.token])
    assert client.get(url).status_code == 200
    assert "X-Page-Cache" not in client.get(url)
