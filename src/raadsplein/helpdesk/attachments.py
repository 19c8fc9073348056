"""Files attached to a question (web form, e-mail, an advisor's answer): the limits and the
check of what a file really is (its first bytes, not its name).

Stored in MEDIA_ROOT under ``helpdesk/`` (``mail_models.attachment_path``), which ``/media/``
never serves; see docs/files.md, "Private object files".
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from raadsplein.web import uploads
from raadsplein.web.uploads import ALLOWED_NAMES, DOCX, JPEG, PDF, PNG, XLSX, sniff  # noqa: F401

from . import services
from .models import Attachment

# The checks are shared with other apps that take private files (raadsplein.web.uploads).
AttachmentError = uploads.UploadError


def max_file_bytes() -> int:
    return settings.VRAAGBAAK_ATTACHMENT_MAX_MB * 1024 * 1024


def max_total_bytes() -> int:
    return settings.VRAAGBAAK_ATTACHMENTS_TOTAL_MB * 1024 * 1024


def check(name: str, data: bytes) -> str:
    """The file's real content type, or an AttachmentError saying in Dutch what is wrong."""
    return uploads.check(name, data, max_bytes=max_file_bytes())


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
