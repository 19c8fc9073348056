"""The advisors' queue: which questions are due, late, waiting or nobody's yet.

Reads for the desk only (views guard them with ``helpdesk.handle_questions``). A question's
due moment is the earlier of its two promises: the first reaction while none was given, then
the solution (``Coalesce``: the first is never later than the second).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from . import officehours
from .models import Question, Status

OPEN_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING)
ACTIVE_STATUSES = (Status.NEW, Status.OPEN)  # the desk's turn


@dataclass(frozen=True)
class View:
    slug: str
    label: Promise


VIEWS = [
    View("mijn", _("Mijn vragen")),
    View("niet-toegewezen", _("Niet toegewezen")),
    View("bijna-te-laat", _("Bijna te laat")),
    View("te-laat", _("Te laat")),
    View("wacht-op-raad", _("Wacht op de raad")),
    View("open", _("Alle open vragen")),
    View("afgerond", _("Beantwoord en gesloten")),
    View("onbekende-afzender", _("Onbekende afzender")),
]
VIEW_SLUGS = {v.slug for v in VIEWS}


def soon_moment(now: datetime.datetime | None = None) -> datetime.datetime:
    """Due before this moment is "bijna te laat": within the next VRAAGBAAK_SOON_HOURS office
    hours (default 4: half a working day)."""
    now = now or timezone.now()
    hours = datetime.timedelta(hours=settings.VRAAGBAAK_SOON_HOURS)
    return officehours.office_calendar().add(now, hours)


def _with_due(qs: QuerySet[Question]) -> QuerySet[Question]:
    return qs.annotate(due=Coalesce("first_response_due", "solution_due"))


def _conditions(now: datetime.datetime, soon: datetime.datetime, user) -> dict[str, Q]:
    active = Q(status__in=ACTIVE_STATUSES)
    return {
        "mijn": Q(assigned_to=user, status__in=OPEN_STATUSES),
        "niet-toegewezen": Q(assigned_to__isnull=True) & active,
        "bijna-te-laat": active & Q(due__gte=now, due__lt=soon),
        "te-laat": active & Q(due__lt=now),
        "wacht-op-raad": Q(status=Status.WAITING),
        "open": Q(status__in=OPEN_STATUSES),
        "afgerond": Q(status__in=(Status.ANSWERED, Status.CLOSED)),
        # E-mail from an address that matches no account: an advisor links it to a person.
        "onbekende-afzender": Q(asker__isnull=True, channel="email", status__in=OPEN_STATUSES),
    }


def desk_questions() -> QuerySet[Question]:
    from .pools import at_pool_exists

    return (
        _with_due(Question.objects.all())
        .annotate(at_pool=at_pool_exists())
        .select_related("council", "theme", "sector", "assigned_to", "asker", "merged_into")
    )


def queue(
    user,
    view: str,
    *,
    theme=None,
    sector=None,
    channel: str = "",
    pool=None,
    now: datetime.datetime | None = None,
) -> QuerySet[Question]:
    """The questions of one queue view, the most urgent first (``pool``: only those forwarded
    to that expert pool and not withdrawn)."""
    now = now or timezone.now()
    qs = desk_questions().filter(_conditions(now, soon_moment(now), user)[view])
    if theme is not None:
        qs = qs.filter(theme=theme)
    if sector is not None:
        qs = qs.filter(sector=sector)
    if channel:
        qs = qs.filter(channel=channel)
    if pool is not None:
        from .pools import at_pool_exists

        qs = qs.filter(at_pool_exists(pool))
    if view == "afgerond":
        return qs.order_by("-closed_at", "-answered_at", "-pk")
    return qs.order_by(F("due").asc(nulls_last=True), "created_at", "pk")


def counts(user, *, now: datetime.datetime | None = None) -> dict[str, int]:
    """How many questions each view holds, in one query (the closed ones are not counted)."""
    now = now or timezone.now()
    conditions = _conditions(now, soon_moment(now), user)
    conditions.pop("afgerond")
    row = _with_due(Question.objects.all()).aggregate(
        **{slug.replace("-", "_"): Count("pk", filter=q) for slug, q in conditions.items()}
    )
    return {slug: row[slug.replace("-", "_")] for slug in conditions}


def is_late(question: Question, now: datetime.datetime | None = None) -> bool:
    due = getattr(question, "due", None)
    return bool(due and question.status in ACTIVE_STATUSES and due < (now or timezone.now()))


def advisors() -> QuerySet:
    from django.contrib.auth import get_user_model

    from raadsplein.accounts import roles

    return (
        get_user_model()
        .objects.filter(groups__name=roles.ADVISEUR, is_active=True)
        .order_by("first_name", "last_name", "email")
        .distinct()
    )
