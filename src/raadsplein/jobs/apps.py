from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class JobsConfig(AppConfig):
    """Background work that survives crashes: the worker command with leases and reconnects,
    the "effect once" records, and the staff screen for failed and stuck tasks."""

    name = "raadsplein.jobs"
    label = "jobs"
    verbose_name = _("Achtergrondtaken")
