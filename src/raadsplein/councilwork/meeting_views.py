"""Pages of meetings: the list, one meeting with its agenda, sending and cancelling, the
agenda's items and documents, the minutes, the PDFs and the calendar file, and the decisions
and action lists that run across meetings. Officers manage; members and advisors with access
read; a member ticks off their own actions."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseForbidden
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from . import documents, meeting_documents, meetings, selectors
from .access import MANAGE, VIEW, workspace
from .meeting_calendar import meeting_ics
from .meeting_forms import (
    ActionForm,
    AgendaItemForm,
    CancelForm,
    DecisionForm,
    DocumentForm,
    MeetingForm,
    MinutesForm,
    SendForm,
    meeting_initial,
)
from .services import CouncilworkError

PAST_PER_PAGE = 25
LIST_PER_PAGE = 50
SECTION = "meetings"


def _meeting_url(council, meeting) -> str:
    return reverse(
        "councilwork:meeting", kwargs={"council_id": council.pk, "meeting_id": meeting.pk}
    )


def _to_meeting(council, meeting):
    return redirect(_meeting_url(council, meeting))


def _page(request, queryset, per_page):
    return Paginator(queryset, per_page).get_page(request.GET.get("pagina"))


def _int_or_404(raw: str) -> int:
    try:
        value = int(raw)
    except (TypeError, ValueError):
        raise Http404 from None
    if not 0 < value < 2**31:
        raise Http404
    return value


def _meeting(council, meeting_id):
    return get_object_or_404(
        selectors.meetings_for(council).select_related("council__provider"), pk=meeting_id
    )


def _item(council, meeting_id, item_id):
    return get_object_or_404(meetings.items_for(council).filter(meeting_id=meeting_id), pk=item_id)


def _base(council, **context) -> dict:
    return {"council": council, "section": SECTION, **context}


def _may_manage(request, council) -> bool:
    return request.user.has_perm(MANAGE, council)


# --- meetings ---------------------------------------------------------------------------------


@workspace(VIEW)
def meeting_list(request, council):
    upcoming, past = meetings.meeting_list(council)
    return render(
        request,
        "councilwork/meetings/list.html",
        _base(
            council,
            upcoming=list(upcoming),
            past=_page(request, past, PAST_PER_PAGE),
            may_manage=_may_manage(request, council),
        ),
    )


def _meeting_form_view(request, council, *, meeting=None):
    initial = meeting_initial(meeting) if meeting else None
    form = MeetingForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "title": data["title"],
            "date": data["date"],
            "start": data["start"],
            "end": data["end"],
            "location": data["location"],
            "online_url": data["online_url"],
            "by": request.user,
        }
        try:
            if meeting is None:
                meeting = meetings.create_meeting(council=council, **fields)
                messages.success(
                    request, _("De vergadering staat erin. Zet nu de punten op de agenda.")
                )
            else:
                meeting = meetings.update_meeting(meeting=meeting, **fields)
                if meeting.agenda_revision:
                    messages.warning(
                        request,
                        _(
                            "De vergadering is gewijzigd. De leden hebben de agenda al: "
                            "verstuur de gewijzigde agenda."
                        ),
                    )
                else:
                    messages.success(request, _("De vergadering is gewijzigd."))
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            return _to_meeting(council, meeting)
    return render(
        request,
        "councilwork/meetings/meeting_form.html",
        _base(council, form=form, meeting=meeting),
    )


@workspace(MANAGE)
def meeting_new(request, council):
    return _meeting_form_view(request, council)


@workspace(MANAGE)
def meeting_edit(request, council, meeting_id):
    meeting = _meeting(council, meeting_id)
    if meeting.cancelled_at:
        messages.error(request, _("Deze vergadering is afgezegd. U kunt haar niet meer wijzigen."))
        return _to_meeting(council, meeting)
    return _meeting_form_view(request, council, meeting=meeting)


@workspace(VIEW)
def meeting_detail(request, council, meeting_id):
    meeting = get_object_or_404(meetings.meeting_page(council), pk=meeting_id)
    items = list(meeting.items.all())
    actions = list(meeting.actions.all())
    for action in actions:
        action.may_tick = meetings.may_tick_off(request.user, council, action)
    now = timezone.now()
    return render(
        request,
        "councilwork/meetings/detail.html",
        _base(
            council,
            meeting=meeting,
            items=items,
            meeting_documents=meetings.meeting_documents(meeting),
            decisions=list(meeting.decisions.all()),
            actions=actions,
            may_manage=_may_manage(request, council),
            is_past=meeting.starts_at <= now,
            notice_days=meetings.notice_days(council),
            days_ahead=meetings.days_ahead(meeting),
            today=timezone.localdate(),
        ),
    )


@workspace(MANAGE)
def meeting_cancel(request, council, meeting_id):
    meeting = _meeting(council, meeting_id)
    if meeting.cancelled_at:
        return _to_meeting(council, meeting)
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.cancel_meeting(
                meeting=meeting, by=request.user, reason=form.cleaned_data["reason"]
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            if meeting.agenda_revision:
                messages.success(
                    request, _("De vergadering is afgezegd. De leden krijgen een e-mail.")
                )
            else:
                messages.success(request, _("De vergadering is afgezegd."))
            return _to_meeting(council, meeting)
    return render(
        request,
        "councilwork/meetings/cancel.html",
        _base(council, form=form, meeting=meeting),
    )


@workspace(MANAGE)
def meeting_send(request, council, meeting_id):
    """Send (or send again) the agenda. Later than the scheme asks needs the confirm tick."""
    meeting = _meeting(council, meeting_id)
    form = SendForm(request.POST or None, initial={"revision": meeting.agenda_revision})
    needs_confirm = meetings.is_late(meeting)
    if request.method == "POST" and form.is_valid():
        try:
            result = meetings.send_agenda(
                meeting=meeting,
                by=request.user,
                confirm_late=form.cleaned_data["confirm_late"],
                revision_seen=form.cleaned_data["revision"],
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                ngettext(
                    "%(n)s lid kreeg de agenda.", "%(n)s leden kregen de agenda.", result["sent"]
                )
                % {"n": result["sent"]},
            )
            if result["failed"]:
                messages.warning(
                    request,
                    ngettext(
                        "Bij %(n)s lid lukte het versturen niet. Probeer het later nog eens.",
                        "Bij %(n)s leden lukte het versturen niet. Probeer het later nog eens.",
                        result["failed"],
                    )
                    % {"n": result["failed"]},
                )
            return _to_meeting(council, meeting)
    items = list(meeting.items.select_related("owner").order_by("position", "pk"))
    recipients = [p for p in meetings.owner_choices(council) if p.email]
    return render(
        request,
        "councilwork/meetings/send.html",
        _base(
            council,
            form=form,
            meeting=meeting,
            items=items,
            recipients=recipients,
            needs_confirm=needs_confirm,
            late_message=meetings.late_message(
                meetings.notice_days(council), meetings.days_ahead(meeting)
            ),
            is_past=meeting.starts_at <= timezone.now(),
        ),
    )


# --- the agenda -------------------------------------------------------------------------------


def _item_form_view(request, council, meeting, *, item=None):
    initial = None
    if item is not None:
        initial = {
            "title": item.title,
            "description": item.description,
            "owner": item.owner_id,
            "decision_wanted": item.decision_wanted,
            "trajectory": item.trajectory_id,
        }
    form = AgendaItemForm(
        request.POST or None,
        initial=initial,
        council=council,
        current_trajectory=item.trajectory if item else None,
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        fields = {
            "title": data["title"],
            "description": data["description"],
            "owner": data["owner"],
            "decision_wanted": data["decision_wanted"],
            "trajectory": data["trajectory"],
            "by": request.user,
        }
        try:
            if item is None:
                meetings.add_agenda_item(meeting=meeting, **fields)
                messages.success(request, _("Het punt staat op de agenda."))
            else:
                meetings.update_agenda_item(item=item, **fields)
                messages.success(request, _("Het punt is gewijzigd."))
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            return _to_meeting(council, meeting)
    return render(
        request,
        "councilwork/meetings/item_form.html",
        _base(council, form=form, meeting=meeting, item=item),
    )


@workspace(MANAGE)
def item_new(request, council, meeting_id):
    meeting = _meeting(council, meeting_id)
    return _item_form_view(request, council, meeting)


@workspace(MANAGE)
def item_edit(request, council, meeting_id, item_id):
    item = _item(council, meeting_id, item_id)
    return _item_form_view(request, council, item.meeting, item=item)


@workspace(MANAGE)
def item_delete(request, council, meeting_id, item_id):
    item = _item(council, meeting_id, item_id)
    meeting = item.meeting
    error = ""
    if request.method == "POST":
        try:
            meetings.delete_agenda_item(item=item, by=request.user)
        except CouncilworkError as exc:
            error = str(exc)
        else:
            messages.success(request, _("Het punt is van de agenda gehaald."))
            return _to_meeting(council, meeting)
    return render(
        request,
        "councilwork/meetings/item_delete.html",
        _base(council, item=item, meeting=meeting, error=error),
    )


@require_POST
@workspace(MANAGE)
def item_move(request, council, meeting_id, item_id):
    item = _item(council, meeting_id, item_id)
    try:
        meetings.move_agenda_item(
            item=item, up=request.POST.get("richting") != "neer", by=request.user
        )
    except CouncilworkError as exc:
        messages.error(request, str(exc))
    return redirect(_meeting_url(council, item.meeting) + f"#punt-{item.pk}")


@workspace(MANAGE)
def document_new(request, council, meeting_id):
    meeting = _meeting(council, meeting_id)
    initial = {}
    if request.GET.get("punt"):
        initial["item"] = _item(council, meeting.pk, _int_or_404(request.GET["punt"])).pk
    form = DocumentForm(
        request.POST or None, request.FILES or None, meeting=meeting, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            meetings.add_document(
                meeting=meeting,
                name=upload.name,
                data=upload.read(documents.max_bytes() + 1),
                by=request.user,
                title=form.cleaned_data["title"],
                item=form.cleaned_data["item"],
            )
        except CouncilworkError as exc:
            form.add_error("file", str(exc))
        else:
            messages.success(request, _("Het stuk is toegevoegd."))
            return _to_meeting(council, meeting)
    return render(
        request,
        "councilwork/meetings/document_form.html",
        _base(council, form=form, meeting=meeting),
    )


# --- minutes ----------------------------------------------------------------------------------


@workspace(MANAGE)
def meeting_minutes(request, council, meeting_id):
    meeting = _meeting(council, meeting_id)
    items = list(meeting.items.order_by("position", "pk"))
    initial = {"minutes": meeting.minutes, "approved_on": meeting.minutes_approved_on}
    form = MinutesForm(request.POST or None, items=items, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.save_minutes(
                meeting=meeting,
                by=request.user,
                minutes=form.cleaned_data["minutes"],
                notes=form.notes(),
                approved_on=form.cleaned_data["approved_on"],
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Het verslag is bewaard."))
            return redirect(_meeting_url(council, meeting) + "#verslag")
    return render(
        request,
        "councilwork/meetings/minutes_form.html",
        _base(council, form=form, meeting=meeting),
    )


# --- files ------------------------------------------------------------------------------------


def _download(content: bytes, *, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _stamp(meeting) -> str:
    return timezone.localtime(meeting.starts_at).date().isoformat()


@workspace(VIEW)
def agenda_pdf(request, council, meeting_id):
    meeting = get_object_or_404(meetings.meeting_page(council), pk=meeting_id)
    return _download(
        meeting_documents.agenda_pdf(meeting),
        content_type="application/pdf",
        filename=f"agenda-{_stamp(meeting)}.pdf",
    )


@workspace(VIEW)
def minutes_pdf(request, council, meeting_id):
    meeting = get_object_or_404(meetings.meeting_page(council), pk=meeting_id)
    return _download(
        meeting_documents.minutes_pdf(meeting),
        content_type="application/pdf",
        filename=f"verslag-{_stamp(meeting)}.pdf",
    )


@workspace(VIEW)
def ics(request, council, meeting_id):
    meeting = _meeting(council, meeting_id)
    return _download(
        meeting_ics(meeting, cancel=bool(meeting.cancelled_at)),
        content_type="text/calendar; charset=utf-8",
        filename=f"vergadering-{_stamp(meeting)}.ics",
    )


# --- decisions and actions --------------------------------------------------------------------


def _from_meeting(request, council):
    """The meeting (and item) a decision or action is added from: ``?vergadering=…&punt=…``."""
    meeting = item = None
    if request.GET.get("vergadering"):
        meeting = _meeting(council, _int_or_404(request.GET["vergadering"]))
        if request.GET.get("punt"):
            item = _item(council, meeting.pk, _int_or_404(request.GET["punt"]))
    return meeting, item


def _back_to(council, meeting, fallback: str):
    if meeting is not None:
        return redirect(_meeting_url(council, meeting) + "#besluiten-acties")
    return redirect(fallback, council_id=council.pk)


@workspace(VIEW)
def decision_list(request, council):
    return render(
        request,
        "councilwork/meetings/decisions.html",
        _base(
            council,
            decisions=_page(
                request,
                selectors.decisions_for(council).select_related("agenda_item"),
                LIST_PER_PAGE,
            ),
            may_manage=_may_manage(request, council),
        ),
    )


@workspace(MANAGE)
def decision_new(request, council):
    meeting, item = _from_meeting(request, council)
    today = timezone.localdate()
    decided_on = today
    if meeting is not None:
        decided_on = min(timezone.localtime(meeting.starts_at).date(), today)
    form = DecisionForm(
        request.POST or None,
        council=council,
        current_trajectory=item.trajectory if item else None,
        initial={"decided_on": decided_on, "trajectory": item.trajectory_id if item else None},
    )
    if request.method == "POST" and form.is_valid():
        try:
            meetings.add_decision(
                council=council,
                text=form.cleaned_data["text"],
                decided_on=form.cleaned_data["decided_on"],
                trajectory=form.cleaned_data["trajectory"],
                meeting=meeting,
                agenda_item=item,
                by=request.user,
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Het besluit staat op de besluitenlijst."))
            return _back_to(council, meeting, "councilwork:decisions")
    return render(
        request,
        "councilwork/meetings/decision_form.html",
        _base(council, form=form, meeting=meeting, item=item),
    )


ACTION_FILTERS = ("open", "gedaan", "alle")


@workspace(VIEW)
def action_list(request, council):
    show = request.GET.get("toon", "open")
    if show not in ACTION_FILTERS:
        show = "open"
    actions = _page(request, meetings.action_list(council, show=show), LIST_PER_PAGE)
    for action in actions:
        action.may_tick = meetings.may_tick_off(request.user, council, action)
    return render(
        request,
        "councilwork/meetings/actions.html",
        _base(
            council,
            actions=actions,
            show=show,
            filters=[
                ("open", _("Open")),
                ("gedaan", _("Gedaan")),
                ("alle", _("Alle")),
            ],
            may_manage=_may_manage(request, council),
            today=timezone.localdate(),
        ),
    )


@workspace(MANAGE)
def action_new(request, council):
    meeting, item = _from_meeting(request, council)
    form = ActionForm(request.POST or None, council=council)
    if request.method == "POST" and form.is_valid():
        try:
            meetings.add_action(
                council=council,
                text=form.cleaned_data["text"],
                owner=form.cleaned_data["owner"],
                due_on=form.cleaned_data["due_on"],
                meeting=meeting,
                agenda_item=item,
                by=request.user,
            )
        except CouncilworkError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("De actie staat op de actielijst."))
            return _back_to(council, meeting, "councilwork:actions")
    return render(
        request,
        "councilwork/meetings/action_form.html",
        _base(council, form=form, meeting=meeting, item=item),
    )


@require_POST
@workspace(VIEW)
def action_done(request, council, action_id):
    action = get_object_or_404(selectors.actions_for(council), pk=action_id)
    if not meetings.may_tick_off(request.user, council, action):
        return HttpResponseForbidden()
    done = request.POST.get("gedaan") != "0"
    meetings.set_action_done(action=action, done=done, by=request.user)
    messages.success(
        request,
        _("De actie is afgevinkt.") if done else _("De actie staat weer open."),
    )
    back = request.POST.get("terug", "")
    if back and url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(back)
    return redirect("councilwork:actions", council_id=council.pk)
