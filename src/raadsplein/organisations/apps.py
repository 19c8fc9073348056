from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationsConfig(AppConfig):
    name = "raadsplein.organisations"
    label = "organisations"
    verbose_name = _("Organisaties en raden")

    def ready(self) -> None:
        from raadsplein.accounts import personal_data, roles
        from raadsplein.web import navigation

        from . import panels, services

        personal_data.register(
            key="organisations",
            label=_("Zetels en lidmaatschappen"),
            export=services.export_organisation_data,
            erase=services.end_person_ties,
        )
        models = [
            "careprovider",
            "providerlocation",
            "council",
            "councilmembership",
            "individualmembership",
            "seat",
            "region",
            "caresector",
        ]
        roles.grant(roles.ADVISEUR, *(f"organisations.view_{m}" for m in models))
        roles.grant(
            roles.BEHEERDER,
            *(
                f"organisations.{action}_{m}"
                for m in models
                for action in ("view", "add", "change", "delete")
            ),
        )
        navigation.register_panel(
            key="councils",
            template="organisations/panels/councils.html",
            order=10,
            context=panels.seats_panel_context,
        )
        navigation.register(
            key="councils",
            label=_("Raden"),
            url_name="organisations:directory",
            order=80,
            visible=navigation.for_members,
        )
