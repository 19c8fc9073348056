"""Alias of ``process_events``: waiting list and reminders in one run."""

from .process_events import Command  # noqa: F401
