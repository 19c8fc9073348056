from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsletterConfig(AppConfig):
    name = "raadsplein.newsletter"
    label = "newsletter"
    verbose_name = _("Nieuwsbrief")

    def ready(self) -> None:
        from . import rules  # noqa: F401 (permissions)
