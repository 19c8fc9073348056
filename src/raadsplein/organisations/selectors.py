"""Reads about councils, seats and memberships, scoped to what a person may see."""

import datetime

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from raadsplein.accounts.rules import is_staff_member

from .models import (
    Council,
    CouncilMembership,
    CouncilMembershipKind,
    IndividualMembership,
    Seat,
)


def _today(today: datetime.date | None) -> datetime.date:
    return today or timezone.localdate()


def member_councils(*, today: datetime.date | None = None) -> QuerySet[Council]:
    """Councils that are members today: their own active membership, or a central council's
    membership that includes its local councils."""
    today = _today(today)
    active = CouncilMembership.objects.filter(CouncilMembership.active_q(today))
    return Council.objects.filter(
        Q(Exists(active.filter(council=OuterRef("pk"))))
        | Q(
            Exists(active.filter(council=OuterRef("parent"), kind=CouncilMembershipKind.WITH_LOCAL))
        )
    )


def current_seats_for(person, *, today: datetime.date | None = None) -> QuerySet[Seat]:
    """The person's seats whose term runs today, with council and provider loaded."""
    today = _today(today)
    return (
        Seat.objects.filter(Seat.current_q(today), person=person)
        .select_related("council", "council__provider", "council__region")
        .order_by("council__name", "role")
    )


def officer_seats(person, *, today: datetime.date | None = None) -> list[Seat]:
    """The person's current seats that let them act for their council: the seat's role is one
    of the council's officer roles."""
    if not getattr(person, "is_authenticated", False):
        return []
    return [
        seat
        for seat in current_seats_for(person, today=today)
        if seat.role in seat.council.officer_role_set()
    ]


def officer_councils(person, *, today: datetime.date | None = None) -> list[Council]:
    """The councils the person acts for (see ``officer_seats``), each once, by name."""
    councils = {seat.council_id: seat.council for seat in officer_seats(person, today=today)}
    return sorted(councils.values(), key=lambda c: c.name)


def seats_for(person) -> QuerySet[Seat]:
    """All the person's seats, past and present, newest first."""
    return (
        Seat.objects.filter(person=person)
        .select_related("council", "council__provider")
        .order_by("-start_date")
    )


def has_membership(person, *, today: datetime.date | None = None) -> bool:
    """A current seat on a member council, or an active individual membership."""
    today = _today(today)
    individual = IndividualMembership.objects.filter(
        IndividualMembership.active_q(today), person=person
    )
    seat = Seat.objects.filter(Seat.current_q(today), person=person).filter(
        council__in=member_councils(today=today)
    )
    # One query: it runs on every page a signed-in person opens (the header asks).
    return (
        get_user_model()
        .objects.filter(pk=person.pk)
        .filter(Q(Exists(individual)) | Q(Exists(seat)))
        .exists()
    )


def councils_visible_to(user) -> QuerySet[Council]:
    """Councils whose own records the user may see: staff all, others those they sit on."""
    qs = Council.objects.select_related("provider", "parent", "region")
    if not getattr(user, "is_authenticated", False):
        return qs.none()
    if is_staff_member(user):
        return qs
    today = timezone.localdate()
    return qs.filter(
        Exists(Seat.objects.filter(Seat.current_q(today), council=OuterRef("pk"), person=user))
    )


def council_seats(council: Council, *, today: datetime.date | None = None) -> QuerySet[Seat]:
    today = _today(today)
    return (
        Seat.objects.filter(Seat.current_q(today), council=council)
        .select_related("person")
        .order_by("role", "person__last_name", "person__first_name")
    )


def council_directory(
    *,
    province: str = "",
    sector: str = "",
    kind: str = "",
    q: str = "",
    with_profile: bool = False,
) -> QuerySet[Council]:
    """Member councils for the directory, with everything the list shows loaded."""
    qs = (
        member_councils()
        .select_related("provider", "region")
        .prefetch_related("sectors")
        .order_by("name", "pk")
    )
    if province:
        qs = qs.filter(province=province)
    if sector:
        qs = qs.filter(sectors__code=sector)
    if kind:
        qs = qs.filter(kind=kind)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(provider__name__icontains=q))
    if with_profile:
        qs = qs.filter(profile_visible=True)
    return qs.distinct()


def council_profiles() -> QuerySet[Council]:
    """Member councils that show a profile to other councils."""
    return (
        member_councils()
        .filter(profile_visible=True)
        .select_related("provider", "region")
        .prefetch_related("sectors")
    )


def individual_memberships_for(person) -> QuerySet[IndividualMembership]:
    return IndividualMembership.objects.filter(person=person).order_by("-start_date")


def council_with_details(council_qs: QuerySet[Council]) -> QuerySet[Council]:
    return council_qs.prefetch_related(
        "sectors",
        Prefetch("memberships", queryset=CouncilMembership.objects.order_by("-start_date")),
    )
