"""The Wagtail admin in Dutch, without links to Wagtail's English pages.

Wagtail's help menu links to its English editor guide and release notes on wagtail.org.
Raadsplein's editors have the pages in docs/ in Dutch; the menu keeps the keyboard shortcuts.
"""

from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.admin.ui.components import Component

from . import navigation

_LINKS_TO_WAGTAIL_ORG = ("editor-guide", "whats-new-in-wagtail")


@hooks.register("construct_help_menu")
def drop_links_to_wagtail_org(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(_LINKS_TO_WAGTAIL_ORG)]


class StaffPanel(Component):
    """One of the staff start page's panels (``navigation.register_staff_panel``), on the
    Wagtail dashboard too."""

    def __init__(self, request, panel: dict, order: int):
        self.request = request
        self.panel = panel
        self.order = order
        self.name = f"raadsplein-{panel['key']}"

    def render_html(self, parent_context=None) -> str:
        return render_to_string(self.panel["template"], {"panel": self.panel}, request=self.request)


@hooks.register("construct_homepage_panels")
def add_staff_panels(request, panels):
    for i, panel in enumerate(navigation.staff_panels_for(request)):
        panels.append(StaffPanel(request, panel, order=500 + i))
