"""In Chromium: a member subscribes with one click on Mijn Raadsplein and changes their
preferences; an editor imports a CSV (a dry run with a bad line first, then a good file),
finds the subscriber and makes a segment. Every page is checked with axe-core at 1280 and
320 px; screenshots go to RAADSPLEIN_SCREENSHOTS when it is set."""

import pytest

from raadsplein.accounts.tests.factories import PASSWORD, redacteur
from raadsplein.newsletter.models import Segment, Subscriber, SubscriberStatus
from raadsplein.organisations.tests.factories import member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email, landing="**/mijn/"):
    page.context.clear_cookies()
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(landing)


def test_member_one_click_and_preferences(page, check_widths, live_server):
    person = member(email="lid.browser@voorbeeld.nl")
    sign_in(page, person.email)
    panel = page.locator("section", has=page.get_by_role("heading", name="Nieuwsbrief"))
    panel.get_by_role("button", name="Aanmelden met één klik").click()
    page.wait_for_url("**/mijn/")
    assert "U krijgt de nieuwsbrief elke maandag op" in panel.inner_text()
    check_widths(page, "member-panel")
    subscriber = Subscriber.objects.get(user=person)
    assert subscriber.status == SubscriberStatus.ACTIVE

    panel.get_by_role("link", name="Voorkeuren aanpassen").click()
    page.wait_for_url("**/nieuwsbrief/voorkeuren/**")
    check_widths(page, "preferences")
    page.get_by_label("Met ‘je’").check()
    page.get_by_role("button", name="Voorkeuren opslaan").click()
    page.get_by_text("Uw voorkeuren zijn opgeslagen.").wait_for()
    subscriber.refresh_from_db()
    assert subscriber.form_of_address == "je"


def test_editor_imports_finds_and_segments(page, check_widths, live_server, tmp_path):
    editor = redacteur(email="redactie.browser@voorbeeld.nl")
    sign_in(page, editor.email, landing="**/medewerkers/")
    page.get_by_role("link", name="Nieuwsbrief: abonnees").click()
    page.wait_for_url("**/nieuwsbrief/abonnees/")
    page.goto("/nieuwsbrief/abonnees/importeren/")
    check_widths(page, "import")

    bad = tmp_path / "fout.csv"
    bad.write_text("email,naam\nanna@voorbeeld.nl,Anna\nkapot,Fout\n", encoding="utf-8")
    page.get_by_label("CSV-bestand").set_input_files(str(bad))
    page.get_by_label("Bron van de toestemming").fill("ledenlijst 2025")
    page.get_by_role("button", name="Proef doen").click()
    page.get_by_text("er is niets geïmporteerd").wait_for()
    check_widths(page, "import-errors")
    assert page.get_by_role("button", name="Importeren").count() == 0
    assert not Subscriber.objects.exists()

    good = tmp_path / "goed.csv"
    good.write_text("email,naam\nanna@voorbeeld.nl,Anna\nbert@voorbeeld.nl,Bert\n", "utf-8")
    page.get_by_label("CSV-bestand").set_input_files(str(good))
    page.get_by_label("Bron van de toestemming").fill("ledenlijst 2025")
    page.get_by_role("button", name="Proef doen").click()
    page.get_by_role("button", name="Importeren").click()
    page.wait_for_url("**/nieuwsbrief/abonnees/")
    assert Subscriber.objects.filter(consent_source="import: ledenlijst 2025").count() == 2
    check_widths(page, "subscriber-list")

    page.get_by_label("Zoek op e-mailadres").fill("bert")
    page.get_by_role("button", name="Zoek abonnees").click()
    page.get_by_role("link", name="bert@voorbeeld.nl").click()
    check_widths(page, "subscriber-detail")

    page.goto("/nieuwsbrief/abonnees/segmenten/nieuw/")
    page.get_by_label("Naam").fill("Voorzitters")
    page.get_by_label("Voorzitter").check()
    page.get_by_role("button", name="Segment opslaan").click()
    page.get_by_text("in dit segment").first.wait_for()
    check_widths(page, "segment")
    assert Segment.objects.get().council_roles == ["voorzitter"]
