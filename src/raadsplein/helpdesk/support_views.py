"""Tailored support: the member's request form, the advisor's appointment, the .ics file."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from raadsplein.organisations.access import members_only, object_rule, permission_required

from . import queue, selectors, services, support


@members_only
def request_support(request):
    form = support.SupportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            question = support.request_support(asker=request.user, form=form)
        except services.QuestionError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("helpdesk:asked", pk=question.pk)
    return render(request, "helpdesk/support/ask.html", {"form": form})


def _desk_question(request, pk: int, **kwargs):
    return get_object_or_404(queue.desk_questions(), pk=pk)


@require_POST
@permission_required("helpdesk.handle_questions", hide=True)
@object_rule("helpdesk.handle_questions", find=_desk_question)
def set_appointment(request, question, pk: int):
    form = support.AppointmentForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("appointment_at", []):
            messages.error(request, error)
        return redirect("helpdesk_staff:question", pk=question.pk)
    try:
        support.set_appointment(
            question=question, when=form.cleaned_data["appointment_at"], actor=request.user
        )
    except services.QuestionError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De afspraak is opgeslagen."))
    return redirect("helpdesk_staff:question", pk=question.pk)


def _visible_question(request, pk: int, **kwargs):
    return get_object_or_404(selectors.questions_for(request.user), pk=pk)


@object_rule("helpdesk.view_question", find=_visible_question)
def appointment_ics(request, question, pk: int):
    if question.appointment_at is None:
        return redirect("helpdesk:question", pk=question.pk)
    response = HttpResponse(support.appointment_ics(question), content_type="text/calendar")
    response["Content-Disposition"] = f'attachment; filename="afspraak-{question.reference}.ics"'
    return response
