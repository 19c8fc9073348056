"""The staff page of the audit trail: who may see it, filters, bad input, query counts, and
the Wagtail admin's user form logging staff role changes."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from raadsplein.accounts import roles
from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.audit import services
from raadsplein.audit.models import AuditEntry
from raadsplein.events.tests.factories import BookingFactory, SessionFactory
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

URL = "/beheer/audit/"


@pytest.fixture
def logged():
    services.register_action("tests.thing.done", "Iets gedaan voor een ander")
    actor, subject = adviseur(), UserFactory(first_name="Anna", last_name="de Vries")
    session = SessionFactory()
    entry = services.log(
        actor=actor, action="tests.thing.done", obj=session, subject=subject, data={"n": 1}
    )
    return entry


@pytest.mark.parametrize(
    ("who", "expected"),
    [
        ("anonymous", 302),
        ("person", 404),
        ("member", 404),
        ("redacteur", 404),
        ("adviseur", 200),
        ("beheerder", 200),
        ("superuser", 200),
    ],
)
def test_who_may_see_the_audit_page(client, logged, who, expected):
    users = {
        "person": UserFactory,
        "member": member,
        "redacteur": redacteur,
        "adviseur": adviseur,
        "beheerder": beheerder,
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
    }
    if who != "anonymous":
        client.force_login(users[who]())
    for url in (URL, f"{URL}?persoon={logged.subject_id}", f"{URL}?object=events.session.1"):
        response = client.get(url)
        assert response.status_code == expected
        if expected == 302:
            assert response["Location"].startswith("/account/login/")
        if expected != 200:
            assert b"Anna de Vries" not in response.content


def test_page_filters_by_person_and_by_object(client, logged):
    other = services.log(actor=None, action="tests.thing.done", subject=UserFactory())
    client.force_login(beheerder())
    page = client.get(URL, {"persoon": logged.subject_id}).content.decode()
    assert "Iets gedaan voor een ander" in page and "Anna de Vries" in page
    assert "n: 1" in page  # a key without a Dutch name is shown as it is
    assert other.subject_label not in page
    # The actor's page shows the same entry: it lists what they did, too.
    assert "Anna de Vries" in client.get(URL, {"persoon": logged.actor_id}).content.decode()
    page = client.get(URL, {"object": logged.object_ref}).content.decode()
    assert "Anna de Vries" in page and other.subject_label not in page
    assert logged.object_ref == f"events.session.{logged.object_id}"


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"object": "nergens.niets.1"}, "Dit object kennen wij niet"),
        ({"object": "zomaar"}, "Dit object kennen wij niet"),
        ({"persoon": "abc"}, "Controleer het filter"),
        ({"persoon": "999999"}, "Er is geen persoon met dit nummer"),
        ({"pagina": "x"}, "Iets gedaan voor een ander"),
    ],
)
def test_bad_filters_get_a_dutch_message_not_an_error(client, logged, params, message):
    client.force_login(adviseur())
    response = client.get(URL, params)
    assert response.status_code == 200
    assert message in response.content.decode()


@pytest.mark.parametrize("n", [1, 3])
def test_audit_page_query_count_is_flat(client, django_assert_num_queries, n):
    services.register_action("tests.thing.done", "Iets gedaan voor een ander")
    session = SessionFactory()
    subject = UserFactory()
    for _ in range(n):
        booking = BookingFactory(session=session)
        services.log(actor=adviseur(), action="tests.thing.done", obj=booking, subject=subject)
    client.force_login(beheerder())
    client.get(URL)
    for params in ({}, {"persoon": subject.pk}):
        # session, user, staff groups, count, page (+ the person looked up)
        with django_assert_num_queries(5 + bool(params)):
            page = client.get(URL, params).content.decode()
        assert page.count("Iets gedaan voor een ander") == n


def test_wagtail_user_form_logs_staff_role_changes(client):
    admin = UserFactory(is_superuser=True, is_staff=True)
    person = UserFactory(first_name="Bram", last_name="Smit")
    group = Group.objects.get_or_create(name=roles.ADVISEUR)[0]
    client.force_login(admin)
    data = {
        "email": person.email,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "password1": "",
        "password2": "",
        "is_active": "on",
        "groups": [group.pk],
    }
    response = client.post(reverse("wagtailusers_users:edit", args=[person.pk]), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    assert person.groups.filter(pk=group.pk).exists()
    entry = AuditEntry.objects.get()
    assert entry.action == "accounts.staff_role.granted"
    assert (entry.actor, entry.subject, entry.data) == (admin, person, {"role": roles.ADVISEUR})
    data.pop("groups")
    client.post(reverse("wagtailusers_users:edit", args=[person.pk]), data)
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "accounts.staff_role.granted",
        "accounts.staff_role.revoked",
    ]


def test_wagtail_menu_links_to_the_audit_page_only_for_those_who_may_read_it(client):
    client.force_login(adviseur())
    assert URL in client.get("/admin/").content.decode()
    client.force_login(redacteur())
    response = client.get("/admin/")
    assert response.status_code == 200
    assert URL not in response.content.decode()
