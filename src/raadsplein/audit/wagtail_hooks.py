"""A read-only way into the audit trail from the Wagtail admin: a menu item to the staff page.
Entries cannot be added, changed or deleted there."""

from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem


class AuditMenuItem(MenuItem):
    def is_shown(self, request) -> bool:
        return request.user.has_perm("audit.view_entries")


@hooks.register("register_admin_menu_item")
def register_audit_menu_item():
    return AuditMenuItem(
        _("Logboek"), reverse_lazy("audit:entries"), icon_name="history", order=900
    )
