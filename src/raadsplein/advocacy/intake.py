"""From the Vraagbaak to Signalen (issue 13, part 7): an advisor turns a question into a
signal in one step.

The Vraagbaak records every signal an advisor opens as a ``SignalRequest`` and hands it to the
registered sinks (``helpdesk/signals.py``). :class:`AdvocacySink` is ours: it makes a
:class:`~raadsplein.advocacy.models.Signal` for the question's council and answers with the
signal's number, which the Vraagbaak keeps as the request's ``reference``; the signal keeps the
question (``Signal.question``). So the link is kept both ways.

The advisor acts for the council: :func:`signal_from_question` does not ask for a seat on it
(``services.report_signal`` does), and writes an audit record instead. The reporter is the
person who asked when they sit on the council, else nobody.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from . import facts, selectors
from .models import HistoryKind, Signal
from .services import (
    DESCRIPTION_MAX,
    DESCRIPTION_MIN,
    TITLE_MAX,
    SignalError,
    add_history,
    clean_text,
)

audit.register_action(
    "advocacy.signal.from_question",
    gettext_lazy("Signalen: signaal gemaakt van een vraag aan de Vraagbaak"),
)

TITLE_WORDS = 80


def signal_number(signal: Signal) -> str:
    """How a signal is named outside the app (the Vraagbaak's reference): ``S-123``."""
    return f"S-{signal.pk}"


def title_from(summary: str) -> str:
    """A title from the advisor's summary: its first sentence, cut at a word near 80 characters."""
    first = re.split(r"(?<=[.!?])\s", summary.strip(), maxsplit=1)[0].strip()
    if len(first) <= TITLE_WORDS:
        return first
    cut = first[:TITLE_WORDS].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"[:TITLE_MAX]


@transaction.atomic
def signal_from_question(*, question, advisor, summary: str, theme=None, sector=None) -> Signal:
    """Make a signal for the question's council from the advisor's summary (their own words,
    without names: the Vraagbaak's form asks for that). Theme and sector are the ones the
    advisor chose, else the question's; the province is the council's. The asker is the
    reporter only when they sit on the council, so the signal shows under their "Mijn
    signalen"; otherwise the council's members see it all the same."""
    council = question.council
    if council is None:
        raise SignalError(
            _(
                "Deze vraag hoort niet bij een raad. Een signaal is altijd van een raad; "
                "koppel de vraag eerst aan een raad."
            )
        )
    description = clean_text(
        summary, field=_("de samenvatting"), minimum=DESCRIPTION_MIN, maximum=DESCRIPTION_MAX
    )
    asker = question.asker
    reporter = asker if asker and council.pk in selectors.council_ids_of(asker) else None
    state = selectors.initial_state()
    signal = Signal.objects.create(
        title=title_from(description),
        description=description,
        province=council.province,
        council=council,
        reporter=reporter,
        state=state,
        public_state=state,
        question=question,
    )
    theme = theme if theme is not None else question.theme
    sector = sector if sector is not None else question.sector
    if theme is not None:
        signal.themes.set([theme])
    signal.sectors.set([sector] if sector is not None else list(council.sectors.all()))
    add_history(
        signal=signal,
        kind=HistoryKind.REPORTED,
        actor=advisor,
        state=state,
        visible=True,
        data={"question": question.pk},
    )
    facts.refresh_signal(signal.pk)
    audit.log(
        actor=advisor,
        action="advocacy.signal.from_question",
        obj=signal,
        subject=reporter,
        council=council.pk,
        data={"question": question.pk},
    )
    return signal


class AdvocacySink:
    """The Vraagbaak's sink for Signalen (registered in ``AdvocacyConfig.ready``)."""

    def open_signal(self, *, question, advisor, summary, theme, sector) -> str:
        from raadsplein.helpdesk.services import QuestionError

        try:
            signal = signal_from_question(
                question=question, advisor=advisor, summary=summary, theme=theme, sector=sector
            )
        except SignalError as exc:
            # The Vraagbaak's form shows its own errors; the request is not written.
            raise QuestionError(str(exc)) from exc
        return signal_number(signal)

    def __eq__(self, other) -> bool:
        # One sink however often ready() runs (register_sink skips an equal one).
        return isinstance(other, AdvocacySink)

    def __hash__(self) -> int:
        return hash(AdvocacySink)


SINK = AdvocacySink()


def take_over_waiting() -> int:
    """Make signals of the Vraagbaak's requests that waited for this app; how many. Safe to run
    again: a delivered request is skipped, one that cannot become a signal keeps waiting."""
    from raadsplein.helpdesk import signals

    signals.register_sink(SINK)
    return signals.deliver_pending()
