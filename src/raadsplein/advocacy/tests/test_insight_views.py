"""Signalen in cijfers (staff, unsuppressed) and Wat we met uw signalen doen (everyone,
suppressed)."""

import datetime
import json
import re

import pytest
from django.test import Client
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beleidsadviseur
from raadsplein.advocacy.models import Dossier, DossierAction
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db
DASHBOARD = "/signalen/inzicht/"
PUBLIC = "/signalen/wat-we-doen/"


def theme(slug):
    return Theme.objects.get_or_create(slug=slug, defaults={"name": slug.capitalize()})[0]


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def world():
    """Six councils in Gelderland about staff, two in Zeeland about money."""
    for _ in range(6):
        report(council=council_in(province="GE"), themes=[theme("personeel")])
    for _ in range(2):
        report(council=council_in(province="ZE"), themes=[theme("geld")])


def province_row(html, name):
    match = re.search(
        rf'<th scope="row">{name}</th>\s*(<td[^>]*>[^<]*</td>\s*(?:<td>[^<]*</td>)?)', html
    )
    return re.sub(r"\s+", " ", match.group(1)) if match else None


def test_dashboard_is_for_staff_only(world):
    response = Client().get(DASHBOARD)
    assert response.status_code == 302 and "/account/" in response["Location"]
    assert signed_in(member()).get(DASHBOARD).status_code == 404


def test_dashboard_shows_every_figure_with_the_map(world):
    response = signed_in(adviseur()).get(DASHBOARD)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1>Signalen in cijfers</h1>" in html
    assert "Intern." in html
    # Unsuppressed: Zeeland's two signals from two councils are shown.
    assert province_row(html, "Zeeland") == "<td>2</td> <td>2</td>"
    assert province_row(html, "Gelderland") == "<td>6</td> <td>6</td>"
    assert html.count('<path d="M') == 12
    assert "<title>Zeeland: 2 signalen, 2 raden</title>" in re.sub(r"\s+", " ", html).replace(
        "<title> ", "<title>"
    ).replace(" </title>", "</title>")
    assert "<dd>8</dd>" in html


def test_dashboard_filters(world):
    client = signed_in(beleidsadviseur())
    html = client.get(DASHBOARD, {"provincie": "ZE"}).content.decode()
    assert "<dd>2</dd>" in html
    assert province_row(html, "Zeeland") == "<td>2</td> <td>2</td>"
    assert province_row(html, "Gelderland") is None  # only the chosen province is listed
    html = client.get(DASHBOARD, {"thema": theme("personeel").pk}).content.decode()
    assert "<dd>6</dd>" in html


@pytest.mark.parametrize(
    "query",
    [
        {"provincie": "XX"},
        {"thema": "999999"},
        {"van": "2026-13"},
        {"van": "2026-05", "tot": "2026-01"},
        {"van": "1900-01"},
        {"sector": "\x00"},
    ],
)
def test_dashboard_bad_filters_say_so_and_show_defaults(world, query):
    response = signed_in(adviseur()).get(DASHBOARD, query)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errorlist' in html or "errorlist" in html
    assert "<dd>8</dd>" in html  # the unfiltered figures, last 24 months


def test_dashboard_period_filter(world):
    old = timezone.localdate() - datetime.timedelta(days=400)
    html = (
        signed_in(adviseur())
        .get(DASHBOARD, {"van": old.strftime("%Y-%m"), "tot": old.strftime("%Y-%m")})
        .content.decode()
    )
    assert "<dd>0</dd>" in html


def test_public_page_is_suppressed_and_open_to_visitors(world):
    response = Client().get(PUBLIC)
    assert response.status_code == 200
    assert not response.cookies
    html = response.content.decode()
    assert "<h1>Wat we met uw signalen doen</h1>" in html
    # Zeeland: two councils, hidden. Gelderland: six, but then Zeeland = total − Gelderland:
    # hidden too; no number of either is on the page.
    assert "weggelaten" in province_row(html, "Zeeland")
    assert "weggelaten" in province_row(html, "Gelderland")
    assert "Zeeland: 2 signalen" not in html
    assert html.count('<path d="M') == 12


def test_public_page_shows_summaries_and_actions_for_councils():
    shown = Dossier.objects.create(title="Personeel in de avond", summary="Wij praten met VWS.")
    DossierAction.objects.create(
        dossier=shown,
        kind="letter",
        addressee="vws",
        title="Brief aan de minister",
        date=datetime.date(2026, 3, 1),
    )
    DossierAction.objects.create(
        dossier=shown,
        kind="meeting",
        title="Voorgesprek intern",
        date=datetime.date(2026, 2, 1),
        visible_to_councils=False,
    )
    Dossier.objects.create(title="Nog in voorbereiding", summary="")
    html = Client().get(PUBLIC).content.decode()
    assert "Personeel in de avond" in html and "Wij praten met VWS." in html
    assert "Brief aan de minister" in html
    assert "Voorgesprek intern" not in html
    assert "Nog in voorbereiding" not in html


def test_public_page_queries_do_not_grow_with_dossiers(django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def dossier(i):
        made = Dossier.objects.create(title=f"Dossier {i}", summary="Samenvatting.")
        DossierAction.objects.create(
            dossier=made, kind="letter", title=f"Brief {i}", date=datetime.date(2026, 1, 1)
        )

    client = Client()
    dossier(0)
    client.get(PUBLIC)
    with CaptureQueriesContext(connection) as one:
        assert "Dossier 0" in client.get(PUBLIC).content.decode()
    dossier(1)
    dossier(2)
    with django_assert_num_queries(len(one)):
        assert "Dossier 2" in client.get(PUBLIC).content.decode()


ROLES = {
    "anonymous": lambda: None,
    "signed_in": UserFactory,
    "member": member,
    "adviseur": adviseur,
    "beleidsadviseur": beleidsadviseur,
}
STATS = "/api/v1/signals/stats?by=theme"


@pytest.mark.parametrize(
    ("role", "url", "status", "text"),
    [
        ("anonymous", DASHBOARD, 302, ""),
        ("signed_in", DASHBOARD, 404, ""),
        ("member", DASHBOARD, 404, ""),
        ("adviseur", DASHBOARD, 200, "<h1>Signalen in cijfers</h1>"),
        ("beleidsadviseur", DASHBOARD, 200, "<h1>Signalen in cijfers</h1>"),
        *[(role, PUBLIC, 200, "<h1>Wat we met uw signalen doen</h1>") for role in ROLES],
        ("anonymous", STATS, 401, '"code": "unauthorized"'),
        ("signed_in", STATS, 403, '"code": "members_only"'),
        ("member", STATS, 200, '"by": ["theme"]'),
        ("adviseur", STATS, 200, '"by": ["theme"]'),
        ("beleidsadviseur", STATS, 200, '"by": ["theme"]'),
    ],
)
def test_permissions(world, role, url, status, text):
    """Every URL of this part × every kind of visitor, asserting what they get."""
    user = ROLES[role]()
    client = signed_in(user) if user else Client()
    response = client.get(url)
    assert response.status_code == status
    if url == STATS:
        assert text in json.dumps(response.json())
    else:
        assert text in response.content.decode()


def test_cached_figures_follow_a_new_signal(world, settings, django_capture_on_commit_callbacks):
    settings.RAADSPLEIN_PAGE_CACHE_SECONDS = 60
    client = signed_in(adviseur())
    lid = member()
    api = signed_in(lid)
    assert "<dd>8</dd>" in client.get(DASHBOARD).content.decode()
    before = api.get("/api/v1/signals/stats", {"by": "theme"}).json()["total"]
    with django_capture_on_commit_callbacks(execute=True):
        report(council=council_in(province="GE"), themes=[theme("personeel")])
    assert "<dd>9</dd>" in client.get(DASHBOARD).content.decode()
    after = api.get("/api/v1/signals/stats", {"by": "theme"}).json()["total"]
    assert (before["count"], after["count"]) == (8, 9)


def test_map_coordinates_are_written_with_a_dot(world, settings):
    settings.LANGUAGE_CODE = "nl"
    html = signed_in(adviseur()).get(DASHBOARD, HTTP_ACCEPT_LANGUAGE="nl").content.decode()
    labels = re.findall(r'<text x="([^"]+)" y="([^"]+)" class="insight-map__code"', html)
    assert len(labels) == 12
    assert all("," not in x + y for x, y in labels)


def test_staff_start_page_links_the_dashboard():
    html = signed_in(adviseur()).get("/medewerkers/").content.decode()
    assert f'href="{DASHBOARD}"' in html
    assert "Signalen in cijfers" in html
