"""Scheduling editions: the default moment (Monday 07:00 in Amsterdam), planning and
un-planning, and the periodic run that hands due editions to sending.

``process_due`` is what ``manage.py process_newsletter`` (cron, every few minutes) and the task
``schedule_tasks.process_newsletter`` run. It is safe to run as often as one likes and by two
machines at once: an edition is picked with ``SELECT … FOR UPDATE SKIP LOCKED``, and
``sending.queue_edition`` refuses a second send, which is then simply skipped.
"""

import datetime
import logging
import zoneinfo

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raadsplein.audit import services as audit

from .models import Edition, EditionStatus
from .services import NewsletterError

logger = logging.getLogger(__name__)

AMSTERDAM = zoneinfo.ZoneInfo("Europe/Amsterdam")
SEND_HOUR = 7  # Monday 07:00, local time, summer and winter alike


def next_monday_morning(now: datetime.datetime | None = None) -> datetime.datetime:
    """The first Monday 07:00 Europe/Amsterdam after ``now`` (aware, in Amsterdam time).

    Built from the local date and wall-clock time, so it is 06:00 UTC in winter and 05:00 UTC
    in summer, also when a DST change falls between now and then."""
    now = now or timezone.now()
    local = now.astimezone(AMSTERDAM)
    day = local.date() + datetime.timedelta(days=(7 - local.weekday()) % 7)
    moment = datetime.datetime.combine(day, datetime.time(SEND_HOUR), tzinfo=AMSTERDAM)
    if moment <= local:
        moment = datetime.datetime.combine(
            day + datetime.timedelta(days=7), datetime.time(SEND_HOUR), tzinfo=AMSTERDAM
        )
    return moment


def default_send_time(edition: Edition, now: datetime.datetime | None = None):
    """What the "Inplannen" form proposes: the edition's own Monday at 07:00 when that is still
    ahead, else the next Monday 07:00."""
    now = now or timezone.now()
    own = datetime.datetime.combine(edition.week_of, datetime.time(SEND_HOUR), tzinfo=AMSTERDAM)
    if own > now and edition.week_of.weekday() == 0:
        return own
    return next_monday_morning(now)


@transaction.atomic
def schedule_edition(*, edition: Edition, by, when: datetime.datetime) -> Edition:
    """Plan an edition to go out at ``when`` (aware, in the future). Draft or scheduled only."""
    from .editions import locked_editable

    edition = locked_editable(edition)
    if timezone.is_naive(when):
        raise NewsletterError(_("Geef een datum en tijd op."))
    if when <= timezone.now():
        raise NewsletterError(_("Dit moment is al voorbij. Kies een datum en tijd in de toekomst."))
    if not edition.items.exists():
        raise NewsletterError(_("Deze editie heeft nog geen onderdelen. Voeg eerst iets toe."))
    edition.status = EditionStatus.SCHEDULED
    edition.scheduled_for = when
    edition.save(update_fields=["status", "scheduled_for", "updated_at"])
    audit.log(
        actor=by,
        action="newsletter.edition.scheduled",
        obj=edition,
        data={"scheduled_for": when.isoformat()},
    )
    return edition


@transaction.atomic
def unschedule_edition(*, edition: Edition, by) -> Edition:
    """ "Niet meer inplannen": a scheduled edition becomes a draft again."""
    edition = Edition.objects.select_for_update().get(pk=edition.pk)
    if edition.status != EditionStatus.SCHEDULED:
        raise NewsletterError(_("Deze editie is niet ingepland."))
    edition.status = EditionStatus.DRAFT
    edition.scheduled_for = None
    edition.save(update_fields=["status", "scheduled_for", "updated_at"])
    audit.log(
        actor=by,
        action="newsletter.edition.scheduled",
        obj=edition,
        data={"scheduled_for": None},
    )
    return edition


def due_editions(now: datetime.datetime | None = None):
    now = now or timezone.now()
    return Edition.objects.filter(status=EditionStatus.SCHEDULED, scheduled_for__lte=now)


def process_due(*, now: datetime.datetime | None = None) -> list[int]:
    """Queue every scheduled edition whose moment has come; the ids queued now. An edition
    that sending refuses (already queued, say) is skipped and logged, never raised."""
    from . import sending

    queued = []
    for pk in list(due_editions(now).values_list("pk", flat=True)):
        with transaction.atomic():
            edition = due_editions(now).select_for_update(skip_locked=True).filter(pk=pk).first()
            if edition is None:
                continue  # another run has it, or it went out meanwhile
            try:
                sending.queue_edition(edition=edition, by=None)
            except NewsletterError as error:
                logger.info("Scheduled edition %s not queued: %s", pk, error)
                continue
        queued.append(pk)
    return queued
