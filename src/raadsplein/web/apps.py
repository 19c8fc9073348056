from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class WebConfig(AppConfig):
    name = "raadsplein.web"
    label = "web"
    verbose_name = _("Website")

    def ready(self) -> None:
        from . import files, lookups, navigation
        from .caching import connect_invalidation
        from .models import HomePage

        lookups.register()

        # Visitors' stored pages and the site lookup are dropped when content changes.
        connect_invalidation()

        navigation.register(
            key="dashboard",
            label=_("Mijn Raadsplein"),
            url_name="web:dashboard",
            order=10,
            visible=navigation.for_signed_in,
        )
        navigation.register(
            key="staff",
            label=_("Medewerkers"),
            url_name="web:staff_home",
            order=95,
            visible=navigation.for_staff,
        )
        navigation.register_staff_link(
            key="admin",
            label=_("Beheer van de inhoud (Wagtail)"),
            url_name="wagtailadmin_home",
            order=1,
        )
        files.register(HomePage, live=lambda page: page.live, may_view=lambda user, page: True)
        navigation.register_panel(
            key="coming",
            template="web/panels/coming.html",
            order=900,
        )
