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

        personal_data.register(
            key="account",
            label=_("Account en profiel"),
            export=services.export_account,
        )
