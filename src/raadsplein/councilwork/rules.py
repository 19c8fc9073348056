"""Who may do what in a council's workspace. The one place for these permissions.

- Seat holders of the council see the workspace and contribute (an achterban contact, a
  comment on the scheme, a document).
- The council's officers (``Council.officer_roles``: chair and secretary unless the council
  chose otherwise) manage it: meetings, trajectories, letters, the scheme's settings, vacancies
  and candidates, advisors' access, the year plan and annual report.
- An advisor of the organisation sees and contributes only while the council has granted them
  access (``AdvisorAccess``, with an end date); every visit is logged. Other staff — editors,
  administrators included — see nothing: there is no staff bypass.
"""

import rules

from . import selectors


@rules.predicate
def sits_on(user, council) -> bool:
    return council is not None and selectors.standing(user, council).seat


@rules.predicate
def is_officer(user, council) -> bool:
    return council is not None and selectors.standing(user, council).officer


@rules.predicate
def has_advisor_access(user, council) -> bool:
    return council is not None and selectors.standing(user, council).advisor


sees_workspace = sits_on | has_advisor_access

rules.add_perm("councilwork.view_workspace", sees_workspace)
rules.add_perm("councilwork.contribute", sees_workspace)
rules.add_perm("councilwork.manage_workspace", is_officer)
# Candidates' details and who is let in: officers only, never an advisor.
rules.add_perm("councilwork.view_candidates", is_officer)
rules.add_perm("councilwork.grant_access", is_officer)
