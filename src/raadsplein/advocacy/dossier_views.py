"""Dossiers: the staff's screens (list, new, one dossier with its signals and actions) and the
page councils with a signal in the dossier read. Parse, call one service, render."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from raadsplein.organisations.access import object_rule, permission_required, signed_in

from . import dossiers, selectors
from .dossier_forms import ActionForm, DossierForm, SignalToDossierForm
from .models import Dossier, Signal
from .services import SignalError


@permission_required("advocacy.manage_dossiers", hide=True)
def dossier_list_view(request):
    page = Paginator(dossiers.staff_dossiers(), 50).get_page(request.GET.get("pagina"))
    return render(request, "advocacy/dossiers/staff_list.html", {"page": page})


def _dossier_kwargs(data) -> dict:
    return {
        "title": data["title"],
        "summary": data["summary"],
        "outcome": data["outcome"],
        "status": data["status"],
        "themes": data["themes"],
    }


@permission_required("advocacy.manage_dossiers", hide=True)
def dossier_new_view(request):
    form = DossierForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            dossier = dossiers.create_dossier(by=request.user, **_dossier_kwargs(form.cleaned_data))
        except SignalError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Het dossier is aangemaakt."))
            return redirect("advocacy_staff:dossier", pk=dossier.pk)
    return render(request, "advocacy/dossiers/staff_new.html", {"form": form})


def _staff_dossier(request, pk: int, **kwargs):
    return Dossier.objects.prefetch_related("themes").get(pk=pk)


@permission_required("advocacy.manage_dossiers", hide=True)
@object_rule("advocacy.manage_dossiers", find=_staff_dossier)
def dossier_view(request, dossier, pk: int):
    action = request.POST.get("action", "") if request.method == "POST" else ""
    edit_form = DossierForm(
        request.POST if action == "edit" else None,
        initial={
            "title": dossier.title,
            "summary": dossier.summary,
            "outcome": dossier.outcome,
            "status": dossier.status,
            "themes": [t.pk for t in dossier.themes.all()],
        },
    )
    action_form = ActionForm(
        request.POST if action == "action" else None,
        request.FILES if action == "action" else None,
    )
    signal_form = SignalToDossierForm(request.POST if action == "add_signal" else None)
    if action:
        try:
            done = _handle(request, dossier, action, edit_form, action_form, signal_form)
        except SignalError as exc:
            messages.error(request, str(exc))
            done = None
        if done:
            messages.success(request, done)
            return redirect("advocacy_staff:dossier", pk=dossier.pk)
    signals = selectors.triage_signals().filter(dossiers=dossier).order_by("-created_at")
    return render(
        request,
        "advocacy/dossiers/staff_dossier.html",
        {
            "dossier": dossier,
            "signals": signals,
            "actions": dossier.actions.select_related("document"),
            "edit_form": edit_form,
            "action_form": action_form,
            "signal_form": signal_form,
        },
    )


def _handle(request, dossier, action, edit_form, action_form, signal_form):
    user = request.user
    if action == "edit" and edit_form.is_valid():
        dossiers.update_dossier(dossier=dossier, by=user, **_dossier_kwargs(edit_form.cleaned_data))
        return _("Het dossier is opgeslagen.")
    if action == "add_signal" and signal_form.is_valid():
        signal = Signal.objects.filter(pk=signal_form.cleaned_data["signal"]).first()
        if signal is None:
            raise SignalError(_("Er is geen signaal met dat nummer."))
        dossiers.add_signal(dossier=dossier, signal=signal, by=user)
        return _("Signaal #%(pk)s is toegevoegd aan het dossier.") % {"pk": signal.pk}
    if action == "remove_signal":
        signal = dossier.signals.filter(pk=_int(request.POST.get("signal"))).first()
        if signal is None:
            raise SignalError(_("Dit signaal zit niet in dit dossier."))
        dossiers.remove_signal(dossier=dossier, signal=signal, by=user)
        return _("Signaal #%(pk)s is uit het dossier gehaald.") % {"pk": signal.pk}
    if action == "action" and action_form.is_valid():
        data = action_form.cleaned_data
        with transaction.atomic():
            document = data["document"]
            if data["upload"]:
                document = dossiers.store_document(
                    upload=data["upload"], title=data["title"], by=user
                )
            dossiers.add_action(
                dossier=dossier,
                by=user,
                kind=data["kind"],
                addressee=data["addressee"],
                title=data["title"],
                date=data["date"],
                description=data["description"],
                outcome=data["outcome"],
                document=document,
                visible_to_councils=data["visible_to_councils"],
            )
        return _("De actie is toegevoegd.")
    if action == "remove_action":
        item = dossier.actions.filter(pk=_int(request.POST.get("item"))).first()
        if item is None:
            raise SignalError(_("Deze actie hoort niet bij dit dossier."))
        dossiers.remove_action(action=item, by=user)
        return _("De actie is verwijderd.")
    return None


def _int(value) -> int:
    value = str(value or "")
    return int(value) if value.isascii() and value.isdigit() else 0


def _council_dossier(request, pk: int, **kwargs):
    """Only a dossier one of the viewer's councils has a signal in (or staff); else 404."""
    return get_object_or_404(dossiers.councils_dossiers(request.user), pk=pk)


@signed_in
@object_rule("advocacy.view_dossier", find=_council_dossier)
def council_dossier_view(request, dossier, pk: int):
    return render(
        request,
        "advocacy/dossiers/council_dossier.html",
        {"dossier": dossier, "actions": dossiers.visible_actions(dossier)},
    )
