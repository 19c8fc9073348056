"""A member searches the knowledge centre, filters, opens a publication and a file; a
non-member sees only public publications. Every page is checked with axe-core."""

import pytest

pytestmark = [pytest.mark.browser]

SHOTS = "var/screenshots"


@pytest.fixture
def demo_world(shared_demo_db):
    """The demo world, built once for this module (conftest); these tests only read it."""


def sign_in(page, email, password="raadsplein-demo"):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(password)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/")


def test_member_searches_filters_and_reads(page, demo_world, assert_accessible):
    sign_in(page, "lid@demo.raadsplein.nl")
    page.locator("#site-search-input").fill("hoe vinden we nieuwe leden")
    page.locator(".site-search button").click()
    page.wait_for_url("**/kennisbank/zoeken/**")
    # The publication about recruiting (werven) is among the first hits; the magazine's
    # article about finding members may come before it (it is about the same).
    hits = page.locator(".knowledge-hit")
    assert "leden" in hits.first.inner_text().lower()
    assert any("werven" in hits.nth(n).inner_text().lower() for n in range(3))
    assert page.locator(".knowledge-hit mark").count() > 0
    page.screenshot(path=f"{SHOTS}/knowledge-search-member.png", full_page=True)
    assert_accessible(page, context="search results, member")

    page.get_by_label("Webinar", exact=False).first.check()
    page.get_by_role("button", name="Filters toepassen").click()
    page.wait_for_load_state()
    kinds = page.locator(".knowledge-hit .badge").all_inner_texts()
    assert kinds and all(k in ("Webinar", "Voor leden") for k in kinds)
    assert_accessible(page, context="filtered results")

    page.goto("/kennisbank/zoeken/?q=MZR")
    page.get_by_role("link", name="Checklist medezeggenschapsregeling").click()
    page.wait_for_url("**/checklist-medezeggenschapsregeling/")
    assert page.locator("h1").inner_text() == "Checklist medezeggenschapsregeling"
    assert_accessible(page, context="publication page")
    with page.expect_response(lambda r: "/kennisbank/bestanden/" in r.url) as info:
        page.evaluate(
            "url => fetch(url)",
            page.locator("a[href*='/kennisbank/bestanden/']").first.get_attribute("href"),
        )
    assert info.value.status == 200

    page.goto("/kennisbank/zoeken/?q=begrotnig")
    assert "Bedoelde u:" in page.locator("main").inner_text()
    assert_accessible(page, context="did you mean")


def test_non_member_sees_public_only(page, demo_world, assert_accessible):
    sign_in(page, "nietlid@demo.raadsplein.nl")
    page.goto("/kennisbank/zoeken/?q=medezeggenschap")
    text = page.locator("main").inner_text()
    assert "U ziet alleen de openbare publicaties" in text
    assert "Voor leden" not in text
    assert "Checklist medezeggenschapsregeling" not in text
    page.screenshot(path=f"{SHOTS}/knowledge-search-nonmember.png", full_page=True)
    assert_accessible(page, context="search results, non-member")

    page.goto("/kennisbank/model-medezeggenschapsregeling/")
    assert "Lid worden" in page.locator("main").inner_text()
    assert_accessible(page, context="teaser")
