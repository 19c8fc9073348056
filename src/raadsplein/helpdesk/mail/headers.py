"""The contract of the Vraagbaak's mail headers: what goes out, and how a reply is found again.

Outgoing mail about a question:

- ``From``: ``VRAAGBAAK_FROM_EMAIL``;
- ``Reply-To``: ``vraagbaak+<question.reply_token>@<domain of VRAAGBAAK_ADDRESS>``;
- ``Subject``: ``[Vraagbaak #<pk>] <subject>``, only in mail to the asker (a subject may reveal
  health facts); anyone else gets ``[Vraagbaak #<pk>]`` with a neutral text;
- ``Message-ID`` from ``make_msgid`` on the site's domain, stored (``Message.message_id`` or
  ``OutboundMail.message_id``); ``In-Reply-To``/``References`` name the question's earlier
  message ids, so mail clients show one conversation;
- ``Auto-Submitted: auto-replied`` on the acknowledgement, ``auto-generated`` on other
  automatic mail; answers written by an advisor carry none.

Incoming mail is matched to a question by ``In-Reply-To``/``References``, then the reply token
in the address, then ``[Vraagbaak #<pk>]`` in the subject (``mail.inbound``).
"""

from __future__ import annotations

import re
from email.utils import getaddresses, make_msgid

from django.conf import settings

from raadsplein.web import links

TOKEN_RE = re.compile(r"\+([0-9a-f]{8,32})@", re.IGNORECASE)
SUBJECT_RE = re.compile(r"\[Vraagbaak\s+#(\d{1,12})\]", re.IGNORECASE)
MESSAGE_ID_RE = re.compile(r"<[^<>\s]+>")
# Headers that carry the address the mail was sent to (the reply token is in it).
RECIPIENT_HEADERS = ("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")


def from_email() -> str:
    return settings.VRAAGBAAK_FROM_EMAIL


def desk_address() -> str:
    return settings.VRAAGBAAK_ADDRESS


def reply_address(question) -> str:
    """vraagbaak+<token>@raadsplein.nl: a reply to it finds the question."""
    local, _, domain = desk_address().partition("@")
    return f"{local}+{question.reply_token}@{domain}"


def subject_prefix(question) -> str:
    return f"[Vraagbaak #{question.pk}]"


def subject_for(question, *, to_asker: bool) -> str:
    """The question's own subject only in mail to the person who asked it."""
    if to_asker:
        return f"{subject_prefix(question)} {question.subject}"
    return subject_prefix(question)


def new_message_id() -> str:
    return make_msgid(domain=links.domain())


def thread_ids(question) -> list[str]:
    """The Message-IDs of the question's conversation so far, oldest first: what came in,
    what the desk sent (no internal notes: they never left the platform)."""
    from ..models import MessageKind, OutboundMail

    seen: list[str] = []
    rows = (
        question.messages.exclude(kind=MessageKind.NOTE)
        .exclude(message_id="")
        .order_by("created_at", "pk")
        .values_list("message_id", flat=True)
    )
    sent = OutboundMail.objects.filter(question=question).values_list("message_id", flat=True)
    for value in [*rows, *sent]:
        if value not in seen:
            seen.append(value)
    return seen


def thread_headers(question, *, message_id: str) -> dict[str, str]:
    """Message-ID, In-Reply-To and References for a new mail in the question's thread."""
    earlier = [m for m in thread_ids(question) if m != message_id]
    headers = {"Message-ID": message_id}
    if earlier:
        headers["In-Reply-To"] = earlier[-1]
        # Mail clients only need the first and the latest few; keep the header short.
        keep = earlier if len(earlier) <= 10 else [earlier[0], *earlier[-9:]]
        headers["References"] = " ".join(keep)
    return headers


# --- reading what came in ------------------------------------------------------------------


def referenced_ids(message) -> list[str]:
    """The Message-IDs an incoming mail answers, the direct parent first."""
    found: list[str] = []
    for header in ("In-Reply-To", "References"):
        for value in message.get_all(header) or []:
            ids = MESSAGE_ID_RE.findall(str(value))
            if header == "References":
                ids = list(reversed(ids))
            for item in ids:
                if item not in found:
                    found.append(item)
    return found


def tokens_in(message) -> list[str]:
    """Reply tokens (vraagbaak+<token>@…) in the recipient headers."""
    values = []
    for header in RECIPIENT_HEADERS:
        values.extend(str(v) for v in message.get_all(header) or [])
    tokens = []
    for _name, address in getaddresses(values):
        local, _, domain = address.partition("@")
        desk_local, _, desk_domain = desk_address().partition("@")
        if domain.lower() != desk_domain.lower() or not local.lower().startswith(
            desk_local.lower() + "+"
        ):
            continue
        match = TOKEN_RE.search(address)
        if match and match.group(1).lower() not in tokens:
            tokens.append(match.group(1).lower())
    return tokens


def question_number_in(subject: str) -> int | None:
    match = SUBJECT_RE.search(subject or "")
    return int(match.group(1)) if match else None
