"""Mail about a signal to the people of its councils: a visible state change (with the
organisation's public answer), a merge that made their council a co-signer, a question
to the reporter, and (to staff) the reporter's answer.

Services call the ``*_on_commit`` helpers; a task is enqueued when the change has committed
and carries only ids. Each mail goes out once per (history entry or co-signature, recipient):
a ``jobs.once`` record ``signalen.<what>:<id>:<person>``, so a task that runs twice sends
nothing twice. Subjects and bodies are rendered in the recipient's language; links come from
``RAADSPLEIN_BASE_URL``; ``Auto-Submitted`` is set.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from raadsplein.jobs.services import once
from raadsplein.web import links

SUBJECT_PREFIX = "[Raadsplein] "


def _signal_url(signal_pk: int) -> str:
    # The members' signal page (URL name advocacy:signal), reversed when the mail is made.
    return links.absolute_reverse("advocacy:signal", pk=signal_pk)


def _send(person, *, subject, template: str, context: dict) -> None:
    with translation.override(person.mail_language):
        body = render_to_string(
            f"advocacy/mail/{template}.txt", {**context, "name": person.display_name}
        )
        subject = SUBJECT_PREFIX + str(subject) % context.get("subject_args", {})
    EmailMessage(
        subject=subject,
        body=body,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[person.email],
        headers={"Auto-Submitted": "auto-generated"},
    ).send()


def recipients_for(signal) -> list:
    """The reporter and the persons of the active co-signatures, once each, active only."""
    from . import selectors

    people = [signal.reporter] + [
        c.person
        for c in selectors.active_cosignatures().filter(signal=signal).select_related("person")
    ]
    seen, result = set(), []
    for person in people:
        if person is None or not person.is_active or not person.email or person.pk in seen:
            continue
        seen.add(person.pk)
        result.append(person)
    return result


def send_state_mails(*, entry_pk: int) -> int:
    """Mail a visible state change to the reporter and the co-signers; how many went now."""
    from .models import HistoryEntry, HistoryKind

    entry = (
        HistoryEntry.objects.select_related("signal__reporter", "state")
        .filter(pk=entry_pk, kind=HistoryKind.STATE, visible_to_councils=True)
        .first()
    )
    if entry is None:
        return 0
    signal = entry.signal
    sent = 0
    for person in recipients_for(signal):
        with once(f"signalen.state:{entry.pk}:{person.pk}") as first:
            if first:
                _send(
                    person,
                    # Translators: subject of the mail about a signal's new state.
                    subject=_("Uw signaal: %(state)s"),
                    template="state_changed",
                    context={
                        "subject_args": {"state": entry.state.name},
                        "signal": signal,
                        "entry": entry,
                        "own": person.pk == signal.reporter_id,
                        "url": _signal_url(signal.pk),
                    },
                )
                sent += 1
    return sent


def send_merge_mail(*, cosignature_pk: int, duplicate_pk: int) -> bool:
    """Tell a council's person that a merge made their council a co-signer of another signal,
    and that they can withdraw."""
    from .models import CoSignature

    cosignature = (
        CoSignature.objects.select_related("person", "signal", "council")
        .filter(pk=cosignature_pk, withdrawn_at__isnull=True)
        .first()
    )
    person = cosignature.person if cosignature else None
    if person is None or not person.is_active or not person.email:
        return False
    with once(f"signalen.merged:{cosignature.pk}:{duplicate_pk}:{person.pk}") as first:
        if first:
            _send(
                person,
                subject=_("Een signaal van uw raad is samengevoegd"),
                template="merged",
                context={
                    "signal": cosignature.signal,
                    "council": cosignature.council,
                    "duplicate_pk": duplicate_pk,
                    "url": _signal_url(cosignature.signal_id),
                },
            )
        return first


def send_question_mail(*, entry_pk: int) -> bool:
    """Mail the reporter the question staff asked, with a link to the answer page."""
    from .models import HistoryEntry, HistoryKind

    entry = (
        HistoryEntry.objects.select_related("signal__reporter")
        .filter(pk=entry_pk, kind=HistoryKind.QUESTION)
        .first()
    )
    person = entry.signal.reporter if entry else None
    if person is None or not person.is_active or not person.email:
        return False
    with once(f"signalen.question:{entry.pk}:{person.pk}") as first:
        if first:
            _send(
                person,
                subject=_("Een vraag over uw signaal"),
                template="question",
                context={
                    "signal": entry.signal,
                    "entry": entry,
                    "url": links.absolute_reverse("advocacy:answer", pk=entry.signal_id),
                },
            )
        return first


def send_answer_mail(*, entry_pk: int) -> bool:
    """Tell staff the reporter answered: the signal's policy advisor, else whoever asked."""
    from .models import HistoryEntry, HistoryKind

    entry = (
        HistoryEntry.objects.select_related("signal__assigned_to")
        .filter(pk=entry_pk, kind=HistoryKind.ANSWER)
        .first()
    )
    if entry is None:
        return False
    person = entry.signal.assigned_to
    if person is None:
        asked = HistoryEntry.objects.filter(pk=entry.data.get("question")).first()
        person = asked.actor if asked else None
    if person is None or not person.is_active or not person.email:
        return False
    with once(f"signalen.answer:{entry.pk}:{person.pk}") as first:
        if first:
            _send(
                person,
                subject=_("Antwoord van de melder bij signaal #%(pk)s"),
                template="answer_to_staff",
                context={
                    "subject_args": {"pk": entry.signal_id},
                    "signal": entry.signal,
                    "url": links.absolute_reverse("advocacy_staff:signal", pk=entry.signal_id),
                },
            )
        return first


def _enqueue(task_name: str, **kwargs) -> None:
    from . import feedback_tasks

    getattr(feedback_tasks, task_name).enqueue(**kwargs)


def state_changed_on_commit(*, entry_pk: int) -> None:
    transaction.on_commit(partial(_enqueue, "send_state_mails", entry_pk=entry_pk))


def merged_on_commit(*, cosignature_pk: int, duplicate_pk: int) -> None:
    transaction.on_commit(
        partial(
            _enqueue, "send_merge_mail", cosignature_pk=cosignature_pk, duplicate_pk=duplicate_pk
        )
    )


def question_on_commit(*, entry_pk: int) -> None:
    transaction.on_commit(partial(_enqueue, "send_question_mail", entry_pk=entry_pk))


def answered_on_commit(*, entry_pk: int) -> None:
    transaction.on_commit(partial(_enqueue, "send_answer_mail", entry_pk=entry_pk))
