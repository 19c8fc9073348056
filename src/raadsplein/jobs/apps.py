from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Background work that survives crashes: the worker command with leases and reconnects,
    the "effect once" records, and the staff screen for failed and stuck tasks."""

    name = "raadsplein.jobs"
    label = "jobs"
    verbose_name = _("Achtergrondtaken")

    def ready(self) -> None:
        from raadsplein.accounts.rules import is_beheerder
        from raadsplein.web import navigation

        from . import staff_panels

        navigation.register_staff_panel(
            key="jobs",
            template="jobs/panels/staff_attention.html",
            order=90,
            context=staff_panels.attention,
            visible=is_beheerder,
        )
        navigation.register_staff_link(
            key="jobs",
            label=_("Achtergrondtaken"),
            url_name="jobs_tasks",
            order=90,
            visible=is_beheerder,
        )
