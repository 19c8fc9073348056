"""The staff export of signals, as CSV and XLSX, in constant memory.

Rows are read with ``values_list(...).iterator(chunk_size=CHUNK)``: never a list of every
signal, never a model instance per row. Themes and sectors (many-to-many) are read per chunk
of rows, one query each, and joined in Python; the memory used is that of one chunk, however
many rows there are. CSV is written row by row into a ``StreamingHttpResponse``; XLSX is
written by openpyxl in write-only mode (which keeps rows in a temporary file, not in memory)
into a temporary file that is then streamed and removed.

The export is for policy staff (``advocacy.triage_signals``). It holds the council's name and
the signal's text, not the reporter: who reported is not needed to work on the signal's
content, and a file travels further than a screen.
"""

from __future__ import annotations

import csv
import datetime
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import CoSignature, Signal

CHUNK = 2000


def cell(value):
    """Text a spreadsheet would read as a formula gets a leading quote (CSV injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


@dataclass(frozen=True)
class ExportFilters:
    start: datetime.date | None = None
    end: datetime.date | None = None
    theme: object = None
    sector: object = None
    province: str = ""
    state: object = None

    def apply(self, qs: QuerySet[Signal]) -> QuerySet[Signal]:
        if self.start:
            qs = qs.filter(created_at__date__gte=self.start)
        if self.end:
            qs = qs.filter(created_at__date__lte=self.end)
        if self.theme is not None:
            qs = qs.filter(themes=self.theme)
        if self.sector is not None:
            qs = qs.filter(sectors=self.sector)
        if self.province:
            qs = qs.filter(province=self.province)
        if self.state is not None:
            qs = qs.filter(state=self.state)
        return qs


def header() -> list[str]:
    return [
        _("Nummer"),
        _("Gemeld op"),
        _("Titel"),
        _("Wat gebeurt er"),
        _("Sinds"),
        _("Aantal cliënten"),
        _("Raad"),
        _("Naam van de raad tonen"),
        _("Provincie"),
        _("Zorgsectoren"),
        _("Thema's"),
        _("Zorgaanbieder"),
        _("Zorgaanbieder verborgen"),
        _("Stap"),
        _("Stap voor raden"),
        _("Raden die het ook zien"),
        _("Samengevoegd met"),
        _("Uit de Vraagbaak"),
        _("Afgesloten op"),
        _("Geanonimiseerd"),
    ]


COLUMNS = (
    "pk",
    "created_at",
    "title",
    "description",
    "since",
    "clients_affected",
    "council__name",
    "named",
    "province",
    "provider__name",
    "provider_hidden",
    "state__name",
    "public_state__name",
    "cosigners",
    "merged_into_id",
    "question_id",
    "closed_at",
    "anonymised_at",
)


def _rows_query(qs: QuerySet[Signal]):
    cosigners = (
        CoSignature.objects.filter(signal=OuterRef("pk"), withdrawn_at__isnull=True)
        .order_by()
        .values("signal")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        qs.order_by("pk")
        .annotate(cosigners=Coalesce(Subquery(cosigners, output_field=IntegerField()), 0))
        .values_list(*COLUMNS)
    )


def _names(through, pks: list[int], field: str) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for signal_id, name in (
        through.objects.filter(signal_id__in=pks)
        .order_by(f"{field}__name")
        .values_list("signal_id", f"{field}__name")
    ):
        found.setdefault(signal_id, []).append(name)
    return found


def _chunked(qs: QuerySet[Signal]) -> Iterator[list[tuple]]:
    chunk: list[tuple] = []
    for row in _rows_query(qs).iterator(chunk_size=CHUNK):
        chunk.append(row)
        if len(chunk) >= CHUNK:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _local(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def rows(qs: QuerySet[Signal]) -> Iterator[list]:
    """Every signal of ``qs`` as a row of plain values (the header's columns), in pk order."""
    from raadsplein.organisations.models import Province

    from .models import ClientsAffected

    yes, no = _("ja"), _("nee")
    provinces = dict(Province.choices)
    clients = {k: str(v) for k, v in ClientsAffected.choices}
    themes_through = Signal.themes.through
    sectors_through = Signal.sectors.through
    for chunk in _chunked(qs):
        pks = [row[0] for row in chunk]
        themes = _names(themes_through, pks, "theme")
        sectors = _names(sectors_through, pks, "caresector")
        for (
            pk,
            created_at,
            title,
            description,
            since,
            clients_affected,
            council,
            named,
            province,
            provider,
            provider_hidden,
            state,
            public_state,
            cosigners,
            merged_into,
            question,
            closed_at,
            anonymised_at,
        ) in chunk:
            yield [
                f"S-{pk}",
                _local(created_at),
                cell(title),
                cell(description),
                _local(since),
                clients.get(clients_affected, clients_affected),
                cell(council),
                yes if named else no,
                provinces.get(province, province),
                cell(", ".join(sectors.get(pk, []))),
                cell(", ".join(themes.get(pk, []))),
                cell(provider or ""),
                yes if provider_hidden else no,
                state,
                public_state,
                cosigners,
                f"S-{merged_into}" if merged_into else "",
                yes if question else no,
                _local(closed_at),
                yes if anonymised_at else no,
            ]


class _Echo:
    """A file-like object whose write returns what it is given (csv.writer into a stream)."""

    def write(self, value):
        return value


def csv_stream(qs: QuerySet[Signal]) -> Iterator[str]:
    """The CSV, line by line: a BOM (so spreadsheet programs read UTF-8), the header, rows."""
    writer = csv.writer(_Echo(), delimiter=";")
    yield "\ufeff" + writer.writerow(header())
    for row in rows(qs):
        yield writer.writerow(row)


def xlsx_file(qs: QuerySet[Signal]):
    """The XLSX in a temporary file (rewound, removed when closed)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    def clean(value):
        # Control characters a member pasted would make openpyxl refuse the whole file.
        return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value

    wb = Workbook(write_only=True)
    ws = wb.create_sheet(_("Signalen")[:31])
    ws.append(header())
    for row in rows(qs):
        ws.append([clean(v) for v in row])
    # Closed (and so removed) by the response once it is sent.
    out = tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115
    wb.save(out)
    out.seek(0)
    return out


def file_chunks(handle, size: int = 64 * 1024) -> Iterable[bytes]:
    try:
        while block := handle.read(size):
            yield block
    finally:
        handle.close()
