import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from raadsplein.organisations import services
from raadsplein.organisations.models import CouncilKind, CouncilMembership, MembershipStatus, Seat
from raadsplein.organisations.tests.factories import (
    CareProviderFactory,
    CouncilFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


def test_create_provider_with_sectors_and_locations():
    provider = services.create_provider(
        name="Zorggroep Noorderlicht",
        sectors=["ouderenzorg", "thuiszorg"],
        provides_long_term_care=True,
        locations=[("Assen", "DR"), ("Emmen", "DR")],
    )
    assert sorted(provider.sectors.values_list("code", flat=True)) == ["ouderenzorg", "thuiszorg"]
    assert sorted(provider.locations.values_list("place", flat=True)) == ["Assen", "Emmen"]


def test_local_council_needs_central_parent_of_same_provider():
    provider = CareProviderFactory()
    central = services.create_council(
        provider=provider, name="CCR", kind=CouncilKind.CENTRAL, province="UT"
    )
    local = services.create_council(
        provider=provider, name="Lokaal", kind=CouncilKind.LOCAL, province="UT", parent=central
    )
    assert local.parent == central

    with pytest.raises(ValidationError) as err:
        services.create_council(
            provider=CareProviderFactory(),
            name="Elders",
            kind=CouncilKind.LOCAL,
            province="UT",
            parent=central,
        )
    assert "parent" in err.value.message_dict


def test_parent_must_be_central_council():
    client_council = CouncilFactory(kind=CouncilKind.CLIENT)
    with pytest.raises(ValidationError):
        services.create_council(
            provider=client_council.provider,
            name="Lokaal",
            kind=CouncilKind.LOCAL,
            province="UT",
            parent=client_council,
        )


def test_new_active_membership_ends_the_previous_one():
    council = CouncilFactory()
    first = services.start_council_membership(
        council=council, start_date=TODAY - datetime.timedelta(days=100)
    )
    second = services.start_council_membership(council=council, start_date=TODAY)
    first.refresh_from_db()
    assert first.status == MembershipStatus.ENDED
    assert first.end_date == TODAY - datetime.timedelta(days=1)
    assert CouncilMembership.objects.filter(council=council, status="active").get() == second


def test_seat_end_before_start_is_rejected_and_nothing_saved():
    with pytest.raises(ValidationError):
        services.assign_seat(
            person=UserFactory(),
            council=CouncilFactory(),
            role="lid",
            start_date=TODAY,
            end_date=TODAY - datetime.timedelta(days=1),
        )
    assert Seat.objects.count() == 0
