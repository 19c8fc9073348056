"""Bewaartermijn: signals closed more than ``RAADSPLEIN_SIGNALS_RETENTION_MONTHS`` months ago
(12) lose the personal details of the people behind them.

What goes: the reporter's link, the co-signers' links (the person who signed for a council),
the history's actor where that actor is the reporter or a co-signer, the texts of the
questions staff asked the reporter and the reporter's answers (they are about the person, and
may name them), and the files added to the signal (a letter or a photo may show anyone; they
leave the storage once the change is committed). What stays: the signal and its text (the
council's account of care practice, written without names — the form warns), the councils,
themes, sectors, province and dates, so every count is unchanged. The history is append-only
for the application; redacting it is done here, with a queryset update, and only here.

Idempotent: an anonymised signal is skipped. The audit log gets counts only.
"""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from .file_models import SignalFile
from .models import CoSignature, HistoryEntry, HistoryKind, Signal

ANONYMISED = "[geanonimiseerd]"
BATCH = 500

audit.register_action(
    "advocacy.signals.anonymised",
    gettext_lazy("Signalen: oude signalen geanonimiseerd (bewaartermijn)"),
)


def cutoff(now: datetime.datetime | None = None) -> datetime.datetime:
    """Signals closed before this moment are past their retention period."""
    now = now or timezone.now()
    return now - relativedelta(months=settings.RAADSPLEIN_SIGNALS_RETENTION_MONTHS)


def due(now: datetime.datetime | None = None):
    return Signal.objects.filter(
        closed_at__isnull=False, closed_at__lt=cutoff(now), anonymised_at__isnull=True
    )


@transaction.atomic
def _anonymise(ids: list[int], now: datetime.datetime) -> dict[str, int]:
    signals = Signal.objects.select_for_update().filter(pk__in=ids, anonymised_at__isnull=True)
    ids = list(signals.values_list("pk", flat=True))
    cosignatures = CoSignature.objects.filter(signal_id__in=ids)
    people = set(
        Signal.objects.filter(pk__in=ids, reporter__isnull=False).values_list(
            "reporter_id", flat=True
        )
    ) | set(cosignatures.filter(person__isnull=False).values_list("person_id", flat=True))
    history = HistoryEntry.objects.filter(signal_id__in=ids)
    texts = history.filter(kind__in=[HistoryKind.QUESTION, HistoryKind.ANSWER]).update(
        text=ANONYMISED
    )
    actors = history.filter(actor_id__in=people).update(actor=None)
    n_cosignatures = cosignatures.filter(
        Q(person__isnull=False) | Q(anonymised_at__isnull=True)
    ).update(person=None, anonymised_at=now)
    n_signals = Signal.objects.filter(pk__in=ids).update(reporter=None, anonymised_at=now)
    files = SignalFile.objects.filter(signal_id__in=ids)
    stored = [(f.file.storage, f.file.name) for f in files if f.file]
    n_files, _by_model = files.delete()
    transaction.on_commit(lambda: _remove_stored(stored))
    return {
        "signals": n_signals,
        "cosignatures": n_cosignatures,
        "history_texts": texts,
        "history_actors": actors,
        "files": n_files,
    }


def _remove_stored(stored) -> None:
    for storage, name in stored:
        storage.delete(name)


def anonymise_old_signals(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Anonymise every signal past its retention period, in batches. Safe to run again."""
    now = now or timezone.now()
    counts = {"signals": 0, "cosignatures": 0, "history_texts": 0, "history_actors": 0, "files": 0}
    while True:
        ids = list(due(now).order_by("pk").values_list("pk", flat=True)[:BATCH])
        if not ids:
            break
        for key, value in _anonymise(ids, now).items():
            counts[key] += value
    if counts["signals"]:
        audit.log(
            actor=None,
            action="advocacy.signals.anonymised",
            data={**counts, "months": settings.RAADSPLEIN_SIGNALS_RETENTION_MONTHS},
        )
    return counts
