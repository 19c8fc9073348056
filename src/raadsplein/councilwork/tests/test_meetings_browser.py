"""In Chromium: the chair plans a meeting (the time typed as 19.30), puts an item on the
agenda, sends it and a member ticks off their action. Every page is checked with axe-core
at 1280 and 320 px (``check_widths``; screenshots with RAADSPLEIN_SCREENSHOTS)."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from raadsplein.accounts.tests.factories import PASSWORD

from ..models import ActionItem, Meeting, MeetingNotice
from .factories import ActionItemFactory, workspace_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, person):
    page.context.clear_cookies()
    page.goto("/account/login/")
    page.get_by_label("E-mailadres").fill(person.email)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    page.wait_for_load_state("load")


def test_chair_plans_and_sends_and_a_member_ticks_off(page, check_widths):
    world = workspace_world()
    council = world.council
    sign_in(page, world.chair)
    page.goto(f"/raadswerk/{council.pk}/vergaderingen/")
    page.get_by_role("link", name="Nieuwe vergadering").click()
    date = timezone.localdate() + datetime.timedelta(days=20)
    page.get_by_label("Datum").fill(date.isoformat())
    page.get_by_label("Begintijd").fill("19.30")
    page.get_by_label("Eindtijd (niet verplicht)").fill("21.30")
    check_widths(page, "meeting-new")
    page.get_by_role("button", name="Bewaren").click()
    page.wait_for_url("**/vergaderingen/*/")
    meeting = Meeting.objects.get(council=council)
    assert timezone.localtime(meeting.starts_at).strftime("%H:%M") == "19:30"

    page.get_by_role("link", name="Punt toevoegen").click()
    page.get_by_label("Onderwerp").fill("Begroting 2027")
    page.get_by_label("Wie brengt het in (niet verplicht)").select_option(str(world.secretary.pk))
    page.get_by_label("Er moet een besluit komen").check()
    check_widths(page, "meeting-item")
    page.get_by_role("button", name="Bewaren").click()
    page.wait_for_url("**/vergaderingen/*/")
    ActionItemFactory(council=council, meeting=meeting, owner=world.member, text="Brief sturen")
    page.reload()
    check_widths(page, "meeting")

    page.get_by_role("link", name="Agenda versturen").click()
    check_widths(page, "meeting-send")
    page.get_by_role("button", name="Agenda versturen").click()
    page.wait_for_url("**/vergaderingen/*/")
    assert "3 leden kregen de agenda." in page.content()
    assert MeetingNotice.objects.filter(meeting=meeting).count() == 3
    assert len(mail.outbox) == 3

    sign_in(page, world.member)
    page.goto(f"/raadswerk/{council.pk}/acties/")
    check_widths(page, "actions")
    page.get_by_role("button", name=re.compile(r"^Gedaan\W+Brief sturen")).click()
    page.wait_for_load_state("load")
    assert ActionItem.objects.get(text="Brief sturen").done_at is not None
    page.goto(f"/raadswerk/{council.pk}/vergaderingen/")
    check_widths(page, "meetings")
