"""Mail to the asker: the acknowledgement and the answers, once, threaded, never a note."""

from email import message_from_bytes
from email.policy import default as default_policy

import pytest
from aiosmtpd.controller import Controller
from django.core import mail
from django.test import override_settings

from raadsplein.accounts.tests.factories import adviseur
from raadsplein.helpdesk import services
from raadsplein.helpdesk.mail import headers, outbound
from raadsplein.helpdesk.models import AnswerBy, Message, OutboundMail
from raadsplein.jobs.tests.test_worker_process import _free_port
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db


@pytest.fixture
def asker():
    return member(council=MemberCouncilFactory(), email="greet@example.org", first_name="Greet")


def ask(asker, commit, **kwargs):
    with commit(execute=True):
        return services.ask(
            asker=asker,
            subject="Adviesrecht bij de verbouwing",
            question="Moet de bestuurder ons om advies vragen?",
            **kwargs,
        )


def test_an_answer_goes_out_once_threaded_and_notes_never(
    asker, django_capture_on_commit_callbacks
):
    commit = django_capture_on_commit_callbacks
    question = ask(asker, commit)
    assert len(mail.outbox) == 1  # the acknowledgement
    ack = mail.outbox[0]
    assert ack.extra_headers["Auto-Submitted"] == "auto-replied"
    assert "Uw vraag is ontvangen" in ack.body and question.reference in ack.body
    assert "uur" in ack.body  # the first-response due moment
    desk = adviseur()
    with commit(execute=True):
        services.add_note(question=question, advisor=desk, body="GEHEIME NOTITIE")
        answer = services.reply(question=question, advisor=desk, body="Ja, dat moet hij.")
    assert len(mail.outbox) == 2
    sent = mail.outbox[1]
    assert sent.to == ["greet@example.org"]
    assert sent.from_email == "Vraagbaak Raadsplein <vraagbaak@raadsplein.nl>"
    assert sent.reply_to == [f"vraagbaak+{question.reply_token}@raadsplein.nl"]
    assert sent.subject == f"[Vraagbaak #{question.pk}] Adviesrecht bij de verbouwing"
    assert "Ja, dat moet hij." in sent.body and "GEHEIME" not in sent.body
    assert "Auto-Submitted" not in sent.extra_headers  # a person wrote it
    answer.refresh_from_db()
    assert answer.message_id == sent.extra_headers["Message-ID"]
    assert sent.extra_headers["In-Reply-To"] == ack.extra_headers["Message-ID"]
    assert ack.extra_headers["Message-ID"] in sent.extra_headers["References"]
    # Twice the task, once the mail; a note handed to the task is never sent.
    note = Message.objects.get(question=question, kind="note")
    assert outbound.send_answer(message_pk=answer.pk) is False
    assert outbound.send_answer(message_pk=note.pk) is False
    assert len(mail.outbox) == 2
    assert OutboundMail.objects.filter(question=question).count() == 2


def test_an_asker_who_wants_a_call_gets_no_answer_by_mail(
    asker, django_capture_on_commit_callbacks
):
    question = ask(
        asker, django_capture_on_commit_callbacks, answer_by=AnswerBy.PHONE, phone="0612345678"
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.reply(question=question, advisor=adviseur(), body="Zie ons telefoontje.")
    assert [m.extra_headers.get("Auto-Submitted") for m in mail.outbox] == ["auto-replied"]


class Sink:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.messages.append(
            (envelope.rcpt_tos, message_from_bytes(envelope.content, policy=default_policy))
        )
        return "250 OK"


def test_the_answer_reaches_a_real_smtp_server_with_its_headers(
    asker, django_capture_on_commit_callbacks
):
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        with override_settings(
            EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=controller.port,
            EMAIL_USE_TLS=False,
            EMAIL_HOST_USER="",
            EMAIL_HOST_PASSWORD="",
        ):
            question = ask(asker, django_capture_on_commit_callbacks)
            with django_capture_on_commit_callbacks(execute=True):
                services.reply(question=question, advisor=adviseur(), body="Ja. Groet, Ineke")
    finally:
        controller.stop()
    assert len(sink.messages) == 2
    rcpt, received = sink.messages[1]
    assert rcpt == ["greet@example.org"]
    assert received["Subject"] == f"[Vraagbaak #{question.pk}] Adviesrecht bij de verbouwing"
    assert received["Reply-To"] == headers.reply_address(question)
    assert received["In-Reply-To"] == sink.messages[0][1]["Message-ID"]
    assert received["Message-ID"] == Message.objects.filter(kind="out").get().message_id
    assert "Ja. Groet, Ineke" in received.get_body(("plain",)).get_content()
    assert sink.messages[0][1]["Auto-Submitted"] == "auto-replied"
