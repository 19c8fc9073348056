"""Writes for the reports: the quotes policy staff choose (``report_models.ReportQuote``)."""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from .models import CoSignature, Dossier, Signal
from .privacy_check import find_personal_data
from .report_models import ReportQuote
from .services import SignalError

QUOTE_MIN, QUOTE_MAX = 10, 1000

audit.register_action(
    "advocacy.quote.add", gettext_lazy("Signalen: citaat voor een rapport gekozen")
)
audit.register_action(
    "advocacy.quote.remove", gettext_lazy("Signalen: citaat voor een rapport verwijderd")
)


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().casefold()


def _parts(text: str) -> list[str]:
    """The pieces of an excerpt; staff leave words out with an ellipsis ("…" or "...")."""
    return [p for p in (_words(x) for x in re.split(r"…|\.\.\.", text)) if p]


@transaction.atomic
def add_quote(
    *,
    by,
    text: str,
    signal: Signal | None = None,
    cosignature: CoSignature | None = None,
    dossier: Dossier | None = None,
) -> ReportQuote:
    """A policy advisor chooses an excerpt of a signal's text or a co-signature's account.
    Every piece of the excerpt (words left out are marked with "…") must be in the source, so
    a quote is always the council's own words; one that seems to hold personal data (names
    after "mevrouw", e-mail, phone, BSN: ``privacy_check``) is refused."""
    if (signal is None) == (cosignature is None):
        raise SignalError(_("Kies een signaal of een 'wij zien dit ook'."))
    text = (text or "").strip()
    if len(text) < QUOTE_MIN:
        raise SignalError(_("Een citaat heeft minstens %(n)d tekens.") % {"n": QUOTE_MIN})
    if len(text) > QUOTE_MAX:
        raise SignalError(_("Een citaat heeft ten hoogste %(n)d tekens.") % {"n": QUOTE_MAX})
    source = signal.description if signal is not None else cosignature.account
    haystack = _words(source)
    if not _parts(text) or any(part not in haystack for part in _parts(text)):
        raise SignalError(
            _(
                "Dit citaat staat niet letterlijk in de tekst. Neem de woorden over zoals de "
                "raad ze schreef; laat u iets weg, zet dan … op die plaats."
            )
        )
    found = find_personal_data(text)
    if found:
        # A report goes out: unlike the member's form (a warning), a quote is refused.
        raise SignalError(
            _(
                "Dit citaat lijkt persoonsgegevens te bevatten (%(what)s). Een rapport gaat "
                "naar buiten: kies een stuk tekst zonder namen, e-mailadressen, "
                "telefoonnummers of BSN, of laat dat deel weg met …"
            )
            % {"what": ", ".join(sorted({str(f.label) for f in found}))}
        )
    quote = ReportQuote.objects.create(
        signal=signal, cosignature=cosignature, dossier=dossier, text=text, chosen_by=by
    )
    source_signal = signal if signal is not None else cosignature.signal
    audit.log(
        actor=by,
        action="advocacy.quote.add",
        obj=quote,
        council=source_signal.council_id,
        data={"signal": source_signal.pk, "dossier": dossier.pk if dossier else None},
    )
    return quote


@transaction.atomic
def remove_quote(*, quote: ReportQuote, by) -> None:
    signal_id = quote.source_signal_id
    audit.log(actor=by, action="advocacy.quote.remove", obj=quote, data={"signal": signal_id})
    quote.delete()
