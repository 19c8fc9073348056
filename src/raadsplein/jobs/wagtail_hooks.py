"""The "Achtergrondtaken" screen in the Wagtail admin (Settings menu), for beheerders."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from . import views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("taken/", views.task_list, name="jobs_tasks"),
        path("taken/<uuid:pk>/opnieuw/", views.task_retry, name="jobs_task_retry"),
    ]


class ManagersOnlyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("jobs.manage_tasks")


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ManagersOnlyMenuItem(
        _("Achtergrondtaken"), reverse("jobs_tasks"), icon_name="cogs", order=900
    )
