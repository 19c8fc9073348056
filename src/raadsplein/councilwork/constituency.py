"""The achterban: the council's log of contacts with the people it represents — what kind of
contact, when, which group it reached (never client names) and what it heard — and the two
things a contact can become: an item on a coming meeting's agenda, or a signal in the
advocacy app (``advocacy.services.report_signal``).

Any seat holder (and an advisor with access) adds a contact; officers edit and delete, and so
may the person who wrote it. Only seat holders report a signal: a signal is reported by a
member of the council.
"""

from __future__ import annotations

import datetime

from django.db import transaction
from django.db.models import Count, Max, QuerySet, Sum
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.advocacy import services as advocacy
from raadsplein.audit import services as audit
from raadsplein.organisations.models import Council

from . import selectors
from .letters import dutch_date
from .models import AgendaItem, ConstituencyContact, ContactKind, Meeting
from .services import CouncilworkError, log_change

REACHED_MIN, REACHED_MAX = 3, 200
HEARD_MIN, HEARD_MAX = 10, 4000
COUNT_MAX = 100_000
AGENDA_TITLE_MAX = 200
AGENDA_TEXT_MAX = 4000

audit.register_action(
    "councilwork.contact.signal", gettext_lazy("Contact met de achterban gemeld als signaal")
)


# --- reads ------------------------------------------------------------------------------------


def contacts_for(
    council: Council, *, kind: str | None = None, year: int | None = None
) -> QuerySet[ConstituencyContact]:
    """The council's contacts, newest first, with their agenda item and signal (and who
    wrote them), optionally of one kind or one year."""
    qs = selectors.constituency_contacts(council).select_related("created_by")
    if kind:
        qs = qs.filter(kind=kind)
    if year:
        qs = qs.filter(held_on__year=year)
    return qs.order_by("-held_on", "-pk")


def contact_years(council: Council) -> list[int]:
    """The years the council has contacts in, newest first (for the filter)."""
    return list(
        selectors.constituency_contacts(council)
        .annotate(year=ExtractYear("held_on"))
        .values_list("year", flat=True)
        .distinct()
        .order_by("-year")
    )


def totals(contacts: QuerySet[ConstituencyContact]) -> dict:
    """How many contacts, and how many people they reached where a number was written."""
    return contacts.order_by().aggregate(contacts=Count("pk"), people=Sum("reached_count"))


def may_edit(user, contact: ConstituencyContact) -> bool:
    """Officers edit every contact; the person who wrote one edits their own."""
    return user.has_perm("councilwork.manage_workspace", contact.council) or (
        contact.created_by_id is not None and contact.created_by_id == user.pk
    )


# --- writes -----------------------------------------------------------------------------------


def _clean(
    *, kind: str, held_on: datetime.date, reached: str, heard: str, reached_count: int | None
) -> dict:
    if kind not in ContactKind.values:
        raise CouncilworkError(_("Kies wat voor contact het was."))
    if held_on is None:
        raise CouncilworkError(_("Vul de datum van het contact in."))
    if held_on > timezone.localdate():
        raise CouncilworkError(
            _("De datum ligt in de toekomst. Schrijf een contact op als het geweest is.")
        )
    reached = " ".join((reached or "").split())
    heard = (heard or "").replace("\r\n", "\n").strip()
    if "\x00" in reached or "\x00" in heard:
        raise CouncilworkError(_("De tekst bevat een teken dat niet kan. Haal het weg."))
    if len(reached) < REACHED_MIN:
        raise CouncilworkError(
            _("Schrijf op wie u bereikte, bijvoorbeeld: bewoners van afdeling De Linde.")
        )
    if len(reached) > REACHED_MAX:
        raise CouncilworkError(
            _("Wie u bereikte is te lang: ten hoogste %(max)s tekens.") % {"max": REACHED_MAX}
        )
    if len(heard) < HEARD_MIN:
        raise CouncilworkError(
            _("Schrijf bij 'wat hoorde de raad' minstens %(min)s tekens.") % {"min": HEARD_MIN}
        )
    if len(heard) > HEARD_MAX:
        raise CouncilworkError(
            _("Wat de raad hoorde is te lang: ten hoogste %(max)s tekens.") % {"max": HEARD_MAX}
        )
    if reached_count is not None and not 1 <= reached_count <= COUNT_MAX:
        raise CouncilworkError(
            _("Vul bij hoeveel mensen een getal in van 1 tot %(max)s.")
            % {"max": f"{COUNT_MAX:,}".replace(",", ".")}
        )
    return {
        "kind": kind,
        "held_on": held_on,
        "reached": reached,
        "heard": heard,
        "reached_count": reached_count,
    }


@transaction.atomic
def add_contact(
    *,
    council: Council,
    by,
    kind: str,
    held_on: datetime.date,
    reached: str,
    heard: str,
    reached_count: int | None = None,
) -> ConstituencyContact:
    """Write down a contact with the achterban. No client names: the form says so, and the
    view asks again when the text looks like it holds a name, phone number or e-mail."""
    fields = _clean(
        kind=kind, held_on=held_on, reached=reached, heard=heard, reached_count=reached_count
    )
    contact = ConstituencyContact.objects.create(
        council=council,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        **fields,
    )
    log_change(by=by, council=council, obj=contact, what="constituency-contact")
    return contact


@transaction.atomic
def update_contact(
    *,
    contact: ConstituencyContact,
    by,
    kind: str,
    held_on: datetime.date,
    reached: str,
    heard: str,
    reached_count: int | None = None,
) -> ConstituencyContact:
    fields = _clean(
        kind=kind, held_on=held_on, reached=reached, heard=heard, reached_count=reached_count
    )
    for name, value in fields.items():
        setattr(contact, name, value)
    contact.save(update_fields=list(fields))
    log_change(by=by, council=contact.council, obj=contact, what="constituency-contact")
    return contact


@transaction.atomic
def delete_contact(*, contact: ConstituencyContact, by) -> None:
    """Remove a contact. An agenda item or signal made from it stays (it has a life of its own)."""
    log_change(by=by, council=contact.council, obj=contact, what="constituency-contact-deleted")
    contact.delete()


def summary_line(contact: ConstituencyContact) -> str:
    """Where a contact came from, e.g. "Bezoek aan een locatie op 3 december 2026, 12 mensen"."""
    line = _("%(kind)s op %(date)s") % {
        "kind": contact.get_kind_display(),
        "date": dutch_date(contact.held_on),
    }
    if contact.reached_count:
        line += ", " + _("%(n)s mensen") % {"n": contact.reached_count}
    return line


def agenda_text(contact: ConstituencyContact) -> tuple[str, str]:
    """The agenda item a contact becomes: its title and its description."""
    title = (_("Uit de achterban: %(who)s") % {"who": contact.reached})[:AGENDA_TITLE_MAX]
    origin = _("Uit het contact met de achterban: %(line)s.") % {"line": summary_line(contact)}
    text = f"{contact.heard}\n\n{origin}"
    if len(text) > AGENDA_TEXT_MAX:
        text = contact.heard[: AGENDA_TEXT_MAX - len(origin) - 3].rstrip() + "…\n\n" + origin
    return title, text


@transaction.atomic
def add_to_agenda(*, contact: ConstituencyContact, meeting: Meeting, by) -> AgendaItem:
    """Put what the council heard on a coming meeting's agenda, as its last item, and
    remember on the contact which item it became. A contact goes on an agenda once."""
    contact = ConstituencyContact.objects.select_for_update().get(pk=contact.pk)
    if contact.agenda_item_id is not None:
        raise CouncilworkError(_("Dit contact staat al op een agenda."))
    if meeting.council_id != contact.council_id:
        raise CouncilworkError(_("Deze vergadering hoort niet bij deze raad."))
    if meeting.cancelled_at is not None:
        raise CouncilworkError(_("Deze vergadering gaat niet door. Kies een andere."))
    if meeting.starts_at < timezone.now():
        raise CouncilworkError(_("Deze vergadering is al geweest. Kies een komende vergadering."))
    last = AgendaItem.objects.filter(meeting=meeting).aggregate(last=Max("position"))["last"]
    title, description = agenda_text(contact)
    seat = selectors.standing(by, contact.council).seat
    item = AgendaItem.objects.create(
        meeting=meeting,
        # The field is a small integer; meetings.add_agenda_item stops at the same place.
        position=0 if last is None else min(last + 1, 32000),
        title=title,
        description=description,
        owner=by if seat else None,
    )
    contact.agenda_item = item
    contact.save(update_fields=["agenda_item"])
    log_change(by=by, council=contact.council, obj=item, what="agenda-item-from-contact")
    return item


def signal_text(contact: ConstituencyContact) -> tuple[str, str]:
    """The signal's title and text to start from (the member edits them before sending)."""
    title = (_("Uit de achterban: %(who)s") % {"who": contact.reached})[:200]
    return title, contact.heard


@transaction.atomic
def report_as_signal(*, contact: ConstituencyContact, by, title: str, description: str):
    """Report what the council heard as a signal of the council (in the advocacy app), and
    remember on the contact which signal it became. Only a seat holder reports."""
    contact = (
        ConstituencyContact.objects.select_for_update().select_related("council").get(pk=contact.pk)
    )
    if not selectors.standing(by, contact.council).seat:
        raise CouncilworkError(
            _("Alleen leden van de raad kunnen een signaal melden. Vraag een lid om dit te doen.")
        )
    if contact.signal_id is not None:
        raise CouncilworkError(_("Dit contact is al gemeld als signaal."))
    try:
        signal = advocacy.report_signal(
            reporter=by, council=contact.council, title=title, description=description
        )
    except advocacy.SignalError as exc:
        raise CouncilworkError(str(exc)) from exc
    contact.signal = signal
    contact.save(update_fields=["signal"])
    audit.log(
        actor=by,
        action="councilwork.contact.signal",
        obj=contact,
        council=contact.council,
        data={"signal": signal.pk},
    )
    return signal
