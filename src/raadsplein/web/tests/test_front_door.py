"""The front door: service cards that lead somewhere, the Vraagbaak's contact details from the
site setting, and what membership costs."""

import importlib

import pytest
from django.urls import reverse
from wagtail.models import Site

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.web import home_content
from raadsplein.web.models import ContactSettings, HomePage

pytestmark = pytest.mark.django_db


def _contact(**fields) -> ContactSettings:
    settings = ContactSettings.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(settings, name, value)
    settings.save()
    return settings


def test_every_service_card_is_a_link_to_its_service(client):
    html = client.get("/").content.decode()
    for title, _text, link, _members in home_content.SERVICES:
        assert f'<a href="{link}">{title}</a>' in html
    assert "Signalen" not in html  # no card for a service that is not there yet


def test_members_only_card_sends_a_visitor_to_sign_in_and_back(client):
    home = HomePage.objects.get()
    body = list(home.body.raw_data)
    cards = next(block for block in body if block["type"] == "services")
    cards["value"][0]["value"]["members_only"] = True
    home.body = body
    home.save()
    login = reverse("account_login")
    assert f'<a href="{login}?next=/kennisbank/">Kennisbank</a>' in client.get("/").content.decode()
    assert "Voor leden: eerst inloggen" in client.get("/").content.decode()
    client.force_login(UserFactory())
    html = client.get("/").content.decode()
    assert '<a href="/kennisbank/">Kennisbank</a>' in html


def test_footer_and_contact_page_show_the_vraagbaak_setting(client):
    _contact(
        vraagbaak_phone="030 123 45 67",
        vraagbaak_email="vraagbaak@voorbeeld.nl",
        vraagbaak_hours="Op werkdagen van 9.00 tot 17.00 uur",
    )
    for url in ("/", reverse("web:contact"), reverse("web:privacy")):
        html = client.get(url).content.decode()
        assert '<a href="tel:0301234567">030 123 45 67</a>' in html
        assert '<a href="mailto:vraagbaak@voorbeeld.nl">vraagbaak@voorbeeld.nl</a>' in html
        assert "Op werkdagen van 9.00 tot 17.00 uur" in html


def test_contact_page_without_details_says_so(client):
    html = client.get(reverse("web:contact")).content.decode()
    assert "staan hier zodra ze zijn ingevuld" in html
    assert "tel:" not in html


def test_contact_page_leads_members_to_the_online_desk(client):
    html = client.get(reverse("web:contact")).content.decode()
    assert f'<a href="{reverse("helpdesk:ask")}">uw vraag ook online stellen</a>' in html
    assert f'<a href="{reverse("helpdesk:support")}">Vraag ondersteuning aan</a>' in html


def test_international_number_keeps_its_plus():
    assert ContactSettings(vraagbaak_phone="+31 30 123 45 67").phone_href == "+31301234567"


def test_membership_page_tells_what_it_costs(client):
    url = reverse("web:membership")
    assert "vertelt de" in client.get(url).content.decode()  # no costs set: ask the Vraagbaak
    _contact(membership_costs="Een raad betaalt € 865 per jaar (demo).\nPersoonlijk lid: gratis.")
    html = client.get(url).content.decode()
    assert "Een raad betaalt € 865 per jaar (demo).<br>Persoonlijk lid: gratis." in html
    assert "Wat krijgt u als lid?" in html


def test_the_migration_relinks_only_untouched_cards():
    migration = importlib.import_module("raadsplein.web.migrations.0004_linked_service_cards")
    original = [
        {
            "type": "services",
            "value": [
                {"type": "item", "value": {"title": t, "link_url": "", "members_only": True}}
                for t in migration.ORIGINAL_TITLES
            ],
        }
    ]
    relinked = migration._relink(original)
    titles = [item["value"]["title"] for item in relinked[0]["value"]]
    assert titles == [t for t, *_ in home_content.SERVICES]
    assert relinked[0]["value"][0]["value"]["link_url"] == "/kennisbank/"
    edited = [{"type": "services", "value": [{"type": "item", "value": {"title": "Eigen"}}]}]
    assert migration._relink(edited) is None


def test_root_sitemap_indexes_every_apps_sitemap(client):
    index = client.get("/sitemap.xml")
    assert index["Content-Type"].startswith("application/xml")
    body = index.content.decode()
    assert "<sitemapindex" in body
    for url_name in ("web:sitemap_site", "knowledge:sitemap"):
        assert f"<loc>http://testserver{reverse(url_name)}</loc>" in body
    site = client.get(reverse("web:sitemap_site")).content.decode()
    for path in ("/contact/", "/lid-worden/", "/agenda/", "/leren/"):
        assert f"<loc>http://testserver{path}</loc>" in site
    robots = client.get("/robots.txt").content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in robots
