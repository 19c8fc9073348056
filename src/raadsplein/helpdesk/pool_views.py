"""The experts' pages (``/vraagbaak/expert/``) and the advisor's forwarding screen.

An expert reaches a question only through a live forward to one of their pools; anything
else (another pool's forward, a withdrawn or expired one) answers 404. Every opening is in
the audit log. Parse, call a service, render.
"""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations.access import object_rule, permission_required
from raadsplein.web.files import private_download

from . import pools, queue
from .pool_forms import ExpertAnswerForm, ForwardForm
from .pool_models import Forward
from .services import QuestionError


@permission_required("helpdesk.expert_pages", hide=True)
def expert_list(request):
    forwards = list(pools.forwards_for(request.user))
    return render(
        request,
        "helpdesk/pools/expert_list.html",
        {"forwards": forwards, "pools": list(pools.pools_of(request.user))},
    )


def _my_forward(request, pk: int, **kwargs):
    return get_object_or_404(pools.forwards_for(request.user), pk=pk)


@object_rule("helpdesk.open_forward", find=_my_forward)
def expert_forward(request, forward, pk: int):
    form = ExpertAnswerForm(
        request.POST if request.method == "POST" else None,
        may_answer_council=forward.may_answer_council,
    )
    if request.method == "POST" and form.is_valid():
        to_council = form.cleaned_data.get("to") == "council"
        try:
            pools.answer(
                forward=forward,
                expert=request.user,
                body=form.cleaned_data["body"],
                to_council=to_council,
            )
        except QuestionError as exc:
            form.add_error("body", str(exc))
        else:
            messages.success(
                request,
                _("Uw antwoord is naar de raad gestuurd.")
                if to_council
                else _("Uw antwoord staat bij de adviseur."),
            )
            return redirect("helpdesk:expert_forward", pk=forward.pk)
    pools.log_opened(forward=forward, expert=request.user)
    return render(
        request,
        "helpdesk/pools/expert_forward.html",
        {
            "forward": forward,
            "question": forward.question,
            "shared": pools.shared_with_pool(forward),
            "access_until": forward.access_until(),
            "form": form,
        },
    )


@object_rule("helpdesk.open_forward", find=_my_forward)
def expert_attachment(request, forward, pk: int, attachment: int):
    """A shared attachment, downloaded (never shown inline); every fetch is logged."""
    item = get_object_or_404(pools.shared_attachments(forward), pk=attachment)
    pools.log_opened(forward=forward, expert=request.user, what="attachment")
    return private_download(request, item)


def _desk_question(request, pk: int, **kwargs):
    return get_object_or_404(queue.desk_questions(), pk=pk)


@permission_required("helpdesk.handle_questions", hide=True)
@object_rule("helpdesk.forward_question", find=_desk_question)
def forward_view(request, question, pk: int):
    shareable = pools.shareable_messages(question)
    form = ForwardForm(request.POST or None, shareable=shareable)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            item = pools.forward(
                question=question,
                pool=data["pool"],
                by=request.user,
                note=data["note"],
                share_question=data["share_question"],
                messages=data["messages"],
                may_answer_council=data["may_answer_council"],
            )
        except QuestionError as exc:
            form.add_error(None, str(exc))
        else:
            messages.success(
                request,
                _("De vraag is doorgestuurd naar de %(pool)s. De leden krijgen een e-mail.")
                % {"pool": item.pool.name},
            )
            return redirect("helpdesk_staff:question", pk=question.pk)
    return render(
        request,
        "helpdesk/pools/forward.html",
        {"question": question, "form": form},
    )


def _desk_forward(request, pk: int, **kwargs):
    return get_object_or_404(Forward.objects.select_related("question", "pool"), pk=pk)


@require_POST
@permission_required("helpdesk.handle_questions", hide=True)
@object_rule("helpdesk.forward_question", find=_desk_forward)
def withdraw_view(request, forward, pk: int):
    pools.withdraw(forward=forward, by=request.user)
    messages.success(
        request, _("De %(pool)s ziet deze vraag niet meer.") % {"pool": forward.pool.name}
    )
    return redirect("helpdesk_staff:question", pk=forward.question_id)
