"""Scheduling editions: the default moment (Monday 07:00 in Amsterdam), planning and
un-planning, and the periodic run that hands due editions to sending.

``process_due`` is what ``manage.py process_newsletter`` (cron, every few minutes) and the task
``schedule_tasks.process_newsletter`` run. It is safe to run as often as one likes and by two
machines at once: an edition is picked with ``SELECT … FOR UPDATE SKIP LOCKED``, and
``sending.queue_edition`` refuses a second send, which is then simply skipped. An edition it
refuses for another reason (no blocks, nobody in its segment) goes back to draft, with the
reason in the audit log. ``resume_stalled`` restarts the lanes of an edition whose sending
stalled.
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
                with transaction.atomic():
                    sending.queue_edition(edition=edition, by=None)
            except NewsletterError as error:
                # Nobody would get it, or it has no blocks: back to the editor as a draft,
                # with the reason in the audit log, rather than tried again every run.
                logger.info("Scheduled edition %s not queued: %s", pk, error)
                edition.status = EditionStatus.DRAFT
                edition.save(update_fields=["status", "updated_at"])
                audit.log(
                    actor=None,
                    action="newsletter.edition.schedule_failed",
                    obj=edition,
                    data={"reason": str(error)},
                )
                continue
        queued.append(pk)
    return queued


STALLED_AFTER = datetime.timedelta(minutes=15)


def resume_stalled(*, now: datetime.datetime | None = None) -> list[int]:
    """The safety net behind the lane tasks: an edition still sending whose due deliveries
    have waited ``STALLED_AFTER`` with nothing sent in that time (its lane tasks failed for
    good, or the queue was lost) gets its lanes started again; one with nothing pending is
    marked sent. The ids resumed. Safe beside running lanes: each delivery is claimed once."""
    from django.db.models import Max, Q

    from . import sending
    from .models import Delivery, DeliveryStatus

    now = now or timezone.now()
    resumed = []
    sending_now = Edition.objects.filter(
        status=EditionStatus.SENDING, queued_at__lte=now - STALLED_AFTER
    ).annotate(
        last_sent=Max("deliveries__sent_at"),
    )
    for edition in sending_now:
        due = Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING).filter(
            Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)
        )
        if not Delivery.objects.filter(edition=edition, status=DeliveryStatus.PENDING).exists():
            sending.finish_if_done(edition)
        elif due.exists() and (
            edition.last_sent is None or edition.last_sent <= now - STALLED_AFTER
        ):
            with transaction.atomic():
                sending.resume_edition(edition=edition)
            logger.warning("Edition %s had stalled; its lanes were started again", edition.pk)
            resumed.append(edition.pk)
    return resumed
