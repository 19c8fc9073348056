"""The editors' screens for editions under /nieuwsbrief/redactie/: the list, one edition with
its blocks (edit, add, remove, reorder without JavaScript), the preview as a subscriber, the
test send, scheduling, sending and the sending status. Parse, call a service, render."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations.access import permission_required

from . import editions, schedule, selectors
from .edition_forms import EditionForm, ItemForm, MoveForm, PreviewForm, ScheduleForm
from .messages import Renderer
from .models import Edition, EditionItem, EditionStatus
from .services import NewsletterError

PERM = "newsletter.manage_newsletter"
LIST_SIZE = 60

# The preview is the mail itself, with its own <style> and inlined styles: it gets a policy
# of its own that allows exactly that, and nothing that runs.
PREVIEW_CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; "
    "frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
)


def _edition(pk: int) -> Edition:
    return get_object_or_404(Edition, pk=pk)


def _item(edition: Edition, item_pk: int) -> EditionItem:
    items = EditionItem.objects.select_related("edition")
    return get_object_or_404(items, pk=item_pk, edition=edition)


def _back(edition: Edition, anchor: str = ""):
    url = reverse("newsletter_staff:edition", args=[edition.pk])
    return redirect(f"{url}#{anchor}" if anchor else url)


@permission_required(PERM, hide=True)
def edition_list(request):
    if request.method == "POST":
        edition = editions.create_edition(by=request.user)
        messages.success(
            request,
            _(
                "De editie is gemaakt met het nieuws van de afgelopen week. "
                "Kijk hem na en pas hem aan."
            ),
        )
        return _back(edition)
    rows = editions.edition_list()[:LIST_SIZE]
    return render(request, "newsletter/staff/editions/list.html", {"editions": rows})


@permission_required(PERM, hide=True)
def edition_detail(request, pk: int):
    edition = _edition(pk)
    editable = edition.status in editions.EDITABLE
    form = EditionForm(
        request.POST or None,
        initial={"title": edition.title, "subject": edition.subject, "intro": edition.intro},
    )
    if request.method == "POST" and form.is_valid():
        try:
            editions.update_edition(edition=edition, by=request.user, **form.cleaned_data)
        except NewsletterError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("De gegevens van de editie zijn opgeslagen."))
            return _back(edition)
    items = list(edition.items.select_related("sector").order_by("position", "pk"))
    return render(
        request,
        "newsletter/staff/editions/detail.html",
        {
            "edition": edition,
            "editable": editable,
            "form": form,
            "items": items,
            "add_form": ItemForm(prefix="nieuw"),
            "recipients": selectors.recipients_for(edition).count() if editable else None,
        },
    )


@permission_required(PERM, hide=True)
def item_edit(request, pk: int, item_pk: int):
    edition = _edition(pk)
    item = _item(edition, item_pk)
    initial = {
        "heading": item.heading,
        "text": item.text,
        "url": item.url,
        "sector": item.sector_id,
        "members_only": item.members_only,
    }
    form = ItemForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            editions.update_item(item=item, by=request.user, **form.cleaned_data)
        except NewsletterError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Het onderdeel is opgeslagen."))
            return _back(edition, f"onderdeel-{item.pk}")
    return render(
        request,
        "newsletter/staff/editions/item.html",
        {
            "edition": edition,
            "item": item,
            "form": form,
            "editable": edition.status in editions.EDITABLE,
        },
    )


@permission_required(PERM, hide=True)
@require_POST
def item_add(request, pk: int):
    edition = _edition(pk)
    form = ItemForm(request.POST, prefix="nieuw")
    if not form.is_valid():
        messages.error(request, _("Het onderdeel is niet toegevoegd: vul in elk geval een kop in."))
        return _back(edition, "toevoegen")
    try:
        item = editions.add_text_item(edition=edition, by=request.user, **form.cleaned_data)
    except NewsletterError as error:
        messages.error(request, str(error))
        return _back(edition, "toevoegen")
    messages.success(request, _("Het onderdeel is toegevoegd, onderaan."))
    return _back(edition, f"onderdeel-{item.pk}")


@permission_required(PERM, hide=True)
@require_POST
def item_move(request, pk: int, item_pk: int):
    edition = _edition(pk)
    item = _item(edition, item_pk)
    form = MoveForm(request.POST)
    try:
        if not form.is_valid():
            raise NewsletterError(_("Kies omhoog of omlaag."))
        editions.move_item(item=item, by=request.user, direction=form.cleaned_data["direction"])
    except NewsletterError as error:
        messages.error(request, str(error))
    return _back(edition, f"onderdeel-{item.pk}")


@permission_required(PERM, hide=True)
@require_POST
def item_remove(request, pk: int, item_pk: int):
    edition = _edition(pk)
    item = _item(edition, item_pk)
    try:
        editions.remove_item(item=item, by=request.user)
    except NewsletterError as error:
        messages.error(request, str(error))
    else:
        done = _("Het onderdeel “%(heading)s” is verwijderd.") % {"heading": item.heading}
        messages.success(request, done)
    return _back(edition, "onderdelen")


def _preview_reader(request):
    form = PreviewForm(request.GET or None)
    reader, sector_ids = None, set()
    if form.is_valid():
        try:
            reader, sector_ids = editions.preview_reader(**form.cleaned_data)
        except NewsletterError as error:
            form.add_error("address", str(error))
    if reader is None:
        reader, sector_ids = editions.preview_reader()
    return form, reader, sector_ids


@permission_required(PERM, hide=True)
def preview(request, pk: int):
    edition = _edition(pk)
    form, reader, sector_ids = _preview_reader(request)
    message = Renderer(edition).build(reader, sector_ids=sector_ids)
    query = request.GET.urlencode() if form.is_bound and not form.errors else ""
    return render(
        request,
        "newsletter/staff/editions/preview.html",
        {
            "edition": edition,
            "form": form,
            "reader": reader,
            "subject": message.subject,
            "text": message.body,
            "mail_url": reverse("newsletter_staff:preview_mail", args=[edition.pk])
            + (f"?{query}" if query else ""),
        },
    )


@permission_required(PERM, hide=True)
def preview_mail(request, pk: int):
    """The HTML mail itself, as the chosen reader gets it, for the preview's frames."""
    edition = _edition(pk)
    _form, reader, sector_ids = _preview_reader(request)
    message = Renderer(edition).build(reader, sector_ids=sector_ids)
    html = next(content for content, mimetype in message.alternatives if mimetype == "text/html")
    response = HttpResponse(html, content_type="text/html; charset=utf-8")
    response["Content-Security-Policy"] = PREVIEW_CSP
    response["X-Frame-Options"] = "SAMEORIGIN"
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Cache-Control"] = "private, no-store"
    return response


@permission_required(PERM, hide=True)
@require_POST
def test_send(request, pk: int):
    edition = _edition(pk)
    try:
        address = editions.send_test(edition=edition, by=request.user)
    except NewsletterError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("De testversie is verstuurd naar %(address)s.") % {"address": address}
        )
    return _back(edition)


@permission_required(PERM, hide=True)
def schedule_view(request, pk: int):
    edition = _edition(pk)
    if request.method == "POST":
        form = ScheduleForm(request.POST)
        if form.is_valid():
            try:
                schedule.schedule_edition(edition=edition, by=request.user, when=form.moment())
            except NewsletterError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("De editie is ingepland."))
                return _back(edition)
    else:
        when = edition.scheduled_for or schedule.default_send_time(edition)
        form = ScheduleForm.for_moment(when)
    return render(
        request,
        "newsletter/staff/editions/schedule.html",
        {"edition": edition, "form": form, "editable": edition.status in editions.EDITABLE},
    )


@permission_required(PERM, hide=True)
@require_POST
def unschedule_view(request, pk: int):
    edition = _edition(pk)
    try:
        schedule.unschedule_edition(edition=edition, by=request.user)
    except NewsletterError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("De editie is niet meer ingepland. Hij is weer een concept."))
    return _back(edition)


@permission_required(PERM, hide=True)
def send_view(request, pk: int):
    """ "Nu versturen": a confirmation page with the number of recipients, then the queue."""
    edition = _edition(pk)
    if request.method == "POST":
        from . import sending

        try:
            sending.queue_edition(edition=edition, by=request.user)
        except NewsletterError as error:
            messages.error(request, str(error))
            return _back(edition)
        messages.success(request, _("De editie wordt verstuurd."))
        return redirect("newsletter_staff:status", pk=edition.pk)
    return render(
        request,
        "newsletter/staff/editions/send.html",
        {
            "edition": edition,
            "editable": edition.status in editions.EDITABLE,
            "recipients": selectors.recipients_for(edition).count(),
        },
    )


@permission_required(PERM, hide=True)
def status_view(request, pk: int):
    edition = _edition(pk)
    counts = selectors.delivery_counts(edition)
    total = sum(counts.values())
    return render(
        request,
        "newsletter/staff/editions/status.html",
        {
            "edition": edition,
            "counts": counts,
            "total": total,
            "done": edition.queued_at is not None and counts["pending"] == 0,
            "sending": edition.status in (EditionStatus.SENDING,) or counts["pending"] > 0,
        },
    )
