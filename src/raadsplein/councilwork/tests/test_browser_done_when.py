"""Issue 15's acceptance in Chromium: the chair records an advice request whose deadline comes
from the council's scheme, fills in the receipt letter and downloads it as DOCX (the council's
name and the deadline in it), records the advice and the board's decision — and a member of
another council gets 404 on every one of those pages and files. axe-core at 1280 and 320 px
(``check_widths``)."""

import datetime

import docx
import pytest
from django.utils import timezone

from raadsplein.accounts.tests.factories import PASSWORD

from .. import letters
from ..models import DeadlineSource, Letter, LetterKind, Outcome, State, Trajectory
from .factories import workspace_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, person):
    page.context.clear_cookies()
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")


def record_step(page, step: str, outcome: str = "") -> None:
    page.get_by_label(step, exact=True).check()
    if outcome:
        page.get_by_label("Uitkomst", exact=True).select_option(label=outcome)
    page.get_by_role("button", name="Stap vastleggen").click()
    page.wait_for_load_state("load")


def test_chair_handles_an_advice_request_and_another_council_sees_none_of_it(page, check_widths):
    world = workspace_world()
    council = world.council
    today = timezone.localdate()
    deadline = today + datetime.timedelta(days=42)  # the scheme's advice period (factories)

    sign_in(page, world.chair)
    page.goto(f"/raadswerk/{council.pk}/")
    check_widths(page, "done-overview-empty")
    page.get_by_role("link", name="Advies en instemming").click()
    page.get_by_role("link", name="Nieuw traject").click()
    page.get_by_label("Adviesaanvraag").check()
    page.get_by_label("Titel").fill("Fusie met Zorggroep Oost")
    page.get_by_label("Wat vraagt de bestuurder? (niet verplicht)").fill(
        "Wat vindt de raad van de fusie?"
    )
    page.get_by_role("button", name="Traject opslaan").click()
    page.wait_for_url("**/trajecten/*/")
    trajectory = Trajectory.objects.get(council=council, title="Fusie met Zorggroep Oost")
    assert (trajectory.deadline, trajectory.deadline_source) == (deadline, DeadlineSource.SCHEME)
    assert letters.dutch_date(deadline) in page.content()
    check_widths(page, "done-trajectory")

    page.get_by_role("link", name=str(LetterKind.RECEIPT.label)).click()
    box = page.get_by_label("Tekst van de brief")
    assert letters.dutch_date(deadline) in box.input_value()
    box.fill(box.input_value() + "\n\nWij bespreken de aanvraag op onze volgende vergadering.")
    page.get_by_role("button", name="Brief bewaren").click()
    page.wait_for_url("**/brieven/*/")
    letter = Letter.objects.get(council=council, trajectory=trajectory)
    with page.expect_download() as download:
        page.get_by_role("link", name="Download als Word-bestand (DOCX)").click()
    text = "\n".join(p.text for p in docx.Document(str(download.value.path())).paragraphs)
    assert council.name in text
    assert letters.dutch_date(deadline) in text
    assert "Wij bespreken de aanvraag op onze volgende vergadering." in text

    page.goto(f"/raadswerk/{council.pk}/trajecten/{trajectory.pk}/")
    record_step(page, "Advies of besluit verstuurd")
    record_step(
        page, "Besluit van de bestuurder ontvangen", outcome=str(Outcome.ADVICE_PARTLY.label)
    )
    trajectory.refresh_from_db()
    assert trajectory.state == State.BOARD_DECIDED
    assert trajectory.board_decided_on == today
    assert trajectory.outcome == Outcome.ADVICE_PARTLY
    assert list(trajectory.steps.values_list("state", flat=True)) == [
        State.RECEIVED,
        State.RESPONSE_SENT,
        State.BOARD_DECIDED,
    ]
    check_widths(page, "done-trajectory-decided")

    page.goto(f"/raadswerk/{council.pk}/")
    assert "Fusie met Zorggroep Oost" in page.content()
    check_widths(page, "done-overview")

    sign_in(page, world.other_member)
    for path in (
        f"/raadswerk/{council.pk}/",
        f"/raadswerk/{council.pk}/trajecten/",
        f"/raadswerk/{council.pk}/trajecten/{trajectory.pk}/",
        f"/raadswerk/{council.pk}/brieven/{letter.pk}/",
        f"/raadswerk/{council.pk}/brieven/{letter.pk}/brief.docx",
        f"/raadswerk/{council.pk}/brieven/nieuw/?trajectory={trajectory.pk}&kind=receipt",
        f"/raadswerk/{world.other_council.pk}/trajecten/{trajectory.pk}/",
    ):
        response = page.goto(path)
        assert response.status == 404, path
        assert "Fusie met Zorggroep Oost" not in page.content()
