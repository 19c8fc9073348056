"""Factories for Raadswerk's tests, and ``workspace_world``: two councils with their people."""

import datetime
from dataclasses import dataclass

import factory
from django.utils import timezone

from raadsplein.accounts.tests.factories import UserFactory, adviseur, redacteur
from raadsplein.organisations.models import SeatRole
from raadsplein.organisations.tests.factories import MemberCouncilFactory, SeatFactory

from .. import services
from ..models import (
    ActionItem,
    AgendaItem,
    ConstituencyContact,
    ContactKind,
    Decision,
    Kind,
    Meeting,
    SchemeSettings,
    SchemeVersion,
    Trajectory,
    TrajectoryStep,
    Vacancy,
)


class SchemeSettingsFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchemeSettings

    council = factory.SubFactory(MemberCouncilFactory)
    members_target = 7
    term_years = 4
    max_terms = 2
    advice_days = 42
    consent_days = 42
    notice_days = 7
    meetings_per_year = 10


class MeetingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Meeting

    council = factory.SubFactory(MemberCouncilFactory)
    title = factory.Sequence(lambda n: f"Vergadering {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    location = "Vergaderzaal De Linde"


class AgendaItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AgendaItem

    meeting = factory.SubFactory(MeetingFactory)
    title = factory.Sequence(lambda n: f"Agendapunt {n}")
    position = factory.Sequence(lambda n: n)


class TrajectoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Trajectory
        skip_postgeneration_save = True

    council = factory.SubFactory(MemberCouncilFactory)
    kind = Kind.ADVICE
    title = factory.Sequence(lambda n: f"Adviesaanvraag {n}")
    received = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=5))
    deadline = factory.LazyAttribute(lambda o: o.received + datetime.timedelta(days=42))

    @factory.post_generation
    def first_step(obj, create, extracted, **kwargs):
        if create:
            TrajectoryStep.objects.create(trajectory=obj, state=obj.state, on=obj.received)


class DecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Decision

    council = factory.SubFactory(MemberCouncilFactory)
    text = factory.Sequence(lambda n: f"Besluit {n}")
    decided_on = factory.LazyFunction(timezone.localdate)


class ActionItemFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActionItem

    council = factory.SubFactory(MemberCouncilFactory)
    text = factory.Sequence(lambda n: f"Actie {n}")


class SchemeVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SchemeVersion

    council = factory.SubFactory(MemberCouncilFactory)
    number = factory.Sequence(lambda n: n + 1)
    text = "Artikel 1. Begrippen\n\nIn deze regeling wordt verstaan onder de raad: de cliëntenraad."


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    council = factory.SubFactory(MemberCouncilFactory)
    title = "Nieuw lid gezocht"
    text = "Wij zoeken een nieuw lid dat mee wil denken over de zorg."


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ConstituencyContact

    council = factory.SubFactory(MemberCouncilFactory)
    kind = ContactKind.VISIT
    held_on = factory.LazyFunction(timezone.localdate)
    reached = "Bewoners van afdeling De Linde"
    heard = "Bewoners missen een vaste contactpersoon in het weekend."


@dataclass
class WorkspaceWorld:
    council: object
    other_council: object
    chair: object
    secretary: object
    member: object
    other_member: object
    advisor: object
    advisor_without_access: object
    advisor_access_ended: object
    editor: object
    outsider: object


def workspace_world() -> WorkspaceWorld:
    """Council A (chair, secretary, member, an advisor let in until next month, one whose access
    ended yesterday) and council B (one member). Scheme settings on A: 42 days for advice."""
    council = MemberCouncilFactory(name="Cliëntenraad De Linde")
    other = MemberCouncilFactory(name="Cliëntenraad Het Anker")
    SchemeSettingsFactory(council=council)

    def seat(c, role):
        person = UserFactory()
        SeatFactory(person=person, council=c, role=role)
        return person

    chair = seat(council, SeatRole.VOORZITTER)
    world = WorkspaceWorld(
        council=council,
        other_council=other,
        chair=chair,
        secretary=seat(council, SeatRole.SECRETARIS),
        member=seat(council, SeatRole.LID),
        other_member=seat(other, SeatRole.VOORZITTER),
        advisor=adviseur(),
        advisor_without_access=adviseur(),
        advisor_access_ended=adviseur(),
        editor=redacteur(),
        outsider=UserFactory(),
    )
    today = timezone.localdate()
    services.grant_advisor_access(
        council=council,
        advisor=world.advisor,
        ends_on=today + datetime.timedelta(days=30),
        by=chair,
    )
    ended = services.grant_advisor_access(
        council=council,
        advisor=world.advisor_access_ended,
        ends_on=today,
        by=chair,
        starts_on=today - datetime.timedelta(days=20),
    )
    ended.ends_on = today - datetime.timedelta(days=1)
    ended.save(update_fields=["ends_on"])
    return world
