"""In Chromium: a member asks the Vraagbaak a question, sees it in "Mijn vragen", reads the
answer (not the internal note) and replies. Every page is checked with axe-core, at 1280 and
375 px; screenshots of "Stel een vraag" and "Mijn vragen" go to VRAAGBAAK_SCREENSHOTS."""

import os
from pathlib import Path

import pytest

from raadsplein.accounts.tests.factories import PASSWORD, adviseur
from raadsplein.helpdesk import services
from raadsplein.helpdesk.models import Question, Status
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/mijn/")


def shoot(page, name):
    folder = os.environ.get("VRAAGBAAK_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_ask_see_in_my_questions_read_the_answer_and_reply(page, assert_accessible):
    council = MemberCouncilFactory(name="Cliëntenraad De Linde")
    person = member(council=council, first_name="Greet", last_name="Visser")
    sign_in(page, person.email)

    page.get_by_role("link", name="Vraagbaak").first.click()
    page.wait_for_url("**/vraagbaak/mijn-vragen/")
    page.get_by_role("link", name="Stel een vraag").first.click()
    page.wait_for_url("**/vraagbaak/vraag-stellen/")
    assert_accessible(page, context="ask, empty")
    shoot(page, "ask-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    assert_accessible(page, context="ask at 375 px")
    shoot(page, "ask-375")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_label("Onderwerp").fill("Adviesrecht bij de verbouwing")
    page.get_by_label("Telefonisch").check()
    page.get_by_role("button", name="Vraag versturen").click()
    # Errors tied to their fields; what was typed stays.
    assert page.get_by_label("Onderwerp").input_value() == "Adviesrecht bij de verbouwing"
    assert "Schrijf uw vraag op." in page.locator("main").inner_text()
    assert "Vul het telefoonnummer in" in page.locator("main").inner_text()
    assert_accessible(page, context="ask with errors")
    page.get_by_label("Uw vraag").fill("Moet de bestuurder ons om advies vragen?")
    page.get_by_label("Telefoonnummer").fill("030 123 45 67")
    page.get_by_label("Deel de vraag met mijn raad").check()
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_url("**/verstuurd/")
    question = Question.objects.get()
    text = page.locator("main").inner_text()
    assert question.reference in text and "eerste reactie" in text
    assert_accessible(page, context="confirmation")

    desk = adviseur()
    services.add_note(question=question, advisor=desk, body="Notitie die de raad niet ziet")
    services.reply(question=question, advisor=desk, body="Ja, artikel 7 van de Wmcz.")

    page.goto("/vraagbaak/mijn-vragen/")
    assert "Beantwoord" in page.locator("main").inner_text()
    assert_accessible(page, context="my questions")
    shoot(page, "mine-1280")
    page.set_viewport_size({"width": 375, "height": 800})
    assert_accessible(page, context="my questions at 375 px")
    shoot(page, "mine-375")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Adviesrecht bij de verbouwing").click()
    main = page.locator("main").inner_text()
    assert "Ja, artikel 7 van de Wmcz." in main and "Notitie die de raad niet ziet" not in main
    assert_accessible(page, context="question page")
    page.get_by_label("Uw bericht aan de Vraagbaak").fill("Dank u. En bij een huurverhoging?")
    page.get_by_role("button", name="Bericht versturen").click()
    page.wait_for_load_state()
    assert "Uw bericht is verstuurd" in page.locator("body").inner_text()
    question.refresh_from_db()
    assert question.status == Status.OPEN
    shoot(page, "question-1280")
