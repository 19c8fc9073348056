from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "raadsplein.audit"
    label = "audit"
    verbose_name = _("Logboek")

    def ready(self) -> None:
        from raadsplein.accounts import personal_data

        from . import services

        personal_data.register(
            key="audit",
            label=_("Logboek: wat medewerkers en anderen voor u of over u deden"),
            export=services.export_entries,
            erase=services.anonymise_person,
        )
