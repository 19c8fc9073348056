"""The advisors' daily digest: what is theirs and due, and what nobody has taken.

Once per advisor per day (``jobs.once``), however often the task or the cron command runs.
The mail names questions by number, council and due moment, never by subject: a subject may
reveal health facts, and mail leaves the platform. The link opens the queue.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from raadsplein.jobs.services import once
from raadsplein.web import links

from . import officehours, queue
from .models import Question


def _due_by(day: datetime.date) -> datetime.datetime:
    """The end of the next working day after ``day``: what is due by then belongs in today's
    digest."""
    calendar = officehours.office_calendar()
    nxt = day + datetime.timedelta(days=1)
    while not calendar.is_open_day(nxt):
        nxt += datetime.timedelta(days=1)
    return calendar.window(nxt)[1]


def digest_for(advisor, *, now: datetime.datetime) -> dict | None:
    """The digest's content for one advisor, or None when there is nothing to tell."""
    horizon = _due_by(timezone.localdate(now))
    mine = list(
        queue.desk_questions()
        .filter(assigned_to=advisor, status__in=queue.ACTIVE_STATUSES, due__lt=horizon)
        .order_by("due", "pk")
    )
    unassigned = queue.counts(advisor, now=now)["niet-toegewezen"]
    if not mine and not unassigned:
        return None
    return {
        "late": [q for q in mine if q.due < now],
        "due": [q for q in mine if q.due >= now],
        "unassigned": unassigned,
    }


def send_digest(advisor, *, now: datetime.datetime | None = None) -> bool:
    """Send today's digest to one advisor, once. True if it went out now."""
    now = now or timezone.now()
    content = digest_for(advisor, now=now)
    if content is None:
        return False
    day = timezone.localdate(now)
    with once(f"helpdesk.digest:{advisor.pk}:{day.isoformat()}") as first:
        if not first:
            return False
        with translation.override(advisor.mail_language):
            body = render_to_string(
                "helpdesk/email/digest.txt",
                {
                    **content,
                    "advisor": advisor,
                    "queue_url": links.absolute_reverse("helpdesk_staff:queue"),
                    "question_url": links.absolute_reverse("helpdesk_staff:queue") + "vraag/",
                },
            )
            subject = _("[Raadsplein] Vraagbaak: uw vragen voor %(day)s") % {
                "day": day.strftime("%d-%m-%Y")
            }
        EmailMessage(
            subject=subject,
            body=body,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[advisor.email],
            headers={"Auto-Submitted": "auto-generated"},
        ).send()
    return True


def send_digests(*, now: datetime.datetime | None = None) -> int:
    """Every advisor's digest for today; on days the desk is closed, none."""
    now = now or timezone.now()
    if not officehours.office_calendar().is_open_day(timezone.localdate(now)):
        return 0
    if not Question.objects.exists():
        return 0
    return sum(send_digest(advisor, now=now) for advisor in queue.advisors())
