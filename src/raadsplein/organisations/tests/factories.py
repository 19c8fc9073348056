import datetime

import factory
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory
from raadsplein.organisations.models import (
    CareProvider,
    Council,
    CouncilKind,
    CouncilMembership,
    IndividualMembership,
    MembershipStatus,
    Province,
    Seat,
    SeatRole,
)


class CareProviderFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareProvider

    name = factory.Sequence(lambda n: f"Zorggroep Test {n}")


class CouncilFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Council
        skip_postgeneration_save = True

    provider = factory.SubFactory(CareProviderFactory)
    name = factory.Sequence(lambda n: f"Cliëntenraad Test {n}")
    kind = CouncilKind.CLIENT
    province = Province.UTRECHT


class CouncilMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CouncilMembership

    council = factory.SubFactory(CouncilFactory)
    status = MembershipStatus.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=365))


class MemberCouncilFactory(CouncilFactory):
    """A council with an active membership."""

    membership = factory.RelatedFactory(CouncilMembershipFactory, factory_related_name="council")


class SeatFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Seat

    person = factory.SubFactory(UserFactory)
    council = factory.SubFactory(MemberCouncilFactory)
    role = SeatRole.LID
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=100))
    end_date = None


class IndividualMembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = IndividualMembership

    person = factory.SubFactory(UserFactory)
    kind = "vriend"
    status = MembershipStatus.ACTIVE
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=10))


def member(council=None, role=SeatRole.LID, **user_kwargs):
    """A person with a current seat on a member council."""
    person = UserFactory(**user_kwargs)
    SeatFactory(person=person, council=council or MemberCouncilFactory(), role=role)
    return person
