import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from raadsplein.knowledge.models import PublicationPage
from raadsplein.organisations.tests.factories import member

from .factories import publication

pytestmark = pytest.mark.django_db

BAD_QUERIES = [
    "",
    " ",
    "a" * 2000,
    "' OR 1=1; DROP TABLE knowledge_searchterm; --",
    "<script>alert('x')</script>",
    "%%%___***",
    "\x00\x01 null",
    "😀🙈 emoji",
    "de het een",
    "zorg " * 300,
]


@pytest.fixture
def lid_client(client):
    client.force_login(member())
    return client


@pytest.mark.parametrize("q", BAD_QUERIES)
def test_bad_queries_answer_with_a_page(lid_client, q):
    publication(title="Begroting")
    response = lid_client.get(reverse("knowledge:search"), {"q": q})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    api = lid_client.get("/api/v1/knowledge/search", {"q": q})
    assert api.status_code == 200
    assert "count" in api.json()


@pytest.mark.parametrize(
    "params",
    [
        {"q": "begroting", "pagina": "9999"},
        {"q": "begroting", "pagina": "-3"},
        {"q": "begroting", "pagina": "abc"},
        {"q": "begroting", "soort": "onbekend", "thema": "x" * 300, "sector": "mars"},
        {"q": "begroting", "sortering": "'; drop"},
        {"pagina": "999999999999999999999"},
    ],
)
def test_bad_parameters_answer_with_a_page(lid_client, params):
    publication(title="Begroting")
    response = lid_client.get(reverse("knowledge:search"), params)
    assert response.status_code == 200
    assert "Begroting" in response.content.decode()


@pytest.mark.parametrize(
    "params", [{"page": "-1"}, {"page": "99999999"}, {"kind": "x"}, {"sort": "x"}]
)
def test_api_bad_parameters(lid_client, params):
    publication(title="Begroting")
    response = lid_client.get("/api/v1/knowledge/search", {"q": "begroting", **params})
    assert response.status_code in (200, 422)
    if response.status_code == 200:
        assert response.json()["count"] == 1


def test_empty_result_gives_help(lid_client):
    publication(title="Begroting")
    html = lid_client.get(reverse("knowledge:search"), {"q": "xylofoonles"}).content.decode()
    assert "Wij vonden niets dat hierop past" in html
    assert "Vraagbaak" in html


def test_results_page_shows_snippet_facets_and_suggestion(lid_client):
    publication(
        title="De begroting lezen", body="Over de begroting.", kind="brochure", themes=["Geld"]
    )
    html = lid_client.get(reverse("knowledge:search"), {"q": "begrotnig"}).content.decode()
    assert "Bedoelde u:" in html and "begroting" in html
    assert "<mark>begroting</mark>" in html
    assert "Brochure" in html and "Geld" in html


def test_api_returns_ranked_results(lid_client):
    publication(slug="title", title="De jaarrekening")
    publication(slug="body", title="Iets", body="Ook over de jaarrekening.")
    data = lid_client.get("/api/v1/knowledge/search", {"q": "jaarrekening"}).json()
    assert data["count"] == 2
    assert [r["slug"] for r in data["results"]] == ["title", "body"]
    first = data["results"][0]
    assert set(first) == {"slug", "title", "kind", "snippet", "url", "score"}
    assert first["score"] >= data["results"][1]["score"]
    assert first["url"].endswith("/kennisbank/title/")


def test_openapi_schema_describes_search(client):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/knowledge/search" in schema["paths"]


@pytest.mark.parametrize("q", ["", "begroting"])
def test_catalogue_query_count_does_not_grow_with_results(lid_client, django_assert_num_queries, q):
    publication(title="Begroting een")
    # warm the session and membership caches
    lid_client.get(reverse("knowledge:search"), {"q": q})
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as one:
        lid_client.get(reverse("knowledge:search"), {"q": q})
    count_one = len(one)  # the slice is taken lazily: read it now
    publication(title="Begroting twee", themes=["Geld"], sectors=["ggz"])
    publication(title="Begroting drie", themes=["Zorg"], sectors=["ggz", "jeugdzorg"])
    # the first search after an index change refreshes the cached index picture once
    lid_client.get(reverse("knowledge:search"), {"q": q})
    assert count_one > 3
    with django_assert_num_queries(count_one):
        response = lid_client.get(reverse("knowledge:search"), {"q": q})
    assert "Begroting drie" in response.content.decode()


def test_reserved_slug_is_refused():
    page = publication(title="Test")
    page.slug = "zoeken"
    with pytest.raises(ValidationError):
        page.full_clean()


def test_knowledge_index_page_redirects_to_catalogue(client):
    publication(title="Test")
    from raadsplein.knowledge.models import KnowledgeIndexPage

    index = KnowledgeIndexPage.objects.get()
    response = index.serve(client.get("/").wsgi_request)
    assert response.status_code == 302 and response["Location"] == reverse("knowledge:index")


def test_header_search_box_points_to_knowledge_search(client):
    html = client.get("/").content.decode()
    assert f'action="{reverse("knowledge:search")}"' in html


def test_publication_page_shows_files_related_and_facts(lid_client):
    other = publication(title="Verwante checklist")
    page = publication(title="Hoofdstuk", themes=["Geld"], files={"a.docx": b"PK\x03\x04"})
    page.related.add(other)
    page.save_revision().publish()
    html = lid_client.get(PublicationPage.objects.get(pk=page.pk).url).content.decode()
    assert "Verwante checklist" in html and "a.docx" in html and "Geld" in html


def test_editor_can_open_publication_and_synonyms_in_wagtail_admin(client):
    from raadsplein.accounts.tests.factories import redacteur

    page = publication(title="Bewerkbaar", files={"a.docx": b"PK\x03\x04"})
    client.force_login(redacteur())
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "Bewerkbaar" in response.content.decode()
    assert client.get("/admin/snippets/knowledge/synonym/").status_code == 200
    assert "MZR" in client.get("/admin/snippets/knowledge/synonym/").content.decode()
