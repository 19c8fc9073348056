"""Who meets what on every URL of the councils' side of Signalen (pretix test_permissions
style): anonymous, a non-member, a member of the reporting council, a member of another
council, a member of a council that co-signed, and a policy advisor (no seat) — each against
each URL, asserting what the page says, not only its status."""

import pytest

from raadsplein.accounts.tests.factories import UserFactory, beleidsadviseur
from raadsplein.advocacy import attachments, services
from raadsplein.advocacy.models import CoSignature, HistoryKind
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.organisations.tests.factories import CareProviderFactory, member

pytestmark = pytest.mark.django_db

TITLE = "Te weinig personeel in de avond"
COUNCIL = "Cliëntenraad Het Baken"
PROVIDER = "Zorggroep Het Baken"
FILE = b"%PDF-1.4 the provider's letter"
NOTE = "Interne notitie voor beleid"
ACCOUNT = "Bij ons wachten bewoners ook lang."

MEMBERS_PAGE = "Deze pagina is alleen voor leden"
NO_COUNCIL = "Alleen leden van een raad kunnen een signaal melden"
LOGIN = "/account/login/"

ROLES = ["anonymous", "non_member", "own", "other", "cosigner", "policy"]


@pytest.fixture
def world():
    provider = CareProviderFactory(name=PROVIDER)
    council = council_in(name=COUNCIL, provider=provider)
    reporter = member(council=council)
    signal = report(reporter=reporter, council=council, provider=provider, provider_hidden=True)
    item = attachments.store(
        signal=signal, name="brief.pdf", data=FILE, content_type="application/pdf"
    )
    services.add_history(signal=signal, kind=HistoryKind.NOTE, text=NOTE)
    signing = council_in(name="Cliëntenraad De Brug")
    cosigner = member(council=signing)
    services.cosign_signal(signal=signal, council=signing, person=cosigner, account=ACCOUNT)
    people = {
        "anonymous": None,
        "non_member": UserFactory(),
        "own": reporter,
        "other": member(council=council_in(name="Cliëntenraad Elders")),
        "cosigner": cosigner,
        "policy": beleidsadviseur(),
    }
    return {"signal": signal, "file": item, "people": people, "signing": signing}


def _get(client, world, url):
    return client.get(url.format(pk=world["signal"].pk, file=world["file"].pk))


def _post(client, world, url, data=None):
    return client.post(url.format(pk=world["signal"].pk, file=world["file"].pk), data or {})


# (method, url, {role: (status, text that must be there, text that must not)}).
# For anonymous visitors every page sends to sign-in.
CASES = [
    (
        "get",
        "/signalen/",
        {
            "non_member": (403, MEMBERS_PAGE, TITLE),
            "own": (200, TITLE, NO_COUNCIL),
            "other": (200, "nog geen signalen", TITLE),
            "cosigner": (200, "mede ondertekend door uw raad", NO_COUNCIL),
            "policy": (200, "nog geen signalen", TITLE),
        },
    ),
    (
        "get",
        "/signalen/melden/",
        {
            "non_member": (403, MEMBERS_PAGE, "Signaal versturen"),
            "own": (200, "Signaal versturen", NO_COUNCIL),
            "other": (200, "Cliëntenraad Elders", COUNCIL),
            "cosigner": (200, "Signaal versturen", NO_COUNCIL),
            "policy": (403, NO_COUNCIL, "Signaal versturen"),
        },
    ),
    (
        "post",
        "/signalen/melden/controle/",
        {
            "non_member": (403, MEMBERS_PAGE, "persoonsgegevens"),
            "own": (200, "piet@example.nl", MEMBERS_PAGE),
            "other": (200, "piet@example.nl", MEMBERS_PAGE),
            "cosigner": (200, "piet@example.nl", MEMBERS_PAGE),
            "policy": (200, "piet@example.nl", MEMBERS_PAGE),
        },
    ),
    (
        "post",
        "/signalen/melden/vergelijkbaar/",
        {
            "non_member": (403, MEMBERS_PAGE, TITLE),
            # Own council's and co-signed signals are under "Mijn signalen", not suggested.
            "own": (200, "", TITLE),
            "other": (200, TITLE, COUNCIL),
            "cosigner": (200, "", TITLE),
            "policy": (200, TITLE, COUNCIL),
        },
    ),
    (
        "get",
        "/signalen/{pk}/",
        {
            "non_member": (403, MEMBERS_PAGE, TITLE),
            "own": (200, PROVIDER, NOTE),
            "other": (200, TITLE, PROVIDER),
            "cosigner": (200, ACCOUNT, "brief.pdf"),
            "policy": (200, "brief.pdf", NOTE),
        },
    ),
    (
        "get",
        "/signalen/{pk}/wij-zien-dit-ook/",
        {
            "non_member": (403, MEMBERS_PAGE, TITLE),
            "own": (200, "van uw eigen raad", "Wat ziet uw raad?"),
            "other": (200, "Wat ziet uw raad?", COUNCIL),
            "cosigner": (200, "al mede ondertekend", "Wat ziet uw raad?"),
            "policy": (403, MEMBERS_PAGE, "Wat ziet uw raad?"),
        },
    ),
    (
        "post",
        "/signalen/{pk}/intrekken/",
        {
            "non_member": (403, MEMBERS_PAGE, ""),
            "own": (302, "", ""),
            "other": (302, "", ""),
            "cosigner": (302, "", ""),
            "policy": (403, MEMBERS_PAGE, ""),
        },
    ),
    (
        "get",
        "/signalen/{pk}/bestand/{file}/",
        {
            "non_member": (404, "", ""),
            "own": (200, "", ""),
            "other": (404, "", ""),
            "cosigner": (404, "", ""),
            "policy": (200, "", ""),
        },
    ),
]

PARAMS = [
    pytest.param(method, url, role, expected.get(role), id=f"{role}-{method}-{url}")
    for method, url, expected in CASES
    for role in ROLES
]


@pytest.mark.parametrize(("method", "url", "role", "expected"), PARAMS)
def test_member_urls(client, world, method, url, role, expected):
    person = world["people"][role]
    if person is not None:
        client.force_login(person)
    data = {"title": "Personeel in de avond", "description": "Mail piet@example.nl even."}
    if "intrekken" in url:
        data = {"council": world["signing"].pk}
    response = _get(client, world, url) if method == "get" else _post(client, world, url, data)
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(LOGIN)
        return
    status, present, absent = expected
    assert response.status_code == status
    if "bestand" in url:
        if status == 200:
            assert b"".join(response.streaming_content) == FILE
        return
    if status == 302:
        # Only the co-signer's own council's signature is withdrawn; nobody else's changes.
        withdrawn = CoSignature.objects.get().withdrawn_at is not None
        assert withdrawn is (role == "cosigner")
        return
    text = response.content.decode()
    assert present in text
    if absent:
        assert absent not in text


API_CASES = [
    (
        "get",
        "/api/v1/signals/mine",
        {"non_member": 200, "own": 200, "other": 200, "cosigner": 200, "policy": 200},
    ),
    (
        "post",
        "/api/v1/signals/",
        {"non_member": 403, "own": 422, "other": 422, "cosigner": 422, "policy": 403},
    ),
    (
        "post",
        "/api/v1/signals/{pk}/cosign",
        {"non_member": 403, "own": 422, "other": 422, "cosigner": 422, "policy": 403},
    ),
]


@pytest.mark.parametrize(
    ("method", "url", "role", "status"),
    [
        pytest.param(m, u, r, s, id=f"{r}-{m}-{u}")
        for m, u, expected in API_CASES
        for r, s in {"anonymous": 401, **expected}.items()
    ],
)
def test_api_urls(client, world, method, url, role, status):
    person = world["people"][role]
    if person is not None:
        client.force_login(person)
    url = url.format(pk=world["signal"].pk)
    if method == "get":
        response = client.get(url)
    else:
        # A body every caller fails on in their own way: a council they do not sit on.
        body = {"title": "Iets", "description": "Iets", "council": world["signing"].pk}
        if "cosign" in url:
            body = {"council": world["signing"].pk, "account": ACCOUNT}
        response = client.post(url, body, content_type="application/json")
    assert response.status_code == status
    if method == "get" and status == 200:
        titles = [row["title"] for row in response.json()]
        assert titles == ([TITLE] if role in ("own", "cosigner") else [])
    if status in (403, 422):
        assert response.json()["message"]
    assert CoSignature.objects.filter(withdrawn_at__isnull=True).count() == 1
