"""The organisation's staff roles. Each is a Django group; permissions are set in services."""

from django.utils.translation import gettext_lazy as _

ADVISEUR = "Adviseurs"
REDACTEUR = "Redacteuren"
BEHEERDER = "Beheerders"
BELEIDSADVISEUR = "Beleidsadviseurs"
STAFF_GROUPS = (ADVISEUR, REDACTEUR, BEHEERDER, BELEIDSADVISEUR)

LABELS = {
    ADVISEUR: _("Adviseur"),
    REDACTEUR: _("Redacteur"),
    BEHEERDER: _("Beheerder"),
    BELEIDSADVISEUR: _("Beleidsadviseur"),
}

# Model permissions each role gets, as "app_label.codename". Apps add theirs in ready().
_grants: dict[str, set[str]] = {group: set() for group in STAFF_GROUPS}


def grant(group: str, *perms: str) -> None:
    """Give a staff group model permissions; applied after every migrate."""
    _grants[group].update(perms)


def grants() -> dict[str, frozenset[str]]:
    return {group: frozenset(perms) for group, perms in _grants.items()}


grant(ADVISEUR, "wagtailadmin.access_admin")
grant(BELEIDSADVISEUR, "wagtailadmin.access_admin")
grant(
    REDACTEUR,
    "wagtailadmin.access_admin",
    "wagtaildocs.add_document",
    "wagtaildocs.change_document",
    "wagtaildocs.delete_document",
    "wagtailimages.add_image",
    "wagtailimages.change_image",
    "wagtailimages.delete_image",
    "wagtailimages.choose_image",
    "wagtaildocs.choose_document",
)
grant(
    BEHEERDER,
    "wagtailadmin.access_admin",
    "accounts.view_user",
    "accounts.change_user",
    "accounts.add_user",
    "auth.view_group",
)
