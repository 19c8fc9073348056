"""Dossiers: advocacy topics that group signals, with the actions taken (letters, meetings,
consultation responses, parliamentary questions) and their outcomes.

Every write is a keyword-only atomic service with one audit record. Adding a signal writes a
DOSSIER entry its councils see and, when the signal is still before the "in-dossier" state
(state order lower, not closed), moves it there through ``services.change_state`` (so the
reporter and co-signers are mailed). Removing a signal writes an entry for staff only; the
signal's state stays where it is. Councils see a dossier only when a signal of theirs
(reported or co-signed) is in it (``councils_dossiers``), and only its actions marked for them.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit

from . import selectors, services
from .models import (
    ActionKind,
    Addressee,
    CoSignature,
    Dossier,
    DossierAction,
    DossierStatus,
    HistoryKind,
    Signal,
    State,
)
from .services import SignalError, add_history, clean_text

IN_DOSSIER = "in-dossier"
TEXT_MAX = 3000

for _code, _label in (
    ("advocacy.dossier.create", gettext_lazy("Signalen: dossier aangemaakt")),
    ("advocacy.dossier.change", gettext_lazy("Signalen: dossier gewijzigd")),
    ("advocacy.dossier.add_signal", gettext_lazy("Signalen: signaal in dossier gezet")),
    ("advocacy.dossier.remove_signal", gettext_lazy("Signalen: signaal uit dossier gehaald")),
    ("advocacy.dossier.add_action", gettext_lazy("Signalen: actie in dossier toegevoegd")),
    ("advocacy.dossier.remove_action", gettext_lazy("Signalen: actie uit dossier verwijderd")),
):
    audit.register_action(_code, _label)


def _fields(*, title: str, summary: str, outcome: str, status: str) -> dict:
    if status not in DossierStatus.values:
        raise SignalError(_("Kies een status uit de lijst."))
    return {
        "title": clean_text(title, field=_("de titel"), minimum=3, maximum=200),
        "summary": _limited(summary, _("De samenvatting")),
        "outcome": _limited(outcome, _("Het resultaat")),
        "status": status,
    }


def _limited(value: str, label: str) -> str:
    value = (value or "").strip()
    if len(value) > TEXT_MAX:
        raise SignalError(
            _("%(field)s is te lang: ten hoogste %(n)s tekens.")
            % {"field": label, "n": f"{TEXT_MAX:,}".replace(",", ".")}
        )
    return value


@transaction.atomic
def create_dossier(
    *, by, title: str, summary: str = "", outcome: str = "", status=DossierStatus.OPEN, themes=()
) -> Dossier:
    dossier = Dossier.objects.create(
        created_by=by,
        **_fields(title=title, summary=summary, outcome=outcome, status=status),
    )
    dossier.themes.set(list(themes))
    audit.log(actor=by, action="advocacy.dossier.create", obj=dossier)
    return dossier


@transaction.atomic
def update_dossier(
    *, dossier: Dossier, by, title: str, summary: str, outcome: str, status: str, themes=()
) -> Dossier:
    for name, value in _fields(
        title=title, summary=summary, outcome=outcome, status=status
    ).items():
        setattr(dossier, name, value)
    dossier.save()
    dossier.themes.set(list(themes))
    audit.log(actor=by, action="advocacy.dossier.change", obj=dossier)
    return dossier


def _in_dossier_state() -> State | None:
    return State.objects.filter(slug=IN_DOSSIER).first()


@transaction.atomic
def add_signal(*, dossier: Dossier, signal: Signal, by) -> Signal:
    """Put a signal in the dossier (a merged signal: refused, add the one it went into)."""
    signal = Signal.objects.select_for_update().select_related("state").get(pk=signal.pk)
    if signal.merged_into_id:
        raise SignalError(
            _("Dit signaal is samengevoegd met #%(pk)s. Zet dat signaal in het dossier.")
            % {"pk": signal.merged_into_id}
        )
    if dossier.signals.filter(pk=signal.pk).exists():
        raise SignalError(_("Dit signaal zit al in dit dossier."))
    dossier.signals.add(signal)
    dossier.save(update_fields=["updated_at"])
    add_history(
        signal=signal,
        kind=HistoryKind.DOSSIER,
        actor=by,
        text=dossier.title,
        visible=True,
        data={"dossier": dossier.pk},
    )
    target = _in_dossier_state()
    current = signal.state
    if (
        target is not None
        and current.pk != target.pk
        and not current.is_closed
        and current.order < target.order
    ):
        services.change_state(signal=signal, state=target, by=by)
    audit.log(
        actor=by,
        action="advocacy.dossier.add_signal",
        obj=dossier,
        council=signal.council_id,
        data={"signal": signal.pk},
    )
    return signal


@transaction.atomic
def remove_signal(*, dossier: Dossier, signal: Signal, by) -> None:
    if not dossier.signals.filter(pk=signal.pk).exists():
        raise SignalError(_("Dit signaal zit niet in dit dossier."))
    dossier.signals.remove(signal)
    dossier.save(update_fields=["updated_at"])
    add_history(
        signal=signal,
        kind=HistoryKind.DOSSIER,
        actor=by,
        text=dossier.title,
        data={"dossier": dossier.pk, "removed": True},
    )
    audit.log(
        actor=by,
        action="advocacy.dossier.remove_signal",
        obj=dossier,
        council=signal.council_id,
        data={"signal": signal.pk},
    )


@transaction.atomic
def add_action(
    *,
    dossier: Dossier,
    by,
    kind: str,
    title: str,
    date,
    addressee: str = "",
    description: str = "",
    outcome: str = "",
    document=None,
    visible_to_councils: bool = True,
) -> DossierAction:
    if kind not in ActionKind.values:
        raise SignalError(_("Kies de soort actie uit de lijst."))
    if addressee and addressee not in Addressee.values:
        raise SignalError(_("Kies aan wie uit de lijst."))
    if date is None:
        raise SignalError(_("Vul de datum in."))
    action = DossierAction.objects.create(
        dossier=dossier,
        kind=kind,
        addressee=addressee,
        title=clean_text(title, field=_("de titel"), minimum=3, maximum=200),
        date=date,
        description=_limited(description, _("Wat er gedaan is")),
        outcome=_limited(outcome, _("De uitkomst")),
        document=document,
        visible_to_councils=bool(visible_to_councils),
        created_by=by,
    )
    dossier.save(update_fields=["updated_at"])
    audit.log(
        actor=by, action="advocacy.dossier.add_action", obj=dossier, data={"action": action.pk}
    )
    return action


@transaction.atomic
def remove_action(*, action: DossierAction, by) -> None:
    dossier, pk = action.dossier, action.pk
    action.delete()
    dossier.save(update_fields=["updated_at"])
    audit.log(actor=by, action="advocacy.dossier.remove_action", obj=dossier, data={"action": pk})


def staff_dossiers() -> QuerySet[Dossier]:
    from django.db.models import Count

    return Dossier.objects.annotate(
        signal_count=Count("signals", distinct=True), action_count=Count("actions", distinct=True)
    ).prefetch_related("themes")


def councils_dossiers(person) -> QuerySet[Dossier]:
    """Dossiers a person's councils have a signal in (reported, or co-signed and not
    withdrawn); policy staff see them all."""
    if person.has_perm("advocacy.manage_dossiers"):
        return Dossier.objects.all()
    ids = selectors.council_ids_of(person)
    if not ids:
        return Dossier.objects.none()
    cosigned = CoSignature.objects.filter(
        signal=OuterRef("signals"), council_id__in=ids, withdrawn_at__isnull=True
    )
    return (
        Dossier.objects.filter(Q(signals__council_id__in=ids) | Q(Exists(cosigned)))
        .distinct()
        .prefetch_related("themes")
    )


def visible_actions(dossier: Dossier) -> QuerySet[DossierAction]:
    return dossier.actions.filter(visible_to_councils=True).select_related("document")


def store_document(*, upload, title: str, by):
    """An uploaded file becomes a Wagtail document in the root collection; it is private
    (staff only) until a dossier action visible to councils uses it (``web.files``)."""
    from wagtail.documents import get_document_model
    from wagtail.models import Collection

    document = get_document_model()(
        title=(title or upload.name)[:255],
        collection=Collection.get_first_root_node(),
        uploaded_by_user=by,
    )
    document.file.save(upload.name, upload, save=False)
    document.save()
    return document
