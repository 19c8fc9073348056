"""Take what identifies people out of a Vraagbaak text before it becomes a knowledge draft.

``scrub(text, names=...)`` replaces e-mail addresses, Dutch phone numbers, postcodes and
street addresses, BSNs (elfproef, python-stdnum) and IBANs (check digits, python-stdnum) by
neutral placeholders, and then every name it is given: people ("[naam]"), councils
("[cliëntenraad]") and care providers ("[zorgaanbieder]"). ``known_names(question)`` collects
the names the project knows. A reviewer still reads the draft before it is published: the
scrubber removes what it can recognise, not what only a person would.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from stdnum import iban as stdnum_iban
from stdnum.nl import bsn as stdnum_bsn

# Placeholders are built at call time so they follow the active language.


def _ph(kind: str) -> str:
    return {
        "naam": _("[naam]"),
        "email": _("[e-mailadres]"),
        "phone": _("[telefoonnummer]"),
        "council": _("[cliëntenraad]"),
        "provider": _("[zorgaanbieder]"),
        "postcode": _("[postcode]"),
        "address": _("[adres]"),
        "bsn": _("[BSN]"),
        "iban": _("[IBAN]"),
    }[kind]


EMAIL = re.compile(r"[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
# An IBAN: two letters, two check digits, 11–30 letters or digits, perhaps in groups of four.
IBAN = re.compile(r"(?<![\w])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}(?![\w])")
# A BSN: nine digits, perhaps written 1234.56.789 or 123 456 789.
BSN = re.compile(r"(?<![\w+])\d(?:[ .-]?\d){8}(?![\w])")
# Dutch phone numbers: 06-12345678, 06 1234 5678, 020-1234567, (020) 123 45 67,
# +31 6 12345678, +31 (0)20 123 4567, 0031 20 …, and 0800/0900/088 service numbers.
_SEP = r"[ .\-/]?"
PHONE = re.compile(
    r"(?<![\w+])(?:"
    r"(?:\+|00)31" + _SEP + r"(?:\(0\)" + _SEP + r")?[1-9](?:" + _SEP + r"\d){8}"
    r"|\(0\d{1,3}\)" + _SEP + r"\d(?:" + _SEP + r"\d){5,7}"
    r"|0[89]0{2}" + _SEP + r"\d(?:" + _SEP + r"\d){3,6}"
    r"|0[1-9](?:" + _SEP + r"\d){8}"
    r")(?![\w])"
)
POSTCODE = re.compile(r"(?<![\w])[1-9]\d{3} ?(?!SA|SD|SS)[A-Za-z]{2}(?![\w])")
_STREET = r"(?:straat|laan|weg|plein|gracht|kade|singel|dreef|hof|pad|dijk|steeg|markt|park|erf)"
ADDRESS = re.compile(
    r"(?<![\w])[A-Z][\w'-]*" + _STREET + r"(?: \d{1,5}(?: ?[a-zA-Z](?![\w]))?(?:[- ]\d{1,4})?)",
    re.UNICODE,
)

MIN_NAME = 3


@dataclass
class Names:
    """What to remove: people's names (full names and their parts), councils, providers."""

    people: set[str] = field(default_factory=set)
    councils: set[str] = field(default_factory=set)
    providers: set[str] = field(default_factory=set)

    def add_person(self, first: str = "", last: str = "", full: str = "") -> None:
        for value in (full, f"{first} {last}", first, last):
            value = " ".join((value or "").split())
            if len(value) >= MIN_NAME:
                self.people.add(value)
        # "de Vries" is also written "De Vries", and without its prefix.
        parts = (last or "").split()
        if len(parts) > 1 and len(parts[-1]) >= MIN_NAME:
            self.people.add(parts[-1])
            self.people.add(" ".join([parts[0].capitalize(), *parts[1:]]))


def _names_pattern(values: set[str], *, ignore_case: bool) -> re.Pattern | None:
    words = sorted({v for v in values if len(v) >= MIN_NAME}, key=len, reverse=True)
    if not words:
        return None
    alternatives = "|".join(r"\s+".join(map(re.escape, w.split())) for w in words)
    flags = re.IGNORECASE if ignore_case else 0
    return re.compile(r"(?<![\w])(?:" + alternatives + r")(?![\w])", flags)


def _valid_iban(match: re.Match) -> str:
    return _ph("iban") if stdnum_iban.is_valid(match.group(0)) else match.group(0)


def _valid_bsn(match: re.Match) -> str:
    digits = re.sub(r"\D", "", match.group(0))
    return _ph("bsn") if stdnum_bsn.is_valid(digits) else match.group(0)


def scrub(text: str, *, names: Names | None = None) -> str:
    """The text with people's details replaced by placeholders."""
    if not text:
        return ""
    out = EMAIL.sub(_ph("email"), text)
    out = IBAN.sub(_valid_iban, out)
    out = PHONE.sub(_ph("phone"), out)
    out = BSN.sub(_valid_bsn, out)
    out = POSTCODE.sub(_ph("postcode"), out)
    out = ADDRESS.sub(_ph("address"), out)
    if names is not None:
        # Councils first: their names often hold a provider's ("Cliëntenraad De Linde").
        for values, kind in (
            (names.councils, "council"),
            (names.providers, "provider"),
            (names.people, "naam"),
        ):
            # People's names only as written with capitals: "Ben" is a name, "ik ben" is not.
            pattern = _names_pattern(values, ignore_case=kind != "naam")
            if pattern is not None:
                out = pattern.sub(_ph(kind), out)
    return out


def known_names(question=None) -> Names:
    """Every name the project knows: users, the question's asker, councils, care providers
    and their locations."""
    from django.contrib.auth import get_user_model

    from raadsplein.organisations.models import CareProvider, Council, ProviderLocation

    names = Names()
    for first, last in get_user_model().objects.values_list("first_name", "last_name"):
        names.add_person(first, last)
    if question is not None and question.asker_name:
        names.add_person(full=question.asker_name)
        for part in question.asker_name.split():
            if len(part) >= MIN_NAME and part[0].isupper():
                names.people.add(part)
    names.councils.update(n for n in Council.objects.values_list("name", flat=True) if n)
    names.providers.update(n for n in CareProvider.objects.values_list("name", flat=True) if n)
    names.providers.update(n for n in ProviderLocation.objects.values_list("name", flat=True) if n)
    return names
