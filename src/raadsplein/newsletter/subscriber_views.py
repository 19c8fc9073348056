"""The editors' screens for subscribers under /nieuwsbrief/abonnees/: the list (search,
status, counts), one subscriber, the saved segments with their live count, and the CSV import
(a dry run first; "Importeren" reads the same file again). Parse, call, render."""

import hashlib

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from raadsplein.organisations.access import permission_required

from . import csv_import, selectors, subscriber_selectors, subscriptions
from .forms import ImportForm, SegmentForm, StaffSubscriberForm, SubscriberSearchForm
from .models import Segment, Subscriber
from .services import NewsletterError

PERM = "newsletter.manage_subscribers"
PER_PAGE = 50
PREVIEW = 20
SESSION_KEY = "newsletter_import"


@permission_required(PERM, hide=True)
def subscriber_list(request):
    form = SubscriberSearchForm(request.GET or None)
    q = status = ""
    if form.is_valid():
        q, status = form.cleaned_data["q"], form.cleaned_data["status"]
    qs = subscriber_selectors.staff_subscribers(q=q, status=status)
    page = Paginator(qs, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "newsletter/staff/subscribers/list.html",
        {
            "form": form,
            "page": page,
            "counts": subscriber_selectors.status_counts(),
            "filtered": bool(q or status),
        },
    )


def _subscriber(pk: int) -> Subscriber:
    try:
        return subscriber_selectors.staff_subscriber(pk)
    except Subscriber.DoesNotExist as error:
        raise Http404 from error


@permission_required(PERM, hide=True)
@require_http_methods(["GET", "HEAD", "POST"])
def subscriber_detail(request, pk: int):
    subscriber = _subscriber(pk)
    form = StaffSubscriberForm.for_subscriber(subscriber, request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            subscriptions.change_subscriber(
                subscriber=subscriber, by=request.user, **form.cleaned_data
            )
        except NewsletterError as error:
            form.add_error("status", str(error))
        else:
            messages.success(request, _("De abonnee is opgeslagen."))
            return redirect("newsletter_subscribers:detail", pk=subscriber.pk)
    return render(
        request,
        "newsletter/staff/subscribers/detail.html",
        {"subscriber": subscriber, "form": form},
    )


@permission_required(PERM, hide=True)
def segment_list(request):
    segments = list(subscriber_selectors.staff_segments())
    counts = subscriber_selectors.segment_counts(segments)
    for segment in segments:
        segment.live_count = counts[segment.pk]
    return render(request, "newsletter/staff/subscribers/segments.html", {"segments": segments})


def _segment_kwargs(data) -> dict:
    return {
        key: data[key]
        for key in (
            "name",
            "description",
            "sectors",
            "themes",
            "council_roles",
            "provinces",
            "membership",
        )
    }


@permission_required(PERM, hide=True)
@require_http_methods(["GET", "HEAD", "POST"])
def segment_edit(request, pk: int | None = None):
    segment = None
    if pk is not None:
        segment = subscriber_selectors.staff_segments().filter(pk=pk).first()
        if segment is None:
            raise Http404
    form = SegmentForm(request.POST or None, instance=segment or Segment())
    if request.method == "POST" and form.is_valid():
        try:
            saved = subscriptions.save_segment(
                by=request.user, segment=segment, **_segment_kwargs(form.cleaned_data)
            )
        except NewsletterError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het segment is opgeslagen."))
            return redirect("newsletter_subscribers:segment", pk=saved.pk)
    count = selectors.segment_subscribers(segment).count() if segment else None
    return render(
        request,
        "newsletter/staff/subscribers/segment_form.html",
        {"form": form, "segment": segment, "count": count},
    )


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


@permission_required(PERM, hide=True)
@require_http_methods(["GET", "HEAD", "POST"])
def import_view(request):
    """Step 1: upload, checked as a dry run; the file waits in the session. Step 2:
    "Importeren" (with the file's digest) reads it again and imports it, or nothing."""
    context: dict = {"preview": PREVIEW}
    if request.method == "POST" and request.POST.get("action") == "import":
        waiting = request.session.get(SESSION_KEY) or {}
        if not waiting or waiting.get("digest") != request.POST.get("digest"):
            messages.error(request, _("Kies het bestand opnieuw; het is niet meer bewaard."))
            return redirect("newsletter_subscribers:import")
        try:
            report = csv_import.import_subscribers(
                content=waiting["text"], source=waiting["source"], by=request.user
            )
        except NewsletterError as error:
            messages.error(request, str(error))
            return redirect("newsletter_subscribers:import")
        if report.ok:
            request.session.pop(SESSION_KEY, None)
            messages.success(
                request,
                _("%(n)s abonnees geïmporteerd; %(skipped)s stonden al op de lijst.")
                % {"n": report.imported, "skipped": len(report.existing)},
            )
            return redirect("newsletter_subscribers:list")
        context.update(report=report, form=ImportForm(), name=waiting.get("name", ""))
        return render(request, "newsletter/staff/subscribers/import.html", context)
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > csv_import.MAX_BYTES:
                raise NewsletterError(_("Het bestand is groter dan 5 MB. Splits het in delen."))
            text = csv_import.decode(upload.read())
            report = csv_import.import_subscribers(
                content=text, source=form.cleaned_data["source"], dry_run=True
            )
        except NewsletterError as error:
            form.add_error("file", str(error))
        else:
            digest = _digest(text)
            if report.ok and report.new:
                request.session[SESSION_KEY] = {
                    "digest": digest,
                    "text": text,
                    "source": form.cleaned_data["source"],
                    "name": upload.name[:200],
                }
            else:
                request.session.pop(SESSION_KEY, None)
            context.update(report=report, digest=digest, name=upload.name)
    context["form"] = form
    return render(request, "newsletter/staff/subscribers/import.html", context)
