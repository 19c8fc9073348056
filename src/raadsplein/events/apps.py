from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _panel_context(request) -> dict:
    from django.utils import timezone

    from . import selectors

    bookings = (
        selectors.active_bookings_for(request.user)
        .filter(session__ends_at__gt=timezone.now())
        .select_related(None)
        .select_related("session__event")[:5]
    )
    return {"bookings": list(bookings)}


def _home_context(request) -> dict:
    from . import selectors

    sessions = selectors.highlights(request.user, limit=3)
    return {"sessions": sessions} if sessions else {}


class EventsConfig(AppConfig):
    name = "raadsplein.events"
    label = "events"
    verbose_name = _("Cursussen en bijeenkomsten")

    def ready(self) -> None:
        from raadsplein.accounts import personal_data, roles
        from raadsplein.web import navigation

        from . import services, staff_panels

        navigation.register(
            key="events",
            label=_("Agenda"),
            url_name="events:agenda",
            order=40,
            visible=navigation.for_everyone,
        )
        navigation.register_panel(
            key="events", template="events/panels/bookings.html", order=40, context=_panel_context
        )
        navigation.register_home_section(
            key="events",
            template="events/includes/highlights.html",
            order=20,
            context=_home_context,
        )
        navigation.register_staff_panel(
            key="events",
            template="events/panels/staff_sessions.html",
            order=10,
            context=staff_panels.upcoming_sessions,
        )
        navigation.register_staff_link(
            key="events", label=_("Agenda beheren"), url_name="events:staff_overview", order=10
        )
        personal_data.register(
            key="events",
            label=_("Boekingen van cursussen en bijeenkomsten"),
            export=services.export_event_data,
            erase=services.erase_event_data,
        )
        managed = ["event", "session", "programme"]
        for group in (roles.ADVISEUR, roles.REDACTEUR, roles.BEHEERDER):
            roles.grant(
                group,
                *(
                    f"events.{action}_{m}"
                    for m in managed
                    for action in ("view", "add", "change", "delete")
                ),
                "events.view_booking",
                "events.view_evaluation",
            )
