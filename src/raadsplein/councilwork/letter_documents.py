"""A council's letter as a file to send: DOCX (python-docx, to edit further in a word
processor) and PDF (``web.pdf.render_pdf``). Both carry the letter as the council edited it,
with the council's name as sender, the place and date, and the subject line."""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import letters
from .models import Letter

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
PDF_TYPE = "application/pdf"


@dataclass(frozen=True)
class LetterHead:
    sender: str
    provider: str
    place_and_date: str
    subject_line: str


def letter_head(letter: Letter) -> LetterHead:
    council = letter.council
    date = letters.dutch_date(letters.letter_date(letter))
    place = letters.council_place(council)
    return LetterHead(
        sender=council.name,
        provider=council.provider.name,
        place_and_date=f"{place}, {date}" if place else date,
        subject_line=letter.subject_line,
    )


def paragraphs(body: str) -> list[list[str]]:
    """The text in paragraphs (split at empty lines), each a list of its lines."""
    blocks = [block.strip("\n") for block in (body or "").replace("\r\n", "\n").split("\n\n")]
    return [block.split("\n") for block in blocks if block.strip()]


def filename(letter: Letter, extension: str) -> str:
    stem = slugify(letter.subject_line)[:60].strip("-") or f"brief-{letter.pk}"
    return f"{stem}.{extension}"


def letter_docx(letter: Letter) -> bytes:
    import docx
    from docx.enum.text import WD_COLOR_INDEX
    from docx.shared import Pt

    head = letter_head(letter)
    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Arial"
    normal.font.size = Pt(11)
    document.core_properties.title = head.subject_line
    document.core_properties.author = head.sender
    document.core_properties.language = "nl-NL"

    sender = document.add_paragraph()
    sender.add_run(head.sender).bold = True
    sender.add_run().add_break()
    sender.add_run(head.provider)
    document.add_paragraph(head.place_and_date)
    subject = document.add_paragraph()
    subject.add_run(_("Onderwerp") + ": ").bold = True
    subject.add_run(head.subject_line)
    for lines in paragraphs(letter.body):
        paragraph = document.add_paragraph()
        for number, line in enumerate(lines):
            run = None
            for text, still_open in letters.split_open(line) or [("", False)]:
                run = paragraph.add_run(text)
                if still_open:
                    run.font.highlight_color = WD_COLOR_INDEX.YELLOW
            if number < len(lines) - 1:
                run.add_break()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def letter_pdf(letter: Letter) -> bytes:
    from raadsplein.web.pdf import render_pdf

    return render_pdf(
        "councilwork/letters/letter_pdf.html",
        {"letter": letter, "head": letter_head(letter), "paragraphs": paragraphs(letter.body)},
        stylesheet="councilwork/letters/letter_pdf.css",
    )
