"""Finding likely personal data in what a member types into a signal, before it is sent.

A signal is about what happens in care, not about whom: other councils and the organisation's
staff read it, so names, e-mail addresses, phone numbers and citizen service numbers (BSN)
should stay out. :func:`find_personal_data` is a pure function: text in, findings out, no
database and no side effects. It errs on the side of asking: the member decides ("versturen
zonder wijzigen"), nothing is refused.

What it looks for:

- a name after a form of address: "mevrouw Jansen", "dhr. P. de Vries", "meneer Van Dam";
- e-mail addresses;
- Dutch phone numbers: 06-12345678, +31 6 1234 5678, 0031 20 123 4567, 020-1234567;
- nine-digit numbers that pass the elfproef of a BSN (python-stdnum's ``stdnum.nl.bsn``);
  a nine-digit number that fails it (an order number, say) is not flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from stdnum.nl import bsn

NAME, EMAIL, PHONE, BSN = "name", "email", "phone", "bsn"

KIND_LABELS = {
    NAME: _("een naam"),
    EMAIL: _("een e-mailadres"),
    PHONE: _("een telefoonnummer"),
    BSN: _("een burgerservicenummer (BSN)"),
}


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    start: int
    end: int

    @property
    def label(self) -> str:
        return str(KIND_LABELS[self.kind])


# Forms of address; "de heer" and "mijnheer" too. Case-insensitive, whole words.
_TITLE = (
    r"(?:mevrouw|mevr\.?|mw\.?|mvr\.?|meneer|mijnheer|mnr\.?|dhr\.?|de\s+heer|"
    r"juffrouw|zuster|broeder|dokter|dr\.?|familie|fam\.?)"
)
# Dutch name particles that may stand before the surname, lower case or capitalised.
_PARTICLE = r"(?:van|de|der|den|ter|ten|te|het|'t|op|in\s+'t|la|le|du|di|da|el|al)"
_CAPITAL_WORD = r"[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ'’]+"
_INITIALS = r"(?:[A-ZÀ-ÖØ-Þ]\.\s?){1,4}"
_NAME_AFTER_TITLE = re.compile(
    rf"(?<![\w])(?i:{_TITLE})\s+"
    rf"(?P<name>(?:{_INITIALS}\s*)?(?:(?i:{_PARTICLE})\s+)*{_CAPITAL_WORD}"
    rf"(?:[\s-]+(?:(?i:{_PARTICLE})\s+)*{_CAPITAL_WORD})?)"
)
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}(?![\w-])")
# +31 / 0031 / 0, an optional "(0)", then nine digits of which the first is not 0; spaces,
# dots and dashes may separate the digits.
_PHONE = re.compile(
    r"(?<![\w+])(?:\+31|0031|0)[\s.-]?(?:\(0\)[\s.-]?)?[1-9](?:[\s.-]?\d){8}(?![\d])"
)
# Nine digits, alone or written 123.456.782 / 123 456 782.
_NINE_DIGITS = re.compile(r"(?<![\d.,-])(?:\d{9}|\d{3}[.\s]\d{3}[.\s]\d{3})(?![\d]|[.,]\d)")


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < b and a < end for a, b in spans)


def find_personal_data(text: str) -> list[Finding]:
    """The likely personal data in ``text``, in the order it appears (no duplicates)."""
    if not text:
        return []
    findings: list[Finding] = []
    taken: list[tuple[int, int]] = []

    def add(kind: str, start: int, end: int) -> None:
        if _overlaps(start, end, taken):
            return
        taken.append((start, end))
        findings.append(Finding(kind=kind, text=text[start:end], start=start, end=end))

    for match in _EMAIL.finditer(text):
        add(EMAIL, *match.span())
    for match in _PHONE.finditer(text):
        add(PHONE, *match.span())
    for match in _NINE_DIGITS.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if int(digits) and bsn.is_valid(digits):
            add(BSN, *match.span())
    for match in _NAME_AFTER_TITLE.finditer(text):
        add(NAME, match.start(), match.end("name"))
    findings.sort(key=lambda f: f.start)
    seen, unique = set(), []
    for finding in findings:
        key = (finding.kind, finding.text)
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def find_in_fields(*texts: str) -> list[Finding]:
    """Findings in several texts (title and description), without duplicates. Positions are
    those within each text; only ``kind`` and ``text`` are meant to be shown."""
    seen, result = set(), []
    for value in texts:
        for finding in find_personal_data(value or ""):
            key = (finding.kind, finding.text)
            if key not in seen:
                seen.add(key)
                result.append(finding)
    return result
