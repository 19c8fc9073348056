"""Meetings of a council: the meeting itself, its agenda, sending the agenda (once per person
and revision), cancelling, the minutes, and the decisions and actions that run across meetings.
Also the reads these pages need (one query per kind of thing, never one per row) and the sweep
``process_due`` that reminds officers of an agenda that has not gone out yet.

Every write is a plain function with keyword-only arguments in a transaction; it raises
:class:`~raadsplein.councilwork.services.CouncilworkError` with a Dutch message for the person,
and calls ``services.log_change`` so an advisor's change is audited.
"""

from __future__ import annotations

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from raadsplein.jobs.services import once
from raadsplein.organisations.models import Council, Seat

from . import documents, selectors
from .models import (
    ActionItem,
    AgendaItem,
    Decision,
    Meeting,
    MeetingNotice,
    SchemeSettings,
    Trajectory,
)
from .services import CouncilworkError, log_change

log = logging.getLogger(__name__)

TITLE_MAX = 200
TEXT_MAX = 4000
MINUTES_MAX = 20000
NOTE_MAX = 8000
DECISION_MAX = 2000
ACTION_MAX = 500
# Meetings further back or ahead than this are typing mistakes, not plans.
YEARS_BACK = 15
YEARS_AHEAD = 5
# The sweep reminds officers this many days before the scheme's notice period starts.
REMINDER_MARGIN_DAYS = 2
DEFAULT_NOTICE_DAYS = SchemeSettings._meta.get_field("notice_days").default


class LateAgenda(CouncilworkError):
    """The agenda would go out later than the scheme asks; sending needs a confirm tick."""


# --- reads ------------------------------------------------------------------------------------


def meeting_list(council: Council, *, now: datetime.datetime | None = None):
    """(upcoming, past) querysets: upcoming ones soonest first, past ones newest first.
    Cancelled meetings stay in the list (shown as cancelled)."""
    now = now or timezone.now()
    base = selectors.meetings_for(council).annotate(item_count=Count("items"))
    upcoming = base.filter(starts_at__gte=now).order_by("starts_at", "pk")
    past = base.filter(starts_at__lt=now).order_by("-starts_at", "-pk")
    return upcoming, past


def meeting_page(council: Council) -> QuerySet[Meeting]:
    """Meetings with everything their page shows: items (owner, trajectory, documents), the
    meeting's own documents, its decisions and its actions with their owners."""
    return selectors.meeting_with_agenda(council).prefetch_related(
        Prefetch("decisions", queryset=Decision.objects.order_by("decided_on", "pk")),
        Prefetch("actions", queryset=ActionItem.objects.select_related("owner")),
    )


def items_for(council: Council) -> QuerySet[AgendaItem]:
    """The council's agenda items (through its meetings), with their meeting."""
    return AgendaItem.objects.filter(meeting__council=council).select_related(
        "meeting__council__provider", "trajectory"
    )


def action_list(council: Council, *, show: str = "open") -> QuerySet[ActionItem]:
    """The action list: ``open`` (soonest due first), ``gedaan`` (latest done first) or
    ``alle`` (open ones first, then done)."""
    qs = selectors.actions_for(council).select_related("done_by")
    if show == "open":
        return qs.filter(done_at__isnull=True).order_by(
            F("due_on").asc(nulls_last=True), "created_at", "pk"
        )
    if show == "gedaan":
        return qs.filter(done_at__isnull=False).order_by("-done_at", "-pk")
    return qs.order_by(F("done_at").desc(nulls_first=True), F("due_on").asc(nulls_last=True), "pk")


def meeting_documents(meeting: Meeting) -> list:
    """The meeting's own documents (not of an item), from the prefetched documents."""
    return [d for d in meeting.documents.all() if d.agenda_item_id is None]


def owner_choices(council: Council):
    """The people who can own an agenda item or an action: the council's current seat holders,
    each once."""
    seen, people = set(), []
    for seat in selectors.seat_holders(council):
        if seat.person_id not in seen:
            seen.add(seat.person_id)
            people.append(seat.person)
    return people


def notice_days(council: Council) -> int:
    return selectors.scheme_settings(council).notice_days or DEFAULT_NOTICE_DAYS


def days_ahead(meeting: Meeting, *, today: datetime.date | None = None) -> int:
    """How many days before the meeting's date the members get the agenda if it goes out today."""
    today = today or timezone.localdate()
    return (timezone.localtime(meeting.starts_at).date() - today).days


def is_late(meeting: Meeting, *, today: datetime.date | None = None) -> bool:
    return days_ahead(meeting, today=today) < notice_days(meeting.council)


def may_tick_off(user, council: Council, action: ActionItem) -> bool:
    """Officers tick off any action; a seat holder the actions that are theirs."""
    standing = selectors.standing(user, council)
    return standing.officer or (standing.seat and action.owner_id == user.pk)


# --- checks -----------------------------------------------------------------------------------


def _clean_text(value: str, *, max_length: int, required: str | None = None) -> str:
    value = (value or "").strip()
    if "\x00" in value:
        raise CouncilworkError(_("De tekst bevat een teken dat niet kan."))
    if required and len(value) < 2:
        raise CouncilworkError(required)
    if len(value) > max_length:
        raise CouncilworkError(
            _("De tekst is te lang: ten hoogste %(max)s tekens.") % {"max": max_length}
        )
    return value


def _clean_title(title: str) -> str:
    title = " ".join((title or "").split())
    if len(title) < 3:
        raise CouncilworkError(_("Geef een titel van ten minste 3 tekens."))
    return _clean_text(title, max_length=TITLE_MAX)


def _check_owner(council: Council, owner) -> None:
    if owner is None:
        return
    if not Seat.objects.filter(
        Seat.current_q(timezone.localdate()), council=council, person=owner
    ).exists():
        raise CouncilworkError(_("Kies iemand die nu lid is van de raad."))


def _check_trajectory(council: Council, trajectory: Trajectory | None) -> None:
    if trajectory is not None and trajectory.council_id != council.pk:
        raise CouncilworkError(_("Dit traject hoort niet bij deze raad."))


def _check_open(meeting: Meeting) -> None:
    if meeting.cancelled_at is not None:
        raise CouncilworkError(_("Deze vergadering is afgezegd. U kunt haar niet meer wijzigen."))


def combine(date: datetime.date, time: datetime.time) -> datetime.datetime:
    """A date and a time as people type them, in the Netherlands' time (Europe/Amsterdam)."""
    return timezone.make_aware(
        datetime.datetime.combine(date, time), timezone.get_default_timezone()
    )


def _times(
    date: datetime.date, start: datetime.time, end: datetime.time | None
) -> tuple[datetime.datetime, datetime.datetime | None]:
    today = timezone.localdate()
    if not (today.year - YEARS_BACK <= date.year <= today.year + YEARS_AHEAD):
        raise CouncilworkError(
            _("Kies een datum tussen %(first)s en %(last)s.")
            % {"first": today.year - YEARS_BACK, "last": today.year + YEARS_AHEAD}
        )
    starts_at = combine(date, start)
    ends_at = combine(date, end) if end is not None else None
    if ends_at is not None and ends_at <= starts_at:
        raise CouncilworkError(_("De eindtijd ligt vóór de begintijd. Kijk de tijden na."))
    return starts_at, ends_at


def _clean_url(url: str) -> str:
    url = (url or "").strip()
    if url and not url.lower().startswith(("https://", "http://")):
        raise CouncilworkError(_("De link moet beginnen met https://."))
    return _clean_text(url, max_length=200)


# --- meetings ---------------------------------------------------------------------------------


@transaction.atomic
def create_meeting(
    *,
    council: Council,
    title: str,
    date: datetime.date,
    start: datetime.time,
    by,
    end: datetime.time | None = None,
    location: str = "",
    online_url: str = "",
) -> Meeting:
    """Plan a meeting of the council (on a date, from a start time to an optional end time,
    Dutch time)."""
    starts_at, ends_at = _times(date, start, end)
    meeting = Meeting.objects.create(
        council=council,
        title=_clean_title(title),
        starts_at=starts_at,
        ends_at=ends_at,
        location=_clean_text(location, max_length=200),
        online_url=_clean_url(online_url),
        created_by=by,
    )
    log_change(by=by, council=council, obj=meeting, what="meeting-created")
    return meeting


@transaction.atomic
def update_meeting(
    *,
    meeting: Meeting,
    title: str,
    date: datetime.date,
    start: datetime.time,
    by,
    end: datetime.time | None = None,
    location: str = "",
    online_url: str = "",
) -> Meeting:
    """Change a meeting's title, time or place. A sent agenda is not sent again by itself:
    the page then offers to send the changed agenda."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_open(meeting)
    meeting.starts_at, meeting.ends_at = _times(date, start, end)
    meeting.title = _clean_title(title)
    meeting.location = _clean_text(location, max_length=200)
    meeting.online_url = _clean_url(online_url)
    meeting.save(update_fields=["title", "starts_at", "ends_at", "location", "online_url"])
    log_change(by=by, council=meeting.council, obj=meeting, what="meeting-changed")
    return meeting


def _agenda_recipients(meeting: Meeting) -> list:
    """The council's current seat holders with an e-mail address, each once."""
    return [p for p in owner_choices(meeting.council) if p.email and p.is_active]


@transaction.atomic
def cancel_meeting(*, meeting: Meeting, by, reason: str = "") -> Meeting:
    """Cancel a meeting. When its agenda went out, everyone who got it (and every current
    member) is told, with a calendar file that takes the meeting out of their calendar.
    Each person is mailed once, however often this runs."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_open(meeting)
    reason = _clean_text(reason, max_length=500)
    meeting.cancelled_at = timezone.now()
    meeting.save(update_fields=["cancelled_at"])
    log_change(by=by, council=meeting.council, obj=meeting, what="meeting-cancelled")
    if meeting.agenda_revision:
        ids = set(MeetingNotice.objects.filter(meeting=meeting).values_list("person_id", flat=True))
        people = {p.pk: p for p in _agenda_recipients(meeting)}
        from django.contrib.auth import get_user_model

        missing = ids - set(people)
        if missing:
            people.update(
                {
                    p.pk: p
                    for p in get_user_model().objects.filter(pk__in=missing, is_active=True)
                    if p.email
                }
            )
        pk, recipients = meeting.pk, list(people.values())
        transaction.on_commit(lambda: _mail_cancellation(pk, recipients, reason))
    return meeting


def _mail_cancellation(meeting_id: int, recipients: list, reason: str) -> None:
    from . import meeting_emails

    meeting = Meeting.objects.select_related("council__provider").get(pk=meeting_id)
    for person in recipients:
        try:
            with once(f"councilwork:meeting:{meeting_id}:cancelled:{person.pk}") as first:
                if first:
                    meeting_emails.send_cancellation(meeting, person, reason=reason)
        except Exception:  # one refused address must not keep the others from hearing
            log.exception("cancellation of meeting %s to person %s failed", meeting_id, person.pk)


def send_agenda(
    *,
    meeting: Meeting,
    by,
    confirm_late: bool = False,
    revision_seen: int | None = None,
    today: datetime.date | None = None,
) -> dict:
    """Send the agenda to every current seat holder, with the calendar file and the documents
    as links. Returns ``{"sent": n, "failed": n, "revision": r}``.

    Each person gets each revision once: a :class:`MeetingNotice` (unique per meeting, person
    and revision) is written in the same transaction as handing their mail to the server, so
    a refused mail leaves no notice and a later try sends it (see ``jobs.services.once``).

    ``revision_seen`` is the revision the sender's page showed. Equal to the meeting's: this
    is a new send (the first, or a changed agenda — "Gewijzigde agenda"), the revision goes up.
    Older (a second click, a page left open): nothing new, only people who have not had the
    current revision get it. None: send the current revision (the first one if none went out).

    Later than the scheme's notice days it raises :class:`LateAgenda` unless
    ``confirm_late``; a meeting that has begun, or is cancelled, cannot be sent."""
    from . import meeting_emails

    today = today or timezone.localdate()
    with transaction.atomic():
        meeting = (
            Meeting.objects.select_for_update()
            .select_related("council__provider")
            .get(pk=meeting.pk)
        )
        _check_open(meeting)
        if meeting.starts_at <= timezone.now():
            raise CouncilworkError(
                _("Deze vergadering is al geweest. U kunt de agenda niet meer versturen.")
            )
        council = meeting.council
        items = list(
            AgendaItem.objects.filter(meeting=meeting)
            .select_related("owner")
            .prefetch_related("documents")
        )
        if not items:
            raise CouncilworkError(_("Zet eerst ten minste één punt op de agenda."))
        bump = meeting.agenda_revision == 0 or (
            revision_seen is not None and revision_seen == meeting.agenda_revision
        )
        needed, ahead = notice_days(council), days_ahead(meeting, today=today)
        if bump and ahead < needed and not confirm_late:
            raise LateAgenda(late_message(needed, ahead))
        if bump:
            meeting.agenda_revision += 1
            meeting.agenda_sent_at = timezone.now()
            meeting.save(update_fields=["agenda_revision", "agenda_sent_at"])
            log_change(by=by, council=council, obj=meeting, what="agenda-sent")
    # Each person in a transaction of their own: the notice commits with their mail.
    revision = meeting.agenda_revision
    context = meeting_emails.agenda_context(meeting, items)
    sent = failed = 0
    for person in _agenda_recipients(meeting):
        try:
            with transaction.atomic():
                try:
                    with transaction.atomic():
                        MeetingNotice.objects.create(
                            meeting=meeting, person=person, revision=revision
                        )
                except IntegrityError:
                    continue  # had this revision already
                meeting_emails.send_agenda(meeting, person, revision=revision, context=context)
        except Exception:  # a refused address: no notice, a later send tries again
            log.exception("agenda of meeting %s to person %s failed", meeting.pk, person.pk)
            failed += 1
        else:
            sent += 1
    return {"sent": sent, "failed": failed, "revision": revision}


def late_message(needed: int, ahead: int) -> str:
    return _(
        "Uw regeling vraagt %(needed)s dagen; de leden krijgen de agenda nu %(ahead)s dagen "
        "vooraf. Zet het vinkje als u de agenda toch wilt versturen."
    ) % {"needed": needed, "ahead": max(ahead, 0)}


# --- the agenda -------------------------------------------------------------------------------


@transaction.atomic
def add_agenda_item(
    *,
    meeting: Meeting,
    title: str,
    by,
    description: str = "",
    owner=None,
    decision_wanted: bool = False,
    trajectory: Trajectory | None = None,
) -> AgendaItem:
    """Put an item at the end of the meeting's agenda."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    _check_open(meeting)
    council = meeting.council
    _check_owner(council, owner)
    _check_trajectory(council, trajectory)
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(m=Max("position"))["m"]
    item = AgendaItem.objects.create(
        meeting=meeting,
        position=0 if last is None else min(last + 1, 32000),
        title=_clean_title(title),
        description=_clean_text(description, max_length=TEXT_MAX),
        owner=owner,
        decision_wanted=bool(decision_wanted),
        trajectory=trajectory,
    )
    log_change(by=by, council=council, obj=item, what="agenda-item-added")
    return item


@transaction.atomic
def update_agenda_item(
    *,
    item: AgendaItem,
    title: str,
    by,
    description: str = "",
    owner=None,
    decision_wanted: bool = False,
    trajectory: Trajectory | None = None,
) -> AgendaItem:
    meeting = item.meeting
    _check_open(meeting)
    council = meeting.council
    _check_owner(council, owner)
    _check_trajectory(council, trajectory)
    item.title = _clean_title(title)
    item.description = _clean_text(description, max_length=TEXT_MAX)
    item.owner = owner
    item.decision_wanted = bool(decision_wanted)
    item.trajectory = trajectory
    item.save(update_fields=["title", "description", "owner", "decision_wanted", "trajectory"])
    log_change(by=by, council=council, obj=item, what="agenda-item-changed")
    return item


@transaction.atomic
def delete_agenda_item(*, item: AgendaItem, by) -> None:
    """Take an item off the agenda, with its documents (their files too). Decisions and
    actions made under it stay, without the link to the item."""
    meeting = item.meeting
    _check_open(meeting)
    for document in list(item.documents.all()):
        documents.delete_document(document=document, by=by)
    log_change(by=by, council=meeting.council, obj=item, what="agenda-item-deleted")
    item.delete()
    _renumber(list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk")))


def _renumber(items: list[AgendaItem]) -> None:
    for position, item in enumerate(items):
        item.position = position
    AgendaItem.objects.bulk_update(items, ["position"])


@transaction.atomic
def move_agenda_item(*, item: AgendaItem, up: bool, by) -> AgendaItem:
    """Move an item one place up or down the agenda (the first cannot go up, nor the last
    down: then nothing changes)."""
    meeting = Meeting.objects.select_for_update().get(pk=item.meeting_id)
    _check_open(meeting)
    items = list(AgendaItem.objects.filter(meeting=meeting).order_by("position", "pk"))
    index = next(i for i, other in enumerate(items) if other.pk == item.pk)
    target = index - 1 if up else index + 1
    if 0 <= target < len(items):
        items[index], items[target] = items[target], items[index]
        _renumber(items)
        log_change(by=by, council=meeting.council, obj=item, what="agenda-item-moved")
    return next(other for other in items if other.pk == item.pk)


def add_document(
    *, meeting: Meeting, name: str, data: bytes, by, title: str = "", item=None
) -> object:
    """A document for the whole meeting, or for one of its items."""
    _check_open(meeting)
    if item is not None and item.meeting_id != meeting.pk:
        raise CouncilworkError(_("Dit agendapunt hoort niet bij deze vergadering."))
    return documents.store_document(
        council=meeting.council,
        name=name,
        data=data,
        by=by,
        title=title,
        meeting=None if item is not None else meeting,
        agenda_item=item,
    )


# --- minutes, decisions, actions --------------------------------------------------------------


@transaction.atomic
def save_minutes(
    *,
    meeting: Meeting,
    by,
    minutes: str = "",
    notes: dict[int, str] | None = None,
    approved_on: datetime.date | None = None,
) -> Meeting:
    """The minutes: general text, a note per agenda item (by item id) and the date the
    council approved them (not before the meeting, not in the future)."""
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if approved_on is not None:
        if approved_on > timezone.localdate():
            raise CouncilworkError(_("De datum van vaststellen ligt in de toekomst."))
        if approved_on < timezone.localtime(meeting.starts_at).date():
            raise CouncilworkError(
                _("Het verslag kan niet worden vastgesteld vóór de vergadering zelf.")
            )
    meeting.minutes = _clean_text(minutes, max_length=MINUTES_MAX)
    meeting.minutes_approved_on = approved_on
    meeting.save(update_fields=["minutes", "minutes_approved_on"])
    notes = notes or {}
    items = list(AgendaItem.objects.filter(meeting=meeting, pk__in=list(notes)))
    for item in items:
        item.minutes_note = _clean_text(notes[item.pk], max_length=NOTE_MAX)
    AgendaItem.objects.bulk_update(items, ["minutes_note"])
    log_change(by=by, council=meeting.council, obj=meeting, what="minutes")
    return meeting


def _check_context(council: Council, meeting, agenda_item) -> None:
    if meeting is not None and meeting.council_id != council.pk:
        raise CouncilworkError(_("Deze vergadering hoort niet bij deze raad."))
    if agenda_item is not None and (meeting is None or agenda_item.meeting_id != meeting.pk):
        raise CouncilworkError(_("Dit agendapunt hoort niet bij deze vergadering."))


@transaction.atomic
def add_decision(
    *,
    council: Council,
    text: str,
    decided_on: datetime.date,
    by,
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
    trajectory: Trajectory | None = None,
) -> Decision:
    """An entry of the decisions list, from a meeting (and one of its items) or on its own."""
    _check_context(council, meeting, agenda_item)
    _check_trajectory(council, trajectory)
    if trajectory is None and agenda_item is not None:
        trajectory = agenda_item.trajectory
    if decided_on > timezone.localdate():
        raise CouncilworkError(_("De datum van het besluit ligt in de toekomst."))
    if decided_on.year < timezone.localdate().year - YEARS_BACK:
        raise CouncilworkError(_("Kijk de datum van het besluit na."))
    decision = Decision.objects.create(
        council=council,
        meeting=meeting,
        agenda_item=agenda_item,
        trajectory=trajectory,
        text=_clean_text(
            text, max_length=DECISION_MAX, required=_("Schrijf op wat de raad besloot.")
        ),
        decided_on=decided_on,
        created_by=by,
    )
    log_change(by=by, council=council, obj=decision, what="decision")
    return decision


@transaction.atomic
def add_action(
    *,
    council: Council,
    text: str,
    by,
    owner=None,
    due_on: datetime.date | None = None,
    meeting: Meeting | None = None,
    agenda_item: AgendaItem | None = None,
) -> ActionItem:
    """An entry of the action list: what, who (a current member), by when."""
    _check_context(council, meeting, agenda_item)
    _check_owner(council, owner)
    if due_on is not None and not (
        timezone.localdate().year - YEARS_BACK
        <= due_on.year
        <= timezone.localdate().year + YEARS_AHEAD
    ):
        raise CouncilworkError(_("Kijk de datum na waarop de actie klaar moet zijn."))
    action = ActionItem.objects.create(
        council=council,
        meeting=meeting,
        agenda_item=agenda_item,
        text=_clean_text(
            text, max_length=ACTION_MAX, required=_("Schrijf op wat er moet gebeuren.")
        ),
        owner=owner,
        due_on=due_on,
    )
    log_change(by=by, council=council, obj=action, what="action")
    return action


@transaction.atomic
def set_action_done(*, action: ActionItem, done: bool, by) -> ActionItem:
    """Tick an action off (or undo that). Officers may for any action, a member for their own."""
    action = ActionItem.objects.select_for_update().select_related("council").get(pk=action.pk)
    if not may_tick_off(by, action.council, action):
        raise CouncilworkError(
            _("Alleen wie de actie heeft, of de voorzitter of secretaris, kan haar afvinken.")
        )
    if done and action.done_at is None:
        action.done_at, action.done_by = timezone.now(), by
    elif not done:
        action.done_at, action.done_by = None, None
    action.save(update_fields=["done_at", "done_by"])
    log_change(
        by=by, council=action.council, obj=action, what="action-done" if done else "action-undone"
    )
    return action


# --- the sweep --------------------------------------------------------------------------------


def process_due(now: datetime.datetime | None = None) -> dict:
    """Remind each officer once (per meeting and agenda revision) of a meeting that is within
    the scheme's notice days plus two and whose agenda has not gone out. Safe to run as often
    as cron likes: ``jobs.services.once`` records each reminder. Called by
    ``manage.py process_councilwork``."""
    from . import meeting_emails

    now = now or timezone.now()
    today = timezone.localdate(now)
    candidates = list(
        Meeting.objects.filter(
            starts_at__gt=now,
            starts_at__lte=now + datetime.timedelta(days=366),
            cancelled_at__isnull=True,
            agenda_revision=0,
        ).select_related("council__provider")
    )
    if not candidates:
        return {"meetings": 0, "reminded": 0}
    council_ids = {m.council_id for m in candidates}
    notice = dict(
        SchemeSettings.objects.filter(council_id__in=council_ids).values_list(
            "council_id", "notice_days"
        )
    )
    due = [
        m
        for m in candidates
        if days_ahead(m, today=today)
        <= (notice.get(m.council_id) or DEFAULT_NOTICE_DAYS) + REMINDER_MARGIN_DAYS
    ]
    officers: dict[int, list] = {}
    seats = Seat.objects.filter(
        Seat.current_q(today), council_id__in={m.council_id for m in due}
    ).select_related("person", "council")
    for seat in seats:
        if seat.role in seat.council.officer_role_set() and seat.person.email:
            people = officers.setdefault(seat.council_id, [])
            if all(p.pk != seat.person_id for p in people):
                people.append(seat.person)
    reminded = 0
    for meeting in due:
        for person in officers.get(meeting.council_id, []):
            key = f"councilwork:meeting:{meeting.pk}:reminder:{meeting.agenda_revision}:{person.pk}"
            try:
                with once(key) as first:
                    if first:
                        meeting_emails.send_reminder(
                            meeting,
                            person,
                            needed=notice.get(meeting.council_id) or DEFAULT_NOTICE_DAYS,
                            ahead=days_ahead(meeting, today=today),
                        )
                        reminded += 1
            except Exception:  # the next run tries this one again
                log.exception("reminder for meeting %s to %s failed", meeting.pk, person.pk)
    return {"meetings": len(due), "reminded": reminded}
