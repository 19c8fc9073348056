"""Input that overflows: every form of the site, posted with generated values, answers < 500.

The forms are found, not listed: the test GETs every page without URL arguments (from the URL
configuration, so later apps' pages are included) and the pages they link to, as each kind of
visitor of the permission matrix, and reads every <form> with its inputs, selects and
textareas. hypothesis then sends each form valid choices mixed with huge and negative numbers,
unicode, empty and long strings and NUL bytes. The same on SQLite and PostgreSQL.
"""

import collections
import datetime
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import UserFactory, beheerder
from raadsplein.events.models import Audience, BookingStatus
from raadsplein.events.tests.factories import (
    BookingFactory,
    EventFactory,
    ProgrammeFactory,
    SessionFactory,
)
from raadsplein.knowledge.tests.factories import publication
from raadsplein.learning import services as learning_services
from raadsplein.learning.models import LearnerProfile
from raadsplein.learning.tests.factories import small_course
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

EXAMPLES = 20  # per form and visitor; measured: the four visitors take about a minute
HUGE = "99999999999999999999"
NASTY = [
    "",
    " ",
    "0",
    "-1",
    HUGE,
    "-" + HUGE,
    "9223372036854775808",
    "1e309",
    "NaN",
    "9" * 5000,
    "x" * 5000,
    "\x00",
    "a\x00b",
    "²",
    "١٢٣",
    "😀 ünïcödé",
    "1:" + HUGE,
    HUGE + ":1",
    "<b>'\"",
    "2026-02-30",
    "99999-01-01",
]
EVERY_FIELD = [HUGE, "-" + HUGE, "a\x00b", "", "x" * 5000, "²"]
# Never send: they end the visit (logout) or leave the site's own pages.
SKIP_ACTIONS = ("/account/logout/", "/admin/", "/django-admin/", "/api/")
# Not pages: files, feeds, downloads.
SKIP_PAGES = (".ics", ".pdf", ".xml", ".csv", ".txt", "/download/", "/export", "/feed/")


class _Forms(HTMLParser):
    """The forms of a page: action, method, fields (name → options, multiple, default)."""

    def __init__(self):
        super().__init__()
        self.forms: list[dict] = []
        self.links: list[str] = []
        self._form: dict | None = None
        self._select: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        if tag == "form":
            self._form = {
                "action": a.get("action", ""),
                "method": a.get("method", "get").lower(),
                "fields": {},
                "fixed": {},
                "buttons": [],
            }
            self.forms.append(self._form)
        if self._form is None:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if name == "csrfmiddlewaretoken":
                self._form["fixed"][name] = a.get("value", "")
            elif kind in ("submit", "image"):
                self._form["buttons"].append((name, a.get("value", "")))
            else:
                field = self._form["fields"].setdefault(
                    name, {"options": [], "multiple": False, "kind": kind}
                )
                if kind == "checkbox":
                    field["multiple"] = True
                if a.get("value"):
                    field["options"].append(a["value"])
        elif tag == "button" and name:
            self._form["buttons"].append((name, a.get("value", "")))
        elif tag == "textarea" and name:
            self._form["fields"][name] = {"options": [], "multiple": False, "kind": "textarea"}
        elif tag == "select" and name:
            self._select = {"options": [], "multiple": "multiple" in a, "kind": "select"}
            self._form["fields"][name] = self._select
        elif tag == "option" and self._select is not None:
            self._select["options"].append(a.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None
        elif tag == "select":
            self._select = None


def _plain_urls(resolver: URLResolver | None = None, prefix: str = "") -> list[str]:
    """Every URL of the URL configuration that takes no arguments."""
    urls = []
    for p in (resolver or get_resolver()).url_patterns:
        route = str(p.pattern)
        if "<" in route or "(" in route or route.startswith("^"):
            continue
        if isinstance(p, URLResolver):
            urls += _plain_urls(p, prefix + route)
        elif isinstance(p, URLPattern):
            urls.append("/" + prefix + route)
    return urls


def _crawl(client: Client, *, limit: int = 120) -> list[tuple[str, dict]]:
    """GET the plain URLs and the pages they link to; return (page, form) for each form."""
    queue = collections.deque(u for u in _plain_urls() if not u.startswith(SKIP_ACTIONS))
    seen: set[str] = set(queue)
    forms: list[tuple[str, dict]] = []
    depth = dict.fromkeys(queue, 0)
    while queue and len(depth) <= limit:
        url = queue.popleft()
        if url.endswith(SKIP_PAGES):
            continue
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code in (301, 302):
            # A page that sends the visitor on (Raadswerk straight into one's only council):
            # the target counts as the same step, so its forms and links are reached too.
            target = urlsplit(urljoin(url, response["Location"])).path
            if target not in seen and not target.startswith(SKIP_ACTIONS + ("/account/",)):
                seen.add(target)
                depth[target] = depth[url]
                queue.append(target)
            continue
        if "text/html" not in response.get("Content-Type", ""):
            continue
        parser = _Forms()
        parser.feed(response.content.decode())
        forms += [(url, form) for form in parser.forms]
        if depth[url] >= 2:
            continue
        for href in parser.links:
            parts = urlsplit(urljoin(url, href))
            target = parts.path
            if parts.netloc or not target.startswith("/") or target in seen:
                continue
            if target.startswith(SKIP_ACTIONS + ("/documenten/", "/media/", "/static/")):
                continue
            seen.add(target)
            depth[target] = depth[url] + 1
            queue.append(target)
    return forms


def _value(field: dict):
    choices = [
        st.sampled_from(NASTY),
        st.text(max_size=40),
        st.integers().map(str),
        st.integers(min_value=2**63 - 2, max_value=10**30).map(str),
    ]
    if field["options"]:
        choices.insert(0, st.sampled_from(field["options"]))
    value = st.one_of(*choices)
    if field["multiple"]:
        return st.one_of(st.none(), st.lists(value, min_size=1, max_size=3))
    return st.one_of(st.none(), value)


@pytest.fixture
def world(db):
    council = MemberCouncilFactory(name="Cliëntenraad Fuzz")
    chair = member(council=council, role=SeatRole.VOORZITTER, first_name="Carla")
    member(council=council, first_name="Lid")
    account_services.create_api_token(user=chair, name="script")
    programme = ProgrammeFactory()
    SessionFactory(event=EventFactory(programme=programme))
    SessionFactory(event=EventFactory(audience=Audience.OPEN), capacity=1)
    past = SessionFactory(starts_at=timezone.now() - datetime.timedelta(days=2))
    BookingFactory(session=past, person=chair, status=BookingStatus.CONFIRMED)
    BookingFactory(session=SessionFactory(), person=chair)
    course = small_course(modules=1, steps_per_module=2, quiz=True)
    learning_services.enrol(person=chair, course=course)
    publication(title="Begroting lezen")
    return {
        "anonymous": None,
        "nonmember": UserFactory(first_name="Niels"),
        "member": chair,
        "beheerder": beheerder(),
    }


def _client(world, role) -> Client:
    client = Client()
    if world[role] is not None:
        client.force_login(world[role])
    return client


def _fuzz(client: Client, page: str, form: dict, sent: collections.Counter) -> None:
    action = urljoin(page, form["action"]) if form["action"] else page
    if urlsplit(action).path.startswith(SKIP_ACTIONS):
        return
    strategy = st.fixed_dictionaries({name: _value(f) for name, f in form["fields"].items()})
    buttons = form["buttons"] or [None]

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(data=strategy, button=st.sampled_from(buttons))
    def send(data, button):
        payload = {k: v for k, v in data.items() if v is not None}
        payload.update(form["fixed"])
        if button:
            payload[button[0]] = button[1]
        if form["method"] == "post":
            response = client.post(action, payload)
        else:
            response = client.get(action, payload)
        sent[action] += 1
        assert response.status_code < 500, (action, payload)

    # First, in every field at once, the values the issue names; then generated mixes.
    for value in EVERY_FIELD:
        data = {
            name: [value] if field["multiple"] else value for name, field in form["fields"].items()
        }
        send = example(data=data, button=buttons[0])(send)
    send()


@pytest.mark.parametrize("role", ["anonymous", "nonmember", "member", "beheerder"])
def test_every_form_survives_generated_input(world, role):
    client = _client(world, role)
    forms = _crawl(client)
    assert forms, "no forms found"
    sent: collections.Counter = collections.Counter()
    done = set()
    for page, form in forms:
        key = (form["action"] or page, form["method"], tuple(sorted(form["fields"])))
        if key in done:
            continue
        done.add(key)
        _fuzz(_client(world, role), page, form, sent)
    print(f"\n{role}: {len(done)} forms, {sum(sent.values())} requests", dict(sent))
    if role == "member":
        # The forms the issue names are among those found.
        assert "/leren/profiel/" in sent
        assert any(a.startswith("/agenda/sessie/") for a in sent)
        assert any("/toets/" in a for a in sent)
        # Raadswerk's forms, behind the redirect into the chair's council.
        assert any(a.startswith("/raadswerk/") for a in sent)


def test_huge_interest_id_on_learning_profile_is_a_form_error(world, client):
    client.force_login(world["member"])

    def stored():
        # A profile may start with the interests of the member's role; the post must not
        # change them.
        return sorted(
            LearnerProfile.objects.filter(person=world["member"]).values_list(
                "experience", "interests"
            )
        )

    client.get("/leren/profiel/")  # opening the page makes the profile, with role interests
    before = stored()
    response = client.post(
        "/leren/profiel/", {"experience": "new", "interests": "99999999999999999999"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Selecteer een geldige keuze" in html
    assert "99999999999999999999" in html
    assert stored() == before


def test_huge_care_sector_id_on_learning_profile_is_a_form_error(world, client):
    client.force_login(world["member"])
    response = client.post("/leren/profiel/", {"experience": "new", "care_sector": HUGE})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.content.decode()


@pytest.mark.parametrize(
    "url", ["/leren/certificaat/?code=RP-AB%00CD", "/leren/certificaat/RP%00X/"]
)
def test_nul_in_certificate_code_is_not_found(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Wij kennen geen certificaat met deze code" in response.content.decode()
