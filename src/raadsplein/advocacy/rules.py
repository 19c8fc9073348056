"""Who may do what with signals. The one place for these permissions.

A signal belongs to its council: the council's seat holders see it whole. Other councils see
it only through ``selectors.public_view`` (no council name unless the council chose to be
named, no care provider when it is kept back, no reporter ever). Policy advisors
(beleidsadviseurs) sort signals and keep dossiers; every staff member may read the dashboard.
"""

import rules

from raadsplein.accounts.rules import is_beheerder, is_beleidsadviseur, is_staff_member
from raadsplein.organisations.rules import has_membership, holds_seat_on, is_member


@rules.predicate
def sits_on_council_of(user, signal) -> bool:
    return signal is not None and holds_seat_on(user, signal.council)


@rules.predicate
def cosigned_by_council_of(user, signal) -> bool:
    """The viewer sits on a council that co-signed (and did not withdraw)."""
    if signal is None or not getattr(user, "is_authenticated", False):
        return False
    from .selectors import council_ids_of

    ids = council_ids_of(user)
    return (
        bool(ids)
        and signal.cosignatures.filter(council_id__in=ids, withdrawn_at__isnull=True).exists()
    )


@rules.predicate
def reported(user, signal) -> bool:
    return signal is not None and bool(signal.reporter_id) and signal.reporter_id == user.pk


is_policy = is_beleidsadviseur | is_beheerder

rules.add_perm("advocacy.report_signal", has_membership)
rules.add_perm("advocacy.cosign_signal", has_membership)
# Whole signal, with the feedback: its own council, and the councils that co-signed it.
rules.add_perm("advocacy.view_own_signal", sits_on_council_of | cosigned_by_council_of | is_policy)
# The anonymised view other councils get.
rules.add_perm("advocacy.view_shared_signal", is_member)
rules.add_perm("advocacy.triage_signals", is_policy)
rules.add_perm("advocacy.manage_dossiers", is_policy)
rules.add_perm("advocacy.view_dashboard", is_staff_member)
rules.add_perm("advocacy.view_stats", is_member)
# Files on a signal: its own council and policy staff; never other councils, not even the
# councils that co-signed (a file may name people or the provider).
rules.add_perm("advocacy.view_signal_files", sits_on_council_of | is_policy)
# Staff's question to the reporter: the reporter, or a seat holder of the signal's council
# (not the councils that co-signed).
rules.add_perm("advocacy.answer_question", reported | sits_on_council_of)


@rules.predicate
def has_signal_in_dossier(user, dossier) -> bool:
    """A council of the viewer reported or co-signed (and did not withdraw) a signal in it."""
    if dossier is None or not getattr(user, "is_authenticated", False):
        return False
    from .selectors import council_ids_of

    ids = council_ids_of(user)
    if not ids:
        return False
    signals = dossier.signals.all()
    return (
        signals.filter(council_id__in=ids).exists()
        or signals.filter(
            cosignatures__council_id__in=ids, cosignatures__withdrawn_at__isnull=True
        ).exists()
    )


# What a dossier did with the signals: the councils with a signal in it, and policy staff.
rules.add_perm("advocacy.view_dossier", has_signal_in_dossier | is_policy)
