"""Who may do what with the newsletter. The one place for these permissions.

Editors (Redacteuren) and administrators (Beheerders) compose and send editions, keep the
subscriber list and segments. Everyone may subscribe, read the public archive and the public
news; items for members show a teaser to others.
"""

import rules

from raadsplein.accounts.rules import is_beheerder, is_redacteur
from raadsplein.organisations.rules import is_member

is_newsletter_editor = is_redacteur | is_beheerder

rules.add_perm("newsletter.manage_newsletter", is_newsletter_editor)
rules.add_perm("newsletter.send_edition", is_newsletter_editor)
rules.add_perm("newsletter.manage_subscribers", is_newsletter_editor)

# Zorg & Zeggenschap: the issues, their articles and PDFs are for members (and staff).
can_view_magazine = is_member
rules.add_perm("newsletter.view_magazine", can_view_magazine)
