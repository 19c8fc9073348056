from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KnowledgeConfig(AppConfig):
    name = "raadsplein.knowledge"
    label = "knowledge"
    verbose_name = _("Kenniscentrum")

    def ready(self) -> None:
        from raadsplein.accounts import roles
        from raadsplein.web import files, navigation, sitemaps

        from . import panels, signals, staff_panels
        from .models import KnowledgeIndexPage, PublicationPage
        from .rules import can_view_publication

        signals.connect()
        navigation.register(
            key="knowledge", label=_("Kennisbank"), url_name="knowledge:index", order=20
        )
        navigation.set_site_search(url_name="knowledge:search", label=_("Zoek in de kennisbank"))
        sitemaps.register(key="knowledge", url_name="knowledge:sitemap")
        navigation.register_panel(
            key="knowledge",
            template="knowledge/panels/latest.html",
            order=20,
            context=panels.latest,
        )
        navigation.register_staff_panel(
            key="knowledge",
            template="knowledge/panels/staff_recent.html",
            order=20,
            context=staff_panels.recent,
        )
        navigation.register_staff_panel(
            key="knowledge-zero-results",
            template="knowledge/panels/staff_zero_results.html",
            order=21,
            context=staff_panels.zero_result_queries,
            visible=staff_panels.may_see_zero_results,
        )
        navigation.register_staff_link(
            key="knowledge",
            label=_("Publicaties beheren"),
            url_name="wagtailadmin_explore_root",
            order=20,
        )
        files.register(
            PublicationPage,
            live=lambda page: page.live,
            may_view=can_view_publication,
            open_to_members=True,
        )
        files.register(
            KnowledgeIndexPage, live=lambda page: page.live, may_view=lambda user, page: True
        )
        editor_perms = [
            f"knowledge.{action}_{model}"
            for model in ("theme", "synonym")
            for action in ("add", "change", "delete", "view")
        ]
        roles.grant(roles.REDACTEUR, *editor_perms)
        roles.grant(roles.BEHEERDER, *editor_perms)
