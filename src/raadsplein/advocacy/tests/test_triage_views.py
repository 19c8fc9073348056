"""The policy staff's screens: the triage list (filters, paging, queries), one signal's page
and its actions, the reporter's answer page, and the states in the Wagtail admin."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raadsplein.accounts.tests.factories import beleidsadviseur
from raadsplein.advocacy import services, triage
from raadsplein.advocacy.models import Dossier, HistoryKind, Signal, State, Tag
from raadsplein.advocacy.tests.factories import council_in, report, sector
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import Province
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

LIST = "/signalen/behandelen/"


def page(url, client, **params):
    response = client.get(url, params)
    assert response.status_code == 200
    return response.content.decode()


def cosign(signal):
    council = council_in()
    person = member(council=council)
    return services.cosign_signal(
        signal=signal, council=council, person=person, account="Bij ons zien we dit ook."
    )


@pytest.fixture
def advisor(client):
    person = beleidsadviseur(first_name="Bea", last_name="Beleid")
    client.force_login(person)
    return person


def test_the_list_filters_by_each_field(client, advisor):
    theme = Theme.objects.create(name="Personeel", slug="personeel")
    ggz = sector("ggz", "Ggz")
    tag = Tag.objects.create(name="Urgent")
    a = report(title="Avondzorg schiet tekort", themes=[theme])
    b = report(
        title="Wachtlijst dagbesteding",
        council=council_in(ggz, province=Province.FRIESLAND),
        sectors=[ggz],
    )
    c = report(title="Maaltijden komen koud aan")
    triage.assign(signal=a, to=advisor, by=advisor)
    triage.set_tags(signal=b, tags=[tag], by=advisor)
    services.change_state(signal=c, state=State.objects.get(slug="in-behandeling"), by=advisor)
    Signal.objects.filter(pk=c.pk).update(created_at=timezone.now() - datetime.timedelta(days=40))

    def titles(**params):
        text = page(LIST, client, **params)
        return {s.title for s in (a, b, c) if s.title in text}

    assert titles() == {a.title, b.title, c.title}
    assert titles(stap="in-behandeling") == {c.title}
    assert titles(thema="personeel") == {a.title}
    assert titles(sector="ggz") == {b.title}
    assert titles(provincie="FR") == {b.title}
    assert titles(toegewezen="mij") == {a.title}
    assert titles(toegewezen="niemand") == {b.title, c.title}
    assert titles(toegewezen="iemand") == {a.title}
    assert titles(label=tag.pk) == {b.title}
    since = (timezone.localdate() - datetime.timedelta(days=10)).isoformat()
    assert titles(van=since) == {a.title, b.title}
    assert titles(q="KOUD") == {c.title}
    assert titles(q="bewoners wachten") == {a.title, b.title, c.title}  # the description
    # A closed signal leaves the default list; a merged one is never listed.
    services.change_state(signal=a, state=State.objects.get(slug="gesloten"), by=advisor)
    triage.merge(duplicate=b, into=c, by=advisor)
    assert titles() == {c.title}
    assert titles(stap="gesloten") == {a.title}


def test_the_list_shows_the_count_of_cosigning_councils_and_pages(client, advisor):
    signal = report(title="Avondzorg schiet tekort")
    cosign(signal)
    cosign(signal)
    text = page(LIST, client)
    assert "<td>2</td>" in text and "1 signaal" in text


def test_bad_filter_values_show_the_form_error_and_no_500(client, advisor):
    report()
    text = page(LIST, client, van="2026-05-01", tot="2026-01-01", stap="bestaat-niet")
    assert "De einddatum ligt voor de begindatum." in text


def _list_queries(client, n):
    Signal.objects.all().delete()
    for _ in range(n):
        signal = report(themes=[Theme.objects.get_or_create(name="Zorg", slug="zorg")[0]])
        cosign(signal)
    with CaptureQueriesContext(connection) as ctx:
        text = page(LIST, client)
    assert text.count('href="/signalen/behandelen/') >= n
    return len(ctx.captured_queries)


def test_the_list_costs_the_same_queries_for_one_and_three_signals(client, advisor):
    page(LIST, client)  # warm: the session and the person's groups
    assert _list_queries(client, 1) == _list_queries(client, 3)


def test_the_signal_page_shows_everything_staff_need(client, advisor):
    signal = report(title="Avondzorg schiet tekort")
    co = cosign(signal)
    triage.add_note(signal=signal, text="GEHEIME NOTITIE voor het team", by=advisor)
    text = page(f"/signalen/behandelen/{signal.pk}/", client)
    assert signal.title in text and signal.council.name in text
    assert signal.reporter.email in text
    assert co.council.name in text and "Bij ons zien we dit ook." in text
    assert "GEHEIME NOTITIE voor het team" in text and "Interne notitie" in text
    for label in ("Stap wijzigen", "Toevoegen aan dossier", "Samenvoegen", "Splitsen"):
        assert label in text


def test_staff_change_the_state_with_a_public_answer_from_the_page(client, advisor):
    signal = report()
    state = State.objects.get(slug="aangekaart")
    response = client.post(
        f"/signalen/behandelen/{signal.pk}/",
        {"action": "state", "state": state.pk, "public_answer": "Besproken met VWS."},
        follow=True,
    )
    signal.refresh_from_db()
    assert signal.state == state and signal.public_answer == "Besproken met VWS."
    assert "De stap is gewijzigd" in response.content.decode()


def test_a_refused_merge_on_the_page_says_why_and_changes_nothing(client, advisor):
    target = report(named=True)
    duplicate = report()
    response = client.post(
        f"/signalen/behandelen/{duplicate.pk}/",
        {"action": "merge", "into": str(target.pk)},
        follow=True,
    )
    text = response.content.decode()
    assert response.status_code == 200 and "onbekend te blijven" in text
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    response = client.post(
        f"/signalen/behandelen/{duplicate.pk}/", {"action": "merge", "into": "99999"}
    )
    assert "Er is geen signaal met nummer 99999." in response.content.decode()


def test_merge_split_note_question_and_dossier_from_the_page(client, advisor):
    target, duplicate = report(), report()
    url = f"/signalen/behandelen/{duplicate.pk}/"
    response = client.post(url, {"action": "merge", "into": f"#{target.pk}"})
    assert response.url == f"/signalen/behandelen/{target.pk}/"
    assert Signal.objects.get(pk=duplicate.pk).merged_into_id == target.pk

    url = f"/signalen/behandelen/{target.pk}/"
    response = client.post(
        url,
        {
            "action": "split",
            "title": "Maaltijden komen koud aan",
            "description": "De warme maaltijd komt 's avonds koud op de afdeling aan.",
        },
    )
    new = Signal.objects.get(split_from=target)
    assert response.url == f"/signalen/behandelen/{new.pk}/"
    client.post(url, {"action": "question", "text": "Sinds wanneer speelt dit?"})
    assert triage.open_question(target).text == "Sinds wanneer speelt dit?"
    dossier = Dossier.objects.create(title="Personeelstekort in de avond")
    client.post(url, {"action": "dossier", "dossier": dossier.pk})
    assert dossier.signals.get() == target
    response = client.post(url, {"action": "dossier", "dossier": "", "new_title": ""})
    assert "Kies een dossier of vul de titel van een nieuw in." in response.content.decode()
    client.post(url, {"action": "dossier", "dossier": "", "new_title": "Koude maaltijden"})
    assert Dossier.objects.get(title="Koude maaltijden").signals.get() == target
    client.post(url, {"action": "take"})
    assert Signal.objects.get(pk=target.pk).assigned_to == advisor


def test_the_reporter_answers_on_the_answer_page(client):
    signal = report()
    triage.ask_reporter(signal=signal, text="Sinds wanneer speelt dit?", by=beleidsadviseur())
    client.force_login(signal.reporter)
    url = f"/signalen/{signal.pk}/antwoord/"
    text = page(url, client)
    assert "Sinds wanneer speelt dit?" in text
    response = client.post(url, {"text": ""})
    assert response.status_code == 200 and not signal.history.filter(kind="answer").exists()
    response = client.post(url, {"text": "Sinds de zomer."}, follow=True)
    assert "Uw antwoord is bij het signaal gezet" in response.content.decode()
    assert signal.history.get(kind=HistoryKind.ANSWER).text == "Sinds de zomer."
    assert "Er staat op dit moment geen vraag voor u open." in response.content.decode()
    client.force_login(beleidsadviseur())
    assert "Sinds de zomer." in page(f"/signalen/behandelen/{signal.pk}/", client)


def test_the_staff_panel_counts_open_signals(client, advisor):
    report()
    text = page("/medewerkers/", client)
    assert "1 open signaal" in text and "Signalen behandelen" in text


# --- the states in the Wagtail admin ------------------------------------------------------

ADMIN = "/admin/snippets/advocacy/state/"


def _state_data(**overrides):
    data = {
        "name": "Wacht op de raad",
        "slug": "wacht",
        "order": "15",
        "description": "",
        "visible_to_councils": "on",
    }
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def test_a_policy_advisor_adds_a_state_and_makes_it_the_initial_one(client, advisor):
    response = client.post(ADMIN + "add/", _state_data(is_initial="on"))
    assert response.status_code == 302
    assert list(State.objects.filter(is_initial=True).values_list("slug", flat=True)) == ["wacht"]
    report()  # new signals start there
    assert Signal.objects.get().state.slug == "wacht"


def test_the_initial_state_cannot_lose_its_mark_or_be_hidden(client, advisor):
    initial = State.objects.get(is_initial=True)
    url = ADMIN + f"edit/{initial.pk}/"
    response = client.post(url, _state_data(name=initial.name, slug=initial.slug))
    assert response.status_code == 200
    assert "Er is altijd precies één beginstap" in response.content.decode()
    response = client.post(
        url,
        _state_data(
            name=initial.name, slug=initial.slug, is_initial="on", visible_to_councils=None
        ),
    )
    assert "De beginstap moet zichtbaar zijn voor raden" in response.content.decode()
    assert State.objects.get(pk=initial.pk).visible_to_councils
    assert State.objects.get(pk=initial.pk).is_initial


def test_a_state_in_use_or_the_initial_one_cannot_be_deleted(client, advisor):
    signal = report()
    state = State.objects.get(slug="in-behandeling")
    services.change_state(signal=signal, state=state, by=advisor)
    response = client.post(ADMIN + f"delete/{state.pk}/", follow=True)
    assert response.status_code == 200
    assert "is in gebruik (1 signaal staat erin" in response.content.decode()
    assert State.objects.filter(pk=state.pk).exists()
    initial = State.objects.get(is_initial=True)
    response = client.post(ADMIN + f"delete/{initial.pk}/", follow=True)
    assert "is de beginstap" in response.content.decode()
    unused = State.objects.create(name="Ongebruikt", slug="ongebruikt")
    client.post(ADMIN + f"delete/{unused.pk}/")
    assert not State.objects.filter(pk=unused.pk).exists()


def test_the_members_signal_page_links_the_open_question_and_the_dossiers(client):
    from raadsplein.advocacy import dossiers

    signal = report()
    advisor = beleidsadviseur()
    co = cosign(signal)
    triage.ask_reporter(signal=signal, text="Sinds wanneer speelt dit?", by=advisor)
    dossier = dossiers.create_dossier(by=advisor, title="Personeelstekort in de avond")
    dossiers.add_signal(dossier=dossier, signal=signal, by=advisor)
    client.force_login(member(council=signal.council))
    text = page(f"/signalen/{signal.pk}/", client)
    assert f"/signalen/{signal.pk}/antwoord/" in text
    assert f'href="/signalen/dossiers/{dossier.pk}/"' in text
    client.force_login(co.person)  # a co-signer sees the dossier, not the question
    text = page(f"/signalen/{signal.pk}/", client)
    assert "antwoord/" not in text and "Sinds wanneer" not in text
    assert f'href="/signalen/dossiers/{dossier.pk}/"' in text
