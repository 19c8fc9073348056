import datetime

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.utils import timezone

from raadsplein.accounts import roles, services
from raadsplein.accounts.models import ApiToken, User
from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.organisations.models import IndividualMembership, Seat
from raadsplein.organisations.tests.factories import IndividualMembershipFactory, SeatFactory

pytestmark = pytest.mark.django_db


def test_update_profile_saves_preferences():
    user = UserFactory()
    services.update_profile(user=user, text_size="groot", reduce_motion=True, form_of_address="je")
    user.refresh_from_db()
    assert (user.text_size, user.reduce_motion, user.form_of_address) == ("groot", True, "je")


def test_update_profile_rejects_unknown_value_and_saves_nothing():
    user = UserFactory()
    with pytest.raises(ValidationError):
        services.update_profile(user=user, text_size="enorm")
    user.refresh_from_db()
    assert user.text_size == "normaal"


def test_update_profile_refuses_other_fields():
    user = UserFactory()
    with pytest.raises(ValueError):
        services.update_profile(user=user, is_superuser=True)


def test_export_contains_account_seats_and_memberships():
    seat = SeatFactory()
    IndividualMembershipFactory(person=seat.person, kind="ambassadeur")
    data = services.export_person_data(user=seat.person)
    sections = data["sections"]
    assert sections["account"]["data"]["email"] == seat.person.email
    assert sections["organisations"]["data"]["seats"][0]["council"] == seat.council.name
    assert sections["organisations"]["data"]["individual_memberships"][0]["kind"] == "Ambassadeur"


def test_erase_person_anonymises_and_ends_ties():
    seat = SeatFactory()
    person = seat.person
    IndividualMembershipFactory(person=person)
    services.create_api_token(user=person, name="script")
    email = person.email

    services.erase_person(user=person)

    person.refresh_from_db()
    assert person.email != email and person.email.endswith("@gewist.invalid")
    assert person.first_name == "" and not person.is_active
    assert not person.has_usable_password()
    assert person.erased_at is not None
    assert not EmailAddress.objects.filter(email=email).exists()
    assert not ApiToken.objects.filter(user=person).exists()
    # Records others depend on stay, ended and pointing at the anonymised account.
    seat.refresh_from_db()
    assert seat.end_date == timezone.localdate()
    assert Seat.objects.filter(person=person).count() == 1
    assert IndividualMembership.objects.get(person=person).status == "ended"
    assert not User.objects.filter(email=email).exists()


def test_erase_keeps_end_date_not_before_start():
    seat = SeatFactory(start_date=timezone.localdate() + datetime.timedelta(days=0))
    services.erase_person(user=seat.person)
    seat.refresh_from_db()
    assert seat.end_date >= seat.start_date


def test_api_token_roundtrip_and_revoke():
    user = UserFactory()
    token, raw = services.create_api_token(user=user, name="Rapportage")
    assert raw.startswith("rp_") and token.key_hash != raw
    assert services.user_for_api_token(raw) == user
    assert services.user_for_api_token(raw + "x") is None
    assert services.revoke_api_token(user=user, token_id=token.pk)
    assert services.user_for_api_token(raw) is None


def test_api_token_of_inactive_user_is_refused():
    user = UserFactory()
    _, raw = services.create_api_token(user=user, name="x")
    user.is_active = False
    user.save()
    assert services.user_for_api_token(raw) is None


def test_api_token_needs_a_name():
    with pytest.raises(ValidationError):
        services.create_api_token(user=UserFactory(), name="  ")


def test_staff_groups_get_their_permissions():
    groups = services.ensure_staff_groups()
    adviseur_perms = set(
        groups[roles.ADVISEUR].permissions.values_list("content_type__app_label", "codename")
    )
    assert ("wagtailadmin", "access_admin") in adviseur_perms
    assert ("organisations", "view_council") in adviseur_perms
    assert ("organisations", "change_council") not in adviseur_perms
    beheerder_perms = set(
        Group.objects.get(name=roles.BEHEERDER).permissions.values_list("codename", flat=True)
    )
    assert {"change_council", "add_seat", "change_user"} <= beheerder_perms
