"""A council member's first walk through Raadsplein in Chromium, checked with axe-core."""

import pytest

pytestmark = [pytest.mark.browser]


@pytest.fixture
def demo_world(shared_demo_db):
    """The demo world, built once for this module (conftest): these tests read it and what
    they change (a text size, a new account) no other test here relies on."""


def sign_in(page, email, password="raadsplein-demo"):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()


def test_member_signs_in_sees_dashboard_changes_text_size_and_signs_out(
    page, demo_world, assert_accessible
):
    page.goto("/")
    assert page.locator("h1").inner_text() == "Welkom op Raadsplein"
    assert_accessible(page, context="home")

    page.goto("/account/login/")
    assert_accessible(page, context="sign-in")
    sign_in(page, "lid@demo.raadsplein.nl")

    page.wait_for_url("**/mijn/")
    assert page.locator("h1").inner_text() == "Mijn Raadsplein"
    panel = page.locator("#panel-councils").locator("..")
    assert "Centrale cliëntenraad Zorggroep De Linde" in panel.inner_text()
    assert "Termijn eindigt over 45 dagen" in panel.inner_text()
    assert_accessible(page, context="dashboard")

    page.get_by_role("link", name="Profiel").first.click()
    page.wait_for_url("**/account/profiel/")
    assert_accessible(page, context="profile")
    body_size = page.evaluate("getComputedStyle(document.body).fontSize")
    page.get_by_label("Extra groot").check()
    page.get_by_role("button", name="Opslaan").click()
    page.wait_for_url("**/account/profiel/")
    assert "Uw gegevens zijn opgeslagen." in page.locator(".messages").inner_text()
    assert "text-extra-groot" in page.locator("body").get_attribute("class")
    bigger = page.evaluate("getComputedStyle(document.body).fontSize")
    assert float(bigger.rstrip("px")) > float(body_size.rstrip("px"))
    assert_accessible(page, context="profile, extra large text")

    page.goto("/account/mijn-gegevens/")
    assert "Zorggroep De Linde" in page.locator("main").inner_text()
    assert_accessible(page, context="personal data")

    page.get_by_role("button", name="Uitloggen").click()
    page.wait_for_load_state()
    page.goto("/mijn/")
    assert "/account/login/" in page.url


def test_non_member_is_told_how_to_become_member(page, demo_world, assert_accessible):
    sign_in(page, "nietlid@demo.raadsplein.nl")
    page.wait_for_url("**/mijn/")
    page.goto("/raden/")
    assert "Deze pagina is alleen voor leden" in page.locator("h1").inner_text()
    assert_accessible(page, context="members-only explanation")


def test_directory_and_signup_are_accessible(page, demo_world, assert_accessible):
    page.goto("/account/signup/")
    assert_accessible(page, context="signup")
    page.get_by_role("button", name="Account maken").click()
    page.wait_for_load_state()
    assert page.locator("[aria-invalid='true']").count() >= 1
    assert_accessible(page, context="signup with errors")
    sign_in(page, "voorzitter@demo.raadsplein.nl")
    page.wait_for_url("**/mijn/")
    page.goto("/raden/?province=UT")
    assert_accessible(page, context="directory")


def test_keyboard_first_tab_reaches_skip_link_and_it_moves_focus(page, demo_world):
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "inhoud"


@pytest.mark.parametrize("url", ["/", "/account/login/", "/lid-worden/"])
def test_no_horizontal_scroll_at_320px(browser, live_server, demo_world, url, assert_accessible):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(url)
    overflow = page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0
    assert_accessible(page, context=f"{url} at 320px")
    context.close()


def test_home_cards_lead_to_their_service_by_click_and_by_keyboard(
    page, demo_world, assert_accessible
):
    """Each service card on the home page is one link: a click anywhere on the card (the
    link's area covers it) or Enter on its title opens the service."""
    arrivals = {
        "Kennisbank": ("**/kennisbank/", "Kennisbank"),
        "Leeromgeving": ("**/leren/", "Leeromgeving"),
        "Cursussen en bijeenkomsten": ("**/agenda/", "Agenda"),
        "Vraagbaak": ("**/contact/", "Contact met de Vraagbaak"),
        "Lid worden": ("**/lid-worden/", "Lid worden"),
    }
    for title, (url, heading) in arrivals.items():
        page.goto("/")
        card = page.locator(".card--service", has=page.get_by_role("link", name=title))
        # Click low on the card, on its text, not on its title: the whole card is the link.
        box = card.bounding_box()
        card.click(position={"x": 16, "y": box["height"] - 12})
        page.wait_for_url(url)
        assert heading in page.locator("h1").inner_text(), title
    assert_accessible(page, context="last card's page")

    page.goto("/")
    page.get_by_role("link", name="Kennisbank", exact=True).last.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/kennisbank/")
