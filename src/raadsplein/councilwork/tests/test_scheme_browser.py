"""In Chromium: a member starts the scheme from the model, changes an article, comments on
it and compares the versions; the chair fills in the settings. Every page is checked with
axe-core at 1280 and 320 px (``check_widths``; screenshots with RAADSPLEIN_SCREENSHOTS)."""

import re

import pytest

from raadsplein.accounts.tests.factories import PASSWORD

from ..models import SchemeComment, SchemeSettings, SchemeVersion
from .factories import workspace_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, person):
    page.context.clear_cookies()
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")


def test_member_writes_comments_and_compares_and_the_chair_sets_the_settings(page, check_widths):
    world = workspace_world()
    council = world.council
    sign_in(page, world.member)
    page.goto(f"/raadswerk/{council.pk}/regeling/")
    check_widths(page, "scheme-empty")
    page.get_by_role("button", name="Begin met de modelregeling").click()
    page.wait_for_url("**/versies/*/")
    check_widths(page, "scheme-version")

    page.get_by_role("link", name="Tekst bewerken").first.click()
    box = page.get_by_label("Tekst van de regeling")
    box.fill(box.input_value().replace("De raad heeft [aantal] leden.", "De raad heeft 9 leden."))
    page.get_by_label("Wat heeft u veranderd? (kort)").fill("Negen leden")
    check_widths(page, "scheme-edit")
    page.get_by_role("button", name="Opslaan als nieuwe versie").click()
    page.wait_for_url("**/versies/*/")
    assert SchemeVersion.objects.filter(council=council).count() == 2

    # The link names its article for screen readers (Chromium reads a space before the colon).
    page.get_by_role("link", name=re.compile(r"Opmerking bij dit artikel\W+Artikel 3\.")).click()
    page.get_by_label("Uw opmerking").fill("Zijn negen leden niet te veel?")
    page.get_by_role("button", name="Opmerking plaatsen").click()
    page.wait_for_load_state("load")
    assert "Zijn negen leden niet te veel?" in page.content()
    assert SchemeComment.objects.get().paragraph == 4

    page.get_by_role("link", name="Vergelijk met de versie ervoor").click()
    page.wait_for_url("**/vergelijken/**")
    diff = page.locator(".scheme-diff")
    assert diff.locator("ins").first.inner_text().endswith("9")
    assert "verwijderd:" in diff.locator("del").first.inner_text()
    check_widths(page, "scheme-diff")

    sign_in(page, world.chair)
    page.goto(f"/raadswerk/{council.pk}/regeling/instellingen/")
    page.get_by_label("Termijn voor een advies (dagen)").fill("28")
    page.get_by_label("Budget per jaar (in euro)").fill("6.500")
    page.get_by_label("Eigen commissie van vertrouwenslieden van de zorgaanbieder").check()
    check_widths(page, "scheme-settings")
    page.get_by_role("button", name="Instellingen opslaan").click()
    page.wait_for_url(f"**/raadswerk/{council.pk}/regeling/")
    check_widths(page, "scheme")
    stored = SchemeSettings.objects.get(council=council)
    assert (stored.advice_days, stored.budget_cents, stored.dispute_committee) == (
        28,
        650000,
        "own",
    )
