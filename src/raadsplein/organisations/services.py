"""Writes about providers, councils, memberships and seats."""

import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from raadsplein.audit import services as audit

from .models import (
    CareProvider,
    CareSector,
    Council,
    CouncilMembership,
    CouncilMessage,
    IndividualMembership,
    MembershipStatus,
    ProviderLocation,
    Seat,
    SeatRole,
)

audit.register_action("organisations.seat.assigned", _("Zetel in een raad toegekend"))
audit.register_action(
    "organisations.individual_membership.started", _("Persoonlijk lidmaatschap gestart")
)
audit.register_action(
    "organisations.council_membership.started", _("Lidmaatschap van een raad gestart")
)
audit.register_action(
    "organisations.council.officer_roles_changed", _("Rollen die namens de raad handelen gewijzigd")
)
audit.register_action(
    "organisations.council.profile_changed", _("Profiel van een raad voor andere raden gewijzigd")
)
audit.register_action("organisations.council.contacted", _("Bericht aan een raad gestuurd"))

#: How many messages one person may send to councils in 24 hours.
MESSAGES_PER_DAY = 5


class ContactError(Exception):
    """A message that cannot be sent; ``message`` is Dutch, for the person. Nothing is kept."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@transaction.atomic
def create_provider(
    *,
    name: str,
    sectors: list[str] | None = None,
    provides_long_term_care: bool = False,
    locations: list[tuple[str, str]] | None = None,
) -> CareProvider:
    """Create a care provider with its sectors (codes) and locations ((place, province))."""
    provider = CareProvider(name=name, provides_long_term_care=provides_long_term_care)
    provider.full_clean()
    provider.save()
    if sectors:
        provider.sectors.set(CareSector.objects.filter(code__in=sectors))
    for place, province in locations or []:
        location = ProviderLocation(provider=provider, place=place, province=province)
        location.full_clean()
        location.save()
    return provider


@transaction.atomic
def create_council(
    *,
    provider: CareProvider,
    name: str,
    kind: str,
    province: str,
    sectors: list[str] | None = None,
    parent: Council | None = None,
    region=None,
) -> Council:
    council = Council(
        provider=provider, name=name, kind=kind, province=province, parent=parent, region=region
    )
    council.full_clean()
    council.save()
    if sectors:
        council.sectors.set(CareSector.objects.filter(code__in=sectors))
    return council


@transaction.atomic
def start_council_membership(
    *,
    council: Council,
    kind: str = "standard",
    start_date: datetime.date | None = None,
    status: str = MembershipStatus.ACTIVE,
    by=None,
) -> CouncilMembership:
    """Record a council's membership; an earlier active one is ended the day before.
    ``by``: who recorded it (None: the system, e.g. an import), kept in the audit trail."""
    start_date = start_date or timezone.localdate()
    if status == MembershipStatus.ACTIVE:
        for old in CouncilMembership.objects.select_for_update().filter(
            council=council, status=MembershipStatus.ACTIVE
        ):
            old.status = MembershipStatus.ENDED
            old.end_date = max(old.start_date, start_date - datetime.timedelta(days=1))
            old.save(update_fields=["status", "end_date"])
    membership = CouncilMembership(council=council, kind=kind, status=status, start_date=start_date)
    membership.full_clean()
    membership.save()
    audit.log(
        actor=by,
        action="organisations.council_membership.started",
        obj=membership,
        council=council,
        data={"kind": kind, "status": status, "start_date": start_date.isoformat()},
    )
    return membership


@transaction.atomic
def start_individual_membership(
    *,
    person,
    kind: str,
    start_date: datetime.date | None = None,
    status: str = MembershipStatus.ACTIVE,
    by=None,
) -> IndividualMembership:
    """A person's own membership (lid, vriend, …); ``by`` is kept in the audit trail."""
    membership = IndividualMembership(
        person=person, kind=kind, status=status, start_date=start_date or timezone.localdate()
    )
    membership.full_clean()
    membership.save()
    audit.log(
        actor=by,
        action="organisations.individual_membership.started",
        obj=membership,
        subject=person,
        data={"kind": kind, "status": status},
    )
    return membership


@transaction.atomic
def assign_seat(
    *,
    person,
    council: Council,
    role: str,
    start_date: datetime.date,
    end_date: datetime.date | None = None,
    by=None,
) -> Seat:
    """Give a person a seat on a council: the access grant to the council's pages and to
    booking for it (chair, secretary). ``by`` is kept in the audit trail."""
    seat = Seat(person=person, council=council, role=role, start_date=start_date, end_date=end_date)
    seat.full_clean()
    seat.save()
    audit.log(
        actor=by,
        action="organisations.seat.assigned",
        obj=seat,
        subject=person,
        council=council,
        data={"role": role, "start_date": start_date.isoformat()},
    )
    return seat


@transaction.atomic
def set_officer_roles(*, council: Council, roles: list[str], by) -> Council:
    """Choose which seat roles act for the council; the chair always does. Kept in the audit
    trail. Raises ``ValidationError`` (nothing changes) for an unknown role."""
    chosen = sorted({SeatRole.VOORZITTER.value, *roles})
    before = sorted(council.officer_role_set())
    council.officer_roles = chosen
    council.full_clean(exclude=["provider", "parent", "region", "sectors"])
    if chosen != before:
        council.save(update_fields=["officer_roles"])
        audit.log(
            actor=by,
            action="organisations.council.officer_roles_changed",
            obj=council,
            council=council,
            data={"before": ", ".join(before), "after": ", ".join(chosen)},
        )
    return council


@transaction.atomic
def set_council_profile(*, council: Council, visible: bool, text: str, by) -> Council:
    """What other councils may see of this council; kept in the audit trail."""
    text = text.strip()
    if (council.profile_visible, council.profile_text) != (visible, text):
        council.profile_visible = visible
        council.profile_text = text
        council.full_clean(exclude=["provider", "parent", "region", "sectors"])
        council.save(update_fields=["profile_visible", "profile_text"])
        audit.log(
            actor=by,
            action="organisations.council.profile_changed",
            obj=council,
            council=council,
            data={"visible": visible},
        )
    return council


def message_recipients(council: Council) -> list:
    """Who reads the council's messages: its officers, else everyone with a current seat."""
    from . import selectors

    seats = list(selectors.council_seats(council))
    roles = council.officer_role_set()
    officers = [s.person for s in seats if s.role in roles]
    people = officers or [s.person for s in seats]
    return list({p.pk: p for p in people if p.is_active and p.email}.values())


@transaction.atomic
def contact_council(*, council: Council, sender, body: str, now=None) -> CouncilMessage:
    """Pass a member's message on to another council's officers (by mail, in the background).
    The council must show its profile; nobody sees an address. Raises ``ContactError``."""
    from . import selectors, tasks

    now = now or timezone.now()
    if not council.profile_visible or not council_is_member(council):
        raise ContactError(_("Deze raad ontvangt geen berichten via Raadsplein."))
    if any(seat.council_id == council.pk for seat in selectors.current_seats_for(sender)):
        raise ContactError(_("Dit is uw eigen raad. U kunt de andere leden zelf bereiken."))
    if not message_recipients(council):
        raise ContactError(
            _("Deze raad kan nu geen berichten ontvangen. Probeer het later nog eens.")
        )
    since = now - datetime.timedelta(days=1)
    if CouncilMessage.objects.filter(sender=sender, created_at__gte=since).count() >= (
        MESSAGES_PER_DAY
    ):
        raise ContactError(
            _("U heeft vandaag al %(n)s berichten gestuurd. Morgen kan het weer.")
            % {"n": MESSAGES_PER_DAY}
        )
    message = CouncilMessage.objects.create(council=council, sender=sender, body=body.strip())
    audit.log(
        actor=sender,
        action="organisations.council.contacted",
        obj=council,
        subject=sender,
        council=council,
    )
    transaction.on_commit(lambda: tasks.deliver_council_message.enqueue(message.pk))
    return message


def council_is_member(council: Council) -> bool:
    from . import selectors

    return selectors.member_councils().filter(pk=council.pk).exists()


def deliver_council_message(*, message_id: int) -> bool:
    """Send a council message to its recipients once; then forget its text. Safe to run
    twice (``jobs.once``). Returns whether this run sent it."""
    from raadsplein.jobs.services import once

    from . import emails

    with once(f"organisations.council_message:{message_id}") as first:
        if not first:
            return False
        message = (
            CouncilMessage.objects.select_for_update()
            .select_related("council", "sender")
            .filter(pk=message_id, sent_at__isnull=True)
            .first()
        )
        if message is None:
            return False
        emails.send_council_message(message, recipients=message_recipients(message.council))
        message.body = ""
        message.sent_at = timezone.now()
        message.save(update_fields=["body", "sent_at"])
        return True


def export_organisation_data(person) -> dict[str, Any]:
    seats = Seat.objects.filter(person=person).select_related("council", "council__provider")
    memberships = IndividualMembership.objects.filter(person=person)
    return {
        "seats": [
            {
                "council": seat.council.name,
                "provider": seat.council.provider.name,
                "role": seat.get_role_display(),
                "start_date": seat.start_date.isoformat(),
                "end_date": seat.end_date.isoformat() if seat.end_date else None,
            }
            for seat in seats.order_by("-start_date")
        ],
        "individual_memberships": [
            {
                "kind": m.get_kind_display(),
                "status": m.get_status_display(),
                "start_date": m.start_date.isoformat(),
                "end_date": m.end_date.isoformat() if m.end_date else None,
            }
            for m in memberships.order_by("-start_date")
        ],
        # What is kept of messages to other councils: to whom and when (the text is gone
        # once it is sent).
        "council_messages": [
            {"council": m.council.name, "created_at": m.created_at.isoformat()}
            for m in CouncilMessage.objects.filter(sender=person)
            .select_related("council")
            .order_by("-created_at")
        ],
    }


def end_person_ties(person) -> None:
    """On erasure: end the person's seats and memberships today (the records stay for the
    council's history, but point to an anonymised account) and drop their messages."""
    today = timezone.localdate()
    CouncilMessage.objects.filter(sender=person).delete()
    for seat in Seat.objects.filter(Seat.current_q(today), person=person):
        seat.end_date = max(seat.start_date, today)
        seat.save(update_fields=["end_date"])
    for membership in IndividualMembership.objects.filter(person=person).exclude(
        status=MembershipStatus.ENDED
    ):
        membership.status = MembershipStatus.ENDED
        membership.end_date = max(membership.start_date, today)
        membership.save(update_fields=["status", "end_date"])
