"""Checking files people upload (the Vraagbaak's attachments, files on a signal): what a file
really is by its first bytes, not its name, and its size. Shared by the apps that take private
files, so that each accepts the same types with the same Dutch messages.

- ``sniff(data)``: the real content type of the types accepted, or None;
- ``check(name, data, max_bytes=…)``: that type, or an :class:`UploadError` saying what is wrong;
- ``checked_uploads(uploads, max_bytes=…, max_total_bytes=…, again=…)``: a form's uploaded
  files read and checked together, a ``ValidationError`` with every reason otherwise.
"""

from __future__ import annotations

import io
import zipfile

from django import forms
from django.utils.translation import gettext as _

PDF, DOCX, XLSX, PNG, JPEG = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "image/png",
    "image/jpeg",
)
ALLOWED_NAMES = "PDF, Word (DOCX), Excel (XLSX), PNG, JPEG"
ACCEPT = ".pdf,.docx,.xlsx,.png,.jpg,.jpeg"  # for the file input's accept attribute

MB = 1024 * 1024


class UploadError(Exception):
    """A file that is not accepted; the message is for the person."""


def sniff(data: bytes) -> str | None:
    """The content type the bytes really have, of the types accepted; else None."""
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


def check(name: str, data: bytes, *, max_bytes: int) -> str:
    """The file's real content type, or an UploadError saying in Dutch what is wrong."""
    size_mb = len(data) / MB
    if len(data) > max_bytes:
        raise UploadError(
            _("%(name)s is te groot (%(size).0f MB). Een bijlage mag ten hoogste %(max)s MB zijn.")
            % {"name": name, "size": size_mb, "max": max_bytes // MB}
        )
    if not data:
        raise UploadError(_("%(name)s is leeg.") % {"name": name})
    kind = sniff(data)
    if kind is None:
        raise UploadError(
            _("%(name)s is geen bestand dat wij aannemen. Dat zijn: %(types)s.")
            % {"name": name, "types": ALLOWED_NAMES}
        )
    return kind


def checked_uploads(
    uploads, *, max_bytes: int, max_total_bytes: int, again: str
) -> list[tuple[str, bytes, str]]:
    """[(name, bytes, content type)], each checked by its first bytes and its size; a
    ValidationError with every reason (and ``again``, what to do now) when one is refused."""
    checked, errors, total = [], [], 0
    for upload in uploads:
        data = upload.read()
        total += len(data)
        try:
            checked.append((upload.name, data, check(upload.name, data, max_bytes=max_bytes)))
        except UploadError as exc:
            errors.append(str(exc))
    if total > max_total_bytes:
        errors.append(
            _("De bijlagen zijn samen te groot: ten hoogste %(max)s MB.")
            % {"max": max_total_bytes // MB}
        )
    if errors:
        errors.append(again)
        raise forms.ValidationError(errors)
    return checked


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one input: cleaned into a list (empty when none was chosen)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []
