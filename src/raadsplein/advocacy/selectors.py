"""Every reusable read of signals, scoped to who reads.

- ``council_ids_of(person)``: the councils a person may report for (a current seat on a
  member council).
- ``signals_of_person(person)``: "Mijn signalen": signals of the person's councils and those
  their councils co-signed (merged signals are shown through the signal they went into).
- ``shared_signals()``: what other councils may see at all (not merged, not withdrawn).
- ``public_label(...)``: how a council is shown to other councils.
- ``triage_signals()``: the policy staff's list, with what the list shows loaded.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.organisations.models import CouncilKind, Seat
from raadsplein.organisations.selectors import member_councils

from .models import CoSignature, HistoryEntry, Signal, State


def council_ids_of(person) -> list[int]:
    """Member councils the person holds a current seat on (kept on the person object for the
    request)."""
    if not getattr(person, "is_authenticated", False):
        return []
    cached = getattr(person, "_advocacy_council_ids", None)
    if cached is None:
        today = timezone.localdate()
        cached = sorted(
            Seat.objects.filter(Seat.current_q(today), person=person)
            .filter(council__in=member_councils(today=today))
            .values_list("council_id", flat=True)
            .distinct()
        )
        person._advocacy_council_ids = cached
    return cached


def initial_state() -> State:
    return State.objects.get(is_initial=True)


def active_cosignatures() -> QuerySet[CoSignature]:
    return CoSignature.objects.filter(withdrawn_at__isnull=True)


def with_counts(qs: QuerySet[Signal]) -> QuerySet[Signal]:
    """Adds ``cosign_count``: councils that co-signed and did not withdraw."""
    return qs.annotate(
        cosign_count=Count(
            "cosignatures", filter=Q(cosignatures__withdrawn_at__isnull=True), distinct=True
        )
    )


def signals_of_person(person) -> QuerySet[Signal]:
    ids = council_ids_of(person)
    if not ids:
        return Signal.objects.none()
    cosigned = active_cosignatures().filter(signal=OuterRef("pk"), council_id__in=ids)
    return with_counts(
        Signal.objects.filter(Q(council_id__in=ids) | Q(Exists(cosigned)))
        .filter(merged_into__isnull=True)
        .select_related("council", "public_state", "state")
        .prefetch_related("themes", "sectors")
    )


def shared_signals() -> QuerySet[Signal]:
    """Signals other councils may find (suggestions, the shared list): not merged away."""
    return with_counts(
        Signal.objects.filter(merged_into__isnull=True)
        .select_related("council", "public_state", "provider")
        .prefetch_related("themes", "sectors", "council__sectors")
    )


def triage_signals() -> QuerySet[Signal]:
    return with_counts(
        Signal.objects.select_related(
            "council", "state", "public_state", "assigned_to", "provider", "merged_into"
        ).prefetch_related("themes", "sectors", "tags")
    )


def visible_history(signal: Signal) -> QuerySet[HistoryEntry]:
    """What the signal's councils see of its history: entries marked for them."""
    return signal.history.filter(visible_to_councils=True).select_related("state")


def full_history(signal: Signal) -> QuerySet[HistoryEntry]:
    return signal.history.select_related("state", "actor")


def cosignature_of(signal: Signal, council_ids) -> CoSignature | None:
    return (
        signal.cosignatures.filter(council_id__in=list(council_ids))
        .select_related("council")
        .first()
    )


_KIND_WORDS = {
    CouncilKind.CENTRAL: gettext_lazy("een centrale cliëntenraad"),
    CouncilKind.LOCAL: gettext_lazy("een lokale cliëntenraad"),
    CouncilKind.RELATIVES: gettext_lazy("een verwantenraad"),
    CouncilKind.YOUTH: gettext_lazy("een jeugdraad"),
    CouncilKind.PARENTS: gettext_lazy("een ouderraad"),
}


def _in_sentence(name: str) -> str:
    """A name as it reads inside a sentence: "Ouderenzorg (VVT)" → "ouderenzorg (VVT)"; an
    abbreviation at the start ("GGZ") stays as it is."""
    if name[:2].isupper():
        return name
    return name[:1].lower() + name[1:]


def public_label(*, council, sector=None, province: str = "", named: bool = False) -> str:
    """How other councils see who reported or co-signed: "een cliëntenraad in de ouderenzorg
    in Gelderland", or the council's name when it chose to be named."""
    if named:
        return council.name
    from raadsplein.organisations.models import Province

    words = [str(_KIND_WORDS.get(council.kind) or _("een cliëntenraad"))]
    if sector is not None:
        words.append(_("in de %(sector)s") % {"sector": _in_sentence(sector.name)})
    if province:
        words.append(_("in %(province)s") % {"province": Province(province).label})
    return " ".join(words)


def signal_label(signal: Signal) -> str:
    """The reporter's council as other councils see it (the signal's first sector)."""
    sectors = list(signal.sectors.all())
    return public_label(
        council=signal.council,
        sector=sectors[0] if sectors else None,
        province=signal.province,
        named=signal.named,
    )
