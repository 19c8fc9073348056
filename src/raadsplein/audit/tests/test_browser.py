"""An advisor reads the audit trail of a person in Chromium; the page passes axe-core."""

import pytest

from raadsplein.accounts.tests.factories import PASSWORD, UserFactory, adviseur
from raadsplein.events import services as event_services
from raadsplein.events.tests.factories import BookingFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_advisor_reads_what_was_done_for_a_person(page, assert_accessible):
    staff = adviseur(first_name="Sanne", last_name="Bakker")
    person = UserFactory(first_name="Henk", last_name="Jansen")
    booking = BookingFactory(person=person)
    event_services.cancel_booking(booking=booking, by=staff)

    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(staff.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_url("**/medewerkers/")  # staff land on their start page

    page.goto("/beheer/audit/")
    assert_accessible(page, context="audit trail")
    page.get_by_role("link", name="Henk Jansen", exact=True).click()
    page.wait_for_url(f"**/beheer/audit/?persoon={person.pk}")
    assert page.get_by_role("heading", level=1).inner_text() == "Logboek van Henk Jansen"
    row = page.get_by_role("row").filter(has_text="Boeking afgemeld voor iemand anders")
    assert "Sanne Bakker" in row.inner_text()
    assert_accessible(page, context="audit trail of a person")
