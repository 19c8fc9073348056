"""The policy staff's screens for signals: the triage list and one signal with its actions.
Parse, call one service, render."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from raadsplein.organisations.access import object_rule, permission_required, signed_in

from . import dossiers, selectors, services, triage, triage_selectors
from .models import Signal
from .triage_forms import (
    AddToDossierForm,
    AssignForm,
    MergeForm,
    NoteForm,
    QuestionForm,
    SplitForm,
    StateForm,
    TagsForm,
    TriageFilterForm,
)

PER_PAGE = 50


@permission_required("advocacy.triage_signals", hide=True)
def triage_list_view(request):
    form = TriageFilterForm(request.GET or None)
    data = form.cleaned_data if form.is_valid() else {}
    signals = triage_selectors.triage_list(
        request.user,
        q=data.get("q", ""),
        state=data.get("stap"),
        theme=data.get("thema"),
        sector=data.get("sector"),
        province=data.get("provincie", ""),
        assigned=data.get("toegewezen", ""),
        tag=data.get("label"),
        since=data.get("van"),
        until=data.get("tot"),
    )
    page = Paginator(signals, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "advocacy/staff/triage_list.html",
        {"form": form, "page": page, "filtered": bool(request.GET.dict().keys() - {"pagina"})},
    )


def _find_signal(request, pk: int, **kwargs):
    return triage_selectors.staff_signal(pk)  # DoesNotExist answers 404


ACTIONS = {
    "assign": AssignForm,
    "tags": TagsForm,
    "state": StateForm,
    "note": NoteForm,
    "merge": MergeForm,
    "split": SplitForm,
    "question": QuestionForm,
    "dossier": AddToDossierForm,
}


@permission_required("advocacy.triage_signals", hide=True)
@object_rule("advocacy.triage_signals", find=_find_signal)
def signal_view(request, signal, pk: int):
    action = request.POST.get("action", "") if request.method == "POST" else ""
    initial = {
        "assign": {"to": signal.assigned_to_id},
        "tags": {"tags": [t.pk for t in signal.tags.all()]},
        "state": {"state": signal.state_id},
    }
    forms = {
        name: cls(request.POST if action == name else None, initial=initial.get(name))
        for name, cls in ACTIONS.items()
    }
    if action == "take" or action in forms:
        try:
            done = _handle(request, signal, action, forms)
        except services.SignalError as exc:
            messages.error(request, str(exc))
            done = None
        if done:
            messages.success(request, done)
            target = done.target if isinstance(done, _Done) else signal.pk
            return redirect("advocacy_staff:signal", pk=target)
    return render(
        request,
        "advocacy/staff/signal.html",
        {
            "signal": signal,
            "label": selectors.signal_label(signal),
            "history": selectors.full_history(signal),
            "cosignatures": list(signal.cosignatures.all()),
            "questions": triage.questions_and_answers(signal),
            "open_question": triage.open_question(signal),
            "forms": forms,
            "action": action,
        },
    )


class _Done(str):
    """A success message that also says which signal page to go to."""

    target: int

    def __new__(cls, text: str, target: int):
        obj = super().__new__(cls, text)
        obj.target = target
        return obj


def _handle(request, signal, action: str, forms: dict):
    """Run the action's service; the success message, or None when the form has errors."""
    user = request.user
    if action == "take":
        triage.assign(signal=signal, to=user, by=user)
        return _("U behandelt dit signaal nu.")
    form = forms[action]
    if not form.is_valid():
        return None
    data = form.cleaned_data
    if action == "assign":
        triage.assign(signal=signal, to=data["to"], by=user)
        return _("Het signaal is toegewezen.")
    if action == "tags":
        triage.set_tags(signal=signal, tags=data["tags"], by=user)
        return _("De labels zijn opgeslagen.")
    if action == "state":
        services.change_state(
            signal=signal, state=data["state"], by=user, public_answer=data["public_answer"]
        )
        if data["state"].visible_to_councils:
            return _("De stap is gewijzigd. De melder en de raden die meetekenden krijgen bericht.")
        return _("De stap is gewijzigd. Raden zien deze stap niet.")
    if action == "note":
        triage.add_note(signal=signal, text=data["text"], by=user)
        return _("De notitie is opgeslagen. Raden zien haar niet.")
    if action == "merge":
        into = triage.merge(duplicate=signal, into=data["into"], by=user)
        return _Done(
            _("Het signaal is samengevoegd met #%(pk)s. De raden krijgen bericht.")
            % {"pk": into.pk},
            into.pk,
        )
    if action == "split":
        new = triage.split(
            signal=signal, title=data["title"], description=data["description"], by=user
        )
        return _Done(_("Het nieuwe signaal #%(pk)s is gemaakt.") % {"pk": new.pk}, new.pk)
    if action == "question":
        triage.ask_reporter(signal=signal, text=data["text"], by=user)
        return _("Uw vraag is verstuurd naar de melder.")
    if action == "dossier":
        with transaction.atomic():
            dossier = data["dossier"] or dossiers.create_dossier(by=user, title=data["new_title"])
            dossiers.add_signal(dossier=dossier, signal=signal, by=user)
        return _("Het signaal is toegevoegd aan het dossier „%(title)s”.") % {
            "title": dossier.title
        }
    return None


def _own_signal(request, pk: int, **kwargs):
    """The answer page: the signal's own council, or its reporter; others get 404."""
    ids = selectors.council_ids_of(request.user)
    return get_object_or_404(
        Signal.objects.filter(
            Q(council_id__in=ids) | Q(reporter=request.user), merged_into__isnull=True
        ).select_related("council"),
        pk=pk,
    )


@signed_in
@object_rule("advocacy.answer_question", find=_own_signal)
def answer_view(request, signal, pk: int):
    """The reporter (or a seat holder of the signal's council) answers staff's open question."""
    from .triage_forms import AnswerForm

    question = triage.open_question(signal)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and question is not None and form.is_valid():
        try:
            triage.answer_question(
                signal=signal, person=request.user, text=form.cleaned_data["text"]
            )
        except services.SignalError as exc:
            form.add_error("text", str(exc))
        else:
            messages.success(request, _("Dank u wel. Uw antwoord is bij het signaal gezet."))
            return redirect("advocacy:answer", pk=signal.pk)
    return render(
        request,
        "advocacy/answer.html",
        {
            "signal": signal,
            "question": question,
            "form": form,
            "answered": triage.questions_and_answers(signal),
        },
    )
