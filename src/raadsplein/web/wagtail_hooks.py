"""The Wagtail admin in Dutch, without links to Wagtail's English pages.

Wagtail's help menu links to its English editor guide and release notes on wagtail.org.
Raadsplein's editors have the pages in docs/ in Dutch; the menu keeps the keyboard shortcuts.
"""

from wagtail import hooks

_LINKS_TO_WAGTAIL_ORG = ("editor-guide", "whats-new-in-wagtail")


@hooks.register("construct_help_menu")
def drop_links_to_wagtail_org(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(_LINKS_TO_WAGTAIL_ORG)]
