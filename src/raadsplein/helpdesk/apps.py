from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HelpdeskConfig(AppConfig):
    name = "raadsplein.helpdesk"
    label = "helpdesk"
    verbose_name = _("Vraagbaak")

    def ready(self) -> None:
        from raadsplein.accounts import personal_data, roles

        from . import rules, services  # noqa: F401 (permissions and audit actions)
        from .personal_data import erase_helpdesk_data, export_helpdesk_data

        personal_data.register(
            key="helpdesk",
            label=_("Vragen aan de Vraagbaak"),
            export=export_helpdesk_data,
            erase=erase_helpdesk_data,
        )

        roles.grant(
            roles.ADVISEUR,
            *(f"helpdesk.{a}_closedday" for a in ("view", "add", "change", "delete")),
        )
        roles.grant(
            roles.BEHEERDER,
            *(f"helpdesk.{a}_closedday" for a in ("view", "add", "change", "delete")),
        )
