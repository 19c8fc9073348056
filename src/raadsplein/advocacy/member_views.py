"""The councils' side of Signalen: report a signal (with the personal-data check and similar
signals while typing), one signal as its own council or another council sees it, "Wij zien
dit ook", "Mijn signalen" and the files on a signal. Parse, call a service or selector, render.
"""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from raadsplein.organisations.access import MEMBERS, members_only, object_rule
from raadsplein.web.files import private_download

from . import attachments, privacy_check, selectors, services, similar, triage
from .member_forms import CosignForm, ReportForm, councils_for
from .models import Signal

PER_PAGE = 20  # signals on a page of "Mijn signalen"
CONFIRM = "versturen_zonder_wijzigen"  # the button that sends despite the warning


def _no_council(request, *, status=403):
    return render(request, "advocacy/members/no_council.html", status=status)


def _suggestions(request, title: str, description: str):
    return similar.similar_signals(
        title=title,
        description=description,
        exclude_council_ids=selectors.council_ids_of(request.user),
    )


@members_only
def report(request):
    if not selectors.council_ids_of(request.user):
        return _no_council(request)
    form = ReportForm(request.POST or None, request.FILES or None, user=request.user)
    findings, suggestions, files_lost = [], [], False
    if request.method == "POST":
        suggestions = _suggestions(
            request, request.POST.get("title", ""), request.POST.get("description", "")
        )
        if form.is_valid():
            data = form.cleaned_data
            findings = privacy_check.find_in_fields(data["title"], data["description"])
            if findings and CONFIRM not in request.POST:
                files_lost = bool(data["files"])
            else:
                council = data["council"]
                try:
                    signal = attachments.report_with_files(
                        files=data["files"],
                        reporter=request.user,
                        council=council,
                        title=data["title"],
                        description=data["description"],
                        since=data["since"],
                        clients_affected=data["clients_affected"],
                        themes=data["themes"],
                        sectors=data["sectors"],
                        province=data["province"] or None,
                        provider=council.provider if data["about_provider"] else None,
                        provider_hidden=data["provider_hidden"],
                        named=data["named"],
                    )
                except services.SignalError as exc:
                    form.add_error(None, str(exc))
                    findings = []
                else:
                    messages.success(
                        request,
                        _("Uw signaal is verstuurd. U vindt het onder ‘Mijn signalen’."),
                    )
                    return redirect("advocacy:signal", pk=signal.pk)
    return render(
        request,
        "advocacy/members/report.html",
        {
            "form": form,
            "findings": findings,
            "files_lost": files_lost,
            "suggestions": suggestions,
            "confirm_name": CONFIRM,
        },
    )


@require_POST
@members_only
def privacy_hint(request):
    """The live hint while typing (a fragment for the report form's script)."""
    findings = privacy_check.find_in_fields(
        request.POST.get("title", "")[:1000], request.POST.get("description", "")[:10000]
    )
    return render(request, "advocacy/members/_privacy_hint.html", {"findings": findings})


@require_POST
@members_only
def similar_hint(request):
    """Similar shared signals for the text typed so far (a fragment)."""
    suggestions = _suggestions(
        request, request.POST.get("title", ""), request.POST.get("description", "")
    )
    return render(
        request, "advocacy/members/_similar.html", {"suggestions": suggestions, "live": True}
    )


def _find_signal(request, pk: int, **kwargs):
    # Every member may know a signal exists (others see it anonymised); a merged signal is
    # found so that the view can send the visitor on to the signal it went into.
    return get_object_or_404(selectors.with_counts(Signal.objects.all()), pk=pk)


def _root_redirect(request, signal):
    messages.info(request, _("Dit signaal is samengevoegd met een ander signaal over hetzelfde."))
    return redirect("advocacy:signal", pk=services._root(signal).pk)


@require_safe
@object_rule("advocacy.view_shared_signal", find=_find_signal, denied=MEMBERS)
def signal_detail(request, signal, pk: int):
    if signal.merged_into_id:
        return _root_redirect(request, signal)
    user = request.user
    ids = selectors.council_ids_of(user)
    full = user.has_perm("advocacy.view_own_signal", signal)
    context = {
        "signal": signal,
        "full": full,
        "label": selectors.signal_label(signal),
        "councils": 1 + signal.cosign_count,
        "show_provider": signal.provider_id and (full or not signal.provider_hidden),
        "is_own": signal.council_id in ids,
        "may_cosign": any(pk != signal.council_id for pk in ids),
    }
    if full:
        cosignatures = list(
            selectors.active_cosignatures()
            .filter(signal=signal)
            .select_related("council", "sector")
            .prefetch_related("council__sectors")
        )
        context.update(
            history=list(selectors.visible_history(signal)),
            cosignatures=[
                (
                    c,
                    selectors.public_label(
                        council=c.council, sector=c.sector, province=c.province, named=c.named
                    ),
                )
                for c in cosignatures
            ],
            own_cosignature=next((c for c in cosignatures if c.council_id in ids), None),
            files=(
                list(signal.files.all())
                if user.has_perm("advocacy.view_signal_files", signal)
                else []
            ),
        )
        # The staff side (triage, dossiers): an open question for the signal's own council,
        # and the dossiers the signal is in, with what was done in them.
        context.update(
            open_question=(
                triage.open_question(signal)
                if context["is_own"] or signal.reporter_id == user.pk
                else None
            ),
            dossiers=list(signal.dossiers.all()),
        )
    return render(request, "advocacy/members/signal.html", context)


def _open_signal(request, pk: int, **kwargs):
    return get_object_or_404(selectors.shared_signals(), pk=pk)


@object_rule("advocacy.cosign_signal", find=_open_signal, denied=MEMBERS)
def cosign(request, signal, pk: int):
    ids = selectors.council_ids_of(request.user)
    if not ids:
        return _no_council(request)
    signed = set(
        selectors.active_cosignatures()
        .filter(signal=signal, council_id__in=ids)
        .values_list("council_id", flat=True)
    )
    councils = councils_for(request.user)
    open_councils = [c for pk_, c in councils.items() if int(pk_) != signal.council_id]
    open_councils = [c for c in open_councils if c.pk not in signed]
    form = CosignForm(request.POST or None, councils=councils)
    if len(open_councils) == 1 and not form.is_bound:
        form.fields["council"].initial = str(open_councils[0].pk)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.cosign_signal(
                signal=signal,
                council=data["council"],
                person=request.user,
                account=data["account"],
                sector=data["sector"],
                province=data["province"] or None,
                named=data["named"],
            )
        except services.SignalError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("Dank u. Uw raad staat nu bij dit signaal: ‘Wij zien dit ook’."),
            )
            return redirect("advocacy:signal", pk=signal.pk)
    return render(
        request,
        "advocacy/members/cosign.html",
        {
            "signal": signal,
            "form": form,
            "label": selectors.signal_label(signal),
            "councils": 1 + signal.cosign_count,
            "open_councils": open_councils,
            "own_only": all(int(pk_) == signal.council_id for pk_ in councils),
        },
    )


@require_POST
@object_rule("advocacy.cosign_signal", find=_open_signal, denied=MEMBERS)
def withdraw(request, signal, pk: int):
    ids = selectors.council_ids_of(request.user)
    chosen = selectors.active_cosignatures().filter(signal=signal, council_id__in=ids)
    council = request.POST.get("council", "")
    if council.isdigit():
        chosen = chosen.filter(council_id=int(council))
    cosignature = chosen.select_related("signal").first()
    if cosignature is None:
        messages.error(request, _("Uw raad heeft dit signaal niet (meer) mede ondertekend."))
        return redirect("advocacy:signal", pk=signal.pk)
    try:
        services.withdraw_cosignature(cosignature=cosignature, person=request.user)
    except services.SignalError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De ondertekening van uw raad is ingetrokken."))
    return redirect("advocacy:signal", pk=signal.pk)


@require_safe
@members_only
def my_signals(request):
    signals = selectors.signals_of_person(request.user).order_by("-created_at", "-pk")
    page = Paginator(signals, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "advocacy/members/my_signals.html",
        {
            "signals": page.object_list,
            "page": page,
            "council_ids": set(selectors.council_ids_of(request.user)),
        },
    )


def _signal_with_files(request, pk: int, file_pk: int, **kwargs):
    signal = get_object_or_404(Signal, pk=pk)
    if not request.user.is_authenticated:
        return signal  # the guard sends them to sign in
    # Other councils (co-signers too) get 404: they need not know a file exists.
    if not request.user.has_perm("advocacy.view_signal_files", signal):
        raise Http404
    return signal


@require_safe
@object_rule("advocacy.view_signal_files", find=_signal_with_files)
def signal_file(request, signal, pk: int, file_pk: int):
    item = get_object_or_404(signal.files.all(), pk=file_pk)
    return private_download(request, item)
