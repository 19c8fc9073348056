"""Deadline reminders of trajectories: the council's officers get a mail
``COUNCILWORK_REMINDER_DAYS`` days (default 7 and 2) before an open trajectory's deadline and
on the day itself.

Once per (trajectory, deadline, days): ``jobs.services.once`` with the key
``councilwork:trajectory:<id>:<deadline>:<days>``, so a second run sends nothing and a changed
deadline is reminded again for the new date. A run that was missed is caught up: a reminder
goes out at the first run on or after its day (within ``CATCH_UP_DAYS`` after the deadline),
saying how many days are really left.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from raadsplein.jobs.services import once
from raadsplein.organisations.models import Seat
from raadsplein.web import links

from .models import AWAITING_COUNCIL, Trajectory

logger = logging.getLogger(__name__)

SUBJECT_PREFIX = "[Raadsplein] "
# A reminder for the deadline day still goes out this many days after it (a missed cron run).
CATCH_UP_DAYS = 3


def reminder_days() -> list[int]:
    """The days before a deadline a reminder goes out, largest first, always with 0 (the
    day itself)."""
    days = {int(d) for d in settings.COUNCILWORK_REMINDER_DAYS if 0 <= int(d) <= 365}
    return sorted(days | {0}, reverse=True)


def due_threshold(days_left: int, days: list[int]) -> int | None:
    """The reminder a trajectory with ``days_left`` is due for now: the smallest of ``days``
    that is at least ``days_left`` (0 also a few days late), else None."""
    if days_left < -CATCH_UP_DAYS:
        return None
    fitting = [d for d in days if d >= max(days_left, 0)]
    return min(fitting) if fitting else None


def officers_by_council(council_ids) -> dict[int, list]:
    """Each council's current officers with an e-mail address (one query)."""
    today = timezone.localdate()
    seats = (
        Seat.objects.filter(
            Seat.current_q(today), council_id__in=list(council_ids), person__is_active=True
        )
        .exclude(person__email="")
        .select_related("person", "council")
        .order_by("council_id", "person_id", "pk")
    )
    found: dict[int, dict] = {}
    for seat in seats:
        if seat.role in seat.council.officer_role_set():
            found.setdefault(seat.council_id, {})[seat.person_id] = seat.person
    return {council_id: list(people.values()) for council_id, people in found.items()}


def _subject(trajectory: Trajectory, days_left: int) -> str:
    if days_left > 0:
        text = ngettext(
            "Nog %(days)s dag voor uw reactie: %(title)s",
            "Nog %(days)s dagen voor uw reactie: %(title)s",
            days_left,
        )
    elif days_left == 0:
        text = _("Vandaag is de uiterste datum: %(title)s")
    else:
        text = _("De uiterste datum is voorbij: %(title)s")
    return SUBJECT_PREFIX + text % {"days": days_left, "title": trajectory.title}


def send_reminder(trajectory: Trajectory, person, *, days_left: int) -> None:
    """One reminder to one officer, in their language."""
    with translation.override(person.mail_language):
        path = reverse(
            "councilwork:trajectory",
            kwargs={"council_id": trajectory.council_id, "trajectory_id": trajectory.pk},
        )
        body = render_to_string(
            "councilwork/email/trajectory_reminder.txt",
            {
                "person": person,
                "council": trajectory.council,
                "trajectory": trajectory,
                "days_left": days_left,
                "trajectory_url": links.absolute(path),
            },
        )
        EmailMessage(
            subject=_subject(trajectory, days_left),
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[person.email],
            headers={"Auto-Submitted": "auto-generated"},
        ).send()


def due(today: datetime.date | None = None) -> list[tuple[Trajectory, int, int]]:
    """(trajectory, reminder days, days left) of every reminder due now."""
    today = today or timezone.localdate()
    days = reminder_days()
    window = (
        today - datetime.timedelta(days=CATCH_UP_DAYS),
        today + datetime.timedelta(days=max(days)),
    )
    found = []
    rows = (
        Trajectory.objects.filter(state__in=AWAITING_COUNCIL, deadline__range=window)
        .select_related("council")
        .order_by("deadline", "pk")
    )
    for trajectory in rows:
        left = (trajectory.deadline - today).days
        threshold = due_threshold(left, days)
        if threshold is not None:
            found.append((trajectory, threshold, left))
    return found


def send_due(today: datetime.date | None = None) -> int:
    """Send every reminder that is due and was not sent before; the number of mails sent."""
    today = today or timezone.localdate()
    reminders = due(today)
    officers = officers_by_council({t.council_id for t, _d, _l in reminders})
    sent = 0
    for trajectory, threshold, left in reminders:
        people = officers.get(trajectory.council_id, [])
        if not people:
            continue
        key = (
            f"councilwork:trajectory:{trajectory.pk}:{trajectory.deadline.isoformat()}:{threshold}"
        )
        with once(key) as first:
            if not first:
                continue
            for person in people:
                send_reminder(trajectory, person, days_left=left)
            sent += len(people)
    if sent:
        logger.info("councilwork: %s deadline reminders sent", sent)
    return sent
