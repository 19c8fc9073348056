"""Signals from the Vraagbaak for the advocacy app (Signalen, issue 13).

A *sink* is whatever takes a signal in. The desk calls :func:`open_signal`; that writes a
:class:`~raadsplein.helpdesk.loop_models.SignalRequest` row (so nothing is lost), then hands
the signal to every registered sink. With no sink registered the row waits with
``sent_to_app=False``. The advocacy app registers its sink (``advocacy/intake.py``) in its
``AppConfig.ready`` and takes over the waiting rows with :func:`deliver_pending` after every
migrate (see docs/helpdesk.md, "Signalen").

Not to be confused with Django's signals: nothing here is a ``django.dispatch.Signal``.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from .loop_models import SignalRequest
from .models import Question
from .services import QuestionError

audit.register_action(
    "helpdesk.question.signal", gettext_lazy("Vraagbaak: signaal gemaakt van een vraag")
)

SUMMARY_MIN = 20
SUMMARY_MAX = 4000


@runtime_checkable
class SignalSink(Protocol):
    """Takes a signal in; returns the reference it gives the signal (shown to the advisor)."""

    def open_signal(self, *, question, advisor, summary: str, theme, sector) -> str: ...


_sinks: list[SignalSink] = []


def register_sink(sink: SignalSink) -> None:
    if not isinstance(sink, SignalSink):
        raise TypeError("A signal sink needs an open_signal(*, question, advisor, ...) method.")
    if sink not in _sinks:
        _sinks.append(sink)


def unregister_sink(sink: SignalSink) -> None:
    if sink in _sinks:
        _sinks.remove(sink)


def sinks() -> list[SignalSink]:
    return list(_sinks)


def _deliver(request: SignalRequest) -> None:
    references = [
        sink.open_signal(
            question=request.question,
            advisor=request.advisor,
            summary=request.summary,
            theme=request.theme,
            sector=request.sector,
        )
        for sink in _sinks
    ]
    if references:
        request.sent_to_app = True
        request.reference = str(references[0] or "")[:100]
        request.save(update_fields=["sent_to_app", "reference"])


def clean_summary(summary: str) -> str:
    text = (summary or "").strip()
    if len(text) < SUMMARY_MIN:
        raise QuestionError(
            _("Schrijf een samenvatting van minstens %(n)d tekens.") % {"n": SUMMARY_MIN}
        )
    if len(text) > SUMMARY_MAX:
        raise QuestionError(
            _("De samenvatting is te lang: gebruik hoogstens %(n)d tekens.") % {"n": SUMMARY_MAX}
        )
    return text


@transaction.atomic
def open_signal(*, question: Question, advisor, summary: str, theme=None, sector=None):
    """Record the signal and pass it to the registered sinks. Returns the SignalRequest."""
    text = clean_summary(summary)
    request = SignalRequest.objects.create(
        question=question,
        advisor=advisor,
        summary=text,
        theme=theme if theme is not None else question.theme,
        sector=sector if sector is not None else question.sector,
    )
    _deliver(request)
    audit.log(
        actor=advisor,
        action="helpdesk.question.signal",
        obj=question,
        council=question.council_id,
        data={"signal": request.pk, "sent": request.sent_to_app},
    )
    return request


def pending():
    """Signals no sink has taken yet, oldest first."""
    return SignalRequest.objects.filter(sent_to_app=False).order_by("created_at", "pk")


def deliver_pending() -> int:
    """Hand every waiting signal to the registered sinks; how many went. Safe to run again:
    a delivered row is marked and skipped next time."""
    if not _sinks:
        return 0
    done = 0
    for pk in list(pending().values_list("pk", flat=True)):
        with transaction.atomic():
            request = (
                SignalRequest.objects.select_for_update(of=("self",), skip_locked=True)
                .select_related("question", "advisor", "theme", "sector")
                .filter(pk=pk, sent_to_app=False)
                .first()
            )
            if request is None:
                continue
            try:
                with transaction.atomic():
                    _deliver(request)
            except QuestionError:
                # A sink that cannot take this one (a question without a council, say):
                # it keeps waiting, and the rest still go.
                continue
            done += int(request.sent_to_app)
    return done
