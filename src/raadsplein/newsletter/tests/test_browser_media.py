"""In Chromium: the podcast's episode page (the player is reached and played with the
keyboard, the transcript opens) and the magazine archive for a visitor and for a member who
signs in and opens an issue. Every page is checked with axe-core at 1280 and 320 px."""

import pytest

from raadsplein.accounts.tests.factories import PASSWORD
from raadsplein.knowledge.tests.factories import publication
from raadsplein.organisations.tests.factories import member

from .factories import document, episode, magazine_index, magazine_issue, podcast_index, silent_mp3

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_episode_page_plays_and_shows_the_transcript(page, check_widths):
    index = podcast_index()
    item = episode(
        index,
        title="Instemmen met het kwaliteitsplan",
        audio=document("kwaliteit.mp3", silent_mp3(4)),
        transcript="Fatima vertelt hoe haar raad instemde met het kwaliteitsplan.",
    )
    page.goto("/podcast/")
    check_widths(page, "podcast")
    page.get_by_role("link", name="Instemmen met het kwaliteitsplan").click()
    page.wait_for_url(f"**{item.url}")
    duration = page.locator("audio").evaluate(
        "a => new Promise(ok => a.readyState >= 1 ? ok(a.duration) "
        ": a.addEventListener('loadedmetadata', () => ok(a.duration)))"
    )
    assert 3.5 < duration < 4.5  # the browser reads the silent MP3 through the file guard
    assert not page.get_by_text("Fatima vertelt").is_visible()
    page.get_by_text("Uitgeschreven tekst lezen").click()
    assert page.get_by_text("Fatima vertelt").is_visible()
    check_widths(page, "episode")


def test_magazine_archive_for_a_visitor_and_a_member(page, check_widths):
    article = publication(title="Vroeg aan tafel bij het kwaliteitsplan", kind="artikel")
    issue = magazine_issue(
        magazine_index(),
        number=142,
        year=2025,
        season="lente",
        title="Kwaliteit die cliënten merken",
        articles=[("Vroeg aan tafel bij het kwaliteitsplan", article)],
    )
    person = member()
    page.goto("/zorg-en-zeggenschap/")
    assert page.get_by_text("De nummers zijn er voor leden.", exact=False).is_visible()
    check_widths(page, "magazine-visitor")
    page.get_by_role("link", name="Inloggen").first.click()
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/zorg-en-zeggenschap/")
    page.get_by_role("link", name="Nr. 142 · Lente 2025").click()
    page.wait_for_url(f"**{issue.url}")
    assert page.get_by_role("link", name="Vroeg aan tafel bij het kwaliteitsplan").is_visible()
    check_widths(page, "magazine-issue")
