"""Importing the existing list from a CSV file: the staff's screen and
``manage.py import_subscribers`` call the same service.

The file has a header line with the columns ``email`` (required), ``naam``, ``aanspreekvorm``
(``u`` or ``je``), ``sectoren`` and ``themas``; sectors and themes by code or name, several
in one cell separated by ``;`` or ``|`` (or ``,`` when the file itself uses ``;``). Commas,
semicolons and tabs all work as the separator of the columns (Excel writes ``;``).

``read_file`` checks every line and says what an import would do: the addresses it adds, the
ones it skips because they are on the list already (whatever their state: an import never
puts back someone who unsubscribed), duplicates inside the file (the first counts, the others
are reported), and the errors per line with Dutch reasons. ``import_subscribers`` reads the
file again and imports only when there is no error at all: one bad line and nothing is
imported. Imported subscribers are active (the organisation had their consent) with the
consent source ``import: <source>`` and the moment of the import.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from raadsplein.accounts.models import FormOfAddress
from raadsplein.audit import services as audit
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CareSector

from .models import Subscriber, SubscriberStatus
from .services import NewsletterError, normalise_email

MAX_BYTES = 5 * 1024 * 1024
MAX_LINES = 50_000
COLUMNS = {
    "email": "email",
    "e-mail": "email",
    "e-mailadres": "email",
    "emailadres": "email",
    "naam": "naam",
    "aanspreekvorm": "aanspreekvorm",
    "sectoren": "sectoren",
    "sector": "sectoren",
    "themas": "themas",
    "thema's": "themas",
    "thema": "themas",
}
FORMS = {
    "": FormOfAddress.FORMAL,
    "u": FormOfAddress.FORMAL,
    "formeel": FormOfAddress.FORMAL,
    "je": FormOfAddress.INFORMAL,
    "jij": FormOfAddress.INFORMAL,
    "informeel": FormOfAddress.INFORMAL,
}


@dataclass
class Row:
    line: int
    email: str
    name: str = ""
    form_of_address: str = FormOfAddress.FORMAL
    sector_codes: list[str] = field(default_factory=list)
    theme_ids: list[int] = field(default_factory=list)


@dataclass
class Report:
    """What the file holds, line by line (line 1 is the header)."""

    new: list[Row] = field(default_factory=list)
    existing: list[tuple[int, str]] = field(default_factory=list)
    duplicates: list[tuple[int, str, int]] = field(default_factory=list)  # line, address, first
    errors: list[tuple[int, str]] = field(default_factory=list)
    imported: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def lines(self) -> int:
        return len(self.new) + len(self.existing) + len(self.duplicates) + len(self.errors)


def decode(content: bytes | str) -> str:
    if isinstance(content, str):
        return content
    if len(content) > MAX_BYTES:
        raise NewsletterError(_("Het bestand is groter dan 5 MB. Splits het in delen."))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise NewsletterError(_("Het bestand is geen tekstbestand. Sla het op als CSV (UTF-8)."))


def _dialect(text: str):
    sample = text[:4096]
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        return csv.excel


class _Lookup:
    """Sectors by code or name, themes by code or name; lower-cased, read once."""

    def __init__(self, delimiter: str) -> None:
        self.sectors: dict[str, str] = {}
        for code, name in CareSector.objects.values_list("pk", "name"):
            self.sectors[code.lower()] = code
            self.sectors[name.lower()] = code
        self.themes: dict[str, int] = {}
        for pk, slug, name in Theme.objects.values_list("pk", "slug", "name"):
            self.themes[name.lower()] = pk
            if slug:
                self.themes[slug.lower()] = pk
        self.split = re.compile(r"[;|,]" if delimiter != "," else r"[;|]")

    def find(self, value: str, table: dict, what: str, errors: list[str]) -> list:
        found, pieces = [], [p.strip() for p in self.split.split(value or "") if p.strip()]
        for piece in pieces:
            key = piece.lower()
            if key in table:
                found.append(table[key])
            elif "," in piece and all(p.strip().lower() in table for p in piece.split(",")):
                found += [table[p.strip().lower()] for p in piece.split(",")]
            else:
                errors.append(_("onbekende %(what)s ‘%(value)s’") % {"what": what, "value": piece})
        return sorted(set(found))


def _header(reader) -> dict[int, str]:
    try:
        names = next(reader)
    except StopIteration as error:
        raise NewsletterError(_("Het bestand is leeg.")) from error
    columns, unknown = {}, []
    for index, raw in enumerate(names):
        name = raw.strip().lower()
        if not name:
            continue
        if name not in COLUMNS:
            unknown.append(raw.strip())
        else:
            columns[index] = COLUMNS[name]
    if unknown:
        raise NewsletterError(
            _(
                "Regel 1: onbekende kolom %(names)s. "
                "Gebruik email, naam, aanspreekvorm, sectoren, themas."
            )
            % {"names": ", ".join(f"‘{n}’" for n in unknown)}
        )
    if "email" not in columns.values():
        raise NewsletterError(
            _("Regel 1: de kolom ‘email’ ontbreekt. De eerste regel noemt de kolommen.")
        )
    return columns


def _parse_line(line: int, values: dict[str, str], lookup: _Lookup) -> tuple[Row | None, str]:
    problems: list[str] = []
    email = ""
    try:
        email = normalise_email(values.get("email", ""))
    except NewsletterError as error:
        problems.append(str(error).rstrip("."))
    name = values.get("naam", "").strip()
    if len(name) > 120:
        problems.append(_("de naam is langer dan 120 tekens"))
    form = values.get("aanspreekvorm", "").strip().lower()
    if form not in FORMS:
        problems.append(_("aanspreekvorm ‘%(value)s’: gebruik u of je") % {"value": form})
    sectors = lookup.find(values.get("sectoren", ""), lookup.sectors, _("sector"), problems)
    themes = lookup.find(values.get("themas", ""), lookup.themes, _("thema"), problems)
    if "\x00" in "".join(values.values()):
        problems.append(_("er staat een ongeldig teken in de regel"))
    if problems:
        return None, "; ".join(problems)
    row = Row(line, email, name, FORMS[form], list(sectors), list(themes))
    return row, ""


def read_file(content: bytes | str) -> Report:
    """Check the whole file and say what importing it would do; changes nothing."""
    text = decode(content)
    dialect = _dialect(text)
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    columns = _header(reader)
    lookup = _Lookup(getattr(dialect, "delimiter", ","))
    report, seen, rows = Report(), {}, []
    for number, cells in enumerate(reader, start=2):
        if number > MAX_LINES + 1:
            raise NewsletterError(
                _("Het bestand heeft meer dan %(n)s regels. Splits het in delen.")
                % {"n": MAX_LINES}
            )
        if not any(c.strip() for c in cells):
            continue
        if len(cells) > max(columns) + 1 and any(c.strip() for c in cells[max(columns) + 1 :]):
            report.errors.append((number, _("meer waarden dan kolommen")))
            continue
        values = {columns[i]: c for i, c in enumerate(cells) if i in columns}
        row, problem = _parse_line(number, values, lookup)
        if row is None:
            report.errors.append((number, problem))
            continue
        if row.email in seen:
            report.duplicates.append((number, row.email, seen[row.email]))
            continue
        seen[row.email] = number
        rows.append(row)
    present = set(
        Subscriber.objects.filter(email__in=[r.email for r in rows]).values_list("email", flat=True)
    )
    for row in rows:
        if row.email in present:
            report.existing.append((row.line, row.email))
        else:
            report.new.append(row)
    return report


def consent_source(source: str) -> str:
    source = " ".join((source or "").split())
    if not source:
        raise NewsletterError(
            _("Vul in waar de toestemming vandaan komt, bijvoorbeeld ‘ledenlijst 2025’.")
        )
    return f"import: {source}"[:120]


@transaction.atomic
def import_subscribers(*, content: bytes | str, source: str, by=None, dry_run=False) -> Report:
    """Import the file when every line is right; otherwise (or ``dry_run``) import nothing and
    return the report. Audit ``newsletter.subscriber.imported`` with the counts."""
    recorded = consent_source(source)
    report = read_file(content)
    if dry_run or not report.ok or not report.new:
        return report
    now = timezone.now()
    subscribers = [
        Subscriber(
            email=row.email,
            name=row.name,
            form_of_address=row.form_of_address,
            status=SubscriberStatus.ACTIVE,
            consent_source=recorded,
            consent_at=now,
        )
        for row in report.new
    ]
    try:
        with transaction.atomic():
            Subscriber.objects.bulk_create(subscribers, batch_size=1000)
    except IntegrityError as error:
        raise NewsletterError(
            _("Tijdens het importeren kwam een van deze adressen op de lijst. Probeer het opnieuw.")
        ) from error
    sectors, themes = Subscriber.sectors.through, Subscriber.themes.through
    sectors.objects.bulk_create(
        [
            sectors(subscriber_id=s.pk, caresector_id=code)
            for s, row in zip(subscribers, report.new, strict=True)
            for code in row.sector_codes
        ],
        batch_size=2000,
    )
    themes.objects.bulk_create(
        [
            themes(subscriber_id=s.pk, theme_id=pk)
            for s, row in zip(subscribers, report.new, strict=True)
            for pk in row.theme_ids
        ],
        batch_size=2000,
    )
    report.imported = len(subscribers)
    audit.log(
        actor=by,
        action="newsletter.subscriber.imported",
        data={
            "source": recorded,
            "added": report.imported,
            "skipped_existing": len(report.existing),
            "duplicates_in_file": len(report.duplicates),
        },
    )
    return report
