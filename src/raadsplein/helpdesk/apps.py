from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "raadsplein.helpdesk"
    label = "helpdesk"
    verbose_name = _("Vraagbaak")

    def ready(self) -> None:
        from raadsplein.accounts import roles

        roles.grant(
            roles.ADVISEUR,
            *(f"helpdesk.{a}_closedday" for a in ("view", "add", "change", "delete")),
        )
        roles.grant(
            roles.BEHEERDER,
            *(f"helpdesk.{a}_closedday" for a in ("view", "add", "change", "delete")),
        )
