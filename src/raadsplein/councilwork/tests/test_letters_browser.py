"""In Chromium: the chair makes the receipt letter from a trajectory, edits it and downloads it
as DOCX; a member writes down an achterban contact. Every page is checked with axe-core at 1280
and 320 px (``check_widths``; screenshots with RAADSPLEIN_SCREENSHOTS)."""

import datetime

import docx
import pytest
from django.utils import timezone

from raadsplein.accounts.tests.factories import PASSWORD

from .. import letters
from ..models import ConstituencyContact, Letter
from .factories import TrajectoryFactory, workspace_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, person):
    page.context.clear_cookies()
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")


def test_chair_makes_edits_and_downloads_a_letter_and_a_member_logs_a_contact(page, check_widths):
    world = workspace_world()
    council = world.council
    received = timezone.localdate() - datetime.timedelta(days=3)
    trajectory = TrajectoryFactory(
        council=council,
        title="Nieuwe dagbesteding",
        received=received,
        deadline=received + datetime.timedelta(days=42),
    )
    deadline = letters.dutch_date(trajectory.deadline)

    sign_in(page, world.chair)
    page.goto(f"/raadswerk/{council.pk}/brieven/nieuw/?trajectory={trajectory.pk}&kind=receipt")
    box = page.get_by_label("Tekst van de brief")
    assert deadline in box.input_value()
    check_widths(page, "letter-new")
    box.fill(box.input_value().replace("Dank u wel.", "Hartelijk dank."))
    page.get_by_role("button", name="Brief bewaren").click()
    page.wait_for_url("**/brieven/*/")
    check_widths(page, "letter")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als Word-bestand (DOCX)").click()
    text = "\n".join(p.text for p in docx.Document(str(download.value.path())).paragraphs)
    assert council.name in text and deadline in text and "Hartelijk dank." in text
    assert Letter.objects.get(council=council).trajectory == trajectory
    page.goto(f"/raadswerk/{council.pk}/brieven/")
    check_widths(page, "letters")

    sign_in(page, world.member)
    page.goto(f"/raadswerk/{council.pk}/achterban/nieuw/")
    page.get_by_label("Bezoek aan een locatie").check()
    page.get_by_label("Datum").fill(timezone.localdate().isoformat())
    page.get_by_label("Wie heeft u gesproken of bereikt?").fill("Bewoners van De Linde")
    page.get_by_label("Wat hoorde de raad?").fill("Bewoners missen een vaste contactpersoon.")
    check_widths(page, "contact-new")
    page.get_by_role("button", name="Bewaren", exact=True).click()
    page.wait_for_url("**/achterban/*/")
    check_widths(page, "contact")
    assert ConstituencyContact.objects.get(council=council).created_by == world.member
    page.goto(f"/raadswerk/{council.pk}/achterban/")
    check_widths(page, "constituency")
