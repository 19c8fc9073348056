"""Tiny demo PDFs, and ``add_records``: one council filled with many records fast, straight
into the tables in bulk, for the benchmark (bench/bench_councilwork.py) and the query-count
tests. The demo world itself is built by ``demo/councilwork.py``."""

from __future__ import annotations

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from raadsplein.councilwork.models import (
    AgendaItem,
    CouncilDocument,
    Kind,
    Meeting,
    State,
    Trajectory,
    TrajectoryStep,
)
from raadsplein.organisations.models import Council

DAY = datetime.timedelta(days=1)


def tiny_pdf(title: str, lines: list[str] = ()) -> bytes:
    """A valid one-page PDF with a title and a few lines of text, made by hand (fast; no
    layout engine): enough for a demo meeting paper or request."""

    def text(value: str) -> bytes:
        raw = value.encode("cp1252", "replace")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    stream = b"BT /F1 16 Tf 72 770 Td (" + text(title) + b") Tj /F1 11 Tf"
    for line in lines:
        stream += b" 0 -20 Td (" + text(line) + b") Tj"
    stream += b" ET"
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def add_records(
    council: Council,
    *,
    meetings: int,
    trajectories: int,
    documents_count: int,
    by,
    items_per_meeting: int = 5,
    steps_per_trajectory: int = 4,
    years: int = 10,
    files: list[str] | None = None,
) -> None:
    """Fill ``council`` with ``meetings`` meetings (with agenda items, one of them to come),
    ``trajectories`` trajectories (with steps; a quarter open) and ``documents_count``
    document rows spread over the meetings, their items and the trajectories, spread over
    ``years`` years. The document rows share a few stored files (``files``, else one tiny
    PDF stored now). Straight into the tables in bulk: no audit, no mail."""
    now = timezone.now()
    today = timezone.localdate()
    span = years * 365
    if files is None:
        files = [
            default_storage.save(f"councilwork/{council.pk}/bench", ContentFile(tiny_pdf("Bench")))
        ]
    rows = []
    for n in range(meetings):
        # The last one is to come; the rest step back over the years.
        starts = (
            now + 10 * DAY if n == meetings - 1 else now - (1 + n * span // max(meetings, 1)) * DAY
        )
        rows.append(
            Meeting(
                council=council,
                title=f"Vergadering {n + 1}",
                starts_at=starts,
                ends_at=starts + datetime.timedelta(hours=2),
                location="Vergaderzaal",
                minutes="Verslag." if starts < now else "",
                created_by=by,
            )
        )
    made_meetings = Meeting.objects.bulk_create(rows, batch_size=2000)
    items = AgendaItem.objects.bulk_create(
        [
            AgendaItem(
                meeting=m, position=p, title=f"Agendapunt {p}", owner=by, decision_wanted=p == 2
            )
            for m in made_meetings
            for p in range(1, items_per_meeting + 1)
        ],
        batch_size=5000,
    )
    kinds = [Kind.ADVICE, Kind.CONSENT, Kind.UNSOLICITED, Kind.NOMINATION]
    path = [State.RECEIVED, State.DISCUSSED, State.RESPONSE_SENT, State.BOARD_DECIDED, State.CLOSED]
    rows = []
    for n in range(trajectories):
        received = today - (n * span // max(trajectories, 1)) * DAY
        closed = n >= trajectories // 4
        rows.append(
            Trajectory(
                council=council,
                kind=kinds[n % 4],
                title=f"Traject {n + 1}",
                question="Wat vindt de raad ervan?",
                received=received,
                deadline=received + 42 * DAY,
                deadline_source="scheme",
                state=State.CLOSED if closed else path[n % 3],
                outcome="followed" if closed and kinds[n % 4] == Kind.ADVICE else "",
                closed_on=received + 60 * DAY if closed else None,
                created_by=by,
            )
        )
    made_trajectories = Trajectory.objects.bulk_create(rows, batch_size=2000)
    TrajectoryStep.objects.bulk_create(
        [
            TrajectoryStep(
                trajectory=t, state=path[s % len(path)], on=t.received + s * 7 * DAY, by=by
            )
            for t in made_trajectories
            for s in range(steps_per_trajectory)
        ],
        batch_size=5000,
    )
    # Half the documents on agenda items and meetings, half on trajectories.
    owners = []
    for n in range(documents_count):
        if n % 2 == 0 and items:
            item = items[(n // 2) % len(items)]
            owners.append({"meeting": item.meeting, "agenda_item": item if n % 4 == 0 else None})
        elif made_trajectories:
            owners.append({"trajectory": made_trajectories[(n // 2) % len(made_trajectories)]})
        else:
            owners.append({})
    CouncilDocument.objects.bulk_create(
        [
            CouncilDocument(
                council=council,
                title=f"Stuk {n + 1}",
                file=files[n % len(files)],
                original_name=f"stuk-{n + 1}.pdf",
                content_type="application/pdf",
                size=1000,
                uploaded_by=by,
                **owner,
            )
            for n, owner in enumerate(owners)
        ],
        batch_size=5000,
    )
