"""The advisors' screens: the queue and one question. Parse, call a service, render."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from raadsplein.organisations.access import object_rule, permission_required

from . import attachments, canned, knowledge_links, pools, queue, selectors, services
from .models import MessageKind
from .staff_forms import (
    AssignForm,
    CallForm,
    MergeForm,
    NoteForm,
    QueueFilterForm,
    ReplyForm,
    StatusForm,
)


@permission_required("helpdesk.handle_questions", hide=True)
def queue_view(request, view: str = "mijn"):
    if view not in queue.VIEW_SLUGS:
        raise Http404
    form = QueueFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    now = timezone.now()
    questions = queue.queue(
        request.user,
        view,
        theme=filters.get("thema"),
        sector=filters.get("sector"),
        channel=filters.get("kanaal") or "",
        pool=filters.get("pool"),
        now=now,
    )
    page = Paginator(questions, 50).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    query.pop("pagina", None)
    return render(
        request,
        "helpdesk/staff/queue.html",
        {
            "views": queue.VIEWS,
            "view": view,
            "counts": queue.counts(request.user, now=now),
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "now": now,
        },
    )


def _desk_question(request, pk: int, **kwargs):
    return get_object_or_404(queue.desk_questions(), pk=pk)


@permission_required("helpdesk.handle_questions", hide=True)
@object_rule("helpdesk.handle_questions", find=_desk_question)
def question_view(request, question, pk: int):
    action = request.POST.get("action") if request.method == "POST" else None
    initial = {"version": question.version}
    chosen = _chosen_answer(request, question)
    if chosen is not None:
        initial["body"] = canned.render(chosen, question, request.user)
    linked = knowledge_links.chosen(request.GET.get("koppel", ""))
    if linked is not None:
        initial["body"] = knowledge_links.with_link(initial.get("body", ""), linked)
    passed_on = pools.answer_to_pass_on(question, request.GET.get("expertantwoord", ""))
    if passed_on is not None:
        initial["body"] = passed_on
    reply_form = ReplyForm(
        request.POST if action == "reply" else None,
        request.FILES if action == "reply" else None,
        initial=initial,
    )
    note_form = NoteForm(request.POST if action == "note" else None)
    assign_form = AssignForm(
        request.POST if action == "assign" else None,
        initial={"advisor": question.assigned_to_id},
    )
    status_form = StatusForm(
        request.POST if action == "status" else None, initial={"status": question.status}
    )
    merge_form = MergeForm(request.POST if action == "merge" else None)
    forms = {
        "reply": reply_form,
        "note": note_form,
        "assign": assign_form,
        "status": status_form,
        "merge": merge_form,
    }
    if action:
        try:
            done = _handle(request, question, action, forms)
        except services.StaleVersionError as exc:
            reply_form.add_error("body", str(exc))
            # The writer sees what is new and the current version; their text stays.
            reply_form.data = reply_form.data.copy()
            reply_form.data["version"] = str(type(question).objects.get(pk=question.pk).version)
            done = None
        except services.QuestionError as exc:
            messages.error(request, str(exc))
            done = None
        if done:
            messages.success(request, done)
            return redirect("helpdesk_staff:question", pk=question.pk)
        question = _desk_question(request, pk)
    return render(
        request,
        "helpdesk/staff/question.html",
        {
            "question": question,
            "thread": selectors.messages_for_desk(question),
            "note_kind": MessageKind.NOTE,
            "reply_form": reply_form,
            "note_form": note_form,
            "assign_form": assign_form,
            "status_form": status_form,
            "late": queue.is_late(question),
            "canned_answers": canned.available(question),
            "merge_form": merge_form,
            "others_here": services.seen(question=question, user=request.user),
            "chosen": chosen,
            "knowledge_query": request.GET.get("kennis", "")[:100],
            "knowledge_found": knowledge_links.search(request.GET.get("kennis", "")),
            "linked": linked,
        },
    )


def _chosen_answer(request, question):
    """The standard answer picked with ?standaard=<id> (ignored if it is no active one)."""
    raw = request.GET.get("standaard", "")
    if not (raw.isascii() and raw.isdigit()):
        return None
    return next((a for a in canned.available(question) if a.pk == int(raw)), None)


def _handle(request, question, action: str, forms: dict):
    """Run the form's service; the success message, or None when the form has errors."""
    user = request.user
    reply_form, note_form = forms["reply"], forms["note"]
    assign_form, status_form = forms["assign"], forms["status"]
    if action == "reply" and reply_form.is_valid():
        data = reply_form.cleaned_data
        attachments.reply_with_files(
            files=data["attachments"],
            question=question,
            advisor=user,
            body=data["body"],
            then=data["then"],
            version=data["version"],
        )
        return _("Uw antwoord is verstuurd.")
    if action == "note" and note_form.is_valid():
        services.add_note(question=question, advisor=user, body=note_form.cleaned_data["note"])
        return _("De notitie is opgeslagen. De raad ziet haar niet.")
    if action == "assign" and assign_form.is_valid():
        services.assign(question=question, advisor=assign_form.cleaned_data["advisor"], actor=user)
        return _("De vraag is toegewezen.")
    if action == "take":
        services.assign(question=question, advisor=user, actor=user)
        return _("U behandelt deze vraag nu.")
    if action == "merge" and forms["merge"].is_valid():
        into = services.merge(
            duplicate=question, into=forms["merge"].cleaned_data["into"], advisor=user
        )
        return _("De vraag is samengevoegd met %(ref)s.") % {"ref": into.reference}
    if action == "status" and status_form.is_valid():
        services.set_status(
            question=question, status=status_form.cleaned_data["status"], actor=user
        )
        return _("De status is gewijzigd.")
    return None


@permission_required("helpdesk.handle_questions", hide=True)
def log_call_view(request):
    form = CallForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            question = services.log_call(
                advisor=request.user,
                person=data["person"],
                name=data["name"],
                email=data["email"],
                phone=data["phone"],
                council=data["council"],
                subject=data["subject"],
                summary=data["summary"],
                answer=data["answer"],
                follow_up=data["follow_up"],
            )
        except services.QuestionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request, _("Het gesprek is vastgelegd als %(ref)s.") % {"ref": question.reference}
            )
            return redirect("helpdesk_staff:question", pk=question.pk)
    return render(request, "helpdesk/staff/call.html", {"form": form})
