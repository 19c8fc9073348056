"""Every reusable read of a council's workspace. Views look objects up through these, scoped
to one council that the guard has already let the viewer into (``access.workspace``)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from raadsplein.organisations.models import Council, Seat

from .models import (
    OPEN_STATES,
    ActionItem,
    AdvisorAccess,
    AgendaItem,
    ConstituencyContact,
    CouncilDocument,
    Decision,
    LegalRule,
    LegalSubject,
    Meeting,
    SchemeSettings,
    SchemeVersion,
    Trajectory,
    Vacancy,
)


@dataclass(frozen=True)
class Standing:
    """What a person is to one council's workspace."""

    seat: bool = False
    officer: bool = False
    advisor: bool = False
    roles: frozenset[str] = frozenset()

    @property
    def sees(self) -> bool:
        return self.seat or self.advisor


NOBODY = Standing()


def standing(user, council: Council, *, today: datetime.date | None = None) -> Standing:
    """The person's seat roles on the council and whether an advisor's access is open now.
    Kept on the user object for the request (two queries the first time, none after)."""
    if not getattr(user, "is_authenticated", False) or council is None:
        return NOBODY
    today = today or timezone.localdate()
    cache = user.__dict__.setdefault("_councilwork_standing", {})
    key = (council.pk, today)
    if key not in cache:
        roles = frozenset(
            Seat.objects.filter(Seat.current_q(today), person=user, council=council).values_list(
                "role", flat=True
            )
        )
        advisor = AdvisorAccess.objects.filter(
            AdvisorAccess.active_q(today), council=council, advisor=user
        ).exists()
        cache[key] = Standing(
            seat=bool(roles),
            officer=bool(roles & council.officer_role_set()),
            advisor=advisor,
            roles=roles,
        )
    return cache[key]


def workspace_councils(user, *, today: datetime.date | None = None) -> QuerySet[Council]:
    """The councils whose workspace the person may enter: a current seat, or an advisor's
    access that is open today."""
    if not getattr(user, "is_authenticated", False):
        return Council.objects.none()
    today = today or timezone.localdate()
    seats = Seat.objects.filter(Seat.current_q(today), person=user, council=OuterRef("pk"))
    access = AdvisorAccess.objects.filter(
        AdvisorAccess.active_q(today), advisor=user, council=OuterRef("pk")
    )
    return (
        Council.objects.filter(Q(Exists(seats)) | Q(Exists(access)))
        .select_related("provider")
        .order_by("name")
    )


def scheme_settings(council: Council) -> SchemeSettings:
    """The council's scheme settings; an unsaved default row when none were recorded yet."""
    found = SchemeSettings.objects.filter(council=council).first()
    return found or SchemeSettings(council=council)


def provider_gives_long_term_care(council: Council) -> bool:
    return bool(council.provider.provides_long_term_care)


def legal_subjects_for(council: Council, *, right: str | None = None) -> QuerySet[LegalSubject]:
    """The legal catalogue's subjects this council may use: the long-term-care-only ones only
    for councils of Wlz providers."""
    qs = LegalSubject.objects.all()
    if right:
        qs = qs.filter(right=right)
    if not provider_gives_long_term_care(council):
        qs = qs.filter(long_term_care_only=False)
    return qs


def legal_rule(code: str) -> LegalRule | None:
    return LegalRule.objects.filter(code=code).first()


def trajectories_for(council: Council) -> QuerySet[Trajectory]:
    return Trajectory.objects.filter(council=council).select_related("subject")


def open_trajectories(council: Council) -> QuerySet[Trajectory]:
    """Open ones by deadline, the ones without a deadline last."""
    from django.db.models import F

    return (
        trajectories_for(council)
        .filter(state__in=OPEN_STATES)
        .order_by(F("deadline").asc(nulls_last=True), "received", "pk")
    )


def meetings_for(council: Council) -> QuerySet[Meeting]:
    return Meeting.objects.filter(council=council)


def upcoming_meetings(council: Council, *, now: datetime.datetime | None = None):
    now = now or timezone.now()
    return (
        meetings_for(council)
        .filter(starts_at__gte=now, cancelled_at__isnull=True)
        .order_by("starts_at", "pk")
    )


def meeting_with_agenda(council: Council) -> QuerySet[Meeting]:
    """Meetings with their items (owner, trajectory, documents) and documents prefetched."""
    return meetings_for(council).prefetch_related(
        Prefetch(
            "items",
            queryset=AgendaItem.objects.select_related("owner", "trajectory").prefetch_related(
                "documents"
            ),
        ),
        "documents",
    )


def decisions_for(council: Council) -> QuerySet[Decision]:
    return Decision.objects.filter(council=council).select_related("meeting", "trajectory")


def actions_for(council: Council) -> QuerySet[ActionItem]:
    return ActionItem.objects.filter(council=council).select_related("owner", "meeting")


def documents_for(council: Council) -> QuerySet[CouncilDocument]:
    return CouncilDocument.objects.filter(council=council)


def scheme_versions(council: Council) -> QuerySet[SchemeVersion]:
    return SchemeVersion.objects.filter(council=council).order_by("-number")


def latest_scheme_version(council: Council) -> SchemeVersion | None:
    return scheme_versions(council).first()


def vacancies_for(council: Council) -> QuerySet[Vacancy]:
    return Vacancy.objects.filter(council=council)


def constituency_contacts(council: Council) -> QuerySet[ConstituencyContact]:
    return ConstituencyContact.objects.filter(council=council).select_related(
        "agenda_item__meeting", "signal"
    )


def seat_holders(council: Council, *, today: datetime.date | None = None) -> QuerySet[Seat]:
    """The council's current seats with their people (for owners, recipients, terms)."""
    today = today or timezone.localdate()
    return (
        Seat.objects.filter(Seat.current_q(today), council=council)
        .select_related("person")
        .order_by("person__first_name", "person__last_name", "pk")
    )


def advisor_accesses(council: Council) -> QuerySet[AdvisorAccess]:
    return AdvisorAccess.objects.filter(council=council).select_related(
        "advisor", "granted_by", "revoked_by"
    )


def workspace_summaries(user, *, today: datetime.date | None = None) -> list[dict]:
    """For the dashboard panel: each workspace with its next meeting and nearest deadline.
    Three queries, however many councils."""
    from django.db.models import Min

    today = today or timezone.localdate()
    councils = list(workspace_councils(user, today=today))
    if not councils:
        return []
    ids = [c.pk for c in councils]
    now = timezone.now()
    next_meeting = dict(
        Meeting.objects.filter(council_id__in=ids, starts_at__gte=now, cancelled_at__isnull=True)
        .values("council_id")
        .annotate(first=Min("starts_at"))
        .values_list("council_id", "first")
    )
    open_rows = (
        Trajectory.objects.filter(council_id__in=ids, state__in=OPEN_STATES)
        .values("council_id")
        .annotate(first=Min("deadline"))
        .values_list("council_id", "first")
    )
    deadlines = dict(open_rows)
    return [
        {
            "council": council,
            "next_meeting": next_meeting.get(council.pk),
            "next_deadline": deadlines.get(council.pk),
        }
        for council in councils
    ]
