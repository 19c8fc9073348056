"""One parser for every mail that reaches the desk: ``receive(raw_bytes) -> Outcome``.

Used by ``manage.py receive_mail`` (a Postfix/Exim pipe) and ``manage.py fetch_mail`` (IMAP).

1. The raw mail is stored first (``InboundMail``), in the same transaction as what it becomes;
   a second delivery of the same Message-ID changes nothing.
2. Automatic mail (auto-replies, bounces, lists, bulk) is recorded and ignored: it never opens
   a question and never gets a mail back, so no loops.
3. A mail that cannot be read (broken MIME, an unknown character set, nothing in it) is put in
   quarantine with a Dutch reason, for advisors to look at. Nothing is lost.
4. Threading: In-Reply-To/References against the desk's Message-IDs, then the reply token in
   the address, then ``[Vraagbaak #<pk>]`` in the subject, and only when the sender is the
   asker or a seat holder who may reply (``helpdesk.reply_as_council``). Otherwise: a new
   question; from an address that matches nobody, one without an asker ("onbekende afzender").

Database errors are not caught: the caller turns them into "try again later" (exit 75).
"""

from __future__ import annotations

import hashlib
import html
import logging
import re
from dataclasses import dataclass
from email import message_from_bytes
from email import policy as email_policy
from email.errors import (
    MultipartInvariantViolationDefect,
    NoBoundaryInMultipartDefect,
    StartBoundaryNotFoundDefect,
)
from email.utils import getaddresses, parseaddr

import nh3
from django.contrib.auth import get_user_model
from django.db import IntegrityError, InterfaceError, OperationalError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from .. import attachments, services
from ..models import (
    Channel,
    InboundMail,
    InboundOutcome,
    Message,
    MessageKind,
    OutboundMail,
    Question,
)
from . import headers

logger = logging.getLogger(__name__)

SERIOUS_DEFECTS = (
    NoBoundaryInMultipartDefect,
    StartBoundaryNotFoundDefect,
    MultipartInvariantViolationDefect,
)
IGNORED_REASON = "genegeerd: automatisch bericht"
BLOCK_TAGS = re.compile(r"<\s*(br|/p|/div|/li|/tr|/h[1-6]|/blockquote)\b[^>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Outcome:
    outcome: str  # an InboundOutcome value, or "duplicate"
    inbound_pk: int | None = None
    question_pk: int | None = None
    message_pk: int | None = None
    reason: str = ""


class Unreadable(Exception):
    """The mail cannot be read; the message (Dutch) is the quarantine reason."""


# --- reading the mail ----------------------------------------------------------------------------


def _message_id(message, raw: bytes) -> str:
    try:
        found = headers.MESSAGE_ID_RE.findall(str(message.get("Message-ID", "") or ""))
    except Exception:  # noqa: BLE001 (a header so broken it cannot be read: use the digest)
        found = []
    if found:
        return found[0][:255]
    return f"<sha256-{hashlib.sha256(raw).hexdigest()}@inbound.invalid>"


def _header(message, name: str) -> str:
    try:
        return str(message.get(name, "") or "")
    except Exception:  # noqa: BLE001 (an undecodable header reads as empty)
        return ""


def is_automatic(message) -> bool:
    """Auto-replies, bounces, mailing lists and bulk mail: never a question, never answered."""
    auto = _header(message, "Auto-Submitted").strip().lower()
    if auto and auto != "no":
        return True
    if _header(message, "Precedence").strip().lower() in ("bulk", "junk", "list"):
        return True
    for name in ("X-Autoreply", "X-Autorespond", "List-Id", "List-Unsubscribe"):
        if message.get(name) is not None:
            return True
    if message.get_content_type() == "multipart/report":
        return True
    sender = parseaddr(_header(message, "From"))[1].lower()
    if sender.split("@")[0] in ("mailer-daemon", "postmaster"):
        return True
    return_path = _header(message, "Return-Path").strip()
    return return_path == "<>"


def html_to_text(value: str) -> str:
    """Sanitised (nh3) and turned into plain text, with line breaks where blocks end."""
    cleaned = nh3.clean(value)
    cleaned = BLOCK_TAGS.sub("\n", cleaned)
    text = html.unescape(nh3.clean(cleaned, tags=set()))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def strip_quoted(text: str) -> str:
    """The new part of a reply: quoted history and signatures removed."""
    from mailparser_reply import EmailReplyParser

    try:
        replies = EmailReplyParser(languages=["nl", "en", "de", "fr"]).read(text).replies
    except Exception:  # noqa: BLE001 (a parser failure shows the whole text)
        return text.strip()
    shown = (replies[0].body.strip() if replies else "") or text.strip()
    return _strip_trailing_quote(shown)


QUOTE_HEADER = re.compile(r"^(op|on|am|le)\b.*\b(schreef|wrote|schrieb|a écrit)\b.*:\s*$", re.I)


def _strip_trailing_quote(text: str) -> str:
    """What the parser left: a closing block of "> " lines and the "Op … schreef …:" above it."""
    lines = text.rstrip().splitlines()
    end = len(lines)
    while end and (lines[end - 1].startswith(">") or not lines[end - 1].strip()):
        end -= 1
    if end < len(lines) and end and QUOTE_HEADER.match(lines[end - 1].strip()):
        end -= 1
    return "\n".join(lines[:end]).strip() or text.strip()


def _parts(message) -> tuple[str, list[tuple[str, bytes]]]:
    """(body text, [(file name, bytes)]) or Unreadable."""
    if any(isinstance(d, SERIOUS_DEFECTS) for d in message.defects):
        raise Unreadable(_("De e-mail is beschadigd: de opbouw (MIME) klopt niet."))
    plain, rich, files = [], [], []
    for part in message.walk():
        if part.is_multipart():
            if any(isinstance(d, SERIOUS_DEFECTS) for d in part.defects):
                raise Unreadable(_("De e-mail is beschadigd: de opbouw (MIME) klopt niet."))
            continue
        filename = part.get_filename()
        disposition = part.get_content_disposition()
        if filename or disposition == "attachment":
            files.append((filename or _("bijlage"), part.get_payload(decode=True) or b""))
            continue
        kind = part.get_content_type()
        if kind not in ("text/plain", "text/html"):
            continue
        try:
            content = part.get_content()
        except (LookupError, UnicodeError) as exc:
            raise Unreadable(
                _("De tekst van de e-mail is niet te lezen (onbekende tekenset %(charset)s).")
                % {"charset": part.get_content_charset() or "?"}
            ) from exc
        (plain if kind == "text/plain" else rich).append(content)
    if plain:
        body = "\n\n".join(p.strip() for p in plain)
    else:
        body = "\n\n".join(html_to_text(h) for h in rich)
    return body.strip(), files


# --- who wrote it, which question it belongs to ------------------------------------------------


def person_for(address: str):
    """The account with this address (its own, or a verified extra address), or None."""
    if not address:
        return None
    User = get_user_model()
    user = User.objects.filter(email__iexact=address, is_active=True).first()
    if user is not None:
        return user
    from allauth.account.models import EmailAddress

    found = (
        EmailAddress.objects.filter(email__iexact=address, verified=True)
        .select_related("user")
        .first()
    )
    return found.user if found and found.user.is_active else None


def _may_reply(question: Question, address: str, person) -> bool:
    """Only the asker (by address) or someone who may reply as the council threads in."""
    asker_address = question.asker.email if question.asker_id else question.asker_email
    if asker_address and asker_address.lower() == address.lower():
        return True
    return person is not None and person.has_perm("helpdesk.reply_as_council", question)


def _candidates(message) -> list[Question]:
    found: list[Question] = []
    ids = headers.referenced_ids(message)
    if ids:
        pks = list(
            Message.objects.filter(message_id__in=ids)
            .exclude(kind=MessageKind.NOTE)
            .values_list("question_id", flat=True)
        )
        pks += list(
            OutboundMail.objects.filter(message_id__in=ids).values_list("question_id", flat=True)
        )
        found += list(Question.objects.filter(pk__in=pks).select_related("asker"))
    tokens = headers.tokens_in(message)
    if tokens:
        found += list(Question.objects.filter(reply_token__in=tokens).select_related("asker"))
    number = headers.question_number_in(_header(message, "Subject"))
    if number:
        found += list(Question.objects.filter(pk=number).select_related("asker"))
    return found


def thread_for(message, address: str, person) -> Question | None:
    """The question this mail answers, if its sender may write in it."""
    for question in _candidates(message):
        target = question
        while target.merged_into_id:  # a merged duplicate: the conversation goes on there
            target = Question.objects.select_related("asker").get(pk=target.merged_into_id)
        if _may_reply(target, address, person):
            return target
    return None


# --- receive -------------------------------------------------------------------------------


def _sender(message) -> tuple[str, str]:
    name, address = parseaddr(_header(message, "Reply-To") or _header(message, "From"))
    if not address:
        name, address = parseaddr(_header(message, "From"))
    return name.strip(), address.strip().lower()


def _attach(question, message_obj, files) -> list[str]:
    """Store the files the desk accepts; a Dutch note per refused one (kept in the raw)."""
    refused, total = [], 0
    for name, data in files:
        try:
            kind = attachments.check(name, data)
            total += len(data)
            if total > attachments.max_total_bytes():
                raise attachments.AttachmentError(
                    _("%(name)s past er niet meer bij: samen ten hoogste %(max)s MB per bericht.")
                    % {"name": name, "max": attachments.max_total_bytes() // (1024 * 1024)}
                )
        except attachments.AttachmentError as exc:
            refused.append(str(exc))
            continue
        attachments.store(
            question=question, message=message_obj, name=name, data=data, content_type=kind
        )
    if refused:
        Message.objects.create(
            question=question,
            kind=MessageKind.NOTE,
            channel=Channel.EMAIL,
            body=_("Bijlage niet opgeslagen (de volledige e-mail is bewaard):")
            + "\n"
            + "\n".join(f"- {r}" for r in refused),
        )
    return refused


def _process(record: InboundMail, message) -> Outcome:
    if is_automatic(message):
        record.outcome, record.reason = InboundOutcome.IGNORED, IGNORED_REASON
        return Outcome(InboundOutcome.IGNORED, record.pk, reason=IGNORED_REASON)
    body, files = _parts(message)
    name, address = _sender(message)
    if not address:
        raise Unreadable(_("De e-mail heeft geen afzender."))
    if not body and not files:
        raise Unreadable(_("De e-mail is leeg: geen tekst en geen bijlage."))
    person = person_for(address)
    shown = strip_quoted(body) if body else ""
    if not shown:
        shown = _("(Alleen bijlagen, geen tekst.)")
    question = thread_for(message, address, person)
    if question is not None:
        msg = services.council_reply(
            question=question,
            author=person,
            body=shown,
            channel=Channel.EMAIL,
            message_id=record.message_id,
            author_email=address,
        )
        record.outcome = InboundOutcome.REPLY
    else:
        subject = headers.SUBJECT_RE.sub("", _header(message, "Subject")).strip()
        subject = re.sub(r"^((re|fw|fwd|antw|doorst)\s*:\s*)+", "", subject, flags=re.I)
        question = services.ask(
            asker=person,
            subject=(subject or _("(geen onderwerp)"))[: services.SUBJECT_MAX],
            question=shown,
            channel=Channel.EMAIL,
            message_id=record.message_id,
        )
        if person is None:
            Question.objects.filter(pk=question.pk).update(
                asker_email=address, asker_name=name[:200]
            )
            question.asker_email, question.asker_name = address, name[:200]
        msg = question.messages.get()
        Message.objects.filter(pk=msg.pk).update(author_email=address)
        record.outcome = InboundOutcome.QUESTION
    refused = _attach(question, msg, files)
    record.question, record.helpdesk_message = question, msg
    record.reason = "\n".join(refused)
    return Outcome(record.outcome, record.pk, question.pk, msg.pk, record.reason)


def receive(raw: bytes, *, now=None) -> Outcome:
    """Take one RFC 5322 mail. Idempotent by Message-ID; raises only on database trouble."""
    now = now or timezone.now()
    message = message_from_bytes(raw, policy=email_policy.default)
    message_id = _message_id(message, raw)
    name, address = _sender(message)
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = InboundMail.objects.create(
                    message_id=message_id,
                    sender=address[:254],
                    subject=_header(message, "Subject")[:255],
                    raw=raw,
                    size=len(raw),
                    received_at=now,
                )
        except IntegrityError:
            existing = InboundMail.objects.get(message_id=message_id)
            return Outcome("duplicate", existing.pk, existing.question_id, reason="")
        try:
            with transaction.atomic(), override("nl"):
                outcome = _process(record, message)
        except (OperationalError, InterfaceError):
            raise  # the database is away: the caller says "try again later"
        except (Unreadable, services.QuestionError) as exc:
            record.outcome, record.reason = InboundOutcome.QUARANTINE, str(exc)
            outcome = Outcome(InboundOutcome.QUARANTINE, record.pk, reason=str(exc))
        except Exception as exc:  # noqa: BLE001 (a mail we cannot handle is kept, not lost)
            logger.exception("Inbound mail %s could not be handled", message_id)
            record.outcome = InboundOutcome.QUARANTINE
            record.reason = _("De e-mail kon niet worden verwerkt (%(error)s).") % {
                "error": type(exc).__name__
            }
            outcome = Outcome(InboundOutcome.QUARANTINE, record.pk, reason=record.reason)
        record.save()
    return outcome


def recipients_of(message) -> list[str]:
    values = [str(v) for h in headers.RECIPIENT_HEADERS for v in message.get_all(h) or []]
    return [a for _n, a in getaddresses(values)]


__all__ = ["Outcome", "receive", "is_automatic", "html_to_text", "strip_quoted", "person_for"]
