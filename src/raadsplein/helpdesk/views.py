"""The council's side of the Vraagbaak: ask a question, "Mijn vragen", one question with its
messages and a reply. Parse (a form), call a service or selector, render."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import dateformat, timezone
from django.utils.translation import gettext as _

from raadsplein.organisations.access import members_only, object_rule, signed_in

from . import attachments, selectors, services
from .forms import AskForm, CouncilReplyForm

PER_PAGE = 20  # questions on a page of "Mijn vragen"


def due_text(moment) -> str:
    """A due moment as people say it: "dinsdag 8 december, 12.00 uur"."""
    return _("%(when)s uur") % {"when": dateformat.format(timezone.localtime(moment), "l j F, H.i")}


def _visible_question(request, pk: int, **kwargs):
    # Scoped to the viewer: someone else's (unshared) question answers 404.
    return get_object_or_404(selectors.questions_for(request.user), pk=pk)


@members_only
def ask(request):
    form = AskForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            question = attachments.ask_with_files(
                files=data["attachments"],
                asker=request.user,
                subject=data["subject"],
                question=data["question"],
                council=data["council"],
                share_with_council=data["share_with_council"],
                theme=data["theme"],
                sector=data["sector"],
                answer_by=data["answer_by"],
                phone=data["phone"],
            )
        except services.QuestionError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("helpdesk:asked", pk=question.pk)
    return render(request, "helpdesk/ask.html", {"form": form})


@object_rule("helpdesk.view_question", find=_visible_question)
def asked(request, question, pk: int):
    """The confirmation after asking: the reference and when a first reaction comes."""
    return render(
        request,
        "helpdesk/asked.html",
        {
            "question": question,
            "due": due_text(question.first_response_due) if question.first_response_due else "",
        },
    )


@signed_in
def my_questions(request):
    questions = selectors.questions_for(request.user).select_related("asker")
    # A council's shared questions add up over the years: 20 to a page, newest first.
    page = Paginator(questions, PER_PAGE).get_page(request.GET.get("pagina"))
    return render(
        request,
        "helpdesk/my_questions.html",
        {
            "questions": page.object_list,
            "page": page,
            "can_ask": request.user.has_perm("helpdesk.ask"),
        },
    )


def _detail(request, question, form=None, *, status=200, satisfaction_form=None):
    from .satisfaction_views import panel

    return render(
        request,
        "helpdesk/question.html",
        {
            "question": question,
            "thread": selectors.messages_for_council(question),
            "form": form or CouncilReplyForm(),
            "due": due_text(question.first_response_due) if question.first_response_due else "",
            "satisfaction": panel(request.user, question, satisfaction_form),
        },
        status=status,
    )


detail_page = _detail  # the satisfaction form re-renders the page with its errors


@object_rule("helpdesk.view_question", find=_visible_question)
def question_detail(request, question, pk: int):
    return _detail(request, question, CouncilReplyForm())


@object_rule("helpdesk.reply_as_council", find=_visible_question)
def question_reply(request, question, pk: int):
    if request.method != "POST":
        return redirect("helpdesk:question", pk=question.pk)
    form = CouncilReplyForm(request.POST)
    if form.is_valid():
        try:
            services.council_reply(
                question=question, author=request.user, body=form.cleaned_data["body"]
            )
        except services.QuestionError as exc:
            form.add_error("body", str(exc))
        else:
            messages.success(request, _("Uw bericht is verstuurd naar de Vraagbaak."))
            return redirect("helpdesk:question", pk=question.pk)
    return _detail(request, question, form)
