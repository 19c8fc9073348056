from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _handles_questions(user) -> bool:
    return user.has_perm("helpdesk.handle_questions")


def _staff_panel(request) -> dict:
    from . import queue

    return {"counts": {k.replace("-", "_"): n for k, n in queue.counts(request.user).items()}}


def _my_questions_panel(request) -> dict:
    from . import selectors
    from .models import Status

    open_questions = selectors.questions_for(request.user).exclude(
        status__in=(Status.ANSWERED, Status.CLOSED)
    )
    return {"questions": list(open_questions[:5])}


def _expert_panel(request) -> dict:
    from . import pools

    return {
        "pools": list(pools.pools_of(request.user)),
        "count": pools.forwards_for(request.user).count(),
    }


class HelpdeskConfig(AppConfig):
    name = "raadsplein.helpdesk"
    label = "helpdesk"
    verbose_name = _("Vraagbaak")

    def ready(self) -> None:
        from raadsplein.accounts import personal_data, roles
        from raadsplein.web import navigation

        from . import rules, services  # noqa: F401 (permissions and audit actions)
        from .personal_data import erase_helpdesk_data, export_helpdesk_data

        personal_data.register(
            key="helpdesk",
            label=_("Vragen aan de Vraagbaak"),
            export=export_helpdesk_data,
            erase=erase_helpdesk_data,
            labels={
                "vragen": _("Vragen"),
                "nummer": _("Nummer"),
                "onderwerp": _("Onderwerp"),
                "namens_raad": _("Namens de raad"),
                "gedeeld_met_raad": _("Gedeeld met de raad"),
                "gesteld_op": _("Gesteld op"),
                "berichten": _("Berichten"),
                "soort": _("Soort"),
                "datum": _("Datum"),
                "tekst": _("Tekst"),
                "bijlagen": _("Bijlagen"),
                "tevredenheid": _("Tevredenheid"),
                "score": _("Score"),
                "toelichting": _("Toelichting"),
            },
        )

        from .personal_data import erase_pool_data, export_pool_data
        from .rules import is_expert

        personal_data.register(
            key="helpdesk_pools",
            label=_("Expertpools van de Vraagbaak"),
            export=export_pool_data,
            erase=erase_pool_data,
            labels={
                "expertpools": _("Expertpools"),
                "pool": _("Pool"),
                "lid_sinds": _("Lid sinds"),
                "lid_tot": _("Lid tot en met"),
                "antwoorden": _("Uw antwoorden"),
                "nummer": _("Nummer"),
                "aan_de_raad": _("Direct aan de raad"),
                "datum": _("Datum"),
                "tekst": _("Tekst"),
            },
        )
        # A panel, not a header link: the header is on every page and must not cost a query.
        navigation.register_panel(
            key="helpdesk_expert",
            template="helpdesk/panels/expert_pool.html",
            order=51,
            context=_expert_panel,
            visible=is_expert,
        )
        navigation.register(
            key="helpdesk",
            label=_("Vraagbaak"),
            url_name="helpdesk:my_questions",
            order=50,
            visible=navigation.for_members,
        )
        navigation.register_panel(
            key="helpdesk",
            template="helpdesk/panels/my_questions.html",
            order=50,
            context=_my_questions_panel,
            visible=navigation.for_members,
        )
        navigation.register_staff_link(
            key="helpdesk",
            label=_("Vraagbaak: vragen behandelen"),
            url_name="helpdesk_staff:queue",
            order=5,
            visible=_handles_questions,
        )
        navigation.register_staff_panel(
            key="helpdesk",
            template="helpdesk/panels/staff_queue.html",
            order=5,
            context=_staff_panel,
            visible=_handles_questions,
        )
        crud = ("view", "add", "change", "delete")
        for group in (roles.ADVISEUR, roles.BEHEERDER):
            roles.grant(group, *(f"helpdesk.{a}_closedday" for a in crud))
        for group in (roles.ADVISEUR, roles.BEHEERDER):
            roles.grant(group, *(f"helpdesk.{a}_expertpool" for a in crud))
            roles.grant(group, *(f"helpdesk.{a}_poolmember" for a in crud))
        for group in (roles.ADVISEUR, roles.REDACTEUR, roles.BEHEERDER):
            roles.grant(group, *(f"helpdesk.{a}_cannedanswer" for a in crud))
