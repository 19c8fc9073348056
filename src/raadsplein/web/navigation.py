"""Header navigation and "Mijn Raadsplein" panels that apps add to without editing templates.

An app calls ``register(...)`` (a header link) or ``register_panel(...)`` (a dashboard panel)
from its ``AppConfig.ready``. The base template and dashboard read the registries.

``register_home_section(...)`` adds a section to the home page, below its editors' body (the
agenda's highlights, for instance).

For staff, ``register_staff_link(...)`` (a quick link) and ``register_staff_panel(...)`` (a
panel) fill the staff start page ``/medewerkers/``; the staff panels also show on the Wagtail
admin's dashboard.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.urls import NoReverseMatch, reverse


def for_everyone(user) -> bool:
    return True


def for_signed_in(user) -> bool:
    return bool(getattr(user, "is_authenticated", False))


def for_members(user) -> bool:
    from raadsplein.organisations.rules import is_member

    return is_member(user)


def for_staff(user) -> bool:
    from raadsplein.accounts.rules import is_staff_member

    return is_staff_member(user)


@dataclass(frozen=True)
class NavItem:
    key: str
    label: Any
    url_name: str
    order: int = 100
    visible: Callable[[Any], bool] = for_everyone


@dataclass(frozen=True)
class Panel:
    key: str
    template: str
    order: int = 100
    context: Callable[[Any], dict] = field(default=lambda request: {})
    visible: Callable[[Any], bool] = for_signed_in


_items: dict[str, NavItem] = {}
_panels: dict[str, Panel] = {}
_staff_links: dict[str, NavItem] = {}
_staff_panels: dict[str, Panel] = {}
_search: dict[str, Any] = {}
_home_sections: dict[str, Panel] = {}


def register(
    *,
    key: str,
    label,
    url_name: str,
    order: int = 100,
    visible: Callable[[Any], bool] = for_everyone,
) -> None:
    _items[key] = NavItem(key=key, label=label, url_name=url_name, order=order, visible=visible)


def register_panel(
    *,
    key: str,
    template: str,
    order: int = 100,
    context: Callable[[Any], dict] | None = None,
    visible: Callable[[Any], bool] = for_signed_in,
) -> None:
    _panels[key] = Panel(
        key=key,
        template=template,
        order=order,
        context=context or (lambda request: {}),
        visible=visible,
    )


def register_staff_link(
    *,
    key: str,
    label,
    url_name: str,
    order: int = 100,
    visible: Callable[[Any], bool] = for_staff,
) -> None:
    """A quick link on the staff start page (``visible`` narrows it, e.g. to beheerders)."""
    _staff_links[key] = NavItem(
        key=key, label=label, url_name=url_name, order=order, visible=visible
    )


def register_staff_panel(
    *,
    key: str,
    template: str,
    order: int = 100,
    context: Callable[[Any], dict] | None = None,
    visible: Callable[[Any], bool] = for_staff,
) -> None:
    """A panel on the staff start page and the Wagtail dashboard; ``context(request)``."""
    _staff_panels[key] = Panel(
        key=key,
        template=template,
        order=order,
        context=context or (lambda request: {}),
        visible=visible,
    )


def staff_links(request) -> list[dict[str, Any]]:
    links = []
    for item in sorted(_staff_links.values(), key=lambda i: (i.order, i.key)):
        if not item.visible(request.user):
            continue
        try:
            links.append({"key": item.key, "label": item.label, "url": reverse(item.url_name)})
        except NoReverseMatch:
            continue
    return links


def staff_panels_for(request) -> list[dict[str, Any]]:
    return [
        {"key": p.key, "template": p.template, **p.context(request)}
        for p in sorted(_staff_panels.values(), key=lambda p: (p.order, p.key))
        if p.visible(request.user)
    ]


def register_home_section(
    *,
    key: str,
    template: str,
    order: int = 100,
    context: Callable[[Any], dict] | None = None,
    visible: Callable[[Any], bool] = for_everyone,
) -> None:
    """A section of the home page below its body; ``context(request)`` fills ``template``.
    A section whose context is empty is left out (nothing to show). Anonymous visitors get
    the home page from the page cache, so the context must be the same for every visitor."""
    _home_sections[key] = Panel(
        key=key,
        template=template,
        order=order,
        context=context or (lambda request: {}),
        visible=visible,
    )


def home_sections(request) -> list[dict[str, Any]]:
    sections = []
    for p in sorted(_home_sections.values(), key=lambda p: (p.order, p.key)):
        if not p.visible(request.user):
            continue
        context = p.context(request)
        if context:
            sections.append({"key": p.key, "template": p.template, **context})
    return sections


def set_site_search(*, url_name: str, label, param: str = "q") -> None:
    """The search box in the header of every page (set by the knowledge centre)."""
    _search.update(url_name=url_name, label=label, param=param)


def nav_items(request) -> list[dict[str, Any]]:
    items = []
    for item in sorted(_items.values(), key=lambda i: (i.order, i.key)):
        if not item.visible(request.user):
            continue
        try:
            url = reverse(item.url_name)
        except NoReverseMatch:
            continue
        current = request.path == url or (url != "/" and request.path.startswith(url))
        items.append({"key": item.key, "label": item.label, "url": url, "current": current})
    return items


def panels_for(request) -> list[dict[str, Any]]:
    return [
        {"key": p.key, "template": p.template, **p.context(request)}
        for p in sorted(_panels.values(), key=lambda p: (p.order, p.key))
        if p.visible(request.user)
    ]


def site_search() -> dict[str, Any] | None:
    if not _search:
        return None
    try:
        return {**_search, "url": reverse(_search["url_name"])}
    except NoReverseMatch:
        return None
