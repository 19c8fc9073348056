"""What Signalen keeps about a person: for "Mijn gegevens" and for erasure.

A signal and a co-signature are a council's, made by a person on its behalf. The export gives
the person what they reported and co-signed, with the texts, and the names of the files they
added. Erasure unlinks the person everywhere (reporter, co-signer, history actor, uploader)
and keeps the texts and files: they are the council's
account of care practice, written without names (the form warns about personal data), and
the council, its dossiers and the figures still need them. Answers the person gave to staff's
questions stay too, without the link to them; the retention period removes those texts.
"""

from django.db import transaction
from django.utils import timezone

from .file_models import SignalFile
from .models import CoSignature, HistoryEntry, HistoryKind, Signal


def _date(value):
    return timezone.localtime(value).isoformat() if value else None


def export_advocacy_data(user) -> dict:
    reported = (
        Signal.objects.filter(reporter=user)
        .select_related("council", "public_state")
        .prefetch_related("themes", "sectors")
        .order_by("created_at", "pk")
    )
    answers = {}
    for entry in HistoryEntry.objects.filter(
        actor=user, kind=HistoryKind.ANSWER, signal__reporter=user
    ).order_by("created_at", "pk"):
        answers.setdefault(entry.signal_id, []).append(
            {"datum": _date(entry.created_at), "tekst": entry.text}
        )
    cosigned = (
        CoSignature.objects.filter(person=user)
        .select_related("signal", "council", "sector")
        .order_by("created_at", "pk")
    )
    return {
        "signalen": [
            {
                "nummer": f"S-{s.pk}",
                "titel": s.title,
                "tekst": s.description,
                "namens_raad": s.council.name,
                "gemeld_op": _date(s.created_at),
                "stap": s.public_state.name,
                "themas": [t.name for t in s.themes.all()],
                "sectoren": [c.name for c in s.sectors.all()],
                "provincie": s.get_province_display(),
                "naam_raad_tonen": s.named,
                "antwoorden": answers.get(s.pk, []),
            }
            for s in reported
        ],
        "bestanden": [
            {
                "signaal": f"S-{f.signal_id}",
                "bestandsnaam": f.original_name,
                "toegevoegd_op": _date(f.created_at),
            }
            for f in SignalFile.objects.filter(uploaded_by=user).order_by("created_at", "pk")
        ],
        "medeondertekeningen": [
            {
                "signaal": f"S-{c.signal_id}",
                "titel_signaal": c.signal.title,
                "namens_raad": c.council.name,
                "tekst": c.account,
                "sector": c.sector.name if c.sector else None,
                "provincie": c.get_province_display(),
                "ondertekend_op": _date(c.created_at),
                "ingetrokken_op": _date(c.withdrawn_at),
            }
            for c in cosigned
        ],
    }


@transaction.atomic
def erase_advocacy_data(user) -> None:
    """Unlink the person; the councils' signals and co-signatures stay with their texts."""
    HistoryEntry.objects.filter(actor=user).update(actor=None)
    SignalFile.objects.filter(uploaded_by=user).update(uploaded_by=None)
    Signal.objects.filter(reporter=user).update(reporter=None)
    CoSignature.objects.filter(person=user).update(person=None)
