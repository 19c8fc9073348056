"""Extension point for other apps: the learning environment listens for attendance.

``register_attendance_listener(fn)``: ``fn(session_id=…, person=…)`` is called after the
transaction that marks a person present at a session commits. A listener that fails is logged
and does not stop the others.
"""

import logging
from collections.abc import Callable
from typing import Any

logger = logging.getLogger(__name__)

_attendance_listeners: list[Callable[..., Any]] = []


def register_attendance_listener(fn: Callable[..., Any]) -> None:
    if fn not in _attendance_listeners:
        _attendance_listeners.append(fn)


def unregister_attendance_listener(fn: Callable[..., Any]) -> None:
    if fn in _attendance_listeners:
        _attendance_listeners.remove(fn)


def notify_attended(*, session_id: int, person) -> None:
    for fn in list(_attendance_listeners):
        try:
            fn(session_id=session_id, person=person)
        except Exception:
            logger.exception("attendance listener %r failed for session %s", fn, session_id)
