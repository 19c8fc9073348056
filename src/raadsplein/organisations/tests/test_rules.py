import datetime

import pytest
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory, adviseur, beheerder, redacteur
from raadsplein.organisations.models import CouncilKind, CouncilMembershipKind, MembershipStatus
from raadsplein.organisations.rules import holds_seat_on, is_member
from raadsplein.organisations.tests.factories import (
    CouncilFactory,
    CouncilMembershipFactory,
    IndividualMembershipFactory,
    MemberCouncilFactory,
    SeatFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def fresh(user):
    """The same person without the per-object membership cache."""
    return type(user).objects.get(pk=user.pk)


def test_is_member_with_current_seat_on_member_council():
    seat = SeatFactory()
    assert is_member(fresh(seat.person))


def test_is_member_false_without_anything():
    assert not is_member(UserFactory())


def test_is_member_false_for_anonymous():
    from django.contrib.auth.models import AnonymousUser

    assert not is_member(AnonymousUser())


def test_is_member_false_when_council_membership_pending():
    council = CouncilFactory()
    CouncilMembershipFactory(council=council, status=MembershipStatus.PENDING)
    seat = SeatFactory(council=council)
    assert not is_member(fresh(seat.person))


def test_is_member_false_when_council_membership_ended_yesterday():
    council = CouncilFactory()
    CouncilMembershipFactory(
        council=council,
        status=MembershipStatus.ACTIVE,
        start_date=TODAY - datetime.timedelta(days=400),
        end_date=TODAY - datetime.timedelta(days=1),
    )
    seat = SeatFactory(council=council)
    assert not is_member(fresh(seat.person))


def test_is_member_false_when_seat_term_ended():
    seat = SeatFactory(
        start_date=TODAY - datetime.timedelta(days=800),
        end_date=TODAY - datetime.timedelta(days=1),
    )
    assert not is_member(fresh(seat.person))


def test_is_member_false_when_seat_starts_tomorrow():
    seat = SeatFactory(start_date=TODAY + datetime.timedelta(days=1))
    assert not is_member(fresh(seat.person))


def test_local_council_is_covered_by_central_membership_including_locals():
    central = CouncilFactory(kind=CouncilKind.CENTRAL)
    CouncilMembershipFactory(council=central, kind=CouncilMembershipKind.WITH_LOCAL)
    local = CouncilFactory(kind=CouncilKind.LOCAL, parent=central, provider=central.provider)
    seat = SeatFactory(council=local)
    assert is_member(fresh(seat.person))


def test_local_council_not_covered_by_standard_central_membership():
    central = CouncilFactory(kind=CouncilKind.CENTRAL)
    CouncilMembershipFactory(council=central, kind=CouncilMembershipKind.STANDARD)
    local = CouncilFactory(kind=CouncilKind.LOCAL, parent=central, provider=central.provider)
    seat = SeatFactory(council=local)
    assert not is_member(fresh(seat.person))


def test_active_individual_membership_makes_a_member():
    membership = IndividualMembershipFactory()
    assert is_member(fresh(membership.person))


def test_pending_individual_membership_does_not():
    membership = IndividualMembershipFactory(status=MembershipStatus.PENDING)
    assert not is_member(fresh(membership.person))


@pytest.mark.parametrize("make_staff", [adviseur, redacteur, beheerder])
def test_staff_are_members(make_staff):
    assert is_member(make_staff())


def test_holds_seat_on_only_own_council():
    seat = SeatFactory()
    other = MemberCouncilFactory()
    assert holds_seat_on(seat.person, seat.council)
    assert not holds_seat_on(seat.person, other)
