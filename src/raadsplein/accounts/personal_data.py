"""Registry of the personal data each app keeps about a person.

Every app that stores something about a person registers an ``export`` (returns plain JSON-able
data) and, where it holds data of its own, an ``erase`` (removes or anonymises it). The
personal-data page, the JSON download and the erase service all read this registry, so a new
app is covered by adding one ``register`` call in its ``AppConfig.ready``.

The JSON download keeps the export's keys and values as they are. "Mijn gegevens" shows the
same data readably (``readable_export``): keys become Dutch labels, dates read "3 december
2026", yes/no reads "Ja"/"Nee", and stored codes (such as the form of address) their names.
An app passes ``labels`` (key → label) and ``choices`` (key → {code: name}) for its own keys;
``LABELS`` holds the labels of keys the apps share, and of those registered before the
``labels`` argument existed.
"""

import datetime
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None
    labels: Mapping[str, Any] = field(default_factory=dict)
    choices: Mapping[str, Mapping[Any, Any]] = field(default_factory=dict)


_sections: dict[str, Section] = {}


def register(
    *,
    key: str,
    label,
    export: Callable[[Any], Any],
    erase: Callable[[Any], None] | None = None,
    labels: Mapping[str, Any] | None = None,
    choices: Mapping[str, Mapping[Any, Any]] | None = None,
) -> None:
    _sections[key] = Section(
        key=key,
        label=label,
        export=export,
        erase=erase,
        labels=labels or {},
        choices=choices or {},
    )


def sections() -> list[Section]:
    return list(_sections.values())


# Labels of keys that several apps use, and of the keys of apps that register no labels yet.
LABELS: dict[str, Any] = {
    # shared
    "name": _("Naam"),
    "email": _("E-mailadres"),
    "status": _("Status"),
    "code": _("Code"),
    "council": _("Raad"),
    "provider": _("Zorgaanbieder"),
    "role": _("Rol"),
    "kind": _("Soort"),
    "start_date": _("Begindatum"),
    "end_date": _("Einddatum"),
    "created_at": _("Gemaakt op"),
    "completed_at": _("Afgerond op"),
    "course": _("Cursus"),
    "score": _("Score"),
    "passed": _("Gehaald"),
    # organisations
    "seats": _("Zetels in raden"),
    "individual_memberships": _("Persoonlijke lidmaatschappen"),
    "council_messages": _("Berichten aan andere raden"),
    # learning
    "profile": _("Leerprofiel"),
    "council_role": _("Rol in de raad"),
    "care_sector": _("Zorgsector"),
    "experience": _("Ervaring"),
    "interests": _("Interesses"),
    "share_progress": _("Voortgang delen met de raad"),
    "enrolments": _("Inschrijvingen voor cursussen"),
    "enrolled_at": _("Ingeschreven op"),
    "completed_steps": _("Afgeronde stappen"),
    "step": _("Stap"),
    "quiz_attempts": _("Pogingen bij toetsen"),
    "quiz": _("Toets"),
    "submitted_at": _("Ingeleverd op"),
    "certificates": _("Certificaten"),
    "issued_on": _("Uitgegeven op"),
    # events
    "boekingen": _("Boekingen"),
    "activiteit": _("Activiteit"),
    "begin": _("Begint op"),
    "namens_raad": _("Namens de raad"),
    "toegankelijkheidswensen": _("Wensen voor toegankelijkheid"),
    "aanwezig": _("Aanwezig geweest"),
    "geboekt_op": _("Geboekt op"),
    "evaluatie": _("Evaluatie"),
    "cijfer": _("Cijfer"),
    "opmerkingen": _("Opmerkingen"),
    "agenda_abonnement": _("Abonnement op uw agenda"),
    # audit
    "over_u": _("Wat anderen over u deden"),
    "door_u": _("Wat u over anderen deed"),
    "tijdstip": _("Tijdstip"),
    "handeling": _("Wat er gebeurde"),
    "object": _("Waarover"),
    "gegevens": _("Gegevens"),
    "door": _("Door"),
    "over": _("Over"),
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


def label_for(key: str, labels: Mapping[str, Any]) -> str:
    """The Dutch label of an export key: the section's own, a shared one, or the key itself
    made readable ("first_name" → "First name" only for keys nobody labelled)."""
    if key in labels:
        return str(labels[key])
    if key in LABELS:
        return str(LABELS[key])
    return key.replace("_", " ").capitalize()


def readable_value(value: Any) -> Any:
    """A scalar as people read it: Ja/Nee, "3 december 2026", "3 december 2026, 14:05"."""
    if value is True:
        return gettext("Ja")
    if value is False:
        return gettext("Nee")
    if isinstance(value, str):
        if _DATE.match(value):
            try:
                return date_format(datetime.date.fromisoformat(value), "j F Y")
            except ValueError:
                return value
        if _DATETIME.match(value):
            try:
                moment = datetime.datetime.fromisoformat(value)
            except ValueError:
                return value
            if timezone.is_aware(moment):
                moment = timezone.localtime(moment)
            return date_format(moment, "j F Y, H:i")
    return value


def readable(
    value: Any,
    *,
    labels: Mapping[str, Any] | None = None,
    choices: Mapping[str, Mapping[Any, Any]] | None = None,
    key: str | None = None,
) -> Any:
    """``value`` (an export) with Dutch labels for its keys and readable scalars; the shape
    (dicts, lists) stays, so the page can nest it as the export nests."""
    labels = labels or {}
    choices = choices or {}
    if isinstance(value, dict):
        return {
            label_for(k, labels): readable(v, labels=labels, choices=choices, key=k)
            for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [readable(v, labels=labels, choices=choices, key=key) for v in value]
    names = choices.get(key) if key else None
    if names is not None and value in names:
        return str(names[value])
    return readable_value(value)


def readable_export(export: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The sections of ``services.export_person_data`` for the page: label and readable
    data, in the order the sections were registered."""
    registered = {section.key: section for section in sections()}
    result = []
    for key, part in export["sections"].items():
        section = registered.get(key)
        result.append(
            {
                "key": key,
                "label": part["label"],
                "data": readable(
                    part["data"],
                    labels=section.labels if section else None,
                    choices=section.choices if section else None,
                ),
            }
        )
    return result
