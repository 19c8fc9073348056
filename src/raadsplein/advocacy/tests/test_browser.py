"""In Chromium, the whole round of a signal (issue 13, "done when"): a member reports a signal
and is warned about the personal data in it; a member of a second council, starting a report
of her own, is shown the signal as similar and co-signs it ("Wij zien dit ook"); a policy
advisor puts it in a dossier and moves it to a state with a public answer; both councils read
the feedback on their pages and in their mail. The staff dashboard with its map and the
public page are opened too. Every page is checked with axe-core (the members' at 1280 and
375 px); screenshots go to SIGNALEN_SCREENSHOTS when it is set."""

import os
from pathlib import Path

import pytest
from django.core import mail

from raadsplein.accounts.tests.factories import PASSWORD, beleidsadviseur
from raadsplein.advocacy.models import CoSignature, Dossier, Signal
from raadsplein.advocacy.tests.factories import council_in, sector
from raadsplein.knowledge.tests.factories import ThemeFactory
from raadsplein.organisations.models import CouncilKind, Province
from raadsplein.organisations.tests.factories import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Avonddienst te krap bezet op de psychogeriatrische afdeling"
DESCRIPTION = (
    "Sinds de zomer staat er 's avonds één zorgmedewerker op twee groepen. Bewoners wachten "
    "lang op hulp bij het naar bed gaan, en mevrouw Jansen viel vorige week toen niemand kwam."
)
WITHOUT_NAME = DESCRIPTION.replace("mevrouw Jansen viel", "een bewoner viel")
ANSWER = "We hebben dit besproken met het zorgkantoor; het komt in de inkoopgesprekken terug."


def sign_in(page, email, landing="**/mijn/"):
    page.context.clear_cookies()
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(landing)


def shoot(page, name):
    folder = os.environ.get("SIGNALEN_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def check_both_widths(page, assert_accessible, name):
    assert_accessible(page, context=f"{name} at 1280 px")
    shoot(page, f"{name}-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    assert_accessible(page, context=f"{name} at 375 px")
    shoot(page, f"{name}-375")
    page.set_viewport_size({"width": 1280, "height": 900})


def test_report_cosign_dossier_state_and_feedback_for_both_councils(page, assert_accessible):
    ouderenzorg = sector()
    ThemeFactory(name="Personeel", slug="personeel")
    alfa = council_in(
        ouderenzorg, name="Cliëntenraad De Linde", kind=CouncilKind.CLIENT, province="GE"
    )
    bravo = council_in(
        ouderenzorg, name="Cliëntenraad Het Anker", kind=CouncilKind.CLIENT, province="LI"
    )
    reporter = member(council=alfa, first_name="Greet", last_name="Visser")
    cosigner = member(council=bravo, first_name="Harm", last_name="Peters")
    policy = beleidsadviseur(first_name="Iris", last_name="Bakker")

    # 1. Greet reports a signal; the form warns about the name in it.
    sign_in(page, reporter.email)
    page.goto("/signalen/")
    page.get_by_role("link", name="Signaal melden").first.click()
    page.wait_for_url("**/signalen/melden/")
    check_both_widths(page, assert_accessible, "report-form")
    page.get_by_label("Titel").fill(TITLE)
    page.get_by_label("Wat gebeurt er?").fill(DESCRIPTION)
    # The live hint (after a short pause in typing) names what it found.
    live = page.locator("[data-privacy-live]")
    live.get_by_text("mevrouw Jansen").wait_for()
    page.get_by_label("Personeel").check()
    page.get_by_role("button", name="Signaal versturen").click()
    warning = page.get_by_role("alert")
    warning.get_by_text("Let op: er staan misschien persoonsgegevens in uw signaal").wait_for()
    assert "mevrouw Jansen" in warning.inner_text()
    assert not Signal.objects.exists()
    # What was typed is still there; the member takes the name out and sends.
    assert page.get_by_label("Titel").input_value() == TITLE
    assert_accessible(page, context="report form with the personal-data warning")
    shoot(page, "report-warning-1280")
    page.get_by_label("Wat gebeurt er?").fill(WITHOUT_NAME)
    page.get_by_role("button", name="Signaal versturen").click()
    page.wait_for_url("**/signalen/*/")
    signal = Signal.objects.get()
    assert signal.description == WITHOUT_NAME and signal.council == alfa
    assert signal.province == Province.GELDERLAND
    assert TITLE in page.locator("main").inner_text()
    check_both_widths(page, assert_accessible, "signal-own-council")

    # 2. Harm starts a report of his own; the signal is suggested; he co-signs it.
    sign_in(page, cosigner.email)
    page.goto("/signalen/melden/")
    page.get_by_label("Titel").fill("Te weinig personeel in de avonddienst")
    page.get_by_label("Wat gebeurt er?").fill(
        "Op de psychogeriatrische afdeling is 's avonds te weinig personeel bezet."
    )
    similar = page.locator("[data-similar-live]")
    similar.get_by_role("link", name=TITLE, exact=True).wait_for()
    text = similar.inner_text()
    assert "een cliëntenraad in de ouderenzorg (VVT) in Gelderland" in text
    assert "De Linde" not in text
    assert_accessible(page, context="report form with a similar signal")
    shoot(page, "report-similar-1280")
    similar.get_by_role("link", name="Wij zien dit ook").first.click()
    page.wait_for_url(f"**/signalen/{signal.pk}/wij-zien-dit-ook/")
    check_both_widths(page, assert_accessible, "cosign-form")
    page.get_by_label("Wat ziet uw raad?").fill(
        "Bij ons ook: op twee locaties staat 's avonds maar één medewerker."
    )
    page.get_by_role("button", name="Wij zien dit ook").click()
    page.wait_for_url(f"**/signalen/{signal.pk}/")
    assert CoSignature.objects.filter(signal=signal, council=bravo).exists()
    assert "2 raden" in page.locator("main").inner_text()

    # 3. The policy advisor puts it in a dossier and moves it on, with an answer for councils.
    dossier = Dossier.objects.create(
        title="Personeelstekort in de avond", summary="Signalen over de bezetting in de avond."
    )
    sign_in(page, policy.email, landing="**/medewerkers/")
    page.goto("/signalen/behandelen/")
    assert_accessible(page, context="triage list")
    shoot(page, "triage-1280")
    page.get_by_role("link", name=TITLE).click()
    page.wait_for_url(f"**/signalen/behandelen/{signal.pk}/")
    staff_text = page.locator("main").inner_text()
    assert "Greet Visser" in staff_text and "Het Anker" in staff_text
    assert_accessible(page, context="staff signal page")
    dossier_form = page.locator(
        "section", has=page.get_by_role("heading", name="Toevoegen aan dossier")
    )
    dossier_form.get_by_label("Dossier", exact=True).select_option(label=dossier.title)
    dossier_form.get_by_role("button", name="Toevoegen aan dossier").click()
    page.wait_for_load_state("load")
    assert dossier.signals.filter(pk=signal.pk).exists()
    state_form = page.locator("section", has=page.get_by_role("heading", name="Stap wijzigen"))
    state_form.get_by_label("Nieuwe stap").select_option(label="Aangekaart")
    state_form.get_by_label("Antwoord voor de raden (optioneel)").fill(ANSWER)
    mail.outbox.clear()
    state_form.get_by_role("button", name="Stap wijzigen").click()
    page.wait_for_load_state("load")
    signal.refresh_from_db()
    assert signal.state.slug == "aangekaart" and signal.public_answer == ANSWER
    assert_accessible(page, context="staff signal page after the change")
    shoot(page, "staff-signal-1280")
    # The dashboard: the figures, the map of the provinces and the same figures as a table.
    page.goto("/signalen/inzicht/")
    page.get_by_role("heading", name="Signalen in cijfers").wait_for()
    assert page.locator("svg path").count() >= 12
    assert "Gelderland" in page.locator("main").inner_text()
    check_both_widths(page, assert_accessible, "dashboard")

    # 4. Both councils see the feedback: on their pages and by mail.
    recipients = sorted(address for m in mail.outbox for address in m.to)
    assert recipients == sorted([reporter.email, cosigner.email])
    for person in (reporter, cosigner):
        sign_in(page, person.email)
        page.goto("/signalen/")
        mine = page.locator("main").inner_text()
        assert TITLE in mine and "Aangekaart" in mine
        page.get_by_role("link", name=TITLE).click()
        page.wait_for_url(f"**/signalen/{signal.pk}/")
        detail = page.locator("main").inner_text()
        assert ANSWER in detail and dossier.title in detail
        check_both_widths(page, assert_accessible, f"feedback-{person.first_name.lower()}")

    # 5. The public page, for anyone: what was done, and only figures safe to publish.
    page.context.clear_cookies()
    page.goto("/signalen/wat-we-doen/")
    page.get_by_role("heading", name="Wat we met uw signalen doen").wait_for()
    public = page.locator("main").inner_text()
    assert TITLE not in public and "De Linde" not in public
    check_both_widths(page, assert_accessible, "public-page")
