"""The personal-data detector: what it finds, and what it leaves alone (false positives)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.nl import bsn

from raadsplein.advocacy.privacy_check import (
    BSN,
    EMAIL,
    NAME,
    PHONE,
    find_in_fields,
    find_personal_data,
)


def kinds(text):
    return [(f.kind, f.text) for f in find_personal_data(text)]


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Mevrouw Jansen valt vaak.", [(NAME, "Mevrouw Jansen")]),
        ("Gisteren belde dhr. P. de Vries.", [(NAME, "dhr. P. de Vries")]),
        ("meneer van der Berg wacht", [(NAME, "meneer van der Berg")]),
        (
            "mw. de Groot en mevr. Özdemir-Bakker",
            [(NAME, "mw. de Groot"), (NAME, "mevr. Özdemir-Bakker")],
        ),
        ("Zoals de heer Bakker zei", [(NAME, "de heer Bakker")]),
        ("Mail jan.jansen@example.nl even.", [(EMAIL, "jan.jansen@example.nl")]),
        ("Bel 06-12345678.", [(PHONE, "06-12345678")]),
        (
            "Bel +31 6 1234 5678 of 0031 20 123 4567",
            [(PHONE, "+31 6 1234 5678"), (PHONE, "0031 20 123 4567")],
        ),
        ("Vaste lijn 020-1234567 of 0318 123456", [(PHONE, "020-1234567"), (PHONE, "0318 123456")]),
        ("BSN 111222333 staat op het formulier", [(BSN, "111222333")]),
        ("BSN 123.456.782", [(BSN, "123.456.782")]),
    ],
)
def test_it_finds_personal_data(text, found):
    assert kinds(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "De meneer op kamer 4 wacht lang.",  # no name after the form of address
        "Mevrouw",
        "Ordernummer 123456789 klopt niet.",  # nine digits that fail the elfproef
        "Sinds 2023 merken 250 cliënten dat het personeel wisselt.",
        "Het tarief steeg van 1.234.567 naar 1.345.678 euro.",
        "Een wachtlijst van 12 weken, 3 keer per week, 06:00 uur.",
        "Kijk op www.voorbeeld.nl voor de regeling.",
        "",
    ],
)
def test_ordinary_text_is_not_flagged(text):
    assert kinds(text) == []


def test_findings_over_fields_are_not_repeated():
    found = find_in_fields("Mevrouw Jansen", "Mevrouw Jansen wacht. Bel 06-12345678.")
    assert [(f.kind, f.text) for f in found] == [(NAME, "Mevrouw Jansen"), (PHONE, "06-12345678")]
    assert found[0].label == "een naam"


def _with_check_digit(eight: str) -> str | None:
    """The ninth digit that makes the elfproef hold, if there is one."""
    total = sum(int(d) * w for d, w in zip(eight, range(9, 1, -1), strict=True))
    last = total % 11
    return eight + str(last) if last < 10 else None


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_every_nine_digit_number_passing_the_elfproef_is_found(eight):
    number = _with_check_digit(eight)
    if number is None or int(number) == 0:
        return
    assert bsn.is_valid(number)
    assert kinds(f"Het nummer is {number} volgens de brief.") == [(BSN, number)]


@given(st.integers(min_value=100_000_000, max_value=999_999_999))
def test_a_nine_digit_number_failing_the_elfproef_is_not_flagged(n):
    number = str(n)
    found = kinds(f"Factuur {number} is betaald.")
    assert found == ([(BSN, number)] if bsn.is_valid(number) else [])


@given(st.text(alphabet=st.characters(categories=("Ll", "Zs")), max_size=200))
def test_lower_case_prose_has_nothing_to_flag(text):
    # No capital after a form of address, no digits, no @: nothing can be personal data.
    assert find_personal_data(text) == []


@given(st.text(max_size=300))
def test_findings_are_always_pieces_of_the_text(text):
    for finding in find_personal_data(text):
        assert text[finding.start : finding.end] == finding.text
