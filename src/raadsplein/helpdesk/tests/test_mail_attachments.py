"""Attachments: the web form checks what a file really is; only who may see the question
fetches it, with private headers; editors and other councils' members get 404."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from raadsplein.accounts.tests.factories import adviseur, redacteur
from raadsplein.helpdesk import attachments
from raadsplein.helpdesk.models import Attachment, Question
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n%%EOF\n"


def docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def test_files_are_known_by_their_first_bytes_not_their_name():
    assert attachments.sniff(PDF) == attachments.PDF
    assert attachments.sniff(docx()) == attachments.DOCX
    assert attachments.sniff(b"MZ\x90\x00 a program") is None
    with pytest.raises(attachments.AttachmentError, match="geen bestand dat wij aannemen"):
        attachments.check("brief.pdf", b"<html>not a pdf</html>")


def post(client, **files):
    return client.post(
        reverse("helpdesk:ask"),
        {
            "subject": "Verbouwing",
            "question": "Mag dit zo?",
            "council": "self",
            "answer_by": "email",
            **files,
        },
    )


def test_a_member_attaches_files_and_only_those_who_may_see_the_question_fetch_them(client):
    council = MemberCouncilFactory()
    greet = member(council=council)
    client.force_login(greet)
    response = post(
        client,
        attachments=[
            SimpleUploadedFile("plan.pdf", PDF, "application/pdf"),
            SimpleUploadedFile("brief.docx", docx(), "application/octet-stream"),
        ],
    )
    assert response.status_code == 302
    question = Question.objects.get()
    files = list(question.attachments.order_by("original_name"))
    assert [(a.original_name, a.content_type) for a in files] == [
        ("brief.docx", attachments.DOCX),
        ("plan.pdf", attachments.PDF),
    ]
    assert files[1].file.name.startswith(f"helpdesk/{question.pk}/")
    url = reverse("helpdesk:attachment", args=[question.pk, files[1].pk])
    got = client.get(url)
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF
    assert got["Content-Disposition"].startswith("attachment")
    assert "no-store" in got["Cache-Control"] and got["X-Content-Type-Options"] == "nosniff"
    # The asker's own page lists the files under their message.
    page = client.get(reverse("helpdesk:question", args=[question.pk])).content.decode()
    assert f'href="{url}"' in page and "brief.docx" in page
    for outsider in (redacteur(), member(council=MemberCouncilFactory()), member(council=council)):
        client.force_login(outsider)
        assert client.get(url).status_code == 404
    client.force_login(adviseur())
    assert client.get(url).status_code == 200
    # Never under /media/.
    assert client.get("/media/" + files[1].file.name, follow=True).status_code == 404


def test_a_wrong_file_is_refused_at_its_field_and_nothing_is_stored(client):
    client.force_login(member(council=MemberCouncilFactory()))
    response = post(
        client, attachments=[SimpleUploadedFile("x.pdf", b"MZ program", "application/pdf")]
    )
    assert response.status_code == 200
    errors = response.context["form"].errors["attachments"]
    assert any("geen bestand dat wij aannemen" in e for e in errors)
    assert any("Kies de bestanden opnieuw" in e for e in errors)
    assert response.context["form"]["subject"].value() == "Verbouwing"
    assert not Question.objects.exists() and not Attachment.objects.exists()


def test_erasure_takes_the_files_and_the_raw_mail(client):
    from raadsplein.helpdesk.mail import inbound
    from raadsplein.helpdesk.models import InboundMail
    from raadsplein.helpdesk.personal_data import erase_helpdesk_data, export_helpdesk_data
    from raadsplein.helpdesk.tests.test_mail_inbound import make

    greet = member(council=MemberCouncilFactory(), email="greet@example.org")
    inbound.receive(make(files=[("plan.pdf", PDF, "application", "pdf")]))
    item = Attachment.objects.get()
    assert export_helpdesk_data(greet)["vragen"][0]["bijlagen"] == ["plan.pdf"]
    storage, name = item.file.storage, item.file.name
    erase_helpdesk_data(greet)
    assert not Attachment.objects.exists() and not storage.exists(name)
    assert bytes(InboundMail.objects.get().raw) == b""


def test_an_advisor_attaches_a_file_to_the_answer_and_the_mail_carries_it(
    client, django_capture_on_commit_callbacks
):
    from django.core import mail

    from raadsplein.helpdesk import services
    from raadsplein.helpdesk.models import MessageKind

    council = MemberCouncilFactory()
    greet = member(council=council)
    question = services.ask(asker=greet, subject="Verbouwing", question="Wat nu?", council=council)
    client.force_login(adviseur())
    url = reverse("helpdesk_staff:question", args=[question.pk])

    def send(files):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                url,
                {
                    "action": "reply",
                    "body": "Zie de brochure.",
                    "then": "answered",
                    "version": Question.objects.get(pk=question.pk).version,
                    "attachments": files,
                },
            )

    # A wrong file: the answer is not sent, the text stays, the error says to choose again.
    refused = send([SimpleUploadedFile("x.pdf", b"MZ program", "application/pdf")])
    assert refused.status_code == 200
    page = refused.content.decode()
    assert "Zie de brochure." in page and "uw antwoord staat er nog" in page
    assert not question.messages.filter(kind=MessageKind.TO_COUNCIL).exists()
    assert not Attachment.objects.exists()

    mail.outbox.clear()
    assert send([SimpleUploadedFile("brochure.pdf", PDF, "application/pdf")]).status_code == 302
    answer = question.messages.get(kind=MessageKind.TO_COUNCIL)
    assert [a.original_name for a in answer.attachments.all()] == ["brochure.pdf"]
    sent = next(m for m in mail.outbox if "Zie de brochure." in m.body)
    assert [(name, content) for name, content, _ in sent.attachments] == [("brochure.pdf", PDF)]
    # The asker reads it under the answer on their own page.
    client.force_login(greet)
    page = client.get(reverse("helpdesk:question", args=[question.pk])).content.decode()
    assert "brochure.pdf" in page
