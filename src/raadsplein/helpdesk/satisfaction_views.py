"""The satisfaction question's pages: the one-click link from the mail (a GET shows, a POST
records) and the form on a closed question's page for the signed-in asker."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from raadsplein.organisations.access import object_rule

from . import satisfaction, selectors
from .models import Question, Status


class SatisfactionForm(forms.Form):
    score = forms.TypedChoiceField(
        label=_("Hoe tevreden bent u over ons antwoord?"),
        coerce=int,
        choices=satisfaction.score_choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een cijfer van 1 tot en met 5."),
            "invalid_choice": _("Kies een cijfer van 1 tot en met 5."),
        },
    )
    comment = forms.CharField(
        label=_("Wilt u nog iets toelichten? (niet verplicht)"),
        required=False,
        max_length=satisfaction.COMMENT_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Schrijf hier geen gegevens over uw gezondheid of die van anderen."),
        error_messages={
            "max_length": _("Uw toelichting is te lang: ten hoogste %(limit_value)d tekens."),
        },
    )


def panel(user, question, form=None) -> dict | None:
    """What the asker's own question page shows under "Hoe tevreden bent u?" (None: nothing)."""
    if question.asker_id != getattr(user, "pk", None) or question.status != Status.CLOSED:
        return None
    if question.merged_into_id is not None:
        return None
    current = satisfaction.current(question)
    if form is None:
        initial = {"score": current.score, "comment": current.comment} if current else {}
        form = SatisfactionForm(initial=initial)
    return {"form": form, "current": current, "open": satisfaction.may_score(question)}


def _visible_question(request, pk: int, **kwargs):
    return get_object_or_404(selectors.questions_for(request.user), pk=pk)


@object_rule("helpdesk.score_question", find=_visible_question)
def score_question(request, question, pk: int):
    """The signed-in asker scores a closed question on its page."""
    if request.method != "POST":
        return redirect("helpdesk:question", pk=question.pk)
    form = SatisfactionForm(request.POST)
    if form.is_valid():
        try:
            satisfaction.record_score(
                question=question,
                score=form.cleaned_data["score"],
                comment=form.cleaned_data["comment"],
            )
        except satisfaction.SatisfactionError as exc:
            form.add_error("score", str(exc))
        else:
            messages.success(request, _("Dank u wel. Uw beoordeling is opgeslagen."))
            return redirect("helpdesk:question", pk=question.pk)
    from .views import detail_page

    return detail_page(request, question, satisfaction_form=form)


@never_cache
def score_by_link(request, token: str):
    """From the mail, without signing in: the token names the question and the score. A GET
    only shows the choice; the POST button records it (mail scanners open links)."""
    try:
        question_id, score = satisfaction.read_token(token)
    except satisfaction.SatisfactionError as exc:
        return render(request, "helpdesk/satisfaction/link.html", {"error": str(exc)}, status=400)
    question = Question.objects.filter(pk=question_id).first()
    if question is None:
        raise Http404
    context = {"question": question, "open": satisfaction.may_score(question)}
    current = satisfaction.current(question)
    if request.method == "POST":
        form = SatisfactionForm(request.POST)
        if form.is_valid():
            try:
                current = satisfaction.record_score(
                    question=question,
                    score=form.cleaned_data["score"],
                    comment=form.cleaned_data["comment"],
                )
            except satisfaction.SatisfactionError as exc:
                form.add_error("score", str(exc))
            else:
                return render(
                    request, "helpdesk/satisfaction/thanks.html", {**context, "current": current}
                )
    else:
        form = SatisfactionForm(
            initial={"score": score, "comment": current.comment if current else ""}
        )
    return render(
        request,
        "helpdesk/satisfaction/link.html",
        {**context, "form": form, "current": current},
    )
