"""From a question to the knowledge centre (a draft for review) and to a signal."""

import pytest
from wagtail.models import WorkflowState

from raadsplein.accounts.tests.factories import UserFactory, adviseur
from raadsplein.audit.models import AuditEntry
from raadsplein.helpdesk import knowledge_loop, services, signals
from raadsplein.helpdesk.loop_models import QuestionPublication, SignalRequest
from raadsplein.helpdesk.models import Status
from raadsplein.knowledge.models import PublicationPage
from raadsplein.knowledge.tests.factories import ThemeFactory
from raadsplein.organisations.models import CareSector
from raadsplein.organisations.tests.factories import (
    CareProviderFactory,
    MemberCouncilFactory,
    member,
)

pytestmark = pytest.mark.django_db


def answered_question():
    provider = CareProviderFactory(name="Zorggroep Het Anker")
    council = MemberCouncilFactory(name="Cliëntenraad Het Anker", provider=provider)
    asker = member(council=council, first_name="Marieke", last_name="van Dijk")
    desk = adviseur(first_name="Ineke", last_name="Bos")
    theme = ThemeFactory()
    sector = CareSector.objects.order_by("pk").first() or CareSector.objects.create(
        name="Ouderenzorg", code="vvt"
    )
    question = services.ask(
        asker=asker,
        subject="Adviesrecht bij Zorggroep Het Anker",
        question=(
            "Ik ben Marieke van Dijk (marieke@example.nl, 06-12345678). Moet Zorggroep Het "
            "Anker de cliëntenraad het anker om advies vragen over de verhuizing?"
        ),
        council=council,
        theme=theme,
        sector=sector,
    )
    services.add_note(question=question, advisor=desk, body="Geheim: bestuurder ligt dwars.")
    services.reply(
        question=question,
        advisor=desk,
        body="Beste Marieke,\n\nJa, dat is adviesrecht (art. 8 Wmcz).\n\nGroet, Ineke Bos",
    )
    question.refresh_from_db()
    return question, desk


def test_one_step_makes_an_anonymised_draft_under_review_and_a_second_click_opens_it(client):
    from raadsplein.web.services import ensure_default_workflow

    ensure_default_workflow()  # as migrations leave it; a flush by an earlier test may not
    question, desk = answered_question()
    client.force_login(desk)
    page_url = f"/vraagbaak/behandelen/vraag/{question.pk}/"
    assert "Maak een veelgestelde vraag" in client.get(page_url).content.decode()

    response = client.post(page_url + "veelgestelde-vraag/")
    link = QuestionPublication.objects.get(question=question)
    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{link.page_id}/edit/"

    page = PublicationPage.objects.get(pk=link.page_id)
    assert not page.live and page.has_unpublished_changes
    text = " ".join([page.title, page.summary, str(page.body)])
    for secret in ("Marieke", "Dijk", "marieke@example.nl", "06-12345678", "Anker", "Ineke"):
        assert secret not in text, secret
    assert "[naam]" in text and "[zorgaanbieder]" in text and "[cliëntenraad]" in text
    assert "adviesrecht (art. 8 Wmcz)" in text
    assert "Geheim" not in text  # internal notes never go along
    assert list(page.themes.all()) == [question.theme]
    assert list(page.sectors.all()) == [question.sector]
    # Submitted for review: a reviewer decides; nothing was published.
    state = WorkflowState.objects.get(base_content_type__model="page", object_id=str(page.pk))
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert AuditEntry.objects.filter(action="helpdesk.question.knowledge_draft").count() == 1

    again = client.post(page_url + "veelgestelde-vraag/")
    assert again["Location"] == response["Location"]
    assert PublicationPage.objects.count() == 1
    assert "Concept openen" in client.get(page_url).content.decode()


def test_an_open_question_makes_no_draft_and_a_member_may_not_try(client):
    question, desk = answered_question()
    services.set_status(question=question, status=Status.OPEN, actor=desk)
    with pytest.raises(services.QuestionError):
        knowledge_loop.make_draft(question=question, editor=desk)
    client.force_login(desk)
    response = client.post(f"/vraagbaak/behandelen/vraag/{question.pk}/veelgestelde-vraag/")
    assert response.status_code == 302 and not QuestionPublication.objects.exists()
    client.force_login(question.asker)
    services.set_status(question=question, status=Status.CLOSED, actor=desk)
    response = client.post(f"/vraagbaak/behandelen/vraag/{question.pk}/veelgestelde-vraag/")
    assert response.status_code in (403, 404)
    assert not PublicationPage.objects.exists()


class RecordingSink:
    def __init__(self):
        self.got = []

    def open_signal(self, *, question, advisor, summary, theme, sector):
        self.got.append((question.pk, advisor.pk, summary, theme, sector))
        return f"SIG-{len(self.got)}"


@pytest.fixture
def no_sinks():
    """The seam on its own: Signalen's sink (registered by the advocacy app) taken out."""
    registered = signals.sinks()
    for sink in registered:
        signals.unregister_sink(sink)
    yield
    for sink in registered:
        signals.register_sink(sink)


def test_a_signal_waits_in_the_default_sink_until_the_app_registers_its_own(client, no_sinks):
    question, desk = answered_question()
    client.force_login(desk)
    url = f"/vraagbaak/behandelen/vraag/{question.pk}/signaal/"
    form = client.get(url)
    assert "Laat namen van mensen" in form.content.decode()
    # Too short: a Dutch message tied to the field, nothing stored.
    short = client.post(url, {"summary": "Te kort"})
    assert short.status_code == 200 and "minstens 20 tekens" in short.content.decode()
    assert "id_summary_helptext id_summary_error" in short.content.decode()
    assert not SignalRequest.objects.exists()

    summary = "Aanbieders verhuizen bewoners zonder de raad om advies te vragen."
    done = client.post(url, {"summary": summary, "theme": question.theme_id})
    assert done.status_code == 302
    waiting = SignalRequest.objects.get()
    assert waiting.summary == summary and not waiting.sent_to_app
    assert waiting.theme == question.theme and waiting.advisor == desk
    assert list(signals.pending()) == [waiting]
    assert AuditEntry.objects.filter(action="helpdesk.question.signal").count() == 1

    sink = RecordingSink()
    signals.register_sink(sink)
    try:
        assert signals.deliver_pending() == 1
        assert signals.deliver_pending() == 0  # idempotent
        waiting.refresh_from_db()
        assert waiting.sent_to_app and waiting.reference == "SIG-1"
        later = signals.open_signal(question=question, advisor=desk, summary=summary + " Opnieuw.")
        assert later.sent_to_app and later.reference == "SIG-2" and len(sink.got) == 2
    finally:
        signals.unregister_sink(sink)
    with pytest.raises(TypeError):
        signals.register_sink(object())


def test_someone_outside_the_desk_cannot_open_the_signal_form(client):
    question, _desk = answered_question()
    client.force_login(UserFactory())
    assert client.get(f"/vraagbaak/behandelen/vraag/{question.pk}/signaal/").status_code in (
        403,
        404,
    )


def test_an_advisor_links_a_live_publication_into_the_answer(client):
    from raadsplein.knowledge.tests.factories import publication

    live = publication(title="Adviesrecht bij verhuizing", index=False)
    draft = publication(title="Adviesrecht concept", index=False)
    draft.unpublish()
    question, desk = answered_question()
    client.force_login(desk)
    url = f"/vraagbaak/behandelen/vraag/{question.pk}/"
    found = client.get(url, {"kennis": "adviesrecht"}).content.decode()
    assert f"koppel={live.pk}" in found and f"koppel={draft.pk}" not in found
    page = client.get(url, {"koppel": live.pk})
    body = page.context["reply_form"].initial["body"]
    assert body.startswith("Adviesrecht bij verhuizing: http") and body.endswith(live.url)
    # Not live, or not a number: nothing is filled in.
    assert "body" not in client.get(url, {"koppel": draft.pk}).context["reply_form"].initial
    assert client.get(url, {"koppel": "x" * 20}).status_code == 200
