"""In Chromium, as the chair: the members page, a vacancy made public and closed (its
candidates erased after the warning), a new member's checklist, the year plan and a drafted
annual report. Every page checked with axe-core at 1280 and 320 px; screenshots go to
RAADSPLEIN_SCREENSHOTS when it is set."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsplein.accounts.tests.factories import PASSWORD
from raadsplein.organisations.models import Seat

from ..models import Candidate, Vacancy
from .factories import workspace_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_chair_recruits_and_plans(page, check_widths):
    world = workspace_world()
    council = world.council
    page.goto(reverse("councilwork:members", args=[council.pk]))
    page.get_by_label("E-mailadres").fill(world.chair.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**{reverse('councilwork:members', args=[council.pk])}")
    check_widths(page, "members")

    page.get_by_role("link", name="Nieuwe vacature").click()
    page.get_by_label("Titel").fill("De raad zoekt een nieuw lid")
    page.get_by_label("Tekst om te delen").fill(
        "Denkt u graag mee over de zorg? Mail naar raad@example.org."
    )
    page.get_by_role("button", name="Opslaan").click()
    page.get_by_role("button", name="Openbaar maken om te delen").click()
    vacancy = Vacancy.objects.get(council=council)
    public = reverse("councilwork:vacancy_public", kwargs={"token": vacancy.share_token})
    assert page.locator(f'a[href$="{public}"]').is_visible()
    page.get_by_role("link", name="Kandidaat toevoegen").click()
    check_widths(page, "candidate-form")
    page.get_by_label("Naam").fill("Anna de Vries")
    page.get_by_label("E-mailadres").fill("anna@example.org")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("cell", name="Anna de Vries").is_visible()
    check_widths(page, "vacancy")

    page.goto(public)
    assert page.get_by_text("Denkt u graag mee over de zorg?").is_visible()
    check_widths(page, "vacancy-public")

    page.goto(reverse("councilwork:vacancy_close", args=[council.pk, vacancy.pk]))
    assert page.get_by_text("worden de gegevens van 1 kandidaat gewist").is_visible()
    check_widths(page, "vacancy-close")
    page.get_by_label("Vervuld: er is een nieuw lid").check()
    page.get_by_role("button", name="Sluiten en gegevens van kandidaten wissen").click()
    page.wait_for_url(f"**{reverse('councilwork:members', args=[council.pk])}")
    assert not Candidate.objects.exists()

    seat = Seat.objects.get(person=world.member, council=council)
    page.goto(reverse("councilwork:onboarding", args=[council.pk, seat.pk]))
    page.get_by_role("button", name=re.compile("Afvinken.*Maak kennis met de voorzitter")).click()
    assert page.get_by_text("1 van de 5 stappen gedaan.").is_visible()
    check_widths(page, "onboarding")

    page.goto(reverse("councilwork:year_plan", args=[council.pk]))
    page.get_by_role("link", name="Onderwerp toevoegen").click()
    page.locator("#id_title").fill("Nieuwbouw")
    page.get_by_role("button", name="Opslaan").click()
    assert page.get_by_role("cell", name="Nieuwbouw").is_visible()
    check_widths(page, "year-plan")

    year = timezone.localdate().year
    page.goto(reverse("councilwork:annual_report", args=[council.pk, year]))
    page.get_by_role("button", name="Concept maken").click()
    assert page.get_by_label("Tekst van het jaarverslag").input_value().startswith("## Jaarverslag")
    check_widths(page, "annual-report")
