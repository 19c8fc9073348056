"""Wagtail admin: the days the Vraagbaak keeps its own hours, beside the public holidays."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from raadsplein.audit import services as audit

from . import officehours
from .models import CannedAnswer, ClosedDay, ExpertPool, PoolMember


class ClosedDayIndexView(IndexView):
    """The list of the desk's own days, with the coming public holidays shown beside it, so
    staff see at a glance which days the clock already skips."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        coming = {}
        for year in (today.year, today.year + 1):
            coming.update(officehours.public_holidays(year))
        context["public_holidays"] = [
            (day, name)
            for day, name in sorted(coming.items())
            if today <= day < today + datetime.timedelta(days=366) and day.weekday() < 5
        ]
        return context


class ClosedDayViewSet(SnippetViewSet):
    model = ClosedDay
    icon = "date"
    menu_label = _("Openingsdagen")
    menu_name = "vraagbaak-dagen"
    list_display = ["date", "name", "is_open"]
    index_view_class = ClosedDayIndexView
    index_template_name = "helpdesk/admin/closedday_index.html"


class CannedAnswerViewSet(SnippetViewSet):
    model = CannedAnswer
    icon = "doc-full"
    menu_label = _("Standaardantwoorden")
    menu_name = "vraagbaak-standaardantwoorden"
    list_display = ["title", "theme", "active"]
    list_filter = ["active"]
    search_fields = ["title", "body"]


class ExpertPoolViewSet(SnippetViewSet):
    model = ExpertPool
    icon = "group"
    menu_label = _("Expertpools")
    menu_name = "vraagbaak-expertpools"
    list_display = ["name", "slug", "active"]
    list_filter = ["active"]


class PoolMemberViewSet(SnippetViewSet):
    """Who is in which pool. Being a current member is the expert role: the person sees the
    questions forwarded to the pool on /vraagbaak/expert/ (and nothing else of the desk)."""

    model = PoolMember
    icon = "user"
    menu_label = _("Leden van expertpools")
    menu_name = "vraagbaak-poolleden"
    list_display = ["user", "pool", "since", "until"]
    list_filter = ["pool"]


class HelpdeskGroup(SnippetViewSetGroup):
    items = (CannedAnswerViewSet, ClosedDayViewSet, ExpertPoolViewSet, PoolMemberViewSet)
    menu_icon = "help"
    menu_label = _("Vraagbaak")
    menu_name = "vraagbaak"
    menu_order = 400


register_snippet(HelpdeskGroup)


# A pool membership is an access grant: changes in the admin screens are audited as the
# services' are (helpdesk.pool.member_<verb>_in_admin).
for _verb, _label in (
    ("created", _("Vraagbaak: lid van expertpool aangemaakt in het beheer")),
    ("changed", _("Vraagbaak: lid van expertpool gewijzigd in het beheer")),
    ("deleted", _("Vraagbaak: lid van expertpool verwijderd in het beheer")),
):
    audit.register_action(f"helpdesk.pool.member_{_verb}_in_admin", _label)


def _log_pool_member(request, instance, verb: str, *, pk=None) -> None:
    if not isinstance(instance, PoolMember):
        return
    audit.log(
        actor=request.user,
        action=f"helpdesk.pool.member_{verb}_in_admin",
        obj=instance.pool,
        subject=instance.user,
        data={"id": pk or instance.pk, "pool": instance.pool_id},
    )


@hooks.register("after_create_snippet")
def log_pool_member_created(request, instance):
    _log_pool_member(request, instance, "created")


@hooks.register("after_edit_snippet")
def log_pool_member_changed(request, instance):
    _log_pool_member(request, instance, "changed")


@hooks.register("before_delete_snippet")
def remember_pool_members_deleted(request, instances):
    request._helpdesk_pool_members_deleted = [
        (i, i.pk) for i in instances if isinstance(i, PoolMember)
    ]


@hooks.register("after_delete_snippet")
def log_pool_members_deleted(request, instances):
    for instance, pk in getattr(request, "_helpdesk_pool_members_deleted", []):
        _log_pool_member(request, instance, "deleted", pk=pk)
