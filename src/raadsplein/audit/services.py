"""Writing the audit trail, and its part in a person's data export and erasure.

Every service that changes something on someone else's behalf calls ``log`` inside its own
transaction, so the entry and the change are committed (or rolled back) together.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from . import registry
from .models import AuditEntry

register_action = registry.register_action
register_data_label = registry.register_data_label

ERASED_LABEL = "(gegevens gewist)"
MAX_DATA_CHARS = 1000
MAX_TEXT_CHARS = 200


def person_label(person) -> str:
    """The short name kept for a person; erased people are never named again."""
    if person is None:
        return ""
    if getattr(person, "erased_at", None):
        return ERASED_LABEL
    name = person.get_full_name() if hasattr(person, "get_full_name") else ""
    return (name or getattr(person, "email", "") or str(person))[:MAX_TEXT_CHARS]


def _clean_data(data: dict[str, Any] | None) -> dict[str, Any]:
    """Only small flat data: ids, codes, flags and short texts such as a mail's subject line.
    Never a message body or free text that may hold health facts."""
    if not data:
        return {}
    if not isinstance(data, dict):
        raise ValueError("Audit data must be a dict.")
    cleaned: dict[str, Any] = {}
    for key, value in data.items():
        if not isinstance(key, str):
            raise ValueError("Audit data keys must be strings.")
        if isinstance(value, str):
            value = value[:MAX_TEXT_CHARS]
        elif not (value is None or isinstance(value, bool | int | float)):
            raise ValueError(f"Audit data value for {key!r} must be a scalar, not {type(value)}.")
        cleaned[key] = value
    if len(repr(cleaned)) > MAX_DATA_CHARS:
        raise ValueError("Audit data is too large; keep ids and codes only.")
    return cleaned


@transaction.atomic
def log(
    *,
    actor,
    action: str,
    obj: models.Model | None = None,
    subject=None,
    council=None,
    data: dict[str, Any] | None = None,
) -> AuditEntry:
    """Write one audit entry. ``actor`` is the person who acted (``None``: the system),
    ``subject`` the person the act is about, ``obj`` the thing changed, ``council`` the council
    it belongs to (for scoping; a Council or its pk). Call it inside the transaction of the
    change."""
    if not registry.is_registered(action):
        raise ValueError(f"Unregistered audit action {action!r}; call register_action first.")
    if actor is not None and not getattr(actor, "is_authenticated", False):
        actor = None  # an anonymous visitor is not a person we can name
    entry = AuditEntry(
        created_at=timezone.now(),
        actor=actor,
        actor_label=person_label(actor),
        action=action,
        subject=subject,
        subject_label=person_label(subject),
        council_id=council.pk if isinstance(council, models.Model) else council,
        data=_clean_data(data),
    )
    if obj is not None:
        entry.content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
        entry.object_id = str(obj.pk)
        if subject is not None and obj.__class__ is subject.__class__ and obj.pk == subject.pk:
            entry.object_label = entry.subject_label
        else:
            entry.object_label = str(obj)[:MAX_TEXT_CHARS]
    entry.save()
    return entry


def _export_row(entry: AuditEntry, *, with_actor: bool) -> dict[str, Any]:
    row = {
        "tijdstip": timezone.localtime(entry.created_at).isoformat(),
        "handeling": entry.description,
        "code": entry.action,
        "object": entry.object_label,
        "gegevens": entry.data,
    }
    if with_actor:
        row["door"] = entry.actor_label or _("het systeem")
    else:
        row["over"] = entry.subject_label
    return row


def export_entries(person) -> dict[str, Any]:
    """For the personal-data export: what was done about the person, and what they did
    about others."""
    about = AuditEntry.objects.filter(subject=person).order_by("created_at", "pk")
    by = AuditEntry.objects.filter(actor=person).exclude(subject=person)
    return {
        "over_u": [_export_row(e, with_actor=True) for e in about],
        "door_u": [_export_row(e, with_actor=False) for e in by.order_by("created_at", "pk")],
    }


def anonymise_person(person) -> int:
    """On erasure: keep every entry (the record of what staff did must survive) but no longer
    name the person in it. Entries about the person also lose the object's label, which often
    holds their name (a booking, a seat). Returns how many entries changed."""
    changed = AuditEntry.objects.filter(subject=person).update(
        subject_label=ERASED_LABEL, object_label=ERASED_LABEL
    )
    changed += AuditEntry.objects.filter(actor=person).update(actor_label=ERASED_LABEL)
    user_ct = ContentType.objects.get_for_model(person.__class__)
    changed += (
        AuditEntry.objects.filter(content_type=user_ct, object_id=str(person.pk))
        .filter(~Q(object_label=ERASED_LABEL))
        .update(object_label=ERASED_LABEL)
    )
    return changed
