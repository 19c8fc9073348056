"""The magazine Zorg & Zeggenschap (issue 14, part 9): a members-only archive of issues with
a PDF and an article list; each article can be a knowledge publication, found by its search."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.knowledge import selectors as knowledge
from raadsplein.knowledge.tests.factories import publication
from raadsplein.newsletter.magazine_models import MagazineArticle
from raadsplein.organisations.tests.factories import member

from .factories import magazine_index, magazine_issue

pytestmark = pytest.mark.django_db

MEMBERS_PAGE = "Deze pagina is alleen voor leden"


@pytest.fixture
def issue():
    article = publication(
        title="Instemmen met het kwaliteitsplan",
        summary="Hoe de raad zijn instemmingsrecht gebruikt.",
        body="De cliëntenraad bespreekt het kwaliteitsplan met de bestuurder.",
        kind="artikel",
    )
    return magazine_issue(
        magazine_index(),
        number=12,
        year=2026,
        season="winter",
        title="Samen beslissen",
        articles=[("Instemmen met het kwaliteitsplan", article), ("Column van de redactie", None)],
    )


def test_issue_is_refused_to_anonymous_and_to_non_members(client, issue):
    response = client.get(issue.url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("account_login"))
    client.force_login(UserFactory())
    response = client.get(issue.url)
    assert response.status_code == 403
    html = response.content.decode()
    assert MEMBERS_PAGE in html and "Instemmen met het kwaliteitsplan" not in html


def test_issue_is_shown_to_a_member_with_its_articles(client, issue):
    client.force_login(member())
    response = client.get(issue.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Zeggenschap nr. 12 · Winter 2026</h1>" in " ".join(html.split()).replace(
        " </h1>", "</h1>"
    )
    article = issue.articles.get(title="Instemmen met het kwaliteitsplan")
    assert f'<a href="{article.publication.url}">Instemmen met het kwaliteitsplan</a>' in html
    assert "Column van de redactie" in html and "blz. 2–5" in html
    assert html.index("Instemmen met") < html.index("Column van de redactie")
    assert f'href="{issue.pdf.url}"' in html
    assert "no-store" in response["Cache-Control"]


def test_pdf_is_refused_to_non_members_and_served_to_members(client, issue):
    url = issue.pdf.url
    assert client.get(url).status_code == 302
    client.force_login(UserFactory())
    refused = client.get(url)
    assert refused.status_code == 403 and MEMBERS_PAGE in refused.content.decode()
    client.force_login(member())
    served = client.get(url)
    assert served.status_code == 200
    assert b"".join(served.streaming_content).startswith(b"%PDF-1.4\n% nummer 12")
    assert "private" in served["Cache-Control"]


def test_index_shows_titles_to_everyone_links_to_members(client, issue):
    index = issue.get_parent()
    html = client.get(index.url).content.decode()
    assert "Nr. 12 · Winter 2026" in html and "Samen beslissen" in html
    assert f'href="{issue.url}"' not in html and "De nummers zijn er voor leden" in html
    client.force_login(member())
    html = client.get(index.url).content.decode()
    assert f'href="{issue.url}"' in html and "De nummers zijn er voor leden" not in html


def test_article_publication_is_found_by_the_knowledge_search(issue):
    reader = member()
    outcome = knowledge.search_publications(reader, q="kwaliteitsplan instemmen")
    titles = [hit.page.title for hit in outcome.hits]
    assert "Instemmen met het kwaliteitsplan" in titles


def test_article_links_only_to_a_publication_of_kind_artikel(issue):
    brochure = publication(title="Een brochure", kind="brochure")
    article = MagazineArticle(page=issue, title="Verkeerd", publication=brochure)
    with pytest.raises(ValidationError) as error:
        article.full_clean()
    assert "soort Artikel" in str(error.value.message_dict["publication"])


def test_issue_needs_a_pdf():
    index = magazine_index()
    page = magazine_issue(index, number=1)
    page.pdf = None
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert "Kies de pdf" in str(error.value.message_dict["pdf"])


def test_archive_reads_the_same_queries_for_one_or_three_issues(client):
    index = magazine_index()
    magazine_issue(index, number=1)
    client.force_login(member())

    def count():
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(index.url).status_code == 200
        return len(queries)

    count()
    one = count()
    magazine_issue(index, number=2)
    magazine_issue(index, number=3)
    count()  # saving pages drops the site memo (web.caching): warm it again
    assert count() == one


def test_issues_stay_out_of_sitemaps(issue):
    assert issue.get_sitemap_urls() == []
