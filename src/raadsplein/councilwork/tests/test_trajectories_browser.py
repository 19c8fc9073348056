"""In Chromium: the chair records a consent request with the deadline from the scheme, takes
it to the board's decision without consent and sees the nullity box. The list, the form and the
trajectory page are checked with axe-core at 1280 and 320 px (``check_widths``; screenshots
with RAADSPLEIN_SCREENSHOTS)."""

import datetime

import pytest
from django.utils import timezone

from raadsplein.accounts.tests.factories import PASSWORD

from ..models import DeadlineSource, State, Trajectory
from . import factories as f
from .factories import workspace_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, person):
    page.context.clear_cookies()
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")


def test_chair_records_consent_decided_without_it_and_sees_the_nullity_box(page, check_widths):
    world = workspace_world()
    council = world.council
    f.TrajectoryFactory(
        council=council,
        title="Verhuizing naar De Hoven",
        deadline=timezone.localdate() + datetime.timedelta(days=2),
    )
    sign_in(page, world.chair)
    page.goto(f"/raadswerk/{council.pk}/trajecten/")
    assert "nog 2 dagen" in page.content()
    check_widths(page, "trajectories-list")

    page.get_by_role("link", name="Nieuw traject").click()
    assert "42 dagen na ontvangst" in page.content()
    page.get_by_label("Instemmingsverzoek").check()
    page.get_by_label("Titel").fill("Nieuwe klachtenregeling")
    page.get_by_label("Wat vraagt de bestuurder? (niet verplicht)").fill("Stemt de raad in?")
    check_widths(page, "trajectory-new")
    page.get_by_role("button", name="Traject opslaan").click()
    page.wait_for_url("**/trajecten/*/")
    trajectory = Trajectory.objects.get(title="Nieuwe klachtenregeling")
    assert trajectory.deadline_source == DeadlineSource.SCHEME

    for step in ("Advies of besluit verstuurd", "Besluit van de bestuurder ontvangen"):
        page.get_by_label(step).check()
        if step.startswith("Besluit"):
            page.get_by_label("Besloten zonder instemming van de raad?").check()
            page.get_by_label("Wanneer hoorde de raad van dat besluit?").fill(
                timezone.localdate().isoformat()
            )
        page.get_by_role("button", name="Stap vastleggen").click()
        page.wait_for_load_state("load")
    trajectory.refresh_from_db()
    assert trajectory.state == State.BOARD_DECIDED and trajectory.decided_without_consent
    box = page.locator(".nullity")
    assert "schriftelijk laten weten dat het besluit nietig is" in box.inner_text()
    assert "nog te controleren" in box.inner_text()
    check_widths(page, "trajectory-nullity")
