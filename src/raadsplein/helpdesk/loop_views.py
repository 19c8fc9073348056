"""Advisors' steps from a question to the rest of the platform: a draft "veelgestelde vraag"
for the knowledge centre, and a signal for the advocacy app."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from raadsplein.knowledge.models import Theme
from raadsplein.organisations.access import object_rule, permission_required
from raadsplein.organisations.models import CareSector

from . import knowledge_loop, queue, signals
from .services import QuestionError


def _desk_question(request, pk: int, **kwargs):
    return get_object_or_404(queue.desk_questions(), pk=pk)


def draft_admin_url(link) -> str:
    return reverse("wagtailadmin_pages:edit", args=[link.page_id])


@require_POST
@permission_required("helpdesk.make_knowledge_draft", hide=True)
@object_rule("helpdesk.make_knowledge_draft", find=_desk_question)
def make_faq_view(request, question, pk: int):
    try:
        link, created = knowledge_loop.make_draft(question=question, editor=request.user)
    except QuestionError as exc:
        messages.error(request, str(exc))
        return redirect("helpdesk_staff:question", pk=question.pk)
    if created:
        messages.success(
            request,
            _(
                "Er staat een concept klaar in de kennisbank. Namen en nummers zijn eruit "
                "gehaald; een redacteur controleert het voordat het gepubliceerd wordt."
            ),
        )
    else:
        messages.info(request, _("Van deze vraag is al een concept gemaakt. U ziet het nu."))
    return redirect(draft_admin_url(link))


class SignalForm(forms.Form):
    summary = forms.CharField(
        label=gettext_lazy("Samenvatting van het signaal"),
        help_text=gettext_lazy(
            "Schrijf in uw eigen woorden wat er speelt. Laat namen van mensen, de raad en de "
            "zorgaanbieder weg. Niet de tekst van de raad overnemen."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        min_length=signals.SUMMARY_MIN,
        max_length=signals.SUMMARY_MAX,
        error_messages={
            "required": gettext_lazy("Schrijf een samenvatting van het signaal."),
            "min_length": gettext_lazy(
                "Schrijf een samenvatting van minstens %(limit_value)d tekens."
            ),
            "max_length": gettext_lazy(
                "De samenvatting is te lang: gebruik hoogstens %(limit_value)d tekens."
            ),
        },
    )
    theme = forms.ModelChoiceField(
        queryset=Theme.objects.order_by("name"),
        required=False,
        label=gettext_lazy("Thema"),
        empty_label=gettext_lazy("Geen thema"),
    )
    sector = forms.ModelChoiceField(
        queryset=CareSector.objects.order_by("order", "name"),
        required=False,
        label=gettext_lazy("Zorgsector"),
        empty_label=gettext_lazy("Geen sector"),
    )


@permission_required("helpdesk.open_signal", hide=True)
@object_rule("helpdesk.open_signal", find=_desk_question)
def signal_view(request, question, pk: int):
    form = SignalForm(
        request.POST or None,
        initial={"theme": question.theme_id, "sector": question.sector_id},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            signal = signals.open_signal(
                question=question,
                advisor=request.user,
                summary=data["summary"],
                theme=data["theme"],
                sector=data["sector"],
            )
        except QuestionError as exc:
            form.add_error("summary", str(exc))
        else:
            messages.success(
                request,
                _("Het signaal is vastgelegd (%(ref)s).") % {"ref": str(signal)}
                if signal.sent_to_app
                else _(
                    "Het signaal is vastgelegd (%(ref)s). Het gaat naar Signalen zodra die "
                    "module er is."
                )
                % {"ref": str(signal)},
            )
            return redirect("helpdesk_staff:question", pk=question.pk)
    return render(
        request,
        "helpdesk/loop/signal.html",
        {
            "question": question,
            "form": form,
            "earlier": question.signal_requests.all(),
            # What Signalen made of them (advocacy's Signal.question), with a link for staff.
            "made": question.signals.select_related("state").order_by("pk"),
        },
    )
