"""The desk's view of incoming mail: what was quarantined or ignored, and a mail in full."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
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


audit.register_action(
    "helpdesk.question.sender_linked", gettext_lazy("Vraagbaak: afzender gekoppeld aan persoon")
)


def link_sender(*, question, person, by):
    """An unknown sender's question becomes the person's (an advisor knows who wrote)."""
    from django.db import transaction

    from .models import Question
    from .services import QuestionError

    with transaction.atomic():
        question = Question.objects.select_for_update().get(pk=question.pk)
        if question.asker_id is not None:
            raise QuestionError(_("Deze vraag hoort al bij een persoon."))
        question.asker = person
        question.asker_name = ""
        question.save(update_fields=["asker", "asker_name"])
        question.messages.filter(kind="in", author__isnull=True).update(author=person)
        audit.log(
            actor=by,
            action="helpdesk.question.sender_linked",
            obj=question,
            subject=person,
            council=question.council,
        )
    return question


@permission_required("helpdesk.handle_questions", hide=True)
def link_sender_view(request, pk: int):
    """POST an e-mail address of an account: the question (without asker) becomes theirs."""
    from django.contrib import messages
    from django.shortcuts import redirect

    from .mail.inbound import person_for
    from .models import Question
    from .services import QuestionError

    question = get_object_or_404(Question, pk=pk)
    if request.method == "POST":
        person = person_for((request.POST.get("email") or "").strip())
        if person is None:
            messages.error(request, _("Er is geen account met dit e-mailadres."))
        else:
            try:
                link_sender(question=question, person=person, by=request.user)
            except QuestionError as exc:
                messages.error(request, str(exc))
            else:
                messages.success(request, _("De vraag hoort nu bij %(name)s.") % {"name": person})
    return redirect("helpdesk_staff:question", pk=question.pk)
