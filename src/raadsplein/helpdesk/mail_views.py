"""The desk's view of incoming mail: what was quarantined or ignored, and a mail in full."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy

from raadsplein.audit import services as audit
from raadsplein.organisations.access import permission_required

from .models import InboundMail, InboundOutcome

audit.register_action(
    "helpdesk.mail.raw_viewed", gettext_lazy("Vraagbaak: volledige e-mail bekeken")
)

LIST_SIZE = 200


@permission_required("helpdesk.handle_questions", hide=True)
def inbound_list(request):
    """Quarantined and ignored mail, newest first: nothing is lost, an advisor can look."""
    mails = (
        InboundMail.objects.filter(outcome__in=(InboundOutcome.QUARANTINE, InboundOutcome.IGNORED))
        .defer("raw")
        .order_by("-received_at", "-pk")[:LIST_SIZE]
    )
    return render(request, "helpdesk/mail/inbound_list.html", {"mails": mails})


@permission_required("helpdesk.handle_questions", hide=True)
def inbound_raw(request, pk: int):
    """ "Toon volledige e-mail": the raw mail as text, downloaded, never rendered. Logged."""
    item = get_object_or_404(InboundMail, pk=pk)
    question = item.question
    audit.log(
        actor=request.user,
        action="helpdesk.mail.raw_viewed",
        obj=question or item,
        subject=question.asker if question else None,
        council=question.council if question else None,
        data={"inbound": item.pk},
    )
    response = HttpResponse(bytes(item.raw), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="vraagbaak-mail-{item.pk}.eml"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
