"""Staff screens for providers, councils, memberships and seats in the Wagtail admin."""

from django.utils.text import capfirst, format_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from raadsplein.audit import services as audit

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


# Seats and memberships are access grants: a change made in these admin screens bypasses the
# services, so the screens write the same audit entries the services write.

_GRANTS = (Seat, CouncilMembership, IndividualMembership)


def _grant_action(instance, verb: str) -> str:
    return f"organisations.{instance._meta.model_name}.{verb}_in_admin"


for _model in _GRANTS:
    for _verb, _label in (
        ("created", _("aangemaakt in het beheer")),
        ("changed", _("gewijzigd in het beheer")),
        ("deleted", _("verwijderd in het beheer")),
    ):
        audit.register_action(
            f"organisations.{_model._meta.model_name}.{_verb}_in_admin",
            format_lazy("{} {}", capfirst(_model._meta.verbose_name), _label),
        )


def _log_grant(request, instance, verb: str, *, pk=None) -> None:
    if not isinstance(instance, _GRANTS):
        return
    audit.log(
        actor=request.user,
        action=_grant_action(instance, verb),
        obj=instance if verb != "deleted" else None,
        subject=getattr(instance, "person", None),
        council=getattr(instance, "council_id", None),
        data={"id": pk or instance.pk},
    )


@hooks.register("after_create_snippet")
def log_grant_created(request, instance):
    _log_grant(request, instance, "created")


@hooks.register("after_edit_snippet")
def log_grant_changed(request, instance):
    _log_grant(request, instance, "changed")


@hooks.register("before_delete_snippet")
def remember_grants_deleted(request, instances):
    request._raadsplein_deleted = [(i, i.pk) for i in instances if isinstance(i, _GRANTS)]


@hooks.register("after_delete_snippet")
def log_grants_deleted(request, instances):
    for instance, pk in getattr(request, "_raadsplein_deleted", []):
        _log_grant(request, instance, "deleted", pk=pk)
