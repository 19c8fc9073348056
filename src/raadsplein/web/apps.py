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
        files.register(HomePage, live=lambda page: page.live, may_view=lambda user, page: True)
        navigation.register_panel(
            key="coming",
            template="web/panels/coming.html",
            order=900,
        )
