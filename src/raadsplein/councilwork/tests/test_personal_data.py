"""What Raadswerk keeps about a person: in the export, and gone (or unlinked) after erasure."""

import pytest
from django.utils import timezone

from raadsplein.accounts import services as account_services
from raadsplein.organisations.models import Seat

from .. import onboarding
from ..models import (
    ActionItem,
    AdvisorAccess,
    ConstituencyContact,
    Letter,
    LetterKind,
    MeetingNotice,
    Onboarding,
    SchemeComment,
    SchemeVersion,
)
from . import factories as f

pytestmark = pytest.mark.django_db


def kept_about(world):
    council, member = world.council, world.member
    f.ContactFactory(council=council, created_by=member, heard="Het eten is vaak koud.")
    version = f.SchemeVersionFactory(
        council=council, number=1, author=member, author_label=member.get_full_name()
    )
    SchemeComment.objects.create(
        version=version, passage="Artikel 1", body="Graag korter.", author=member
    )
    Letter.objects.create(
        council=council,
        kind=LetterKind.RECEIPT,
        subject_line="Ontvangst adviesaanvraag",
        body="Tekst",
        created_by=member,
    )
    seat = Seat.objects.get(person=member, council=council)
    onboarding.tick_step(seat=seat, step=onboarding.CHAIR, done=True, by=member)
    meeting = f.MeetingFactory(council=council, title="Vergadering maart")
    MeetingNotice.objects.create(meeting=meeting, person=member, revision=1)
    f.ActionItemFactory(council=council, owner=member, text="Bewoners bellen")


def section(user) -> dict:
    data = account_services.export_person_data(user=user)
    return data["sections"]["councilwork"]["data"]


def test_export_holds_what_raadswerk_keeps_about_the_person(world):
    kept_about(world)
    data = section(world.member)
    assert data["achterban"][0]["wat_gehoord"] == "Het eten is vaak koud."
    assert data["regeling_versies"][0]["versie"] == 1
    assert data["regeling_opmerkingen"][0]["opmerking"] == "Graag korter."
    assert data["brieven"][0]["onderwerp"] == "Ontvangst adviesaanvraag"
    assert data["inwerklijsten"][0]["gedaan"] == ["Maak kennis met de voorzitter"]
    assert data["agendas_ontvangen"][0]["vergadering"] == "Vergadering maart"
    assert data["acties"][0]["actie"] == "Bewoners bellen"
    assert data["toegang_als_adviseur"] == []
    advisor = section(world.advisor)["toegang_als_adviseur"]
    assert advisor[0]["raad"] == world.council.name
    # Nothing of another person's.
    assert section(world.chair)["achterban"] == []


def test_erasure_unlinks_the_person_and_deletes_their_onboarding(world):
    kept_about(world)
    account_services.erase_person(user=world.member)
    contact = ConstituencyContact.objects.get()
    assert contact.created_by is None and contact.heard == "Het eten is vaak koud."
    version = SchemeVersion.objects.get()
    assert version.author is None and version.author_label == "Verwijderd account"
    comment = SchemeComment.objects.get()
    assert comment.author is None and comment.author_label == "Verwijderd account"
    assert Letter.objects.get().created_by is None
    assert ActionItem.objects.get().owner is None
    assert not Onboarding.objects.exists()
    assert not MeetingNotice.objects.exists()
    data = section(world.member)
    assert all(value == [] for value in data.values()), data


def test_erasing_an_advisor_ends_their_access(world):
    account_services.erase_person(user=world.advisor)
    access = AdvisorAccess.objects.get(advisor=world.advisor)
    assert access.revoked_at is not None and access.revoked_at <= timezone.now()
