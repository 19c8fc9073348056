import re

import pytest
from django.urls import reverse

from raadsplein.organisations.tests.factories import SeatFactory

pytestmark = pytest.mark.django_db

PAGES = [
    "/",
    "/account/login/",
    "/account/signup/",
    "/privacy/",
    "/lid-worden/",
    "/account/password/reset/",
]


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_csp_and_no_inline_script_or_style(client, url):
    response = client.get(url)
    assert response.status_code == 200
    csp = response["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "style-src 'self'" in csp
    html = response.content.decode()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), "inline <script> found"
    assert " style=" not in html and "<style" not in html


def test_signed_in_pages_have_no_inline_script_or_style(client):
    client.force_login(SeatFactory().person)
    for url in ["/mijn/", "/account/profiel/", "/account/mijn-gegevens/", "/raden/"]:
        html = client.get(url).content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html), url
        assert " style=" not in html, url


def test_base_layout_landmarks_and_skip_link(client):
    html = client.get("/").content.decode()
    assert '<html lang="nl">' in html
    assert 'class="skip-link" href="#inhoud"' in html
    assert '<main id="inhoud"' in html
    assert "<header" in html and "<footer" in html


def test_dutch_even_when_browser_asks_for_english(client):
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="nl">' in html and "Naar de inhoud" in html


def test_language_switcher_gives_english(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"}, follow=True)
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
    assert "Sign in" in html


def test_header_navigation_grows_with_registered_items(client):
    from raadsplein.web import navigation

    navigation.register(key="test-extra", label="Testonderdeel", url_name="web:privacy", order=999)
    try:
        assert "Testonderdeel" in client.get("/").content.decode()
    finally:
        navigation._items.pop("test-extra")


def test_unknown_page_is_a_friendly_404(client):
    response = client.get("/bestaat-echt-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_ending_term_is_flagged_on_dashboard(client):
    import datetime

    from django.utils import timezone

    seat = SeatFactory(end_date=timezone.localdate() + datetime.timedelta(days=20))
    client.force_login(seat.person)
    html = client.get("/mijn/").content.decode()
    assert "Termijn eindigt over 20 dagen" in html


def test_server_error_page_renders_without_request_context(rf):
    from raadsplein.web.errors import server_error

    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert "Er ging iets mis" in response.content.decode()
    assert "/static/web/css/raadsplein.css" in response.content.decode()
