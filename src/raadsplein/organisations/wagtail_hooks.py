"""Staff screens for providers, councils, memberships and seats in the Wagtail admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CareProvider, Council, CouncilMembership, IndividualMembership, Seat


class CareProviderViewSet(SnippetViewSet):
    model = CareProvider
    icon = "site"
    menu_label = _("Zorgaanbieders")
    list_display = ["name", "provides_long_term_care"]
    list_filter = ["provides_long_term_care", "sectors"]
    search_fields = ["name"]
    ordering = ["name"]


class CouncilViewSet(SnippetViewSet):
    model = Council
    icon = "group"
    menu_label = _("Raden")
    list_display = ["name", "provider", "kind", "province", "region"]
    list_filter = ["kind", "province", "region", "sectors"]
    search_fields = ["name"]
    ordering = ["name"]
    panels = [
        FieldPanel("name"),
        FieldPanel("provider"),
        FieldPanel("kind"),
        FieldPanel("parent"),
        FieldPanel("province"),
        FieldPanel("region"),
        FieldPanel("sectors"),
    ]


class CouncilMembershipViewSet(SnippetViewSet):
    model = CouncilMembership
    icon = "tick-inverse"
    menu_label = _("Lidmaatschappen van raden")
    list_display = ["council", "kind", "status", "start_date", "end_date"]
    list_filter = ["status", "kind"]
    ordering = ["-start_date"]


class IndividualMembershipViewSet(SnippetViewSet):
    model = IndividualMembership
    icon = "user"
    menu_label = _("Persoonlijke lidmaatschappen")
    list_display = ["person", "kind", "status", "start_date", "end_date"]
    list_filter = ["status", "kind"]
    ordering = ["-start_date"]


class SeatViewSet(SnippetViewSet):
    model = Seat
    icon = "user"
    menu_label = _("Zetels")
    list_display = ["person", "council", "role", "start_date", "end_date"]
    list_filter = ["role"]
    ordering = ["council__name", "role"]


class OrganisationsGroup(SnippetViewSetGroup):
    menu_label = _("Organisaties")
    menu_icon = "site"
    menu_order = 200
    items = (
        CareProviderViewSet,
        CouncilViewSet,
        CouncilMembershipViewSet,
        SeatViewSet,
        IndividualMembershipViewSet,
    )


register_snippet(OrganisationsGroup)
