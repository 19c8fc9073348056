"""Files attached to a question (web form, e-mail, an advisor's answer): the limits and the
check of what a file really is (its first bytes, not its name).

Stored in MEDIA_ROOT under ``helpdesk/`` (``mail_models.attachment_path``), which ``/media/``
never serves; see docs/files.md, "Private object files".
"""

from __future__ import annotations

import io
import zipfile

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from . import services
from .models import Attachment

PDF, DOCX, XLSX, PNG, JPEG = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/png",
    "image/jpeg",
)
ALLOWED_NAMES = "PDF, Word (DOCX), Excel (XLSX), PNG, JPEG"


class AttachmentError(Exception):
    """A file the desk does not accept; the message is for the person."""


def max_file_bytes() -> int:
    return settings.VRAAGBAAK_ATTACHMENT_MAX_MB * 1024 * 1024


def max_total_bytes() -> int:
    return settings.VRAAGBAAK_ATTACHMENTS_TOTAL_MB * 1024 * 1024


def sniff(data: bytes) -> str | None:
    """The content type the bytes really have, of the types the desk accepts; else None."""
    if data.startswith(b"%PDF-"):
        return PDF
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if data.startswith(b"\xff\xd8\xff"):
        return JPEG
    if data.startswith(b"PK\x03\x04"):
        try:
            names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
        except zipfile.BadZipFile:
            return None
        if "word/document.xml" in names:
            return DOCX
        if "xl/workbook.xml" in names:
            return XLSX
    return None


def check(name: str, data: bytes) -> str:
    """The file's real content type, or an AttachmentError saying in Dutch what is wrong."""
    size_mb = len(data) / (1024 * 1024)
    if len(data) > max_file_bytes():
        raise AttachmentError(
            _("%(name)s is te groot (%(size).0f MB). Een bijlage mag ten hoogste %(max)s MB zijn.")
            % {"name": name, "size": size_mb, "max": settings.VRAAGBAAK_ATTACHMENT_MAX_MB}
        )
    if not data:
        raise AttachmentError(_("%(name)s is leeg.") % {"name": name})
    kind = sniff(data)
    if kind is None:
        raise AttachmentError(
            _("%(name)s is geen bestand dat wij aannemen. Dat zijn: %(types)s.")
            % {"name": name, "types": ALLOWED_NAMES}
        )
    return kind


def store(*, question, message, name: str, data: bytes, content_type: str) -> Attachment:
    item = Attachment(
        question=question,
        message=message,
        original_name=(name or _("bijlage"))[:255],
        content_type=content_type,
        size=len(data),
    )
    item.file.save("upload", ContentFile(data), save=False)
    item.save()
    return item


@transaction.atomic
def ask_with_files(*, files, **ask_kwargs):
    """``services.ask`` and the asker's files (already checked: ``[(name, bytes, type)]``) on
    the question's first message, in one transaction."""
    question = services.ask(**ask_kwargs)
    first = question.messages.order_by("created_at", "pk").first()
    for name, data, kind in files:
        store(question=question, message=first, name=name, data=data, content_type=kind)
    return question


@transaction.atomic
def reply_with_files(*, files, **reply_kwargs):
    """``services.reply`` and the advisor's files (checked, as above) on the answer, in one
    transaction: the answer mail, sent after the commit, carries them."""
    message = services.reply(**reply_kwargs)
    for name, data, kind in files:
        store(question=message.question, message=message, name=name, data=data, content_type=kind)
    return message
