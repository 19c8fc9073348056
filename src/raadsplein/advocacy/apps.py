from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _may_see_action(user, action) -> bool:
    """A dossier's document: policy staff, or a member of a council with a signal in it
    (reported or co-signed), when the action is shown to councils."""
    if user.has_perm("advocacy.manage_dossiers"):
        return True
    if not action.visible_to_councils:
        return False
    from . import selectors

    ids = selectors.council_ids_of(user)
    if not ids:
        return False
    signals = action.dossier.signals.all()
    return (
        signals.filter(council_id__in=ids).exists()
        or signals.filter(
            cosignatures__council_id__in=ids, cosignatures__withdrawn_at__isnull=True
        ).exists()
    )


def _take_over_vraagbaak_signals(sender, **kwargs) -> None:
    # The Vraagbaak's signals that waited for this app (safe to run after every migrate).
    from .intake import take_over_waiting

    take_over_waiting()


def _default_states(sender, **kwargs) -> None:
    # A flushed test database has no states; reporting needs one (states.py).
    from .states import ensure_default_states

    ensure_default_states()


def _my_signals_panel(request) -> dict:
    from . import selectors

    return {"signals": list(selectors.signals_of_person(request.user)[:5])}


def _sits_on_a_council(user) -> bool:
    from . import selectors

    return bool(selectors.council_ids_of(user))


def _makes_reports(user) -> bool:
    return user.has_perm("advocacy.manage_dossiers")


def _triages(user) -> bool:
    return user.has_perm("advocacy.triage_signals")


def _staff_panel(request) -> dict:
    from . import triage_selectors

    return triage_selectors.panel_counts(request.user)


class AdvocacyConfig(AppConfig):
    name = "raadsplein.advocacy"
    label = "advocacy"
    verbose_name = _("Signalen")

    def ready(self) -> None:
        from raadsplein.accounts import roles
        from raadsplein.web import files, navigation

        from . import retention, rules, services  # noqa: F401 (permissions and audit actions)
        from .models import DossierAction

        files.register(
            DossierAction,
            live=lambda action: True,
            may_view=_may_see_action,
            select_related=("dossier",),
        )
        # The councils' side: "Mijn signalen" in the header for members, and a panel on Mijn
        # Raadsplein for who sits on a council (one query, kept on the person per request).
        navigation.register(
            key="advocacy",
            label=_("Signalen"),
            url_name="advocacy:mine",
            order=55,
            visible=navigation.for_members,
        )
        navigation.register_panel(
            key="advocacy",
            template="advocacy/panels/my_signals.html",
            order=55,
            context=_my_signals_panel,
            visible=_sits_on_a_council,
        )
        # The policy staff's side: the triage list and the dossiers.
        navigation.register_staff_link(
            key="advocacy",
            label=_("Signalen behandelen"),
            url_name="advocacy_staff:triage",
            order=10,
            visible=_triages,
        )
        navigation.register_staff_link(
            key="advocacy_dossiers",
            label=_("Dossiers van signalen"),
            url_name="advocacy_staff:dossiers",
            order=11,
            visible=_triages,
        )
        navigation.register_staff_panel(
            key="advocacy",
            template="advocacy/panels/staff_triage.html",
            order=10,
            context=_staff_panel,
            visible=_triages,
        )
        crud = ("view", "add", "change", "delete")
        for group in (roles.BELEIDSADVISEUR, roles.BEHEERDER):
            roles.grant(group, *(f"advocacy.{a}_state" for a in crud))
            roles.grant(group, *(f"advocacy.{a}_tag" for a in crud))

        # From the Vraagbaak (part 7): our sink, and the requests that waited for it.
        from raadsplein.helpdesk import signals as vraagbaak_signals

        from .intake import SINK

        vraagbaak_signals.register_sink(SINK)
        post_migrate.connect(_default_states, sender=self, dispatch_uid="advocacy_states")
        post_migrate.connect(
            _take_over_vraagbaak_signals, sender=self, dispatch_uid="advocacy_vraagbaak"
        )

        # Privacy (part 8): what Signalen keeps about a person.
        from raadsplein.accounts import personal_data

        from .personal_data import erase_advocacy_data, export_advocacy_data

        personal_data.register(
            key="advocacy",
            label=_("Signalen"),
            export=export_advocacy_data,
            erase=erase_advocacy_data,
            labels={
                "signalen": _("Signalen die u meldde"),
                "nummer": _("Nummer"),
                "titel": _("Titel"),
                "tekst": _("Tekst"),
                "namens_raad": _("Namens de raad"),
                "gemeld_op": _("Gemeld op"),
                "stap": _("Stap"),
                "themas": _("Thema's"),
                "sectoren": _("Zorgsectoren"),
                "provincie": _("Provincie"),
                "naam_raad_tonen": _("Naam van de raad tonen"),
                "antwoorden": _("Uw antwoorden op vragen"),
                "datum": _("Datum"),
                "medeondertekeningen": _("Wij zien dit ook"),
                "signaal": _("Signaal"),
                "titel_signaal": _("Titel van het signaal"),
                "sector": _("Zorgsector"),
                "ondertekend_op": _("Ondertekend op"),
                "ingetrokken_op": _("Ingetrokken op"),
                "bestanden": _("Bestanden die u bij een signaal zette"),
                "bestandsnaam": _("Bestandsnaam"),
                "toegevoegd_op": _("Toegevoegd op"),
            },
        )

        # Reports and the export (part 6).
        navigation.register_staff_link(
            key="advocacy_reports",
            label=_("Signalen: rapporten en export"),
            url_name="advocacy_reports:home",
            order=16,
            visible=_makes_reports,
        )

        # Insight (part 5): the figures for every member of staff.
        navigation.register_staff_link(
            key="advocacy_insight",
            label=_("Signalen in cijfers"),
            url_name="advocacy:dashboard",
            order=12,
        )
