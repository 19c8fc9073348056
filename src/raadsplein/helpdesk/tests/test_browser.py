"""In Chromium, the whole round: a member asks the Vraagbaak a question; an advisor answers
it on the staff page, starting from a standard answer, and writes an internal note; the
member reads the answer (not the note) in "Mijn vragen", replies by e-mail (the mail fed to
``receive_mail`` as a mail server's pipe would) and, once the question is closed, scores
the answer from the link in the mail. Every page is checked with axe-core, the member's at
1280 and 375 px; screenshots go to VRAAGBAAK_SCREENSHOTS when it is set."""

import io
import os
import re
import sys
from email.message import EmailMessage
from email.utils import make_msgid
from pathlib import Path
from unittest import mock
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command

from raadsplein.accounts.tests.factories import PASSWORD, adviseur
from raadsplein.helpdesk import services
from raadsplein.helpdesk.models import CannedAnswer, MessageKind, Question, Satisfaction, Status
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, email, landing="**/mijn/"):
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(landing)


def shoot(page, name):
    folder = os.environ.get("VRAAGBAAK_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"{name}.png"), full_page=True)


def test_ask_answer_with_a_standard_answer_reply_by_mail_and_score(page, assert_accessible):
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
    page.get_by_label("Per e-mail").check()
    page.get_by_label("Deel de vraag met mijn raad").check()
    page.get_by_role("button", name="Vraag versturen").click()
    page.wait_for_url("**/verstuurd/")
    question = Question.objects.get()
    text = page.locator("main").inner_text()
    assert question.reference in text and "eerste reactie" in text
    assert_accessible(page, context="confirmation")

    CannedAnswer.objects.create(
        title="Adviesrecht",
        body="Beste {naam},\n\nJa, artikel 7 van de Wmcz geeft {raad} adviesrecht.",
    )
    desk = adviseur(first_name="Ineke", last_name="Brouwer")
    staff = page.context.browser.new_context(
        base_url=page.url.split("/vraagbaak")[0], viewport={"width": 1280, "height": 900}
    )
    advisor = staff.new_page()
    sign_in(advisor, desk.email, landing="**/medewerkers/")
    advisor.goto("/vraagbaak/behandelen/lijst/niet-toegewezen/")
    advisor.get_by_role("link", name=re.compile("Adviesrecht bij de verbouwing")).click()
    assert_accessible(advisor, context="staff question page")
    advisor.get_by_label("Begin met een standaardantwoord").select_option(label="Adviesrecht")
    with advisor.expect_navigation():
        advisor.get_by_role("button", name="Invullen").click()
    answer = advisor.get_by_label("Uw antwoord aan de raad")
    assert "Beste Greet" in answer.input_value()
    assert "Cliëntenraad De Linde adviesrecht" in answer.input_value()
    advisor.get_by_label("Interne notitie (de raad ziet dit niet)").fill(
        "Notitie die de raad niet ziet"
    )
    with advisor.expect_navigation():
        advisor.get_by_role("button", name="Notitie opslaan").click()
    advisor.get_by_label("Begin met een standaardantwoord").select_option(label="Adviesrecht")
    with advisor.expect_navigation():
        advisor.get_by_role("button", name="Invullen").click()
    with advisor.expect_navigation():
        advisor.get_by_role("button", name="Antwoord versturen").click()
    question.refresh_from_db()
    assert question.status == Status.ANSWERED, advisor.locator("main").inner_text()[-2500:]
    assert question.messages.filter(kind=MessageKind.NOTE).count() == 1

    # The answer reached the member by e-mail, threaded and with the reply token; not the note.
    answer_mail = next(m for m in mail.outbox if "Cliëntenraad De Linde adviesrecht" in m.body)
    assert answer_mail.to == [person.email]
    assert question.reply_token in " ".join(answer_mail.reply_to)
    assert not any("Notitie die de raad niet ziet" in m.body for m in mail.outbox)

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
    assert "artikel 7 van de Wmcz" in main and "Notitie die de raad niet ziet" not in main
    assert_accessible(page, context="question page")

    # The member answers the mail; the mail server pipes it to receive_mail.
    reply = EmailMessage()
    reply["From"] = f"Greet Visser <{person.email}>"
    reply["To"] = answer_mail.reply_to[0]
    reply["Subject"] = "Re: " + answer_mail.subject
    reply["Message-ID"] = make_msgid(domain="example.nl")
    reply["In-Reply-To"] = answer_mail.extra_headers["Message-ID"]
    reply.set_content(
        "Dank u. En bij een huurverhoging?\n\nOp 2 december schreef de Vraagbaak:\n"
        "> Ja, artikel 7 van de Wmcz geeft adviesrecht."
    )
    with mock.patch.object(sys, "stdin", mock.Mock(buffer=io.BytesIO(reply.as_bytes()))):
        call_command("receive_mail", stdout=io.StringIO())
    question.refresh_from_db()
    assert question.status == Status.OPEN
    page.reload()
    main = page.locator("main").inner_text()
    assert "Dank u. En bij een huurverhoging?" in main
    assert "Op 2 december schreef" not in main  # the quoted history is not shown
    shoot(page, "question-1280")

    # Closed; the satisfaction mail's link for a 4 opens a page that records on its button.
    services.set_status(question=question, status=Status.CLOSED, actor=desk)
    score_mail = next(m for m in mail.outbox if "/vraagbaak/tevredenheid/" in m.body)
    links = re.findall(r"https?://\S+/vraagbaak/tevredenheid/\S+/", score_mail.body)
    assert len(links) == 5
    page.goto(urlsplit(links[3]).path)
    assert_accessible(page, context="score by link")
    assert not Satisfaction.objects.exists()  # opening the link records nothing
    with page.expect_navigation():
        page.get_by_role("button", name="Beoordeling opslaan").click()
    assert "Dank u wel" in page.locator("h1").inner_text()
    assert Satisfaction.objects.get(question=question).score == 4
    staff.close()
