from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _panel(request) -> dict:
    """Mijn Raadsplein: per council whose workspace the person may enter, the next meeting
    and the nearest open deadline."""
    from . import selectors

    return {"workspaces": selectors.workspace_summaries(request.user)}


def _sits_anywhere(user) -> bool:
    from raadsplein.organisations.rules import is_member

    return is_member(user)


class CouncilworkConfig(AppConfig):
    name = "raadsplein.councilwork"
    label = "councilwork"
    verbose_name = _("Raadswerk")

    def ready(self) -> None:
        from raadsplein.web import navigation

        from . import personal_data, rules  # noqa: F401 (rules: permissions)

        navigation.register(
            key="councilwork",
            label=_("Raadswerk"),
            url_name="councilwork:index",
            order=60,
            visible=_sits_anywhere,
        )
        navigation.register_panel(
            key="councilwork",
            template="councilwork/panels/workspaces.html",
            order=12,
            context=_panel,
        )
        personal_data.register()

        from raadsplein.accounts import roles

        crud = ("add", "change", "delete", "view")
        for group in (roles.REDACTEUR, roles.BEHEERDER):
            for model in ("legalsubject", "legalrule", "lettertemplate"):
                roles.grant(group, *(f"councilwork.{a}_{model}" for a in crud))
