from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "raadsplein.knowledge"
    label = "knowledge"
    verbose_name = _("Kenniscentrum")

    def ready(self) -> None:
        from raadsplein.accounts import roles
        from raadsplein.web import demo as demo_registry
        from raadsplein.web import navigation

        from . import demo, panels, signals

        signals.connect()
        navigation.register(
            key="knowledge", label=_("Kennisbank"), url_name="knowledge:index", order=20
        )
        navigation.set_site_search(url_name="knowledge:search", label=_("Zoek in de kennisbank"))
        navigation.register_panel(
            key="knowledge",
            template="knowledge/panels/latest.html",
            order=20,
            context=panels.latest,
        )
        demo_registry.register(key="knowledge", order=20, build=demo.build)
        editor_perms = [
            f"knowledge.{action}_{model}"
            for model in ("theme", "synonym")
            for action in ("add", "change", "delete", "view")
        ]
        roles.grant(roles.REDACTEUR, *editor_perms)
        roles.grant(roles.BEHEERDER, *editor_perms)
