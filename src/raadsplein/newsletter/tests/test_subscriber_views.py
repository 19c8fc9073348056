"""The staff's subscriber screens (who may see them, what they show and change), the Mijn
Raadsplein panel, and the personal-data section."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raadsplein.accounts import services as account_services
from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.audit.models import AuditEntry
from raadsplein.newsletter.models import Segment, Subscriber, SubscriberStatus
from raadsplein.organisations.models import CareSector, SeatRole
from raadsplein.organisations.tests.factories import CouncilFactory, SeatFactory, member

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db

ROLES = ("anonymous", "member", "adviseur", "redacteur", "beheerder")
EDITORS = {"redacteur", "beheerder"}


@pytest.fixture
def world():
    subscriber = SubscriberFactory(email="anna@voorbeeld.nl", name="Anna")
    segment = Segment.objects.create(name="Voorzitters")
    return {"subscriber": subscriber, "segment": segment}


def person_for(role):
    return {
        "anonymous": lambda: None,
        "member": member,
        "adviseur": adviseur,
        "redacteur": redacteur,
        "beheerder": beheerder,
    }[role]()


PAGES = [
    ("/nieuwsbrief/abonnees/", "anna@voorbeeld.nl"),
    ("/nieuwsbrief/abonnees/{subscriber}/", "Bron van de toestemming"),
    ("/nieuwsbrief/abonnees/importeren/", "Proef doen"),
    ("/nieuwsbrief/abonnees/segmenten/", "Voorzitters"),
    ("/nieuwsbrief/abonnees/segmenten/nieuw/", "Segment opslaan"),
    ("/nieuwsbrief/abonnees/segmenten/{segment}/", "Nu valt 1 abonnee in dit segment"),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(("template", "text"), PAGES)
def test_subscriber_screens_by_role(client, world, role, template, text):
    person = person_for(role)
    if person is not None:
        client.force_login(person)
    url = template.format(subscriber=world["subscriber"].pk, segment=world["segment"].pk)
    response = client.get(url)
    if role in EDITORS:
        assert response.status_code == 200
        assert text in response.content.decode()
    elif role == "anonymous":
        assert response.status_code == 302 and "/account/" in response.url
    else:
        assert response.status_code == 404
        assert "anna@voorbeeld.nl" not in response.content.decode()


@pytest.mark.parametrize("role", ["member", "adviseur"])
def test_others_cannot_change_a_subscriber(client, world, role):
    client.force_login(person_for(role))
    url = f"/nieuwsbrief/abonnees/{world['subscriber'].pk}/"
    response = client.post(url, {"status": "unsubscribed", "name": "X", "form_of_address": "u"})
    assert response.status_code == 404
    world["subscriber"].refresh_from_db()
    assert world["subscriber"].status == SubscriberStatus.ACTIVE


def test_list_searches_filters_and_counts(client):
    SubscriberFactory(email="anna@voorbeeld.nl")
    SubscriberFactory(email="bert@voorbeeld.nl", status=SubscriberStatus.UNSUBSCRIBED)
    SubscriberFactory(email="anneke@elders.nl", status=SubscriberStatus.PENDING)
    client.force_login(redacteur())
    page = client.get("/nieuwsbrief/abonnees/", {"q": "ann"}).content.decode()
    assert "anna@voorbeeld.nl" in page and "anneke@elders.nl" in page
    assert "bert@voorbeeld.nl" not in page
    page = client.get("/nieuwsbrief/abonnees/", {"status": "unsubscribed"}).content.decode()
    assert "bert@voorbeeld.nl" in page and "anna@voorbeeld.nl" not in page
    assert "Aangemeld</a>: 1" in page and "Afgemeld</a>: 1" in page
    assert "Wacht op bevestiging</a>: 1" in page


def test_list_pages_by_fifty(client):
    Subscriber.objects.bulk_create(
        [Subscriber(email=f"l{i:03}@voorbeeld.nl", consent_source="test") for i in range(55)]
    )
    client.force_login(redacteur())
    first = client.get("/nieuwsbrief/abonnees/").content.decode()
    assert "l049@voorbeeld.nl" in first and "l050@voorbeeld.nl" not in first
    assert "Pagina 1 van 2" in first
    second = client.get("/nieuwsbrief/abonnees/", {"pagina": 2}).content.decode()
    assert "l054@voorbeeld.nl" in second


def _list_queries(client, n):
    for i in range(n):
        SubscriberFactory(user=UserFactory() if i % 2 else None)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get("/nieuwsbrief/abonnees/")
    assert response.status_code == 200
    return len(captured)


def test_list_query_count_does_not_grow_with_rows(client):
    client.force_login(redacteur())
    client.get("/nieuwsbrief/abonnees/")  # the session and caches warm
    one = _list_queries(client, 1)
    Subscriber.objects.all().delete()
    three = _list_queries(client, 3)
    assert one == three


def test_segment_list_query_count_does_not_grow(client):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(redacteur())
    sectors = list(CareSector.objects.all()[:2])

    def count():
        with CaptureQueriesContext(connection) as captured:
            client.get("/nieuwsbrief/abonnees/segmenten/")
        return len(captured)

    segment = Segment.objects.create(name="S0")
    segment.sectors.set(sectors)
    SubscriberFactory().sectors.set(sectors[:1])
    SubscriberFactory()
    count()  # the session and caches warm
    one = count()
    for i in (1, 2):
        Segment.objects.create(name=f"S{i}", council_roles=["voorzitter"]).sectors.set(sectors)
    assert count() == one
    page = client.get("/nieuwsbrief/abonnees/segmenten/").content.decode()
    assert "<td>1</td>" in page and "<td>0</td>" in page  # S0: the one of its sector


def test_staff_change_is_audited(client):
    subscriber = SubscriberFactory(name="Anna")
    editor = redacteur()
    client.force_login(editor)
    url = f"/nieuwsbrief/abonnees/{subscriber.pk}/"
    response = client.post(
        url, {"status": "unsubscribed", "name": "Anna B.", "form_of_address": "je"}
    )
    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert (subscriber.status, subscriber.name, subscriber.form_of_address) == (
        "unsubscribed",
        "Anna B.",
        "je",
    )
    entry = AuditEntry.objects.get(action="newsletter.subscriber.changed")
    assert entry.actor == editor
    assert "status" in entry.data["fields"] and "name" in entry.data["fields"]


def test_staff_cannot_make_a_pending_address_active(client):
    subscriber = SubscriberFactory(status=SubscriberStatus.PENDING, consent_at=None)
    client.force_login(beheerder())
    url = f"/nieuwsbrief/abonnees/{subscriber.pk}/"
    response = client.post(url, {"status": "active", "name": "", "form_of_address": "u"})
    assert response.status_code == 200
    assert "nooit bevestigd" in response.content.decode()
    subscriber.refresh_from_db()
    assert subscriber.status == SubscriberStatus.PENDING
    assert not AuditEntry.objects.filter(action="newsletter.subscriber.changed").exists()


def test_segment_create_and_its_live_count(client):
    council = CouncilFactory()
    chair = SeatFactory(council=council, role=SeatRole.VOORZITTER).person
    other = SeatFactory(council=council, role=SeatRole.LID).person
    SubscriberFactory(user=chair)
    SubscriberFactory(user=other)
    SubscriberFactory()  # no account: no role known
    client.force_login(redacteur())
    response = client.post(
        "/nieuwsbrief/abonnees/segmenten/nieuw/",
        {"name": "Voorzitters", "description": "", "council_roles": ["voorzitter"]},
    )
    assert response.status_code == 302
    segment = Segment.objects.get(name="Voorzitters")
    assert segment.council_roles == ["voorzitter"]
    page = client.get(response.url).content.decode()
    assert "Nu valt 1 abonnee in dit segment" in page
    duplicate = client.post(
        "/nieuwsbrief/abonnees/segmenten/nieuw/", {"name": "voorzitters", "description": ""}
    )
    assert "Er is al een segment met deze naam" in duplicate.content.decode()
    assert Segment.objects.count() == 1


def test_import_screen_dry_run_then_import(client):
    client.force_login(redacteur())
    url = "/nieuwsbrief/abonnees/importeren/"
    upload = SimpleUploadedFile("lijst.csv", b"email,naam\na@voorbeeld.nl,A\nb@voorbeeld.nl,B\n")
    page = client.post(url, {"file": upload, "source": "ledenlijst 2025"}).content.decode()
    assert "2 nieuwe adressen worden toegevoegd" in page and "Importeren" in page
    assert not Subscriber.objects.exists()
    digest = client.session["newsletter_import"]["digest"]
    response = client.post(url, {"action": "import", "digest": digest})
    assert response.status_code == 302
    assert set(Subscriber.objects.values_list("consent_source", flat=True)) == {
        "import: ledenlijst 2025"
    }
    assert "newsletter_import" not in client.session
    # The same step again (the file is no longer kept): nothing twice.
    client.post(url, {"action": "import", "digest": digest})
    assert Subscriber.objects.count() == 2


def test_import_screen_lists_bad_lines_and_offers_no_import(client):
    client.force_login(beheerder())
    upload = SimpleUploadedFile("lijst.csv", b"email\na@voorbeeld.nl\nkapot\n")
    page = client.post(
        "/nieuwsbrief/abonnees/importeren/", {"file": upload, "source": "lijst"}
    ).content.decode()
    assert "er is niets geïmporteerd" in page
    assert "<td>3</td>" in page and "geen geldig e-mailadres" in page
    assert 'value="import"' not in page
    assert not Subscriber.objects.exists()


def test_import_with_a_forged_digest_imports_nothing(client):
    client.force_login(redacteur())
    url = "/nieuwsbrief/abonnees/importeren/"
    client.post(
        url, {"file": SimpleUploadedFile("l.csv", b"email\na@voorbeeld.nl\n"), "source": "x"}
    )
    client.post(url, {"action": "import", "digest": "0" * 64})
    assert not Subscriber.objects.exists()


# Staff link, panel, personal data ----------------------------------------------------------


def test_staff_link_only_for_who_manages_subscribers(client):
    client.force_login(redacteur())
    assert "Nieuwsbrief: abonnees" in client.get("/medewerkers/").content.decode()
    client.force_login(adviseur())
    assert "Nieuwsbrief: abonnees" not in client.get("/medewerkers/").content.decode()


def test_dashboard_panel_offers_the_one_button(client):
    user = member()
    client.force_login(user)
    page = client.get("/mijn/").content.decode()
    assert "Aanmelden met één klik" in page
    client.post(reverse("newsletter:member_subscription"))
    page = client.get("/mijn/").content.decode()
    assert "U krijgt de nieuwsbrief elke maandag op" in page
    assert "/nieuwsbrief/voorkeuren/" in page


def test_personal_data_export_and_erasure():
    user = UserFactory()
    subscriber = SubscriberFactory(email=user.email.lower(), name="Anna", consent_source="website")
    data = account_services.export_person_data(user=user)
    rows = data["sections"]["newsletter"]["data"]["abonnementen"]
    assert rows[0]["email"] == subscriber.email and rows[0]["bron_toestemming"] == "website"
    account_services.erase_person(user=user)
    assert not Subscriber.objects.filter(pk=subscriber.pk).exists()


def test_demo_subscribers_are_built_once():
    from raadsplein.demo import newsletter_subscribers

    lid = UserFactory(email="lid@demo.raadsplein.nl", form_of_address="je")
    UserFactory(email="nietlid@demo.raadsplein.nl")
    newsletter_subscribers.build(log=lambda *a: None)
    active = Subscriber.objects.filter(status=SubscriberStatus.ACTIVE)
    assert active.count() == newsletter_subscribers.ACTIVE
    assert not Subscriber.objects.exclude(email__endswith="@demo.raadsplein.nl").exists()
    assert set(Subscriber.objects.values_list("consent_source", flat=True)) == {"demo"}
    assert Subscriber.objects.get(user=lid).form_of_address == "je"
    assert not Subscriber.objects.filter(email="nietlid@demo.raadsplein.nl").exists()
    assert active.filter(form_of_address="je").count() > 1000
    assert active.exclude(sectors=None).count() > 1000
    assert active.exclude(themes=None).count() > 1000
    assert Subscriber.objects.filter(status=SubscriberStatus.UNSUBSCRIBED).exists()
    before = (Subscriber.objects.count(), Subscriber.sectors.through.objects.count())
    newsletter_subscribers.build(log=lambda *a: None)
    assert (Subscriber.objects.count(), Subscriber.sectors.through.objects.count()) == before
