"""Who may read the audit trail: advisors and administrators (not editors, who do not work
with people's bookings or accounts)."""

import rules

from raadsplein.accounts.rules import is_adviseur, is_beheerder

rules.add_perm("audit.view_entries", is_adviseur | is_beheerder)
