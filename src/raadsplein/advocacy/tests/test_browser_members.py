"""In Chromium, the councils' side: a member reports a signal, meets the personal-data hint
while typing and the warning on sending, edits and sends; a member of another council types
something alike, gets it suggested, and says "Wij zien dit ook"; both see two councils.
Every page is checked with axe-core (the report form also at 320 px); screenshots go to
SIGNALEN_SCREENSHOTS when it is set."""

import os
from pathlib import Path

import pytest

from raadsplein.accounts.tests.factories import PASSWORD
from raadsplein.advocacy.models import CoSignature, Signal
from raadsplein.advocacy.tests.factories import council_in
from raadsplein.organisations.models import Province
from raadsplein.organisations.tests.factories import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/")


def shoot(page, name):
    folder = os.environ.get("SIGNALEN_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_report_with_the_warning_then_cosign_from_a_suggestion(page, assert_accessible):
    first = council_in(name="Cliëntenraad De Linde", province=Province.GELDERLAND)
    reporter = member(council=first)
    sign_in(page, reporter.email)
    page.get_by_role("link", name="Signalen").first.click()
    page.wait_for_url("**/signalen/")
    assert_accessible(page, context="Mijn signalen, empty")
    page.get_by_role("link", name="Signaal melden").first.click()
    page.wait_for_url("**/signalen/melden/")
    assert_accessible(page, context="report form")
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page, context="report form at 320 px")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("Titel").fill("Te weinig personeel in de nachtdienst")
    page.get_by_label("Wat gebeurt er?").fill(
        "Mevrouw Jansen wacht elke nacht een half uur op hulp bij het naar bed gaan."
    )
    hint = page.locator("[data-privacy-live]")
    hint.get_by_text("Staan er persoonsgegevens in uw tekst?").wait_for()
    assert "Mevrouw Jansen" in hint.inner_text()
    page.get_by_role("button", name="Signaal versturen").click()
    warning = page.get_by_role("alert").filter(has_text="persoonsgegevens")
    warning.wait_for()
    assert "Mevrouw Jansen" in warning.inner_text() and not Signal.objects.exists()
    shoot(page, "report-warning")
    assert_accessible(page, context="report form with the warning")

    page.get_by_label("Wat gebeurt er?").fill(
        "Een bewoner wacht elke nacht een half uur op hulp bij het naar bed gaan."
    )
    page.get_by_role("button", name="Signaal versturen").click()
    page.wait_for_url("**/signalen/*/")
    signal = Signal.objects.get()
    assert "Uw signaal is verstuurd" in page.locator("main").inner_text()
    assert_accessible(page, context="own signal")

    page.context.clear_cookies()
    second = council_in(name="Cliëntenraad De Brug", province=Province.LIMBURG)
    cosigner = member(council=second)
    sign_in(page, cosigner.email)
    page.goto("/signalen/melden/")
    page.get_by_label("Titel").fill("Weinig personeel 's nachts")
    suggestion = page.locator("[data-similar-live]")
    suggestion.get_by_role(
        "link", name="Te weinig personeel in de nachtdienst", exact=True
    ).wait_for()
    assert "Cliëntenraad De Linde" not in suggestion.inner_text()
    shoot(page, "report-suggestion")
    assert_accessible(page, context="report form with a suggestion")
    suggestion.get_by_role("link", name="Wij zien dit ook").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/wij-zien-dit-ook/")
    assert_accessible(page, context="cosign form")
    page.get_by_label("Wat ziet uw raad?").fill("Bij ons wachten bewoners 's nachts ook lang.")
    page.get_by_role("button", name="Wij zien dit ook").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/")
    assert "2 raden" in page.locator("main").inner_text()
    assert CoSignature.objects.get().council == second
    assert_accessible(page, context="co-signed signal")

    page.context.clear_cookies()
    sign_in(page, reporter.email)
    page.goto("/signalen/")
    text = page.locator("main").inner_text()
    assert "Te weinig personeel in de nachtdienst" in text and "2 raden zien dit" in text
