"""Expert pools: who sees what of a forwarded question, until when, the access log, the
advisor's forwarding, answers to the advisor and to the council, the mail to the pool."""

import datetime
import socket
from email import message_from_bytes

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.helpdesk import pools, queue, services
from raadsplein.helpdesk.models import Message, MessageKind, PoolAnswer, Status
from raadsplein.helpdesk.personal_data import erase_pool_data, export_pool_data
from raadsplein.organisations.tests.factories import MemberCouncilFactory, member

pytestmark = pytest.mark.django_db


class _Inbox:
    def __init__(self):
        self.received: list[bytes] = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
        self.received.append(envelope.original_content)
        return "250 Message accepted for delivery"


@pytest.fixture
def pool_smtp():
    """A real local SMTP server (aiosmtpd): the mail goes through Django's SMTP backend."""
    from aiosmtpd.controller import Controller

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    inbox = _Inbox()
    inbox.port = port
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    yield inbox
    controller.stop()


QUESTION = "Onze instelling wil de locatie aan de Dorpsstraat slopen. Wat moeten wij vragen?"
UNSHARED = "Mijn moeder woont daar en is erg ziek, daarom vraag ik het."
NOTE = "Interne notitie: bellen met de bestuurder."


def world():
    council = MemberCouncilFactory(name="Cliëntenraad De Linde")
    asker = member(council=council, first_name="Truus", last_name="Vermeulen")
    desk = adviseur()
    bouw = pools.create_pool(name="Bouwpool", slug="bouwpool")
    geld = pools.create_pool(name="Zorg & Geld", slug="zorg-en-geld")
    expert_a, expert_b = UserFactory(), UserFactory()
    long_ago = timezone.localdate() - datetime.timedelta(days=400)
    pools.add_member(pool=bouw, user=expert_a, since=long_ago, by=desk)
    pools.add_member(pool=geld, user=expert_b, since=long_ago, by=desk)
    q = services.ask(asker=asker, subject="Sloop en nieuwbouw", question=QUESTION, council=council)
    shared = services.reply(
        question=q, advisor=desk, body="Gaat het om een nieuwbouwplan?", then=Status.WAITING
    )
    services.council_reply(question=q, author=asker, body=UNSHARED)
    services.add_note(question=q, advisor=desk, body=NOTE)
    fwd = pools.forward(
        question=q, pool=bouw, by=desk, note="Kijk naar het adviesrecht.", messages=[shared]
    )
    other = services.ask(asker=asker, subject="Begroting", question="Over geld.", council=council)
    fwd_geld = pools.forward(question=other, pool=geld, by=desk, note="Begroting lezen.")
    lone = services.ask(asker=asker, subject="Niet doorgestuurd", question="Iets anders.")
    return locals()


def test_pool_scope_an_expert_sees_only_what_was_shared_with_their_own_pool(client):
    w = world()
    client.force_login(w["expert_a"])
    page = client.get(f"/vraagbaak/expert/{w['fwd'].pk}/").content.decode()
    assert "Sloop en nieuwbouw" in page and "Dorpsstraat" in page
    assert "Gaat het om een nieuwbouwplan?" in page  # the shared message
    assert "Kijk naar het adviesrecht." in page  # the advisor's note to the pool
    assert "erg ziek" not in page  # a message the advisor did not share
    assert "bellen met de bestuurder" not in page  # internal notes never
    assert "Truus" not in page and "De Linde" not in page  # neither asker nor council

    listing = client.get("/vraagbaak/expert/").content.decode()
    assert "Sloop en nieuwbouw" in listing
    assert "Begroting" not in listing and "Niet doorgestuurd" not in listing

    # Another pool's forward, the question's own pages, the desk's: all 404.
    assert client.get(f"/vraagbaak/expert/{w['fwd_geld'].pk}/").status_code == 404
    assert client.get(f"/vraagbaak/vraag/{w['q'].pk}/").status_code == 404
    assert client.get(f"/vraagbaak/behandelen/vraag/{w['q'].pk}/").status_code == 404
    assert client.get(f"/vraagbaak/behandelen/vraag/{w['q'].pk}/doorsturen/").status_code == 404

    # Not an expert (the asker, a council member): no expert pages at all.
    client.force_login(w["asker"])
    assert client.get("/vraagbaak/expert/").status_code == 404
    assert client.get(f"/vraagbaak/expert/{w['fwd'].pk}/").status_code == 404


def test_a_former_member_and_a_withdrawn_forward_give_no_access(client):
    w = world()
    client.force_login(w["expert_a"])
    url = f"/vraagbaak/expert/{w['fwd'].pk}/"
    assert client.get(url).status_code == 200
    pools.withdraw(forward=w["fwd"], by=w["desk"])
    assert client.get(url).status_code == 404
    fresh = pools.forward(question=w["q"], pool=w["bouw"], by=w["desk"], note="Toch nog even.")
    assert client.get(f"/vraagbaak/expert/{fresh.pk}/").status_code == 200
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    pools.end_membership(pool=w["bouw"], user=w["expert_a"], until=yesterday, by=w["desk"])
    assert client.get(f"/vraagbaak/expert/{fresh.pk}/").status_code == 404
    assert client.get("/vraagbaak/expert/").status_code == 404


def test_access_ends_the_set_days_after_closing_and_reopening_restores_it(client, settings):
    settings.VRAAGBAAK_POOL_ACCESS_DAYS = 30
    w = world()
    expert, fwd = w["expert_a"], w["fwd"]
    closed = timezone.now() - datetime.timedelta(days=40)
    services.set_status(question=w["q"], status=Status.CLOSED, actor=w["desk"], now=closed)
    fwd.refresh_from_db()
    limit = closed + datetime.timedelta(days=30)
    assert fwd.access_until() == limit
    assert pools.may_open(expert, fwd, now=limit - datetime.timedelta(seconds=1))
    assert not pools.may_open(expert, fwd, now=limit)
    assert fwd not in pools.forwards_for(expert, now=limit)
    assert fwd in pools.forwards_for(expert, now=limit - datetime.timedelta(seconds=1))

    client.force_login(expert)
    assert client.get(f"/vraagbaak/expert/{fwd.pk}/").status_code == 404  # 40 days: expired
    services.set_status(question=w["q"], status=Status.OPEN, actor=w["desk"])
    assert client.get(f"/vraagbaak/expert/{fwd.pk}/").status_code == 200


def test_every_opening_by_an_expert_is_logged(client):
    w = world()
    client.force_login(w["expert_a"])
    for _ in range(2):
        client.get(f"/vraagbaak/expert/{w['fwd'].pk}/")
    client.get(f"/vraagbaak/expert/{w['fwd_geld'].pk}/")  # refused: not logged as opened
    entries = AuditEntry.objects.filter(action="helpdesk.pool.opened")
    assert entries.count() == 2
    entry = entries.first()
    assert entry.actor == w["expert_a"] and entry.subject == w["asker"]
    assert entry.data["question"] == w["q"].pk and entry.data["pool"] == w["bouw"].pk
    assert "Dorpsstraat" not in str(entry.data) + entry.object_label


def test_forwarding_refuses_notes_other_questions_inactive_pools_and_non_advisors():
    w = world()
    note = Message.objects.get(question=w["q"], kind=MessageKind.NOTE)
    foreign = w["other"].messages.first()
    inactive = pools.create_pool(name="Oude pool", active=False)
    before = w["q"].forwards.count()
    for kwargs, words in [
        ({"pool": w["geld"], "messages": [note]}, "geen notities"),
        ({"pool": w["geld"], "messages": [foreign]}, "geen notities"),
        ({"pool": inactive}, "actieve expertpool"),
        ({"pool": w["bouw"]}, "ligt al bij Bouwpool"),
        ({"pool": w["geld"], "note": "  "}, "Vul de toelichting"),
        ({"pool": w["geld"], "share_question": False}, "ten minste één bericht"),
        ({"pool": w["geld"], "by": w["expert_a"]}, "Alleen adviseurs"),
    ]:
        args = {"question": w["q"], "by": w["desk"], "note": "Graag advies.", **kwargs}
        with pytest.raises(services.QuestionError, match=words):
            pools.forward(**args)
    assert w["q"].forwards.count() == before


def test_the_advisor_forwards_the_pool_is_mailed_once_and_the_answer_is_passed_on(
    client, settings, pool_smtp, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", pool_smtp.port
    w = world()
    second = UserFactory(email="tweede@example.org")
    pools.add_member(pool=w["geld"], user=second)
    client.force_login(w["desk"])
    q = w["lone"]
    url = f"/vraagbaak/behandelen/vraag/{q.pk}/doorsturen/"
    assert "Niet doorgestuurd" in client.get(url).content.decode()
    # Bad input: no note; the form says so at the field and nothing is forwarded.
    page = client.post(url, {"pool": w["geld"].pk, "note": "", "share_question": "on"})
    assert page.status_code == 200 and 'aria-invalid="true"' in page.content.decode()
    assert not q.forwards.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url, {"pool": w["geld"].pk, "note": "Wat kost dit?", "share_question": "on"}
        )
    assert response.status_code == 302
    fwd = q.forwards.get()
    assert AuditEntry.objects.filter(action="helpdesk.pool.forwarded", actor=w["desk"]).exists()

    mails = [message_from_bytes(m) for m in pool_smtp.received]
    to = sorted(m["To"] for m in mails)
    assert to == sorted([w["expert_b"].email, "tweede@example.org"])
    mail = mails[0]
    assert mail["Subject"] == "[Raadsplein] Er is een vraag voor de Zorg & Geld doorgestuurd"
    assert mail["Auto-Submitted"] == "auto-generated"
    body = mail.get_payload(decode=True).decode()
    assert f"/vraagbaak/expert/{fwd.pk}/" in body and q.reference in body
    assert "Niet doorgestuurd" not in body and "Iets anders" not in body
    assert pools.notify_pool(forward_id=fwd.pk) == 0  # once per member
    assert len(pool_smtp.received) == 2

    # The expert answers the advisor: an internal note, on the desk's page with "use it".
    client.force_login(w["expert_b"])
    page = client.get(f"/vraagbaak/expert/{fwd.pk}/").content.decode()
    assert "Direct aan de raad" not in page  # not allowed for this forward
    client.post(f"/vraagbaak/expert/{fwd.pk}/", {"body": "Vraag de begroting op."})
    note = Message.objects.get(question=q, body="Vraag de begroting op.")
    assert note.kind == MessageKind.NOTE and note.author == w["expert_b"]
    assert PoolAnswer.objects.get(message=note).to_council is False

    client.force_login(w["desk"])
    desk_page = client.get(f"/vraagbaak/behandelen/vraag/{q.pk}/").content.decode()
    assert "Antwoord van de pool aan u" in desk_page
    assert f"?expertantwoord={note.pk}" in desk_page
    prefilled = client.get(f"/vraagbaak/behandelen/vraag/{q.pk}/?expertantwoord={note.pk}")
    assert "Vraag de begroting op.</textarea>" in prefilled.content.decode()

    client.force_login(w["asker"])
    assert "Vraag de begroting op." not in client.get(f"/vraagbaak/vraag/{q.pk}/").content.decode()


def test_answering_the_council_directly_only_where_the_advisor_allowed_it(client):
    w = world()
    q, expert = w["other"], w["expert_b"]
    client.force_login(expert)
    url = f"/vraagbaak/expert/{w['fwd_geld'].pk}/"
    # Not allowed: a forged "council" is ignored by the form, the service refuses too.
    client.post(url, {"body": "Direct antwoord.", "to": "council"})
    assert not q.messages.filter(kind=MessageKind.TO_COUNCIL).exists()
    with pytest.raises(services.QuestionError, match="niet gevraagd"):
        pools.answer(forward=w["fwd_geld"], expert=expert, body="Direct.", to_council=True)

    pools.withdraw(forward=w["fwd_geld"], by=w["desk"])
    allowed = pools.forward(
        question=q,
        pool=w["geld"],
        by=w["desk"],
        note="Antwoord gerust zelf.",
        may_answer_council=True,
    )
    url = f"/vraagbaak/expert/{allowed.pk}/"
    assert "Direct aan de raad" in client.get(url).content.decode()
    client.post(url, {"body": "De raad mag de begroting opvragen.", "to": "council"})
    answer = q.messages.get(kind=MessageKind.TO_COUNCIL)
    assert answer.author == expert and answer.pool_answer.to_council
    q.refresh_from_db()
    assert q.status == Status.ANSWERED

    client.force_login(w["asker"])
    page = client.get(f"/vraagbaak/vraag/{q.pk}/").content.decode()
    assert "De raad mag de begroting opvragen." in page
    # marked as from the pool (the name escaped as the page escapes it: Faker makes "van 't …")
    assert f"{escape(expert.get_full_name())}, Zorg &amp; Geld)" in page

    # Closed: to the council no more (to the advisor still).
    services.set_status(question=q, status=Status.CLOSED, actor=w["desk"])
    allowed.refresh_from_db()
    with pytest.raises(services.QuestionError, match="gesloten"):
        pools.answer(forward=allowed, expert=expert, body="Nog iets.", to_council=True)
    pools.answer(forward=allowed, expert=expert, body="Nog iets.")


def test_the_queue_filters_by_pool_and_marks_questions_at_a_pool():
    w = world()
    desk = w["desk"]
    at_bouw = {x.pk for x in queue.queue(desk, "open", pool=w["bouw"])}
    assert at_bouw == {w["q"].pk}
    marks = {x.pk: x.at_pool for x in queue.queue(desk, "open")}
    assert marks[w["q"].pk] and marks[w["other"].pk] and not marks[w["lone"].pk]


def test_pool_data_in_the_export_and_erased():
    w = world()
    pools.answer(forward=w["fwd"], expert=w["expert_a"], body="Vraag om het bouwplan.")
    data = export_pool_data(w["expert_a"])
    assert data["expertpools"][0]["pool"] == "Bouwpool"
    assert data["antwoorden"][0]["tekst"] == "Vraag om het bouwplan."
    erase_pool_data(w["expert_a"])
    assert not pools.pools_of(w["expert_a"]).exists()
    answer = PoolAnswer.objects.get(forward=w["fwd"]).message
    assert answer.author is None and "bouwplan" not in answer.body


def test_an_expert_fetches_only_the_attachments_of_what_was_shared(client):
    from django.core.files.base import ContentFile

    from raadsplein.helpdesk.models import Attachment

    w = world()
    q = w["q"]
    opening = q.messages.filter(kind=MessageKind.FROM_COUNCIL).order_by("created_at").first()
    unshared = q.messages.get(body=UNSHARED)

    def attach(message, name):
        item = Attachment(
            question=q, message=message, original_name=name, content_type="application/pdf", size=9
        )
        item.file.save(name, ContentFile(b"%PDF-1.4 " + name.encode()), save=True)
        return item

    plan, letter = attach(opening, "bouwplan.pdf"), attach(unshared, "brief-huisarts.pdf")
    client.force_login(w["expert_a"])
    base = f"/vraagbaak/expert/{w['fwd'].pk}/"
    page = client.get(base).content.decode()
    assert "bouwplan.pdf" in page and "brief-huisarts.pdf" not in page
    response = client.get(f"{base}bijlage/{plan.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content).endswith(b"bouwplan.pdf")
    assert "attachment" in response["Content-Disposition"]
    assert (
        AuditEntry.objects.filter(action="helpdesk.pool.opened", data__what="attachment").count()
        == 1
    )
    assert client.get(f"{base}bijlage/{letter.pk}/").status_code == 404
    assert client.get(f"/vraagbaak/expert/{w['fwd_geld'].pk}/bijlage/{plan.pk}/").status_code == 404
    client.force_login(w["expert_b"])
    assert client.get(f"{base}bijlage/{plan.pk}/").status_code == 404


def test_advisors_manage_pools_and_members_in_the_admin_and_it_is_logged(client):
    desk, person = adviseur(), UserFactory()
    client.force_login(desk)
    response = client.post(
        "/admin/snippets/helpdesk/expertpool/add/",
        {"name": "Bouwpool", "slug": "bouwpool", "description": "", "active": "on"},
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    pool = pools.create_pool(name="Bouwpool", slug="bouwpool")  # idempotent: the same pool
    response = client.post(
        "/admin/snippets/helpdesk/poolmember/add/",
        {"pool": pool.pk, "user": person.pk, "since": "2026-01-01", "until": ""},
    )
    assert response.status_code == 302, response.content.decode()[:1500]
    assert list(pools.pools_of(person)) == [pool]
    entry = AuditEntry.objects.get(action="helpdesk.pool.member_created_in_admin")
    assert (entry.actor, entry.subject) == (desk, person)
    client.force_login(member())
    assert client.get("/admin/snippets/helpdesk/poolmember/").status_code in (302, 403)


def test_the_expert_list_query_count_does_not_grow_and_the_dashboard_shows_the_panel(client):
    w = world()
    client.force_login(w["expert_a"])

    def count() -> int:
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        client.get("/vraagbaak/expert/")
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/vraagbaak/expert/").status_code == 200
        return len(ctx.captured_queries)

    one = count()
    for i in range(2):
        extra = services.ask(asker=w["asker"], subject=f"Nieuwbouw {i}", question="Bouwplan.")
        pools.forward(question=extra, pool=w["bouw"], by=w["desk"], note="Graag advies.")
    assert count() == one
    page = client.get(reverse("web:dashboard")).content.decode()
    assert "Uw expertpool" in page and "3 vragen" in page


def test_the_advisor_is_mailed_once_when_the_pool_answers(django_capture_on_commit_callbacks):
    from django.core import mail

    w = world()
    services.assign(question=w["q"], advisor=w["desk"], actor=w["desk"])
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        pools.answer(forward=w["fwd"], expert=w["expert_a"], body="Geheim bouwadvies.")
    (sent,) = mail.outbox
    assert sent.to == [w["desk"].email]
    assert sent.subject == f"[Raadsplein] Antwoord van de Bouwpool op {w['q'].reference}"
    assert f"/vraagbaak/behandelen/vraag/{w['q'].pk}/" in sent.body
    assert "Geheim bouwadvies" not in sent.body and "Sloop" not in sent.body
    assert not pools.notify_advisor(answer_id=PoolAnswer.objects.get().pk)  # once
    assert len(mail.outbox) == 1
