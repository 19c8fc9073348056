"""Members-only content never reaches non-members: pages, files, search, listings, feed,
sitemap, API and the dashboard panel. One parametrised test per surface and role."""

import pytest
from django.urls import reverse
from weasyprint import HTML

from raadsplein.accounts.services import create_api_token
from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.organisations.tests.factories import IndividualMembershipFactory, member

from .factories import publication

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Geheime handreiking Bravo"
SECRET_SUMMARY = "Samenvatting van de bravohandreiking"
SECRET_BODY = "Bravolichaam met vertrouwelijke tips"
TEASER_TITLE = "Teaser Charlie"
TEASER_BODY = "Charlielichaam alleen voor leden"
PUBLIC_TITLE = "Openbare brochure Alfa"


def _individual_member():
    return IndividualMembershipFactory().person


ROLES = {
    "anonymous": lambda: None,
    "nonmember": lambda: UserFactory(),
    "member": lambda: member(),
    "member_other_council": lambda: member(),
    "individual_member": _individual_member,
    "adviseur": lambda: adviseur(),
    "redacteur": lambda: redacteur(),
    "beheerder": lambda: beheerder(),
}
SEES_ALL = {
    "member",
    "member_other_council",
    "individual_member",
    "adviseur",
    "redacteur",
    "beheerder",
}


@pytest.fixture(scope="module")
def pdf():
    return HTML(string="<p>Bijlage</p>").write_pdf()


@pytest.fixture
def world(pdf):
    secret = publication(
        slug="bravo",
        title=SECRET_TITLE,
        summary=SECRET_SUMMARY,
        body=SECRET_BODY,
        audience="members",
        files={"bravo.pdf": pdf},
    )
    teaser = publication(
        slug="charlie", title=TEASER_TITLE, body=TEASER_BODY, audience="members", teaser=True
    )
    public = publication(
        slug="alfa", title=PUBLIC_TITLE, audience="public", files={"alfa.pdf": pdf}
    )
    return {"secret": secret, "teaser": teaser, "public": public}


def _client(client, role):
    user = ROLES[role]()
    if user is not None:
        client.force_login(user)
    return client, user


@pytest.mark.parametrize("role", ROLES)
def test_members_only_page(client, world, role):
    client, _user = _client(client, role)
    response = client.get(world["secret"].url)
    html = response.content.decode()
    if role in SEES_ALL:
        assert response.status_code == 200
        assert SECRET_TITLE in html and SECRET_BODY in html
        assert "private" in response["Cache-Control"]
    else:
        assert response.status_code in (302, 403)
        assert SECRET_TITLE not in html and SECRET_SUMMARY not in html
        if role == "anonymous":
            assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("role", ROLES)
def test_teaser_page_shows_title_and_summary_only(client, world, role):
    client, _user = _client(client, role)
    response = client.get(world["teaser"].url)
    html = response.content.decode()
    assert response.status_code == 200
    assert TEASER_TITLE in html
    if role in SEES_ALL:
        assert TEASER_BODY in html
    else:
        assert TEASER_BODY not in html
        assert "Lid worden" in html
        assert ("Inloggen" in html) == (role == "anonymous") or role != "anonymous"


@pytest.mark.parametrize("role", ROLES)
def test_file_view(client, world, role):
    client, _user = _client(client, role)
    secret_file = world["secret"].files.first()
    response = client.get(reverse("knowledge:file", args=[secret_file.pk]))
    if role in SEES_ALL:
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
        assert response["Cache-Control"] == "private, no-store"
    else:
        assert response.status_code in (302, 403)
        assert not getattr(response, "streaming", False)
        assert b"%PDF" not in response.content
    public_file = world["public"].files.first()
    response = client.get(reverse("knowledge:file", args=[public_file.pk]))
    assert response.status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_wagtail_document_url_is_guarded(client, world, role):
    client, _user = _client(client, role)
    document = world["secret"].files.first().document
    response = client.get(document.url)
    if role in SEES_ALL:
        assert response.status_code == 200
        assert b"".join(response.streaming_content).startswith(b"%PDF")
    else:
        assert response.status_code in (302, 403)
        assert b"%PDF" not in response.content
    public_doc = world["public"].files.first().document
    assert client.get(public_doc.url).status_code == 200


def test_media_files_are_not_served_directly(client, world):
    document = world["secret"].files.first().document
    response = client.get("/media/" + document.file.name)
    assert response.status_code == 404


LISTINGS = [
    "/kennisbank/",
    "/kennisbank/zoeken/?q=bravo",
    "/kennisbank/zoeken/?q=handreiking",
    "/kennisbank/zoeken/?q=bravohandreiking",
    "/kennisbank/zoeken/?q=charlie",
    "/kennisbank/?soort=artikel",
]


@pytest.mark.parametrize("role", ROLES)
def test_listings_and_search(client, world, role):
    client, _user = _client(client, role)
    for url in LISTINGS:
        html = client.get(url).content.decode()
        if role in SEES_ALL:
            if "q=handreiking" in url or "q=bravo" in url:
                assert SECRET_TITLE in html, url
        else:
            assert SECRET_TITLE not in html and SECRET_SUMMARY not in html, url
            assert TEASER_TITLE not in html, url
            assert SECRET_BODY not in html and "/kennisbank/bravo/" not in html, url


@pytest.mark.parametrize("role", ROLES)
def test_feed_and_sitemap_hold_public_publications_only(client, world, role):
    client, _user = _client(client, role)
    for name in ("knowledge:feed", "knowledge:sitemap"):
        body = client.get(reverse(name)).content.decode()
        assert "alfa" in body
        assert "bravo" not in body and SECRET_TITLE not in body and TEASER_TITLE not in body


def test_wagtail_sitemap_urls_skip_members_only(world):
    assert world["secret"].get_sitemap_urls() == []
    assert world["public"].get_sitemap_urls() != []


@pytest.mark.parametrize("role", ROLES)
def test_api_search_with_session(client, world, role):
    client, _user = _client(client, role)
    data = client.get("/api/v1/knowledge/search", {"q": "handreiking bravo"}).json()
    titles = [r["title"] for r in data["results"]]
    if role in SEES_ALL:
        assert SECRET_TITLE in titles
    else:
        assert SECRET_TITLE not in titles
        assert "/kennisbank/bravo/" not in str(data) and SECRET_SUMMARY not in str(data)


@pytest.mark.parametrize(("role", "sees"), [("member", True), ("nonmember", False)])
def test_api_search_with_token(client, world, role, sees):
    user = ROLES[role]()
    _token, raw = create_api_token(user=user, name="test")
    data = client.get(
        "/api/v1/knowledge/search", {"q": "bravo"}, HTTP_AUTHORIZATION=f"Bearer {raw}"
    ).json()
    assert (SECRET_TITLE in [r["title"] for r in data["results"]]) is sees


def test_api_bad_token_is_401(client, world):
    response = client.get(
        "/api/v1/knowledge/search", {"q": "bravo"}, HTTP_AUTHORIZATION="Bearer rp_nope"
    )
    assert response.status_code == 401


@pytest.mark.parametrize("role", ["nonmember", "member"])
def test_dashboard_panel(client, world, role):
    client, _user = _client(client, role)
    html = client.get(reverse("web:dashboard")).content.decode()
    assert "Nieuw in de kennisbank" in html
    assert (SECRET_TITLE in html) is (role == "member")
    assert PUBLIC_TITLE in html


def test_suggestions_never_reveal_members_only_words(client, world):
    client.force_login(UserFactory())
    html = client.get("/kennisbank/zoeken/?q=bravolichaan").content.decode()
    assert "Bedoelde u" not in html
