"""Who may see and retry background tasks: administrators (beheerders)."""

import rules

from raadsplein.accounts.rules import is_beheerder

rules.add_perm("jobs.manage_tasks", is_beheerder)
