"""Seats and memberships changed in the Wagtail admin are logged like those the services make."""

import datetime

import pytest

from raadsplein.accounts.tests.factories import UserFactory, beheerder
from raadsplein.audit.models import AuditEntry
from raadsplein.organisations.models import Seat
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory

pytestmark = pytest.mark.django_db

ADD = "/admin/snippets/organisations/seat/add/"


def test_seat_added_in_admin_is_logged_with_actor_subject_and_council(client):
    admin = beheerder()
    person = UserFactory()
    council = MemberCouncilFactory()
    client.force_login(admin)
    response = client.post(
        ADD,
        {
            "person": person.pk,
            "council": council.pk,
            "role": "voorzitter",
            "start_date": "2026-01-01",
            "end_date": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    seat = Seat.objects.get(person=person)
    entry = AuditEntry.objects.get(action="organisations.seat.created_in_admin")
    assert (entry.actor, entry.subject, entry.council_id) == (admin, person, council.pk)
    assert entry.object_id == str(seat.pk)


def test_seat_changed_and_deleted_in_admin_are_logged(client):
    admin = beheerder()
    seat = SeatFactory(start_date=datetime.date(2026, 1, 1))
    client.force_login(admin)
    edit = f"/admin/snippets/organisations/seat/edit/{seat.pk}/"
    response = client.post(
        edit,
        {
            "person": seat.person_id,
            "council": seat.council_id,
            "role": "secretaris",
            "start_date": "2026-01-01",
            "end_date": "2027-01-01",
        },
    )
    assert response.status_code == 302
    pk = seat.pk
    response = client.post(f"/admin/snippets/organisations/seat/delete/{pk}/")
    assert response.status_code == 302
    assert not Seat.objects.filter(pk=pk).exists()
    actions = list(
        AuditEntry.objects.filter(subject=seat.person).order_by("pk").values_list("action", "data")
    )
    assert actions == [
        ("organisations.seat.changed_in_admin", {"id": pk}),
        ("organisations.seat.deleted_in_admin", {"id": pk}),
    ]


def test_a_refused_admin_form_logs_nothing(client):
    client.force_login(beheerder())
    response = client.post(ADD, {"person": "", "council": "", "role": "lid", "start_date": ""})
    assert response.status_code == 200
    assert not AuditEntry.objects.exists()
