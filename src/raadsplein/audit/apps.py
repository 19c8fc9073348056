from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "raadsplein.audit"
    label = "audit"
    verbose_name = _("Logboek")

    def ready(self) -> None:
        from raadsplein.accounts import personal_data
        from raadsplein.accounts.rules import is_adviseur, is_beheerder
        from raadsplein.web import navigation

        from . import services

        navigation.register_staff_link(
            key="audit",
            label=_("Logboek"),
            url_name="audit:entries",
            order=80,
            visible=is_adviseur | is_beheerder,
        )

        personal_data.register(
            key="audit",
            label=_("Logboek: wat medewerkers en anderen voor u of over u deden"),
            export=services.export_entries,
            erase=services.anonymise_person,
        )
