"""In Chromium, the newsletter's round for a reader (issue 14, "done when"): someone subscribes
on the public page, the confirmation mail is in the outbox, its link asks for one press and
confirms; one-click unsubscribe then works from outside any session (a mail program's POST,
no cookie, no CSRF token). The public pages are checked with axe-core at 1280 and 375 px;
screenshots go to RAADSPLEIN_SCREENSHOTS when it is set."""

import re

import pytest
from django.core import mail

from raadsplein.newsletter import messages
from raadsplein.newsletter.models import Subscriber, SubscriberStatus

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ADDRESS = "marieke.jansen@voorbeeld.nl"


def test_subscribe_confirm_and_unsubscribe_in_one_click(
    page, check_widths, assert_accessible, live_server
):
    page.goto("/nieuwsbrief/")
    check_widths(page, "subscribe")

    # A bad address: a Dutch message, nothing stored.
    page.get_by_label("E-mailadres").fill("marieke.jansen@")
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_text("geen geldig e-mailadres").first.wait_for()
    assert_accessible(page, context="subscribe with an error")
    assert not Subscriber.objects.exists()

    page.get_by_label("E-mailadres").fill(ADDRESS)
    page.get_by_role("button", name="Aanmelden").click()
    page.get_by_role("heading", name=re.compile("mailbox", re.I)).wait_for()
    check_widths(page, "subscribe-sent")

    # Nothing but the confirmation mail goes to a pending address.
    assert [m.to for m in mail.outbox] == [[ADDRESS]]
    subscriber = Subscriber.objects.get(email=ADDRESS)
    assert subscriber.status == SubscriberStatus.PENDING
    link = re.search(r"https?://\S+/nieuwsbrief/bevestigen/\S+/", mail.outbox[0].body).group(0)

    # The link only shows a button (a link scanner confirms nothing); the press confirms.
    page.goto(live_server.url + "/" + link.split("/", 3)[3])
    check_widths(page, "confirm")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING
    page.get_by_role("button", name="Ja, meld mij aan").click()
    page.get_by_role("heading", name=re.compile("aangemeld", re.I)).wait_for()
    assert_accessible(page, context="confirmed")
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.ACTIVE and subscriber.confirmed_at

    # One click from a mail program: a bare POST, no session, no cookie, no CSRF token.
    url = live_server.url + "/" + messages.unsubscribe_url(subscriber).split("/", 3)[3]
    api = page.context.browser.new_context().request
    response = api.post(
        url,
        data="List-Unsubscribe=One-Click",
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 200
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.UNSUBSCRIBED

    # The link in the mail (a GET) shows the calm page and changes nothing more.
    page.goto(url)
    check_widths(page, "unsubscribe-page")
