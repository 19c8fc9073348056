"""Storing the files a council adds to its signal (checked before by
``raadsplein.web.uploads``), and reporting a signal with its files in one transaction."""

from __future__ import annotations

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from . import services
from .file_models import SignalFile
from .models import Signal


def store(*, signal: Signal, name: str, data: bytes, content_type: str, by=None) -> SignalFile:
    item = SignalFile(
        signal=signal,
        original_name=(name or _("bestand"))[:255],
        content_type=content_type,
        size=len(data),
        uploaded_by=by if getattr(by, "is_authenticated", False) else None,
    )
    item.file.save("upload", ContentFile(data), save=False)
    item.save()
    return item


@transaction.atomic
def report_with_files(*, files, **report_kwargs) -> Signal:
    """``services.report_signal`` and the reporter's files (``[(name, bytes, type)]``)."""
    signal = services.report_signal(**report_kwargs)
    for name, data, kind in files:
        store(
            signal=signal,
            name=name,
            data=data,
            content_type=kind,
            by=report_kwargs.get("reporter"),
        )
    return signal
