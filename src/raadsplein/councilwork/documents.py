"""Storing a council's files (checked first by ``raadsplein.web.uploads``): meeting papers,
a request's documents. One place, so every part of the workspace accepts the same files."""

from __future__ import annotations

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from raadsplein.web import uploads

from .models import CouncilDocument
from .services import CouncilworkError, log_change


def max_bytes() -> int:
    return settings.COUNCILWORK_MAX_UPLOAD_MB * uploads.MB


@transaction.atomic
def store_document(
    *,
    council,
    name: str,
    data: bytes,
    by,
    title: str = "",
    meeting=None,
    agenda_item=None,
    trajectory=None,
) -> CouncilDocument:
    """Check and store one file for the council. A file of the wrong type, empty or too large
    raises :class:`CouncilworkError` with the reason; nothing is stored then."""
    try:
        content_type = uploads.check(name, data, max_bytes=max_bytes())
    except uploads.UploadError as exc:
        raise CouncilworkError(str(exc)) from exc
    for owner in (meeting, agenda_item, trajectory):
        owner_council = getattr(owner, "council_id", None)
        if owner is not None and owner_council is None:
            owner_council = owner.meeting.council_id  # an agenda item
        if owner is not None and owner_council != council.pk:
            raise CouncilworkError(_("Dit hoort niet bij deze raad."))
    document = CouncilDocument(
        council=council,
        title=(title or "").strip()[:200],
        original_name=(name or _("bestand"))[:255],
        content_type=content_type,
        size=len(data),
        meeting=meeting,
        agenda_item=agenda_item,
        trajectory=trajectory,
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    document.file.save("upload", ContentFile(data), save=False)
    document.save()
    log_change(by=by, council=council, obj=document, what="document")
    return document


@transaction.atomic
def delete_document(*, document: CouncilDocument, by) -> None:
    log_change(by=by, council=document.council, obj=document, what="document-deleted")
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
