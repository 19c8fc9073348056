"""Staff screens for events in the Wagtail admin (menu "Agenda")."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Event, Programme, Session


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "date"
    menu_label = _("Programma's")
    list_display = ["title", "start_date", "end_date", "is_published"]
    search_fields = ["title"]


class EventViewSet(SnippetViewSet):
    model = Event
    icon = "calendar"
    menu_label = _("Activiteiten")
    list_display = ["title", "kind", "audience", "programme", "region", "status"]
    list_filter = ["kind", "audience", "status", "programme", "region"]
    search_fields = ["title"]
    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("audience"), FieldPanel("status")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("themes"),
        FieldPanel("sectors"),
        FieldRowPanel([FieldPanel("programme"), FieldPanel("region")]),
        FieldPanel("host"),
        FieldPanel("accessibility"),
    ]


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "time"
    menu_label = _("Sessies")
    list_display = ["__str__", "starts_at", "capacity", "is_online", "is_cancelled"]
    list_filter = ["is_online", "is_cancelled", "event__kind"]
    search_fields = ["event__title"]
    ordering = ["starts_at"]
    panels = [
        FieldPanel("event"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        MultiFieldPanel(
            [FieldPanel("is_online"), FieldPanel("location"), FieldPanel("meeting_url")],
            heading=_("Waar"),
        ),
        FieldRowPanel([FieldPanel("capacity"), FieldPanel("per_council_cap")]),
        FieldRowPanel(
            [
                FieldPanel("booking_opens_at"),
                FieldPanel("booking_closes_at"),
                FieldPanel("cancel_until"),
            ]
        ),
        FieldRowPanel([FieldPanel("trainer"), FieldPanel("trainer_account")]),
        FieldPanel("recording_url"),
        FieldPanel("is_cancelled"),
    ]


class EventsGroup(SnippetViewSetGroup):
    menu_label = _("Agenda")
    menu_icon = "calendar"
    menu_order = 220
    items = (EventViewSet, SessionViewSet, ProgrammeViewSet)


register_snippet(EventsGroup)


@hooks.register("register_admin_menu_item")
def register_participants_menu_item():
    return MenuItem(
        _("Deelnemers en beoordelingen"),
        reverse("events:staff_overview"),
        icon_name="group",
        order=221,
    )
