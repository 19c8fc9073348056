"""In Chromium: the news overview with a filter, a news item with its picture, a members-only
item's teaser and sign-in that leads back to it, the archive and one edition with an item for
members (teaser for a visitor, whole for a member). Every page checked with axe-core at 1280
and 320 px; screenshots go to RAADSPLEIN_SCREENSHOTS when it is set."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from raadsplein.accounts.tests.factories import PASSWORD
from raadsplein.newsletter.models import EditionStatus
from raadsplein.organisations.models import CareSector
from raadsplein.organisations.tests.factories import member

from .factories import EditionFactory, EditionItemFactory, news_item

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_news_and_archive_for_a_visitor_and_a_member(page, check_widths):
    image = get_image_model().objects.create(
        title="Vergadering", file=get_test_image_file(size=(800, 450))
    )
    news_item(
        title="Evaluatie van de Wmcz begonnen",
        intro="Demo: cliëntenraden kunnen hun ervaringen met de wet delen.",
        body="## Wat kunt u doen?\n\nVertel ons wat goed gaat en wat niet.",
        themes=["Medezeggenschap en de wet"],
        image=image,
        image_alt="Een vergadertafel met zes stoelen",
        published_on=datetime.date(2026, 11, 30),
    )
    secret = news_item(
        title="De begroting bespreken",
        intro="Demo: met een paar vragen krijgt u zicht op de cijfers.",
        body="Het hele verhaal voor leden.",
        audience="members",
        published_on=datetime.date(2026, 11, 20),
    )
    news_item(title="Jeugdraden groeien", themes=["Jeugd"], published_on=datetime.date(2026, 11, 1))
    edition = EditionFactory(
        title="Nieuwsbrief week 48",
        intro="Demo: het nieuws van deze week.",
        status=EditionStatus.SENT,
        queued_at=timezone.now(),
    )
    EditionItemFactory(edition=edition, position=1, heading="Evaluatie van de Wmcz begonnen")
    EditionItemFactory(
        edition=edition,
        position=2,
        heading="Nieuwe modelregeling",
        text="Wij herschreven de modelregeling. Dit deel is alleen voor leden.",
        members_only=True,
        sector=CareSector.objects.get(code="gehandicaptenzorg"),
    )
    person = member(email="lid@demo.raadsplein.nl")

    page.goto("/nieuws/")
    assert page.get_by_role("heading", name="Nieuws", level=1).is_visible()
    check_widths(page, "news-overview")
    page.get_by_text("Filteren", exact=True).click()
    page.get_by_label("Thema").select_option(label="Jeugd")
    page.get_by_role("button", name="Toon nieuws").click()
    page.wait_for_url("**/nieuws/?*")
    assert page.get_by_role("link", name="Jeugdraden groeien").is_visible()
    assert page.get_by_text("Evaluatie van de Wmcz begonnen").count() == 0

    page.goto("/nieuws/")
    page.get_by_role("link", name="Evaluatie van de Wmcz begonnen").click()
    page.wait_for_url("**/nieuws/testbericht-*/")
    assert page.get_by_role("img", name="Een vergadertafel met zes stoelen").is_visible()
    check_widths(page, "news-item")

    page.goto("/nieuws/")
    assert page.get_by_text("Dit bericht is er voor leden.").is_visible()
    page.get_by_role(
        "link", name=re.compile(r"Log in om verder te lezen\W+De begroting bespreken")
    ).click()
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**{secret.url}")
    assert page.get_by_text("Het hele verhaal voor leden.").is_visible()

    page.context.clear_cookies()
    page.goto("/nieuwsbrief/archief/")
    check_widths(page, "archive")
    page.get_by_role("link", name="Nieuwsbrief week 48").click()
    assert page.get_by_text("Voor de gehandicaptenzorg").is_visible()
    assert page.get_by_text("Wij herschreven de modelregeling.").is_visible()
    assert page.get_by_text("Dit deel is alleen voor leden.").count() == 0
    check_widths(page, "edition-visitor")
    page.get_by_role(
        "link", name=re.compile(r"Log in om verder te lezen\W+Nieuwe modelregeling")
    ).click()
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url(f"**/nieuwsbrief/archief/{edition.pk}/")
    assert page.get_by_text("Dit deel is alleen voor leden.").is_visible()
    check_widths(page, "edition-member")
