"""Dossiers: staff make them and put signals and actions in; councils with a signal in the
dossier read what was done (and get its documents); other councils get 404."""

import datetime

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents import get_document_model

from raadsplein.accounts.tests.factories import beleidsadviseur
from raadsplein.advocacy import dossiers, services
from raadsplein.advocacy.models import Dossier, DossierAction, HistoryKind
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.audit.models import AuditEntry
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

Document = get_document_model()


def make_document(title="Brief aan VWS"):
    doc = Document(title=title)
    doc.file.save("brief-aan-vws.txt", ContentFile(b"Geachte minister"), save=False)
    doc.save()
    return doc


def test_adding_a_signal_writes_visible_history_and_moves_it_to_in_dossier(
    django_capture_on_commit_callbacks,
):
    advisor = beleidsadviseur()
    dossier = dossiers.create_dossier(by=advisor, title="Personeelstekort in de avond")
    signal = report()
    with django_capture_on_commit_callbacks(execute=True):
        dossiers.add_signal(dossier=dossier, signal=signal, by=advisor)
    signal.refresh_from_db()
    assert signal.state.slug == "in-dossier" and signal.public_state.slug == "in-dossier"
    entry = signal.history.get(kind=HistoryKind.DOSSIER)
    assert entry.visible_to_councils and entry.text == "Personeelstekort in de avond"
    assert [m.to for m in mail.outbox] == [[signal.reporter.email]]  # the state change
    with pytest.raises(services.SignalError, match="zit al in dit dossier"):
        dossiers.add_signal(dossier=dossier, signal=signal, by=advisor)
    dossiers.remove_signal(dossier=dossier, signal=signal, by=advisor)
    assert not dossier.signals.exists()
    removed = signal.history.filter(kind=HistoryKind.DOSSIER).order_by("-pk").first()
    assert removed.data["removed"] is True and not removed.visible_to_councils
    assert list(AuditEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "advocacy.dossier.create",
        "advocacy.signal.state",
        "advocacy.dossier.add_signal",
        "advocacy.dossier.remove_signal",
    ]


def test_a_signal_further_along_keeps_its_state_and_a_merged_one_is_refused():
    advisor = beleidsadviseur()
    dossier = dossiers.create_dossier(by=advisor, title="Wachtlijsten")
    signal = report()
    from raadsplein.advocacy.models import State

    services.change_state(signal=signal, state=State.objects.get(slug="resultaat"), by=advisor)
    dossiers.add_signal(dossier=dossier, signal=signal, by=advisor)
    signal.refresh_from_db()
    assert signal.state.slug == "resultaat"
    from raadsplein.advocacy import triage

    other = report()
    triage.merge(duplicate=other, into=signal, by=advisor)
    other.refresh_from_db()
    with pytest.raises(services.SignalError, match="samengevoegd met"):
        dossiers.add_signal(dossier=dossier, signal=other, by=advisor)


def test_staff_create_edit_and_add_an_action_with_an_upload(client):
    advisor = beleidsadviseur()
    client.force_login(advisor)
    response = client.post(
        "/signalen/behandelen/dossiers/nieuw/",
        {"title": "Personeelstekort", "summary": "Wat raden zien", "status": "open"},
    )
    dossier = Dossier.objects.get()
    assert response.url == f"/signalen/behandelen/dossiers/{dossier.pk}/"
    url = response.url
    page = client.get(url).content.decode()
    assert f'href="/signalen/behandelen/rapport/dossier/{dossier.pk}.pdf"' in page
    assert f'href="/signalen/behandelen/rapport/dossier/{dossier.pk}.xlsx"' in page
    signal = report()
    client.post(url, {"action": "add_signal", "signal": signal.pk})
    assert dossier.signals.get() == signal
    response = client.post(url, {"action": "add_signal", "signal": 99999}, follow=True)
    assert "Er is geen signaal met dat nummer." in response.content.decode()
    upload = SimpleUploadedFile("brief.pdf", b"%PDF-1.4 brief", content_type="application/pdf")
    client.post(
        url,
        {
            "action": "action",
            "kind": "letter",
            "addressee": "vws",
            "title": "Brief aan de minister",
            "date": "2026-11-02",
            "description": "Wij vroegen om meer personeel in de avond.",
            "outcome": "",
            "upload": upload,
            "visible_to_councils": "on",
        },
    )
    action = DossierAction.objects.get()
    assert action.document.title == "Brief aan de minister" and action.visible_to_councils
    bad = SimpleUploadedFile("virus.exe", b"MZ", content_type="application/octet-stream")
    response = client.post(
        url,
        {
            "action": "action",
            "kind": "letter",
            "title": "Nog een",
            "date": "2026-11-03",
            "upload": bad,
        },
    )
    assert "Dit soort bestand kan niet." in response.content.decode()
    assert DossierAction.objects.count() == 1
    client.post(
        url,
        {
            "action": "edit",
            "title": "Personeelstekort in de avond",
            "summary": "Nieuw",
            "status": "closed",
            "outcome": "Er komt extra geld.",
        },
    )
    dossier.refresh_from_db()
    assert dossier.status == "closed" and dossier.outcome == "Er komt extra geld."
    text = client.get(url).content.decode()
    assert "Brief aan de minister" in text and f"#{signal.pk}" in text


def _dossier_with_actions():
    advisor = beleidsadviseur()
    dossier = dossiers.create_dossier(
        by=advisor, title="Personeelstekort", summary="Wat raden ons vertelden over de avond."
    )
    signal = report()
    cosigner_council = council_in()
    cosigner = member(council=cosigner_council)
    services.cosign_signal(
        signal=signal, council=cosigner_council, person=cosigner, account="Ook bij ons zo."
    )
    dossiers.add_signal(dossier=dossier, signal=signal, by=advisor)
    document = make_document()
    shown = dossiers.add_action(
        dossier=dossier,
        by=advisor,
        kind="letter",
        title="Brief aan de minister",
        date=datetime.date(2026, 11, 2),
        outcome="De minister antwoordt voor de kerst.",
        document=document,
    )
    dossiers.add_action(
        dossier=dossier,
        by=advisor,
        kind="meeting",
        title="INTERN VOOROVERLEG",
        date=datetime.date(2026, 10, 1),
        visible_to_councils=False,
    )
    return dossier, signal, cosigner, shown


def test_councils_with_a_signal_in_it_read_the_dossier_others_get_404(client):
    dossier, signal, cosigner, shown = _dossier_with_actions()
    url = f"/signalen/dossiers/{dossier.pk}/"
    for person in (signal.reporter, cosigner):
        client.force_login(person)
        text = client.get(url).content.decode()
        assert "Wat raden ons vertelden over de avond." in text
        assert "Brief aan de minister" in text and "De minister antwoordt" in text
        assert "2 november 2026" in text and "INTERN VOOROVERLEG" not in text
    client.force_login(member(council=council_in()))
    assert client.get(url).status_code == 404
    client.logout()
    assert client.get(url).status_code == 302


def test_the_dossiers_document_is_served_to_its_councils_only(client):
    dossier, signal, cosigner, shown = _dossier_with_actions()
    url = shown.document.url
    client.force_login(signal.reporter)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"Geachte minister"
    client.force_login(cosigner)
    assert client.get(url).status_code == 200
    client.force_login(member(council=council_in()))
    assert client.get(url).status_code == 404
    # Not shown to councils: the document is staff-only again.
    DossierAction.objects.filter(pk=shown.pk).update(visible_to_councils=False)
    client.force_login(signal.reporter)
    assert client.get(url).status_code == 404


def _count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # warm: the session and the person's groups
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(url).status_code == 200
    return len(ctx.captured_queries)


def _dossiers(n, advisor):
    Dossier.objects.all().delete()
    made = []
    for i in range(n):
        dossier = dossiers.create_dossier(by=advisor, title=f"Dossier {i}")
        dossiers.add_action(
            dossier=dossier,
            by=advisor,
            kind="letter",
            title=f"Brief {i}",
            date=datetime.date(2026, 11, 2),
            document=make_document(f"Brief {i}"),
        )
        made.append(dossier)
    return made


def test_the_staff_dossier_list_costs_the_same_queries_for_one_and_three(client):
    advisor = beleidsadviseur()
    client.force_login(advisor)
    url = "/signalen/behandelen/dossiers/"
    _dossiers(1, advisor)
    one = _count_queries(client, url)
    _dossiers(3, advisor)
    assert _count_queries(client, url) == one


def test_the_council_dossier_page_costs_the_same_queries_for_one_and_three_actions(client):
    advisor = beleidsadviseur()
    signal = report()
    dossier = dossiers.create_dossier(by=advisor, title="Personeelstekort")
    dossiers.add_signal(dossier=dossier, signal=signal, by=advisor)
    client.force_login(signal.reporter)
    url = f"/signalen/dossiers/{dossier.pk}/"

    def actions(n):
        dossier.actions.all().delete()
        for i in range(n):
            dossiers.add_action(
                dossier=dossier,
                by=advisor,
                kind="meeting",
                title=f"Gesprek {i}",
                date=datetime.date(2026, 11, 2),
                document=make_document(f"Verslag {i}"),
            )
        return _count_queries(client, url)

    assert actions(1) == actions(3)
