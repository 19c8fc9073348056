"""Polling the desk's IMAP mailbox (``VRAAGBAAK_IMAP_URL``) with imap-tools.

Each unseen mail goes through ``inbound.receive``; only after that committed is it flagged as
read (or moved to ``VRAAGBAAK_IMAP_DONE_FOLDER``). A mail whose handling failed on the
database stays unseen and is tried on the next run. Two runs at once (cron overlapping a
loop) do not both work: on PostgreSQL a session advisory lock lets one run poll at a time,
and ``receive`` is idempotent by Message-ID anyway.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection

from . import inbound

logger = logging.getLogger(__name__)

LOCK_KEY = 0x56_42_4D_41  # "VBMA": the desk's mailbox
ImapConfig = tuple[str, int, str, str, str, bool]


def parse_url(url: str) -> ImapConfig:
    """imaps://user:password@host:993/INBOX → (host, port, user, password, folder, ssl)."""
    parts = urlsplit(url)
    if parts.scheme not in ("imap", "imaps") or not parts.hostname:
        raise ValueError("VRAAGBAAK_IMAP_URL must look like imaps://user:password@host:993/INBOX")
    secure = parts.scheme == "imaps"
    return (
        parts.hostname,
        parts.port or (993 if secure else 143),
        unquote(parts.username or ""),
        unquote(parts.password or ""),
        unquote(parts.path.lstrip("/")) or "INBOX",
        secure,
    )


def open_mailbox(url: str):
    """A logged-in imap-tools MailBox on the folder; the boundary tests replace."""
    from imap_tools import MailBox, MailBoxUnencrypted

    host, port, user, password, folder, secure = parse_url(url)
    box = (MailBox if secure else MailBoxUnencrypted)(host, port)
    return box.login(user, password, initial_folder=folder)


@contextlib.contextmanager
def single_run() -> Iterator[bool]:
    """True when this process may poll now; False when another run holds the lock."""
    if connection.vendor != "postgresql":
        yield True
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [LOCK_KEY])
        got = cursor.fetchone()[0]
    try:
        yield got
    finally:
        if got:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [LOCK_KEY])


def poll(url: str | None = None, *, limit: int = 200) -> dict[str, int]:
    """Handle the unseen mail once; counts per outcome (and "busy" when another run polls)."""
    from imap_tools import AND, MailMessageFlags

    url = url or settings.VRAAGBAAK_IMAP_URL
    counts: dict[str, int] = {}
    with single_run() as mine:
        if not mine:
            return {"busy": 1}
        box = open_mailbox(url)
        try:
            done_folder = settings.VRAAGBAAK_IMAP_DONE_FOLDER
            for msg in box.fetch(AND(seen=False), mark_seen=False, limit=limit, bulk=20):
                try:
                    outcome = inbound.receive(msg.obj.as_bytes())
                except (OperationalError, InterfaceError):
                    logger.warning("Database unavailable; mail %s stays unseen", msg.uid)
                    counts["later"] = counts.get("later", 0) + 1
                    break
                # Only now that the database has it: flag or move it.
                if done_folder:
                    box.move(msg.uid, done_folder)
                else:
                    box.flag(msg.uid, MailMessageFlags.SEEN, True)
                counts[outcome.outcome] = counts.get(outcome.outcome, 0) + 1
        finally:
            with contextlib.suppress(Exception):
                box.logout()
    return counts
