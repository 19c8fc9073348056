"""Registry of the personal data each app keeps about a person.

Every app that stores something about a person registers an ``export`` (returns plain JSON-able
data) and, where it holds data of its own, an ``erase`` (removes or anonymises it). The
personal-data page, the JSON download and the erase service all read this registry, so a new
app is covered by adding one ``register`` call in its ``AppConfig.ready``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Section:
    key: str
    label: str
    export: Callable[[Any], Any]
    erase: Callable[[Any], None] | None = None


_sections: dict[str, Section] = {}


def register(
    *, key: str, label, export: Callable[[Any], Any], erase: Callable[[Any], None] | None = None
) -> None:
    _sections[key] = Section(key=key, label=label, export=export, erase=erase)


def sections() -> list[Section]:
    return list(_sections.values())
