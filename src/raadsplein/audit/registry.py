"""Action codes and their Dutch descriptions.

An app registers each code it logs, once, at import time of its services module::

    audit.register_action("events.booking.created_for", _("Plaats geboekt voor iemand anders"))

``audit.services.log`` refuses codes that are not registered, so a typo fails loudly in tests.
"""

from django.utils.functional import Promise

_actions: dict[str, Promise | str] = {}


def register_action(code: str, label: Promise | str) -> None:
    """Register ``code`` (dotted: ``<app>.<thing>.<verb>``) with a translatable label."""
    if code.count(".") < 2 or code != code.strip().lower():
        raise ValueError(f"Audit action codes are dotted and lower case: {code!r}")
    _actions[code] = label


def is_registered(code: str) -> bool:
    return code in _actions


def label_for(code: str) -> Promise | str:
    return _actions.get(code, code)


def actions() -> dict[str, Promise | str]:
    return dict(_actions)
