"""Reads of the audit trail for the staff pages."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet

from .models import AuditEntry


def entries() -> QuerySet[AuditEntry]:
    """All entries, newest first. Labels are stored on the entry, so no joins are needed."""
    return AuditEntry.objects.order_by("-created_at", "-pk")


def entries_for_object(*, content_type: ContentType, object_id: str) -> QuerySet[AuditEntry]:
    return entries().filter(content_type=content_type, object_id=str(object_id))


def entries_for_person(person_id: int) -> QuerySet[AuditEntry]:
    """Entries where the person acted or that are about them."""
    return entries().filter(Q(actor_id=person_id) | Q(subject_id=person_id))


def parse_object_ref(ref: str) -> tuple[ContentType, str] | None:
    """``app_label.model.id`` → (content type, id), or None when it names no known model."""
    parts = (ref or "").strip().split(".")
    if len(parts) != 3 or not all(parts):
        return None
    app_label, model, object_id = parts
    try:
        content_type = ContentType.objects.get_by_natural_key(app_label.lower(), model.lower())
    except ContentType.DoesNotExist:
        return None
    if content_type.model_class() is None or len(object_id) > 64:
        return None
    return content_type, object_id
