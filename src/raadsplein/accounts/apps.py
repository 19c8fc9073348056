from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "raadsplein.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from . import services

        # Staff groups need the permissions of every app, which exist only after migrate.
        post_migrate.connect(services.ensure_staff_groups_after_migrate, dispatch_uid="staffgroups")
        from . import personal_data
        from .models import FormOfAddress, Language, TextSize

        personal_data.register(
            key="account",
            label=_("Account en profiel"),
            export=services.export_account,
            labels={
                "email": _("E-mailadres"),
                "first_name": _("Voornaam"),
                "last_name": _("Achternaam"),
                "form_of_address": _("Aanspreekvorm"),
                "text_size": _("Tekstgrootte"),
                "reduce_motion": _("Minder beweging"),
                "language": _("Taal van e-mails"),
                "date_joined": _("Account gemaakt op"),
                "last_login": _("Laatst ingelogd"),
                "email_addresses": _("E-mailadressen"),
                "verified": _("Bevestigd"),
                "primary": _("Hoofdadres"),
                "two_factor_methods": _("Inloggen in twee stappen"),
                "api_tokens": _("API-sleutels"),
            },
            choices={
                "form_of_address": dict(FormOfAddress.choices),
                "text_size": dict(TextSize.choices),
                "language": {"": _("Nederlands"), **dict(Language.choices)},
                "two_factor_methods": {
                    "totp": _("Code-app"),
                    "recovery_codes": _("Herstelcodes"),
                },
            },
        )
