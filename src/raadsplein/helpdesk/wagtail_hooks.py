"""Wagtail admin: the days the Vraagbaak keeps its own hours, beside the public holidays."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from . import officehours
from .models import ClosedDay


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
    menu_label = _("Openingsdagen Vraagbaak")
    menu_name = "vraagbaak-dagen"
    add_to_admin_menu = True
    menu_order = 400
    list_display = ["date", "name", "is_open"]
    index_view_class = ClosedDayIndexView
    index_template_name = "helpdesk/admin/closedday_index.html"


register_snippet(ClosedDayViewSet)
