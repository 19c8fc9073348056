"""The scrubber that makes a question fit for the knowledge centre: no database needed."""

import string

from hypothesis import given, settings
from hypothesis import strategies as st

from raadsplein.helpdesk.scrub import Names, scrub

WORDS = st.lists(
    st.text(alphabet=string.ascii_lowercase + "ëé", min_size=1, max_size=8), max_size=6
).map(" ".join)

LOCAL = st.text(alphabet=string.ascii_letters + string.digits + "._-+", min_size=1, max_size=12)
DOMAIN = st.text(alphabet=string.ascii_lowercase + string.digits, min_size=1, max_size=10)
EMAILS = st.builds(
    lambda a, b, tld: f"{a}@{b}.{tld}", LOCAL, DOMAIN, st.sampled_from(["nl", "com", "org.uk"])
)

SEP = st.sampled_from(["", " ", "-"])
DIGITS = st.text(alphabet=string.digits, min_size=8, max_size=8)


def _grouped(digits: str, sep: str) -> str:
    return sep.join(digits[i : i + 2] for i in range(0, len(digits), 2)) if sep else digits


MOBILE = st.builds(lambda s, d, g: f"06{s}{_grouped(d, g)}", SEP, DIGITS, SEP)
LANDLINE = st.builds(
    lambda area, s, d: f"0{area}{s}{d[: 9 - len(area)]}",
    st.sampled_from(["20", "10", "30", "70", "40", "50", "229", "546"]),
    SEP,
    DIGITS,
)
INTERNATIONAL = st.builds(
    lambda cc, s, zero, d: f"{cc}{s}{zero}6{s}{d}",
    st.sampled_from(["+31", "0031"]),
    st.sampled_from([" ", ""]),
    st.sampled_from(["", "(0)"]),
    DIGITS,
)
FREE = st.builds(
    lambda pre, s, d: f"{pre}{s}{d}",
    st.sampled_from(["0800", "0900"]),
    SEP,
    st.text(alphabet=string.digits, min_size=4, max_size=7),
)
PHONES = st.one_of(MOBILE, LANDLINE, INTERNATIONAL, FREE)
GLUE = st.sampled_from([" ", ", ", ": ", " (", "\n", ". "])


@settings(max_examples=150, deadline=None)
@given(before=WORDS, glue=GLUE, secret=st.one_of(EMAILS, PHONES), after=WORDS)
def test_no_email_address_or_phone_number_survives(before, glue, secret, after):
    out = scrub(f"{before}{glue}{secret}{glue[::-1]}{after}")
    assert secret not in out
    assert "[e-mailadres]" in out or "[telefoonnummer]" in out


def test_dutch_details_become_placeholders_and_ordinary_numbers_stay():
    text = (
        "Mijn BSN is 111222333 en mijn IBAN NL91 ABNA 0417 1643 00. Ik woon op de "
        "Dorpsstraat 12a, 1234 AB Utrecht. Bel 020-1234567 of +31 (0)6 12345678. "
        "Er zijn 120 cliënten en 35 medewerkers; artikel 3 lid 2 Wmcz 2018."
    )
    out = scrub(text)
    for secret in ("111222333", "NL91", "0417", "Dorpsstraat 12a", "1234 AB", "020-1234567"):
        assert secret not in out
    for placeholder in ("[BSN]", "[IBAN]", "[adres]", "[postcode]", "[telefoonnummer]"):
        assert placeholder in out
    # Numbers that identify no one stay readable.
    assert "120 cliënten" in out and "artikel 3 lid 2 Wmcz 2018" in out
    # Nine digits that fail the elfproef are no BSN.
    assert "123456789" in scrub("Kenmerk 123456789.")


def test_names_of_people_councils_and_providers_are_replaced():
    names = Names()
    names.add_person("Ineke", "de Boer")
    names.add_person("Ben", "Akkerman")
    names.councils.add("Cliëntenraad Zorggroep De Linde")
    names.providers.add("Zorggroep De Linde")
    out = scrub(
        "Ineke de Boer van de cliëntenraad zorggroep de linde vraagt: mag Zorggroep De Linde "
        "dit zonder ons? Groet, Ineke. Antwoord van De Boer en Ben. Ik ben blij.",
        names=names,
    )
    assert "Ineke" not in out and "Boer" not in out and "Linde" not in out
    assert out.count("[cliëntenraad]") == 1 and out.count("[zorgaanbieder]") == 1
    assert "[naam] van de [cliëntenraad]" in out
    # "ben" as a verb is no name.
    assert "Ik ben blij." in out and "en [naam]." in out
