"""Action codes and their Dutch descriptions.

An app registers each code it logs, once, at import time of its services module::

    audit.register_action("events.booking.created_for", _("Plaats geboekt voor iemand anders"))

``audit.services.log`` refuses codes that are not registered, so a typo fails loudly in tests.
"""

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

_actions: dict[str, Promise | str] = {}

# Dutch names for the keys of an entry's ``data``, for the staff page.
_data_labels: dict[str, Promise | str] = {
    "session": _("sessie"),
    "booking": _("boeking"),
    "present": _("aanwezig"),
    "subject": _("onderwerp"),
    "role": _("rol"),
    "status": _("status"),
    "kind": _("soort"),
    "start_date": _("begindatum"),
    "prefix": _("sleutel begint met"),
}


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


def register_data_label(key: str, label: Promise | str) -> None:
    """Give a ``data`` key a Dutch name on the staff page."""
    _data_labels[key] = label


def data_label(key: str) -> Promise | str:
    return _data_labels.get(key, key)
