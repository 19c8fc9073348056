"""Staff screens for events in the Wagtail admin (menu "Agenda")."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import ACTIVE_STATUSES, Booking, Event, Programme, Session


class ProgrammeViewSet(SnippetViewSet):
    model = Programme
    icon = "date"
    menu_label = _("Programma's")
    list_display = ["title", "start_date", "end_date", "is_published"]
    search_fields = ["title"]


# The fields of a session, inline on its event and on the session's own screen.
SESSION_FIELDS = [
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


class EventForm(WagtailAdminModelForm):
    """An event with its sessions. A session that people booked is not removed here: that
    would silently drop their bookings; it is cancelled instead."""

    def is_valid(self) -> bool:
        valid = super().is_valid()
        sessions = self.formsets.get("sessions")
        if not valid or sessions is None:
            return valid
        booked = [
            form.instance
            for form in sessions.deleted_forms
            if form.instance.pk
            and Booking.objects.filter(
                session_id=form.instance.pk, status__in=ACTIVE_STATUSES
            ).exists()
        ]
        if booked:
            when = ", ".join(
                f"{timezone.localtime(session.starts_at):%d-%m-%Y %H:%M}" for session in booked
            )
            self.add_error(
                None,
                _(
                    "Deze sessies hebben boekingen en blijven staan: %(when)s. Zet bij zo'n "
                    "sessie 'geannuleerd' aan in plaats van haar weg te halen."
                )
                % {"when": when},
            )
            valid = False
        return valid


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
        InlinePanel(
            "sessions",
            heading=_("Sessies"),
            label=_("Sessie"),
            help_text=_(
                "De data waarop deelnemers zich inschrijven. Een sessie met boekingen haalt u "
                "niet weg: zet haar op 'geannuleerd'."
            ),
            panels=SESSION_FIELDS,
        ),
    ]
    # A viewset's own base_form_class is not read by Wagtail: the form goes on the panels.
    edit_handler = ObjectList(panels, base_form_class=EventForm)


class SessionViewSet(SnippetViewSet):
    model = Session
    icon = "time"
    menu_label = _("Sessies")
    list_display = ["__str__", "starts_at", "capacity", "is_online", "is_cancelled"]
    list_filter = ["is_online", "is_cancelled", "event__kind"]
    search_fields = ["event__title"]
    ordering = ["starts_at"]
    panels = [FieldPanel("event"), *SESSION_FIELDS]


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
