"""Wagtail admin: the days the Vraagbaak keeps its own hours, beside the public holidays."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet, SnippetViewSetGroup

from . import officehours
from .models import CannedAnswer, ClosedDay


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


class HelpdeskGroup(SnippetViewSetGroup):
    items = (CannedAnswerViewSet, ClosedDayViewSet)
    menu_icon = "help"
    menu_label = _("Vraagbaak")
    menu_name = "vraagbaak"
    menu_order = 400


register_snippet(HelpdeskGroup)
