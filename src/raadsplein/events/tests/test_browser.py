"""Booking in Chromium: book, get the confirmation with an ICS, cancel, and the next person on
the waiting list gets the seat. Every page visited is checked with axe-core."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from icalendar import Calendar
from pypdf import PdfReader

from raadsplein.accounts.tests.factories import PASSWORD, adviseur
from raadsplein.events import services
from raadsplein.events.models import Booking, BookingStatus, Event, EventKind, Programme
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory, member

from .factories import EventFactory, ProgrammeFactory, SessionFactory, ThemeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email, password=PASSWORD, landing="**/mijn/"):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(landing)


def sign_out(page):
    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()


def test_book_confirm_cancel_and_waiting_list_promotion(page, assert_accessible):
    theme = ThemeFactory(name="Invoering Wmcz 2018", slug="invoering-wmcz-2018")
    event = EventFactory(title="Basiscursus medezeggenschap", kind=EventKind.COURSE)
    event.themes.add(theme)
    session = SessionFactory(event=event, capacity=1, is_online=False, location="Utrecht")
    greet = member(first_name="Greet", last_name="Visser")
    henk = member(first_name="Henk", last_name="Bos")

    sign_in(page, greet.email)
    page.goto("/agenda/")
    assert_accessible(page, context="agenda")
    page.get_by_label("Thema").select_option("invoering-wmcz-2018")
    page.get_by_role("button", name="Toon bijeenkomsten").click()
    page.get_by_role("link", name="Basiscursus medezeggenschap").click()
    page.wait_for_url(f"**/agenda/{event.slug}/")
    assert "Nog 1 plaats vrij" in page.locator("main").inner_text()
    assert_accessible(page, context="event page")

    page.get_by_role("link", name="Boeken").click()
    page.wait_for_url(f"**/agenda/sessie/{session.pk}/boeken/")
    assert_accessible(page, context="booking form")
    page.get_by_label("Ringleiding").check()
    page.get_by_role("button", name="Boeking bevestigen").click()
    page.wait_for_url("**/agenda/mijn-boekingen/")
    assert "Geboekt." in page.locator(".messages").inner_text()
    assert_accessible(page, context="my bookings")

    booking = Booking.objects.get(person=greet)
    assert booking.status == BookingStatus.CONFIRMED
    assert booking.access_needs == ["hearing_loop"]
    confirmation = next(m for m in mail.outbox if m.to == [greet.email])
    assert "Bevestiging: Basiscursus medezeggenschap" in confirmation.subject
    name, content, mimetype = confirmation.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar")
    vevent = next(iter(Calendar.from_ical(content).walk("VEVENT")))
    assert str(vevent["summary"]) == "Basiscursus medezeggenschap"
    assert vevent.decoded("dtstart") == session.starts_at

    # Henk comes too late: waiting list.
    waiting = services.book_seat(session=session, person=henk)
    assert waiting.status == BookingStatus.WAITLISTED

    page.get_by_role("link", name="Afmelden").first.click()
    page.wait_for_url("**/afmelden/")
    assert_accessible(page, context="cancel page")
    page.get_by_role("button", name="Ja, afmelden").click()
    page.wait_for_url("**/agenda/mijn-boekingen/")
    assert "U bent afgemeld" in page.locator(".messages").inner_text()
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.OFFERED
    assert any("Er is een plaats vrij" in m.subject for m in mail.outbox if m.to == [henk.email])

    sign_out(page)
    sign_in(page, henk.email)
    page.goto("/agenda/mijn-boekingen/")
    assert "Plaats aangeboden" in page.locator("main").inner_text()
    page.get_by_role("button", name="Plaats aannemen").click()
    page.wait_for_url("**/agenda/mijn-boekingen/")
    waiting.refresh_from_db()
    assert waiting.status == BookingStatus.CONFIRMED
    assert "Bevestigd" in page.locator("main").inner_text()


def test_programme_page_by_keyboard_and_at_phone_width(page, assert_accessible, browser):
    programme = ProgrammeFactory(title="Week van de Medezeggenschap")
    start = timezone.make_aware(
        datetime.datetime.combine(programme.start_date, datetime.time(10, 0))
    )
    theme = ThemeFactory(name="In contact staan", slug="in-contact-staan")
    titles = ["Visie op medezeggenschap", "Je achterban raadplegen", "De jaarrekening lezen"]
    for i, title in enumerate(titles):
        e = EventFactory(programme=programme, title=title, kind=EventKind.WORKSHOP)
        e.themes.add(theme)
        SessionFactory(
            event=e, starts_at=start + datetime.timedelta(days=i % 2), capacity=30, trainer="Els"
        )
    person = member()
    sign_in(page, person.email)
    url = f"/agenda/programma/{programme.slug}/"
    page.goto(url)
    assert_accessible(page, context="programme page")
    # Keyboard only: tab to the first "Boeken" link and press Enter.
    first_book = page.get_by_role("link", name="Boeken").first
    for _ in range(80):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent").strip().startswith("Boeken"):
            break
    else:
        pytest.fail("no booking link reachable by keyboard")
    focused_href = page.evaluate("document.activeElement.getAttribute('href')")
    assert focused_href == first_book.get_attribute("href")
    page.keyboard.press("Enter")
    page.wait_for_url("**/boeken/")
    page.get_by_role("button", name="Boeking bevestigen").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/agenda/mijn-boekingen/")
    assert Booking.objects.filter(person=person, status="confirmed").count() == 1

    # My programme, and the page at 360 px without sideways scrolling.
    page.set_viewport_size({"width": 360, "height": 740})
    page.goto(f"{url}?mode=mine")
    assert page.locator(".programme-item").count() == 1
    page.goto(url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(page, context="programme page at 360 px")


def test_book_choosing_the_council_and_staff_print_the_check_in_list(page, assert_accessible):
    north = MemberCouncilFactory(name="Cliëntenraad Noord")
    south = MemberCouncilFactory(name="Cliëntenraad Zuid")
    person = member(council=north, first_name="Mira", last_name="Dekker")
    SeatFactory(person=person, council=south)
    session = SessionFactory(
        event=EventFactory(title="Basiscursus medezeggenschap"),
        is_online=False,
        location="Utrecht",
        meeting_url="",
    )
    sign_in(page, person.email)
    page.goto(f"/agenda/sessie/{session.pk}/boeken/")
    assert_accessible(page, context="booking form with a choice of council")
    assert page.get_by_label("Ondertiteling").count() == 0  # not for an on-site session
    page.get_by_role("button", name="Boeking bevestigen").click()
    assert "Kies voor welke raad u komt." in page.locator("main").inner_text()
    assert_accessible(page, context="booking form with an error")
    page.get_by_label("Cliëntenraad Zuid").check()
    page.get_by_label("Rolstoeltoegankelijk").check()
    page.get_by_role("button", name="Boeking bevestigen").click()
    page.wait_for_url("**/agenda/mijn-boekingen/")
    booking = Booking.objects.get(person=person)
    assert (booking.council, booking.access_needs) == (south, ["wheelchair"])
    sign_out(page)

    sign_in(page, adviseur().email, landing="**/medewerkers/")  # staff's own start page
    page.goto(f"/agenda/beheer/sessie/{session.pk}/")
    assert_accessible(page, context="staff session page")
    with page.expect_download() as download:
        page.get_by_role("link", name="Aanwezigheidslijst om te printen (PDF)").click()
    pdf = download.value
    assert pdf.suggested_filename.startswith("aanwezigheidslijst-")
    with open(pdf.path(), "rb") as fh:
        text = PdfReader(io.BytesIO(fh.read())).pages[0].extract_text()
    assert "Mira Dekker" in text and "Cliëntenraad Zuid" in text


# The main pages, as a visitor and then as a member; each must fit 375 px without scrolling
# sideways. Filled in from the demo world so the pages carry real amounts of text.
CRAWL_PUBLIC = ["/", "/agenda/", "/kennisbank/", "/leren/", "/account/login/"]
CRAWL_MEMBER = ["/mijn/", "/agenda/", "/agenda/mijn-boekingen/"]


def test_no_sideways_scroll_at_375px_on_the_crawl(browser, live_server, settings):
    settings.RAADSPLEIN_DEMO_MODE = True
    call_command("seed_demo", verbosity=0)
    programme = Programme.objects.filter(is_published=True).first()
    event = Event.objects.filter(status="published", audience="open").first()
    extra = [f"/agenda/programma/{programme.slug}/"] if programme else []
    extra += [f"/agenda/{event.slug}/"] if event else []
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": 375, "height": 740}, locale="nl-NL"
    )
    page = context.new_page()
    too_wide = {}

    def check(urls, who):
        for url in urls:
            assert page.goto(url).ok, f"{who} {url}"
            width = page.evaluate("document.documentElement.scrollWidth")
            if width > 375:
                too_wide[f"{who} {url}"] = width

    check(CRAWL_PUBLIC + extra, "visitor")
    sign_in(page, "lid@demo.raadsplein.nl", password="raadsplein-demo")
    check(CRAWL_MEMBER + extra, "member")
    context.close()
    assert programme and event, "the demo world has a programme and an open event"
    assert not too_wide, f"wider than 375 px: {too_wide}"
