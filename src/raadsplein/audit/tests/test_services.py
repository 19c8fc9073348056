"""The log service, its registry, and the audit trail's part in export and erasure."""

import datetime
import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from raadsplein.accounts import roles
from raadsplein.accounts import services as account_services
from raadsplein.accounts.models import ApiToken
from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder
from raadsplein.audit import services
from raadsplein.audit.models import AuditEntry, AuditEntryImmutable
from raadsplein.organisations import services as org_services
from raadsplein.organisations.models import Seat, SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory

pytestmark = pytest.mark.django_db


def test_log_refuses_an_unregistered_action():
    with pytest.raises(ValueError, match="Unregistered"):
        services.log(actor=None, action="nowhere.thing.done")
    assert not AuditEntry.objects.exists()


def test_log_refuses_nested_or_large_data():
    services.register_action("tests.thing.done", "Iets gedaan")
    with pytest.raises(ValueError):
        services.log(actor=None, action="tests.thing.done", data={"body": {"nested": 1}})
    with pytest.raises(ValueError):
        services.log(actor=None, action="tests.thing.done", data={f"k{i}": i for i in range(200)})
    entry = services.log(actor=None, action="tests.thing.done", data={"subject": "x" * 500})
    assert len(entry.data["subject"]) == services.MAX_TEXT_CHARS
    assert entry.actor_label == ""


def test_entries_are_append_only():
    services.register_action("tests.thing.done", "Iets gedaan")
    entry = services.log(actor=adviseur(), action="tests.thing.done")
    entry.action = "tests.thing.changed"
    with pytest.raises(AuditEntryImmutable):
        entry.save()
    with pytest.raises(AuditEntryImmutable):
        entry.delete()
    assert AuditEntry.objects.get().action == "tests.thing.done"


def test_entry_rolls_back_with_the_change_it_records():
    council, person = MemberCouncilFactory(), UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        org_services.assign_seat(
            person=person,
            council=council,
            role=SeatRole.LID,
            start_date=timezone.localdate(),
            by=beheerder(),
        )
        assert AuditEntry.objects.count() == 1
        raise RuntimeError("the request fails after the service")
    assert not Seat.objects.filter(person=person).exists()
    assert not AuditEntry.objects.exists()


def test_assign_seat_stores_by_as_actor():
    admin, person, council = beheerder(), UserFactory(), MemberCouncilFactory()
    seat = org_services.assign_seat(
        person=person,
        council=council,
        role=SeatRole.SECRETARIS,
        start_date=datetime.date(2030, 1, 1),
        by=admin,
    )
    entry = AuditEntry.objects.get()
    assert entry.action == "organisations.seat.assigned"
    assert (entry.actor, entry.subject, entry.council, entry.object_id) == (
        admin,
        person,
        council,
        str(seat.pk),
    )
    assert entry.data == {"role": "secretaris", "start_date": "2030-01-01"}


def test_memberships_store_by_and_the_system_when_none():
    admin, person = beheerder(), UserFactory()
    council = MemberCouncilFactory()
    org_services.start_individual_membership(person=person, kind="vriend", by=admin)
    org_services.start_council_membership(council=council)
    personal = AuditEntry.objects.get(action="organisations.individual_membership.started")
    assert (personal.actor, personal.subject) == (admin, person)
    of_council = AuditEntry.objects.get(action="organisations.council_membership.started")
    assert of_council.actor is None and of_council.subject is None
    assert of_council.council == council


def test_set_staff_roles_logs_each_role_gained_and_lost():
    admin, person = beheerder(), UserFactory()
    Group.objects.get_or_create(name="Nieuwsbrieflezers")[0].user_set.add(person)
    changed = account_services.set_staff_roles(
        user=person, staff_roles=[roles.ADVISEUR, roles.REDACTEUR], by=admin
    )
    assert changed == 2
    changed = account_services.set_staff_roles(user=person, staff_roles=[roles.ADVISEUR], by=admin)
    assert changed == 1
    assert set(person.groups.values_list("name", flat=True)) == {
        roles.ADVISEUR,
        "Nieuwsbrieflezers",
    }
    rows = list(
        AuditEntry.objects.order_by("pk").values_list("action", "data__role", "actor", "subject")
    )
    assert rows == [
        ("accounts.staff_role.granted", roles.ADVISEUR, admin.pk, person.pk),
        ("accounts.staff_role.granted", roles.REDACTEUR, admin.pk, person.pk),
        ("accounts.staff_role.revoked", roles.REDACTEUR, admin.pk, person.pk),
    ]
    with pytest.raises(ValueError):
        account_services.set_staff_roles(user=person, staff_roles=["Koning"], by=admin)


def test_api_tokens_created_and_revoked_are_logged():
    person = UserFactory()
    token, _raw = account_services.create_api_token(user=person, name="Mijn script")
    assert account_services.revoke_api_token(user=person, token_id=token.pk)
    assert not account_services.revoke_api_token(user=person, token_id=token.pk)
    assert not ApiToken.objects.exists()
    assert list(AuditEntry.objects.order_by("pk").values_list("action", "actor", "subject")) == [
        ("accounts.api_token.created", person.pk, person.pk),
        ("accounts.api_token.revoked", person.pk, person.pk),
    ]


def test_export_includes_entries_about_and_by_the_person():
    admin, person, other = beheerder(), UserFactory(), UserFactory()
    council = MemberCouncilFactory()
    org_services.assign_seat(
        person=person,
        council=council,
        role=SeatRole.LID,
        start_date=timezone.localdate(),
        by=admin,
    )
    org_services.assign_seat(
        person=other,
        council=council,
        role=SeatRole.LID,
        start_date=timezone.localdate(),
        by=person,
    )
    export = account_services.export_person_data(user=person)["sections"]["audit"]["data"]
    assert [(r["handeling"], r["door"]) for r in export["over_u"]] == [
        ("Zetel in een raad toegekend", admin.get_full_name())
    ]
    assert [(r["handeling"], r["over"]) for r in export["door_u"]] == [
        ("Zetel in een raad toegekend", other.get_full_name())
    ]
    # The administrator's export holds the act too, as something they did.
    admin_export = account_services.export_person_data(user=admin)["sections"]["audit"]["data"]
    assert [r["over"] for r in admin_export["door_u"]] == [person.get_full_name()]


def test_erasure_keeps_entries_but_names_nobody_erased():
    admin, person, other = beheerder(), UserFactory(), UserFactory()
    council = MemberCouncilFactory()
    org_services.assign_seat(
        person=person,
        council=council,
        role=SeatRole.LID,
        start_date=timezone.localdate(),
        by=admin,
    )
    org_services.assign_seat(
        person=other,
        council=council,
        role=SeatRole.LID,
        start_date=timezone.localdate(),
        by=person,
    )
    name = person.get_full_name()
    account_services.erase_person(user=person)
    entries = list(AuditEntry.objects.order_by("pk"))
    assert [e.action for e in entries] == [
        "organisations.seat.assigned",
        "organisations.seat.assigned",
        "accounts.person.erased",
    ]
    for entry in entries:
        assert name not in f"{entry.actor_label} {entry.subject_label} {entry.object_label}"
    about, by_them, erased = entries
    assert (about.subject_id, about.subject_label) == (person.pk, services.ERASED_LABEL)
    assert about.actor_label == admin.get_full_name()  # what staff did stays on record
    assert (by_them.actor_id, by_them.actor_label) == (person.pk, services.ERASED_LABEL)
    assert by_them.subject_label == other.get_full_name()
    assert (erased.actor_id, erased.subject_id) == (person.pk, person.pk)


def test_erasure_by_staff_names_the_staff_member():
    admin, person = beheerder(), UserFactory()
    account_services.erase_person(user=person, by=admin)
    entry = AuditEntry.objects.get()
    assert (entry.actor_label, entry.subject_label) == (
        admin.get_full_name(),
        services.ERASED_LABEL,
    )


def test_migrations_are_complete():
    call_command("makemigrations", "audit", "--check", "--dry-run", stdout=io.StringIO())
