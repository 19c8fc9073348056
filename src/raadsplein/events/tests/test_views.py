import datetime
import io

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar
from openpyxl import load_workbook

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.events import services
from raadsplein.events.models import Audience, Booking, BookingStatus, CalendarFeed
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

from .factories import (
    BookingFactory,
    EventFactory,
    ProgrammeFactory,
    SessionFactory,
    ThemeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    council = MemberCouncilFactory()
    other_council = MemberCouncilFactory()
    owner = member(council=council)
    trainer = member()
    session = SessionFactory(trainer_account=trainer)
    booking = BookingFactory(session=session, person=owner, council=council)
    programme = ProgrammeFactory()
    SessionFactory(event=EventFactory(programme=programme, kind="workshop"))
    return {
        "session": session,
        "booking": booking,
        "programme": programme,
        "people": {
            "anonymous": None,
            "non_member": UserFactory(),
            "member": member(council=council),
            "owner": owner,
            "other_council": member(council=other_council),
            "trainer": trainer,
            "adviseur": adviseur(),
            "redacteur": redacteur(),
            "beheerder": beheerder(),
        },
    }


def _urls(w):
    s, b, p = w["session"], w["booking"], w["programme"]
    return {
        "agenda": reverse("events:agenda"),
        "event": reverse("events:event_detail", args=[s.event.slug]),
        "ics": reverse("events:session_ics", args=[s.pk]),
        "book": reverse("events:book", args=[s.pk]),
        "my": reverse("events:my_bookings"),
        "cancel": reverse("events:booking_cancel", args=[b.pk]),
        "evaluate": reverse("events:evaluate", args=[b.pk]),
        "programme": reverse("events:programme", args=[p.slug]),
        "staff": reverse("events:staff_overview"),
        "staff_session": reverse("events:staff_session", args=[s.pk]),
        "export_csv": reverse("events:staff_export", args=[s.pk, "csv"]),
        "export_xlsx": reverse("events:staff_export", args=[s.pk, "xlsx"]),
        "checkin_pdf": reverse("events:staff_checkin_pdf", args=[s.pk]),
    }


STAFF = ("adviseur", "redacteur", "beheerder")
RUNNERS = (*STAFF, "trainer")
STAFF_OVERVIEW_QUERIES = 7
# expected outcome per URL: a role → status code; "login" = redirect to sign-in
MATRIX = {
    "agenda": {"*": 200},
    "event": {"anonymous": 404, "non_member": 404, "*": 200},  # members-only event
    "ics": {"anonymous": 404, "non_member": 404, "*": 200},
    "book": {"anonymous": "login", "non_member": 404, "*": 200},
    "my": {"anonymous": "login", "*": 200},
    "cancel": {"anonymous": "login", "owner": 200, "*": 404},
    "evaluate": {"anonymous": "login", "owner": 200, "*": 404},
    "programme": {"*": 200},
    "staff": {"anonymous": "login", **dict.fromkeys(STAFF, 200), "*": 403},
    "staff_session": {"anonymous": "login", **dict.fromkeys(RUNNERS, 200), "*": 403},
    "export_csv": {"anonymous": "login", **dict.fromkeys(RUNNERS, 200), "*": 403},
    "export_xlsx": {"anonymous": "login", **dict.fromkeys(RUNNERS, 200), "*": 403},
    "checkin_pdf": {"anonymous": "login", **dict.fromkeys(RUNNERS, 200), "*": 403},
}
ROLES = ["anonymous", "non_member", "member", "owner", "other_council", "trainer", *STAFF]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", list(MATRIX))
def test_permissions(client, world, role, name):
    expected = MATRIX[name].get(role, MATRIX[name]["*"])
    person = world["people"][role]
    if person is not None:
        client.force_login(person)
    response = client.get(_urls(world)[name])
    if expected == "login":
        assert response.status_code == 302
        assert "/account/login/" in response["Location"]
    else:
        assert response.status_code == expected, (name, role)


def test_open_event_visible_to_everyone(client):
    session = SessionFactory(event=EventFactory(audience=Audience.OPEN, title="Open webinar"))
    response = client.get(reverse("events:event_detail", args=[session.event.slug]))
    assert response.status_code == 200
    assert "Open webinar" in response.content.decode()
    assert "Open webinar" in client.get(reverse("events:agenda")).content.decode()


def test_meeting_link_only_for_confirmed_participants(client):
    session = SessionFactory(meeting_url="https://meet.example.org/geheim")
    url = reverse("events:event_detail", args=[session.event.slug])
    waiting = member()
    BookingFactory(session=session, person=waiting, status=BookingStatus.WAITLISTED)
    client.force_login(waiting)
    assert "meet.example.org/geheim" not in client.get(url).content.decode()
    ics = client.get(reverse("events:session_ics", args=[session.pk])).content
    assert b"geheim" not in ics
    confirmed = member()
    BookingFactory(session=session, person=confirmed)
    client.force_login(confirmed)
    assert "meet.example.org/geheim" in client.get(url).content.decode()
    ics = Calendar.from_ical(client.get(reverse("events:session_ics", args=[session.pk])).content)
    assert "geheim" in str(next(iter(ics.walk("VEVENT")))["description"])


def _sessions(n, **kwargs):
    theme = ThemeFactory()
    out = []
    for _ in range(n):
        s = SessionFactory(**kwargs)
        s.event.themes.add(theme)
        BookingFactory(session=s, person=member())
        out.append(s)
    return out


@pytest.mark.parametrize("n", [1, 3])
def test_agenda_query_count_does_not_grow(client, django_assert_num_queries, n):
    _sessions(n)
    viewer = member()
    client.force_login(viewer)
    client.get(reverse("events:agenda"))  # warm up session/caches
    # session, user, staff groups, membership (one query), count, page, themes, filter
    # choices (2), programmes, the viewer's own bookings of the page (the cache is off in tests;
    # with it on the cards, choices and programmes are shared: raadsplein/web/tests)
    with django_assert_num_queries(11):
        response = client.get(reverse("events:agenda"))
    assert response.content.decode().count("card session-card") == n


@pytest.mark.parametrize("n", [1, 3])
def test_programme_query_count_does_not_grow(client, django_assert_num_queries, n):
    programme = ProgrammeFactory()
    for s in _sessions(n):
        s.event.programme = programme
        s.event.save()
    client.force_login(member())
    url = reverse("events:programme", args=[programme.slug])
    client.get(url)
    with django_assert_num_queries(8):
        response = client.get(url)
    assert response.content.decode().count("programme-item") == n


@pytest.mark.parametrize("n", [1, 3])
def test_my_bookings_and_staff_lists_query_count(client, django_assert_num_queries, n):
    person = member()
    sessions = _sessions(n)
    for s in sessions:
        BookingFactory(session=s, person=person)
    client.force_login(person)
    client.get(reverse("events:my_bookings"))
    with django_assert_num_queries(9):
        page = client.get(reverse("events:my_bookings")).content.decode()
    assert page.count("card session-card") == n
    staff = adviseur()
    client.force_login(staff)
    client.get(reverse("events:staff_overview"))
    with django_assert_num_queries(STAFF_OVERVIEW_QUERIES):
        page = client.get(reverse("events:staff_overview")).content.decode()
    assert page.count("/agenda/beheer/sessie/") == n


def test_book_via_form_with_access_needs(client, django_capture_on_commit_callbacks):
    session = SessionFactory(is_online=False, location="Utrecht")
    person = member()
    client.force_login(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("events:book", args=[session.pk]),
            {"who": "self", "access_needs": ["wheelchair", "large_print"]},
        )
    assert response.status_code == 302
    booking = Booking.objects.get(person=person)
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.access_needs == ["wheelchair", "large_print"]
    assert len(mail.outbox) == 1


def test_chair_books_for_member_via_form_but_not_for_stranger(client):
    council = MemberCouncilFactory()
    chair = member(council=council, role=SeatRole.VOORZITTER)
    colleague = member(council=council, first_name="Kees", last_name="Bakker")
    stranger = member()
    session = SessionFactory()
    client.force_login(chair)
    page = client.get(reverse("events:book", args=[session.pk])).content.decode()
    assert "Kees Bakker" in page
    response = client.post(
        reverse("events:book", args=[session.pk]), {"who": f"{council.pk}:{colleague.pk}"}
    )
    assert response.status_code == 302
    assert Booking.objects.get(person=colleague).booked_by == chair
    response = client.post(
        reverse("events:book", args=[session.pk]), {"who": f"{council.pk}:{stranger.pk}"}
    )
    assert response.status_code == 200
    assert not Booking.objects.filter(person=stranger).exists()
    # The chair sees and may cancel the booking made for the colleague.
    booking = Booking.objects.get(person=colleague)
    assert client.get(reverse("events:booking_cancel", args=[booking.pk])).status_code == 200


@pytest.mark.parametrize(
    "data",
    [
        {"who": "nonsense"},
        {"who": "x:y"},
        {"who": "999999:1"},
        {"who": "self", "access_needs": ["jetpack"]},
        {"who": "self", "access_needs": ["other"]},
        {"who": "1:2:3"},
    ],
)
def test_bad_booking_input_never_500s_and_books_nothing(client, data):
    session = SessionFactory()
    client.force_login(member())
    response = client.post(reverse("events:book", args=[session.pk]), data)
    assert response.status_code == 200
    assert not Booking.objects.exists()


def test_booking_full_twice_and_overlap_show_dutch_messages(client):
    person = member()
    session = SessionFactory(capacity=1)
    client.force_login(person)
    client.post(reverse("events:book", args=[session.pk]), {"who": "self"})
    response = client.post(reverse("events:book", args=[session.pk]), {"who": "self"})
    assert "Er is al een plaats geboekt" in response.content.decode()
    clash = SessionFactory(starts_at=session.starts_at + datetime.timedelta(minutes=30))
    response = client.post(reverse("events:book", args=[clash.pk]), {"who": "self"})
    assert "tegelijk" in response.content.decode()
    assert Booking.objects.filter(person=person).count() == 1


def test_unknown_urls_404(client):
    client.force_login(adviseur())
    assert client.get(reverse("events:book", args=[999999])).status_code == 404
    assert client.get("/agenda/programma/bestaat-niet/").status_code == 404
    assert client.get("/agenda/kalender/onzin.ics").status_code == 404
    session = SessionFactory()
    assert client.get(f"/agenda/beheer/sessie/{session.pk}/deelnemers.pdf").status_code == 404


def test_cancel_and_accept_offer_through_views(client):
    session = SessionFactory(capacity=1)
    holder, waiting = member(), member()
    confirmed = services.book_seat(session=session, person=holder)
    queued = services.book_seat(session=session, person=waiting)
    client.force_login(holder)
    client.post(reverse("events:booking_cancel", args=[confirmed.pk]))
    confirmed.refresh_from_db()
    assert confirmed.status == BookingStatus.CANCELLED
    client.force_login(waiting)
    page = client.get(reverse("events:my_bookings")).content.decode()
    assert "Plaats aannemen" in page
    client.post(reverse("events:booking_accept", args=[queued.pk]))
    queued.refresh_from_db()
    assert queued.status == BookingStatus.CONFIRMED
    # Someone else cannot touch it.
    client.force_login(member())
    assert client.post(reverse("events:booking_cancel", args=[queued.pk])).status_code == 404


def test_calendar_feed_with_secret_token(client):
    person = member()
    s1, s2 = (
        SessionFactory(),
        SessionFactory(starts_at=timezone.now() + datetime.timedelta(days=20)),
    )
    BookingFactory(session=s1, person=person)
    BookingFactory(session=s2, person=person, status=BookingStatus.CANCELLED)
    client.force_login(person)
    client.post(reverse("events:calendar_feed_reset"), {"action": "create"})
    feed = CalendarFeed.objects.get(person=person)
    client.logout()
    response = client.get(reverse("events:calendar_feed", args=[feed.token]))
    assert response["Content-Type"].startswith("text/calendar")
    events = list(Calendar.from_ical(response.content).walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == [s1.event.title]
    client.force_login(person)
    client.post(reverse("events:calendar_feed_reset"))
    assert client.get(reverse("events:calendar_feed", args=[feed.token])).status_code == 404


def test_staff_marks_attendance_exports_and_mails_participants(
    client, django_capture_on_commit_callbacks
):
    session = SessionFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    there = BookingFactory(
        session=session, person=member(first_name="Ria"), access_needs=["hearing_loop"]
    )
    away = BookingFactory(session=session, person=member(first_name="=HYPERLINK(1)"))
    client.force_login(adviseur())
    url = reverse("events:staff_session", args=[session.pk])
    page = client.get(url).content.decode()
    assert "Ringleiding" in page
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"mark_attendance": "1", "present": [str(there.pk)]})
    there.refresh_from_db()
    away.refresh_from_db()
    assert (there.attended, away.attended) == (True, False)
    assert any("Wat vond u van" in m.subject for m in mail.outbox)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"send_message": "1", "subject": "Hand-outs", "body": "Zie de bijlage."})
    assert sorted(m.to[0] for m in mail.outbox) == sorted([there.person.email, away.person.email])
    assert "Zie de bijlage." in mail.outbox[0].body
    csv_text = client.get(reverse("events:staff_export", args=[session.pk, "csv"])).content
    csv_text = csv_text.decode("utf-8-sig")
    assert "Ringleiding" in csv_text
    assert "'=HYPERLINK" in csv_text
    xlsx = client.get(reverse("events:staff_export", args=[session.pk, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0] == "Naam"
    assert len(rows) == 3


def test_evaluation_form_and_averages_for_staff(client):
    programme = ProgrammeFactory()
    session = SessionFactory(
        event=EventFactory(programme=programme, title="Adviesrecht"),
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    a = BookingFactory(session=session, attended=True)
    b = BookingFactory(session=session, attended=True)
    client.force_login(a.person)
    assert client.post(reverse("events:evaluate", args=[a.pk]), {"score": "11"}).status_code == 200
    client.post(reverse("events:evaluate", args=[a.pk]), {"score": "7", "comments": "Goed"})
    client.force_login(b.person)
    client.post(reverse("events:evaluate", args=[b.pk]), {"score": "8"})
    client.force_login(adviseur())
    page = client.get(reverse("events:staff_overview")).content.decode()
    assert f"{programme.title}: 7,5" in page
    assert "Adviesrecht: 7,5 (2)" in page


def test_recording_shown_to_members_after_the_session(client):
    programme = ProgrammeFactory()
    SessionFactory(
        event=EventFactory(programme=programme),
        starts_at=timezone.now() - datetime.timedelta(days=3),
        ends_at=timezone.now() - datetime.timedelta(days=3) + datetime.timedelta(hours=1),
        recording_url="https://video.example.org/opname",
    )
    url = reverse("events:programme", args=[programme.slug])
    client.force_login(member())
    assert "video.example.org/opname" in client.get(url).content.decode()


def test_programme_filters_by_day_theme_and_my_programme(client):
    programme = ProgrammeFactory()
    start = timezone.make_aware(
        datetime.datetime.combine(programme.start_date, datetime.time(10, 0))
    )
    theme = ThemeFactory(name="In contact staan", slug="in-contact-staan")
    day1 = SessionFactory(
        event=EventFactory(programme=programme, title="Workshop maandag"), starts_at=start
    )
    day1.event.themes.add(theme)
    day2 = SessionFactory(
        event=EventFactory(programme=programme, title="Workshop dinsdag"),
        starts_at=start + datetime.timedelta(days=1),
    )
    person = member()
    BookingFactory(session=day2, person=person)
    client.force_login(person)
    url = reverse("events:programme", args=[programme.slug])
    page = client.get(url, {"day": programme.start_date.isoformat()}).content.decode()
    assert "Workshop maandag" in page and "Workshop dinsdag" not in page
    page = client.get(url, {"theme": "in-contact-staan"}).content.decode()
    assert "Workshop maandag" in page and "Workshop dinsdag" not in page
    page = client.get(url, {"mode": "mine"}).content.decode()
    assert "Workshop dinsdag" in page and "Workshop maandag" not in page
    assert client.get(url, {"day": "nonsense"}).status_code == 200


def test_dashboard_panel_lists_my_bookings(client):
    person = member()
    BookingFactory(
        session=SessionFactory(event=EventFactory(title="Voorzitterscursus")), person=person
    )
    client.force_login(person)
    page = client.get(reverse("web:dashboard")).content.decode()
    assert "Mijn bijeenkomsten" in page
    assert "Voorzitterscursus" in page


def test_signed_in_non_member_books_an_open_event(client):
    session = SessionFactory(event=EventFactory(audience=Audience.OPEN, kind="congress"))
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("events:book", args=[session.pk]), {"who": "self"})
    assert response.status_code == 302
    assert Booking.objects.get(person=person).status == BookingStatus.CONFIRMED


def test_programme_shows_visitors_members_workshops_without_booking(client):
    programme = ProgrammeFactory()
    session = SessionFactory(
        event=EventFactory(programme=programme, title="Workshop voor leden", audience="members")
    )
    url = reverse("events:programme", args=[programme.slug])
    page = client.get(url).content.decode()
    assert "Workshop voor leden" in page
    assert "1 workshop" in page
    assert "voor leden" in page and "Log in om te boeken" in page
    assert reverse("events:book", args=[session.pk]) not in page
    assert reverse("events:event_detail", args=[session.event.slug]) not in page
    client.force_login(member())
    page = client.get(url).content.decode()
    assert reverse("events:book", args=[session.pk]) in page
    assert "Log in om te boeken" not in page


def test_agenda_shows_visitors_members_events_as_teasers(client):
    members = SessionFactory(
        event=EventFactory(title="Cursus alleen leden"), meeting_url="https://meet.example.org/x"
    )
    SessionFactory(event=EventFactory(title="Open webinar", audience=Audience.OPEN))
    page = client.get(reverse("events:agenda")).content.decode()
    assert "2 bijeenkomsten gevonden" in page
    assert "Cursus alleen leden" in page and "voor leden" in page
    assert reverse("events:event_detail", args=[members.event.slug]) not in page
    assert "meet.example.org" not in page
    client.force_login(UserFactory())
    page = client.get(reverse("events:agenda")).content.decode()
    assert "Zo wordt u lid" in page
    assert reverse("events:event_detail", args=[members.event.slug]) not in page
    client.force_login(member())
    page = client.get(reverse("events:agenda")).content.decode()
    assert reverse("events:event_detail", args=[members.event.slug]) in page
    assert "session-card--teaser" not in page


def test_agenda_keyword_search_matches_every_word(client):
    SessionFactory(event=EventFactory(title="Begroting lezen", host="Anna de Vries"))
    SessionFactory(event=EventFactory(title="Gesprek met de bestuurder"))
    client.force_login(member())
    page = client.get(reverse("events:agenda"), {"q": "begroting  vries"}).content.decode()
    assert "1 bijeenkomst gevonden" in page
    assert "Begroting lezen" in page and "Gesprek met de bestuurder" not in page
    assert page.count('type="search"') == 1  # the header's knowledge search is left out here


@pytest.mark.parametrize("typed", ["3-12-2030", "03-12-2030"])
def test_agenda_date_accepts_and_shows_dd_mm_jjjj(client, typed):
    response = client.get(reverse("events:agenda"), {"date_from": typed})
    form = response.context["form"]
    assert form.cleaned_data["date_from"] == datetime.date(2030, 12, 3)
    assert 'value="03-12-2030"' in response.content.decode()


def test_agenda_bad_date_says_so_in_dutch_and_still_lists(client):
    SessionFactory(event=EventFactory(title="Open webinar", audience=Audience.OPEN))
    response = client.get(reverse("events:agenda"), {"date_from": "31-02-2030"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Schrijf de datum als dd-mm-jjjj" in page
    assert "Open webinar" in page


def test_staff_session_page_links_to_its_audit_trail(client):
    session = SessionFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    booking = BookingFactory(session=session, person=member(first_name="Ria"))
    client.force_login(adviseur())
    url = reverse("events:staff_session", args=[session.pk])
    client.post(url, {"mark_attendance": "1", "present": [str(booking.pk)]})
    page = client.get(url).content.decode()
    link = f"/beheer/audit/?object=events.session.{session.pk}"
    assert link in page
    trail = client.get(link).content.decode()
    assert "Aanwezigheid vastgelegd" in trail
    assert "Ria" in trail


def test_participant_export_speaks_the_viewers_language(client, settings):
    session = SessionFactory(
        starts_at=timezone.now() - datetime.timedelta(hours=3),
        ends_at=timezone.now() - datetime.timedelta(hours=1),
    )
    BookingFactory(session=session, person=member(first_name="Ria"), attended=True)
    client.force_login(adviseur())
    url = reverse("events:staff_export", args=[session.pk, "csv"])
    dutch = client.get(url)
    assert dutch["Content-Disposition"].startswith('attachment; filename="deelnemers-')
    header, row = dutch.content.decode("utf-8-sig").splitlines()
    assert header.startswith("Naam;E-mailadres;Raad;Status;Geboekt op;Geboekt door")
    assert row.split(";")[7] == "ja"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(url)
    assert english["Content-Disposition"].startswith('attachment; filename="participants-')
    header, row = english.content.decode("utf-8-sig").splitlines()
    assert header.split(";") == [
        "Name",
        "Email address",
        "Council",
        "Status",
        "Booked on",
        "Booked by",
        "Accessibility",
        "Present",
        "Score",
    ]
    assert row.split(";")[7] == "yes"
    xlsx = client.get(reverse("events:staff_export", args=[session.pk, "xlsx"])).content
    sheet = load_workbook(io.BytesIO(xlsx)).active
    assert sheet.title == "Participants"
    assert next(sheet.iter_rows(values_only=True))[:2] == ("Name", "Email address")


def test_home_page_shows_the_next_highlights_one_per_event(client):
    open_event = EventFactory(title="Open webinar", audience=Audience.OPEN)
    first = SessionFactory(event=open_event)
    SessionFactory(event=open_event, starts_at=first.starts_at + datetime.timedelta(days=1))
    SessionFactory(event=EventFactory(title="Cursus voor leden"))
    SessionFactory(event=EventFactory(title="Gaat niet door"), is_cancelled=True)
    page = client.get("/").content.decode()
    assert "Binnenkort in de agenda" in page
    assert page.count("card highlight") == 2
    assert "Open webinar" in page and "Cursus voor leden" in page
    assert "Gaat niet door" not in page
    assert reverse("events:event_detail", args=[open_event.slug]) in page
    assert "voor leden" in page


def test_home_page_without_sessions_has_no_highlights(client):
    assert "Binnenkort in de agenda" not in client.get("/").content.decode()
