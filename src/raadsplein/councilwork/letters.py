"""Model letters: filling a template in for a council, and the letters a council keeps.

A template (``LetterTemplate``, kept by editors in Wagtail) has placeholders in braces, such as
``{raad}`` or ``{uiterste_datum}`` (:data:`PLACEHOLDERS`). :func:`fill` replaces only those,
with plain text: the template is never run as a Django or Jinja template, so ``{{ … }}`` and
``{% … %}`` stay as they are written. A placeholder that is unknown, or that has nothing to be
filled with (no trajectory, no chair), stays visible as ``[onderwerp]`` so the council sees it
and fills it in before the letter goes out.

The default templates are the files in ``data/letters/`` (loaded by migration
``0003_letter_templates``).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path

from django.db import transaction
from django.db.models import QuerySet
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.organisations.models import Council, ProviderLocation, SeatRole

from . import selectors
from .models import Letter, LetterKind, LetterTemplate, Trajectory
from .services import CouncilworkError, log_change

SUBJECT_MAX = 200
BODY_MAX = 20000
DATA_DIR = Path(__file__).parent / "data" / "letters"

# Every placeholder a template may use, with what it is filled with (shown to editors and to
# the council beside the letter).
PLACEHOLDERS = {
    "raad": gettext_lazy("de naam van de raad"),
    "aanbieder": gettext_lazy("de naam van de zorgaanbieder"),
    "plaats": gettext_lazy("de plaats van de zorgaanbieder (de eerste locatie)"),
    "datum": gettext_lazy("de datum van vandaag, bijvoorbeeld 4 december 2026"),
    "titel": gettext_lazy("de titel van het traject"),
    "onderwerp": gettext_lazy("het onderwerp uit de wet bij het traject"),
    "artikel": gettext_lazy("het wetsartikel van dat onderwerp, bijvoorbeeld art. 7 lid 1"),
    "datum_ontvangst": gettext_lazy("de datum waarop de raad de aanvraag ontving"),
    "uiterste_datum": gettext_lazy("de uiterste datum voor het antwoord van de raad"),
    "vraag": gettext_lazy("wat de bestuurder de raad vraagt"),
    "voorzitter": gettext_lazy("de naam van de voorzitter"),
    "secretaris": gettext_lazy("de naam van de secretaris"),
    "termijn_dagen": gettext_lazy("het aantal dagen tussen ontvangst en uiterste datum"),
}

# One placeholder: a name in single braces. Doubled braces ({{ … }}) are left alone.
_PLACEHOLDER = re.compile(r"(?<!\{)\{([A-Za-z_]{1,40})\}(?!\})")
# Text the council still has to fill in: [like this].
_OPEN = re.compile(r"\[[^\[\]\n]{1,80}\]")


# --- filling ----------------------------------------------------------------------------------


def fill(text: str, values: dict[str, str]) -> str:
    """``text`` with every known placeholder replaced by its value, as plain text. Unknown
    placeholders and those without a value become ``[name]``. Nothing else is touched."""

    def replace(match: re.Match) -> str:
        name = match.group(1).lower()
        value = values.get(name) if name in PLACEHOLDERS else None
        return value if value else f"[{name}]"

    return _PLACEHOLDER.sub(replace, text or "")


def placeholders_in(text: str) -> list[str]:
    """The placeholder names ``text`` uses, in order, each once."""
    seen: list[str] = []
    for match in _PLACEHOLDER.finditer(text or ""):
        name = match.group(1).lower()
        if name not in seen:
            seen.append(name)
    return seen


def unknown_placeholders(text: str) -> list[str]:
    return [name for name in placeholders_in(text) if name not in PLACEHOLDERS]


def open_brackets(*texts: str) -> list[str]:
    """The ``[…]`` passages still in a letter (to fill in before it goes out), each once."""
    found: list[str] = []
    for text in texts:
        for match in _OPEN.finditer(text or ""):
            if match.group() not in found:
                found.append(match.group())
    return found


def split_open(line: str) -> list[tuple[str, bool]]:
    """A line in pieces, each with whether it is a ``[…]`` passage still to fill in (the DOCX
    marks those, so the council finds them in a word processor too)."""
    pieces, start = [], 0
    for match in _OPEN.finditer(line or ""):
        if match.start() > start:
            pieces.append((line[start : match.start()], False))
        pieces.append((match.group(), True))
        start = match.end()
    if start < len(line or ""):
        pieces.append((line[start:], False))
    return pieces


def dutch_date(value: datetime.date | None) -> str:
    """4 december 2026: letters are written in Dutch, whatever language the page is in."""
    if value is None:
        return ""
    with translation.override("nl"):
        return formats.date_format(value, "j F Y")


def _names(seats) -> str:
    names = [s.person.get_full_name().strip() for s in seats]
    return _join([n for n in names if n])


def _join(names: list[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    # Part of the letter's Dutch text, like the template around it.
    return ", ".join(names[:-1]) + " en " + names[-1]


def council_place(council: Council) -> str:
    """Where the council is: the place of its provider's first location ('' when unknown)."""
    location = (
        ProviderLocation.objects.filter(provider_id=council.provider_id)
        .exclude(place="")
        .order_by("pk")
        .first()
    )
    return location.place if location else ""


def placeholder_values(
    *, council: Council, trajectory: Trajectory | None = None, today: datetime.date | None = None
) -> dict[str, str]:
    """What each placeholder is filled with for this council (and trajectory, if any). A
    placeholder with nothing to fill it with is absent (so it stays ``[name]``)."""
    today = today or timezone.localdate()
    seats = list(
        selectors.seat_holders(council, today=today).filter(
            role__in=(SeatRole.VOORZITTER, SeatRole.SECRETARIS)
        )
    )
    values = {
        "raad": council.name,
        "aanbieder": council.provider.name,
        "plaats": council_place(council),
        "datum": dutch_date(today),
        "voorzitter": _names(s for s in seats if s.role == SeatRole.VOORZITTER),
        "secretaris": _names(s for s in seats if s.role == SeatRole.SECRETARIS),
    }
    if trajectory is not None:
        subject = trajectory.subject
        values.update(
            {
                "titel": trajectory.title,
                "onderwerp": subject.title if subject else "",
                "artikel": subject.article if subject else "",
                "datum_ontvangst": dutch_date(trajectory.received),
                "uiterste_datum": dutch_date(trajectory.deadline),
                "vraag": trajectory.question,
                "termijn_dagen": (
                    str((trajectory.deadline - trajectory.received).days)
                    if trajectory.deadline
                    else ""
                ),
            }
        )
    return {name: value for name, value in values.items() if value}


def filled(
    template: LetterTemplate, *, council: Council, trajectory: Trajectory | None = None
) -> tuple[str, str]:
    """The template's subject line and text filled in for the council (and trajectory)."""
    values = placeholder_values(council=council, trajectory=trajectory)
    return fill(template.subject_line, values)[:SUBJECT_MAX], fill(template.body, values)


# --- reads ------------------------------------------------------------------------------------


def live_templates(kind: str | None = None) -> QuerySet[LetterTemplate]:
    """The templates councils may choose from (``live``), with their knowledge-centre page."""
    qs = LetterTemplate.objects.filter(live=True).select_related("publication")
    if kind:
        qs = qs.filter(kind=kind)
    return qs.order_by("kind", "title", "pk")


def letters_for(council: Council) -> QuerySet[Letter]:
    """The council's letters, newest first, with their trajectory and maker."""
    return (
        Letter.objects.filter(council=council)
        .select_related("trajectory", "created_by")
        .order_by("-created_at", "-pk")
    )


def publication_of(template: LetterTemplate | None):
    """The template's knowledge-centre model letter, when it is published."""
    page = getattr(template, "publication", None) if template else None
    if page is None or not page.live:
        return None
    return page


def letter_date(letter: Letter) -> datetime.date:
    """The date a letter carries: the day it was last edited."""
    return timezone.localdate(letter.updated_at or letter.created_at)


def revision_of(letter: Letter) -> str:
    """A token of the letter's last save: an edit form posts it back, so that of two people
    editing at once the second is told instead of writing over the first."""
    return letter.updated_at.isoformat() if letter.updated_at else ""


# --- the default templates --------------------------------------------------------------------


def default_templates() -> list[dict]:
    """The letters in ``data/letters/*.txt``: a header (``Soort:``, ``Naam:``,
    ``Onderwerp:``), an empty line, then the text."""
    keys = {"soort": "kind", "naam": "title", "onderwerp": "subject_line"}
    found = []
    for path in sorted(DATA_DIR.glob("*.txt")):
        header, _sep, body = path.read_text(encoding="utf-8").partition("\n\n")
        row = {"body": body.strip() + "\n"}
        for line in header.splitlines():
            key, _colon, value = line.partition(":")
            if key.strip().lower() in keys:
                row[keys[key.strip().lower()]] = value.strip()
        found.append(row)
    return found


def load_default_templates(model=LetterTemplate) -> int:
    """Add the default templates the database lacks (by kind and name); ones editors changed
    are left as they made them. Takes the model so that a migration can pass its own."""
    made = 0
    for row in default_templates():
        _obj, created = model.objects.get_or_create(
            kind=row["kind"], title=row["title"], defaults=row
        )
        made += created
    return made


# --- writes -----------------------------------------------------------------------------------


def _clean(subject_line: str, body: str) -> tuple[str, str]:
    subject_line = " ".join((subject_line or "").split())
    body = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if "\x00" in subject_line or "\x00" in body:
        raise CouncilworkError(_("De brief bevat een teken dat niet kan. Haal het weg."))
    if not subject_line:
        raise CouncilworkError(_("Vul het onderwerp van de brief in."))
    if len(subject_line) > SUBJECT_MAX:
        raise CouncilworkError(
            _("Het onderwerp is te lang: ten hoogste %(max)s tekens.") % {"max": SUBJECT_MAX}
        )
    if not body:
        raise CouncilworkError(_("De brief heeft nog geen tekst."))
    if len(body) > BODY_MAX:
        raise CouncilworkError(
            _("De brief is te lang: ten hoogste %(max)s tekens.")
            % {"max": f"{BODY_MAX:,}".replace(",", ".")}
        )
    return subject_line, body


@transaction.atomic
def create_letter(
    *,
    council: Council,
    by,
    subject_line: str,
    body: str,
    template: LetterTemplate | None = None,
    kind: str = "",
    trajectory: Trajectory | None = None,
) -> Letter:
    """Keep a letter the council made (from a template, as the council edited it). The
    caller has let the person in to manage the council's letters."""
    if template is not None:
        if not template.live:
            raise CouncilworkError(_("Deze modelbrief is niet meer beschikbaar. Kies een andere."))
        kind = template.kind
    if kind not in LetterKind.values:
        raise CouncilworkError(_("Kies een soort brief."))
    if trajectory is not None and trajectory.council_id != council.pk:
        raise CouncilworkError(_("Dit traject hoort niet bij deze raad."))
    subject_line, body = _clean(subject_line, body)
    letter = Letter.objects.create(
        council=council,
        trajectory=trajectory,
        template=template,
        kind=kind,
        subject_line=subject_line,
        body=body,
        created_by=by if getattr(by, "is_authenticated", False) else None,
    )
    log_change(by=by, council=council, obj=letter, what="letter")
    return letter


@transaction.atomic
def update_letter(
    *, letter: Letter, by, subject_line: str, body: str, revision: str | None = None
) -> Letter:
    """Save the council's edits. With ``revision`` (from :func:`revision_of` when the form was
    opened): refused when someone saved the letter in between, so nothing is overwritten."""
    current = Letter.objects.select_for_update().get(pk=letter.pk)
    if revision is not None and revision != revision_of(current):
        raise CouncilworkError(
            _(
                "Iemand anders heeft deze brief intussen bewaard. Uw tekst staat hieronder nog. "
                "Kijk de brief na en bewaar opnieuw."
            )
        )
    current.subject_line, current.body = _clean(subject_line, body)
    current.save(update_fields=["subject_line", "body", "updated_at"])
    log_change(by=by, council=current.council, obj=current, what="letter")
    return current


@transaction.atomic
def delete_letter(*, letter: Letter, by) -> None:
    log_change(by=by, council=letter.council, obj=letter, what="letter-deleted")
    letter.delete()
