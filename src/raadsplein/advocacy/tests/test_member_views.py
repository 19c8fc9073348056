"""The councils' side of Signalen: reporting (with the personal-data warning), a signal's page
as its own and as another council sees it, "Wij zien dit ook", withdrawing, "Mijn signalen"
and the files on a signal."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadsplein.accounts.tests.factories import UserFactory, beleidsadviseur
from raadsplein.advocacy import services
from raadsplein.advocacy.models import CoSignature, HistoryKind, Signal, SignalFile, State
from raadsplein.advocacy.tests.factories import council_in, report, sector
from raadsplein.knowledge.models import Theme
from raadsplein.organisations.models import CouncilKind, Province
from raadsplein.organisations.tests.factories import CareProviderFactory, member

pytestmark = pytest.mark.django_db

REPORT = "/signalen/melden/"
MINE = "/signalen/"
PDF = b"%PDF-1.4 a letter from the provider"


def report_data(council, **overrides):
    data = {
        "council": str(council.pk),
        "title": "Te weinig personeel in de nacht",
        "description": "Bewoners wachten 's nachts soms een half uur op hulp bij de wc.",
        "clients_affected": "11-50",
        "named": "anoniem",
        "province": "",
        "provider_hidden": "on",
    }
    data.update(overrides)
    return data


def test_the_form_offers_the_councils_and_the_anonymous_label(client):
    council = council_in(name="Cliëntenraad De Linde", province=Province.GELDERLAND)
    client.force_login(member(council=council))
    page = client.get(REPORT).content.decode()
    assert "Cliëntenraad De Linde" in page
    assert (
        "andere raden lezen “een cliëntenraad in de ouderenzorg" in page
        and "in Gelderland”" in page
    )
    assert "Signaal versturen" in page
    assert 'value="GE" selected' in page  # the council's province, editable


def test_a_member_reports_and_lands_on_the_signal(client):
    council = council_in(province=Province.UTRECHT)
    theme = Theme.objects.create(name="Personeel", slug="personeel")
    ggz = sector("ggz", "Ggz")
    client.force_login(member(council=council))
    data = report_data(
        council, themes=[theme.pk], sectors=[ggz.pk], province="LI", since="2026-01-15"
    )
    response = client.post(REPORT, data, follow=True)
    signal = Signal.objects.get()
    assert response.redirect_chain[-1][0] == f"/signalen/{signal.pk}/"
    text = response.content.decode()
    assert "Uw signaal is verstuurd" in text and "Te weinig personeel in de nacht" in text
    assert signal.province == "LI" and signal.clients_affected == "11-50"
    assert list(signal.themes.all()) == [theme] and list(signal.sectors.all()) == [ggz]
    assert signal.since.isoformat() == "2026-01-15"
    assert not signal.named and signal.provider is None


def test_the_councils_provider_is_kept_when_chosen(client):
    provider = CareProviderFactory(name="Zorggroep Het Baken")
    council = council_in(provider=provider)
    client.force_login(member(council=council))
    client.post(REPORT, report_data(council, about_provider="on", named="naam"))
    signal = Signal.objects.get()
    assert signal.provider == provider and signal.provider_hidden and signal.named


def test_personal_data_brings_a_warning_and_nothing_is_stored(client):
    council = council_in()
    client.force_login(member(council=council))
    data = report_data(
        council,
        description="Mevrouw Jansen op kamer 12 wacht elke nacht. Bel haar dochter: 06-12345678.",
    )
    response = client.post(REPORT, data)
    text = response.content.decode()
    assert response.status_code == 200
    assert "Let op: er staan misschien persoonsgegevens in uw signaal" in text
    assert "Mevrouw Jansen" in text and "06-12345678" in text
    assert "een telefoonnummer" in text and "een naam" in text
    assert "Versturen zonder wijzigen" in text
    assert not Signal.objects.exists()


def test_after_the_warning_the_member_may_send_unchanged(client):
    council = council_in()
    client.force_login(member(council=council))
    data = report_data(council, description="Meneer De Vries wacht elke nacht lang op hulp.")
    data["versturen_zonder_wijzigen"] = "1"
    response = client.post(REPORT, data)
    signal = Signal.objects.get()
    assert response.status_code == 302 and "De Vries" in signal.description


def test_after_editing_the_warning_is_gone_and_it_is_sent(client):
    council = council_in()
    client.force_login(member(council=council))
    client.post(REPORT, report_data(council, description="Mw. Bakker wacht elke nacht op hulp."))
    assert not Signal.objects.exists()
    client.post(REPORT, report_data(council, description="Een bewoner wacht elke nacht op hulp."))
    assert Signal.objects.get().description.startswith("Een bewoner")


def test_bad_input_gives_an_error_summary_and_stores_nothing(client):
    council = council_in()
    client.force_login(member(council=council))
    response = client.post(REPORT, report_data(council, title="", description="Kort."))
    text = response.content.decode()
    assert "Er is iets niet goed ingevuld" in text and "Vul de titel in." in text
    assert "minstens 20 tekens" not in text or "Kort." in text
    assert not Signal.objects.exists()


def test_reporting_for_a_council_one_does_not_sit_on_is_refused(client):
    council = council_in()
    other = council_in()
    client.force_login(member(council=council))
    response = client.post(REPORT, report_data(other))
    assert "Kies een raad waarin u zit." in response.content.decode()
    assert not Signal.objects.exists()


def test_a_member_without_a_seat_is_told_only_council_members_report(client):
    staff = beleidsadviseur()
    client.force_login(staff)
    response = client.get(REPORT)
    assert response.status_code == 403
    assert "Alleen leden van een raad kunnen een signaal melden" in response.content.decode()


def test_files_are_stored_privately_and_served_only_to_the_own_council(client):
    council = council_in()
    reporter = member(council=council)
    client.force_login(reporter)
    upload = SimpleUploadedFile("brief.pdf", PDF, content_type="application/pdf")
    client.post(REPORT, {**report_data(council), "files": [upload]})
    signal = Signal.objects.get()
    item = SignalFile.objects.get()
    assert item.signal == signal and item.original_name == "brief.pdf"
    assert item.file.name.startswith(f"advocacy/{signal.pk}/") and "brief" not in item.file.name
    url = f"/signalen/{signal.pk}/bestand/{item.pk}/"
    assert "brief.pdf" in client.get(f"/signalen/{signal.pk}/").content.decode()
    got = client.get(url)
    assert got.status_code == 200 and b"".join(got.streaming_content) == PDF
    assert "no-store" in got["Cache-Control"] and "attachment" in got["Content-Disposition"]

    cosigner_council = council_in()
    cosigner = member(council=cosigner_council)
    services.cosign_signal(
        signal=signal, council=cosigner_council, person=cosigner, account="Bij ons ook zo."
    )
    client.force_login(cosigner)
    assert client.get(url).status_code == 404
    assert "brief.pdf" not in client.get(f"/signalen/{signal.pk}/").content.decode()
    client.force_login(beleidsadviseur())
    assert client.get(url).status_code == 200


def test_a_file_that_is_not_accepted_keeps_the_rest_and_stores_nothing(client):
    council = council_in()
    client.force_login(member(council=council))
    upload = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/pdf")
    response = client.post(REPORT, {**report_data(council), "files": [upload]})
    text = response.content.decode()
    assert "geen bestand dat wij aannemen" in text and "Te weinig personeel in de nacht" in text
    assert not Signal.objects.exists() and not SignalFile.objects.exists()


def test_a_docx_is_accepted(client):
    council = council_in()
    client.force_login(member(council=council))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    upload = SimpleUploadedFile("verslag.docx", buffer.getvalue())
    client.post(REPORT, {**report_data(council), "files": [upload]})
    assert SignalFile.objects.get().content_type.endswith("wordprocessingml.document")


# --- one signal, as its own and as another council sees it ----------------------------------


def _signal_for_sharing():
    provider = CareProviderFactory(name="Zorggroep Het Baken")
    council = council_in(
        name="Cliëntenraad Het Baken",
        provider=provider,
        province=Province.GELDERLAND,
        kind=CouncilKind.CENTRAL,
    )
    reporter = member(council=council, first_name="Anna", last_name="Reporter")
    signal = report(reporter=reporter, council=council, provider=provider, provider_hidden=True)
    return signal, reporter


def test_another_council_sees_only_the_anonymised_signal(client):
    signal, _reporter = _signal_for_sharing()
    State.objects.filter(slug="in-behandeling").update(visible_to_councils=True)
    services.change_state(
        signal=signal,
        state=State.objects.get(slug="resultaat"),
        by=beleidsadviseur(),
        public_answer="We bespraken dit met het zorgkantoor.",
    )
    services.add_history(signal=signal, kind=HistoryKind.NOTE, text="Interne notitie: bellen.")
    client.force_login(member(council=council_in()))
    text = client.get(f"/signalen/{signal.pk}/").content.decode()
    assert "Te weinig personeel in de avond" in text
    assert "een centrale cliëntenraad in de ouderenzorg (VVT) in Gelderland" in text
    assert "We bespraken dit met het zorgkantoor." in text and "Resultaat" in text
    assert "1 raad" in text
    for hidden in ("Cliëntenraad Het Baken", "Zorggroep Het Baken", "Anna", "Interne notitie"):
        assert hidden not in text
    assert "Wij zien dit ook" in text


def test_the_own_council_sees_the_whole_signal_with_its_history(client):
    signal, reporter = _signal_for_sharing()
    services.add_history(signal=signal, kind=HistoryKind.NOTE, text="Interne notitie: bellen.")
    client.force_login(reporter)
    text = client.get(f"/signalen/{signal.pk}/").content.decode()
    assert "Cliëntenraad Het Baken" in text and "Zorggroep Het Baken" in text
    assert "andere raden zien de naam niet" in text
    assert "Gemeld" in text and "Interne notitie" not in text
    assert "Wij zien dit ook</a>" not in text  # not for one's own signal


def test_a_named_signal_shows_the_councils_name_to_others(client):
    council = council_in(name="Cliëntenraad Open Deur")
    signal = report(council=council, named=True)
    client.force_login(member(council=council_in()))
    assert "Cliëntenraad Open Deur" in client.get(f"/signalen/{signal.pk}/").content.decode()


def test_a_missing_signal_is_404(client):
    client.force_login(member(council=council_in()))
    assert client.get("/signalen/999999/").status_code == 404


# --- Wij zien dit ook -------------------------------------------------------------------------


def test_a_second_council_cosigns_and_both_see_two_councils(client):
    signal, reporter = _signal_for_sharing()
    other = council_in(name="Cliëntenraad De Brug", province=Province.LIMBURG)
    person = member(council=other)
    client.force_login(person)
    page = client.get(f"/signalen/{signal.pk}/wij-zien-dit-ook/").content.decode()
    assert "Wat ziet uw raad?" in page and "Cliëntenraad De Brug" in page
    response = client.post(
        f"/signalen/{signal.pk}/wij-zien-dit-ook/",
        {
            "council": other.pk,
            "account": "Ook bij ons wachten bewoners 's avonds lang.",
            "province": "",
            "named": "anoniem",
        },
        follow=True,
    )
    cosignature = CoSignature.objects.get()
    assert cosignature.council == other and cosignature.province == "LI"
    assert "2 raden" in response.content.decode()
    client.force_login(reporter)
    text = client.get(f"/signalen/{signal.pk}/").content.decode()
    assert "2 raden" in text and "Ook bij ons wachten bewoners" in text
    assert "een cliëntenraad in de ouderenzorg (VVT) in Limburg" in text
    assert "Cliëntenraad De Brug" not in text


def test_cosigning_twice_is_refused_and_changes_nothing(client):
    signal = report()
    other = council_in()
    person = member(council=other)
    services.cosign_signal(signal=signal, council=other, person=person, account="Bij ons ook.")
    client.force_login(person)
    page = client.get(f"/signalen/{signal.pk}/wij-zien-dit-ook/").content.decode()
    assert "Uw raad heeft dit signaal al mede ondertekend." in page
    response = client.post(
        f"/signalen/{signal.pk}/wij-zien-dit-ook/",
        {"council": other.pk, "account": "Nog een keer iets anders.", "named": "anoniem"},
    )
    assert "al mede ondertekend" in response.content.decode()
    assert CoSignature.objects.get().account == "Bij ons ook."


def test_cosigning_ones_own_signal_is_refused(client):
    signal, reporter = _signal_for_sharing()
    client.force_login(reporter)
    page = client.get(f"/signalen/{signal.pk}/wij-zien-dit-ook/").content.decode()
    assert "Dit signaal is van uw eigen raad" in page
    response = client.post(
        f"/signalen/{signal.pk}/wij-zien-dit-ook/",
        {"council": signal.council_id, "account": "Wij zien het zelf ook.", "named": "anoniem"},
    )
    assert "van uw eigen raad" in response.content.decode()
    assert not CoSignature.objects.exists()


def test_cosigning_for_a_council_one_does_not_sit_on_is_refused(client):
    signal = report()
    stranger = council_in()
    client.force_login(member(council=council_in()))
    response = client.post(
        f"/signalen/{signal.pk}/wij-zien-dit-ook/",
        {"council": stranger.pk, "account": "Wij zien dit bij ons ook.", "named": "anoniem"},
    )
    assert "Kies een raad waarin u zit." in response.content.decode()
    assert not CoSignature.objects.exists()


def test_withdrawing_a_cosignature(client):
    signal = report()
    other = council_in()
    person = member(council=other)
    services.cosign_signal(signal=signal, council=other, person=person, account="Bij ons ook.")
    client.force_login(person)
    assert "Ondertekening intrekken" in client.get(f"/signalen/{signal.pk}/").content.decode()
    response = client.post(f"/signalen/{signal.pk}/intrekken/", {"council": other.pk}, follow=True)
    assert "is ingetrokken" in response.content.decode()
    assert CoSignature.objects.get().withdrawn_at is not None
    again = client.post(f"/signalen/{signal.pk}/intrekken/", {"council": other.pk}, follow=True)
    assert "niet (meer) mede ondertekend" in again.content.decode()


# --- Mijn signalen ------------------------------------------------------------------------------


def test_my_signals_lists_own_and_cosigned_with_state_answer_and_count(client):
    council = council_in(name="Cliëntenraad De Linde")
    person = member(council=council)
    own = report(council=council, title="Ons eigen signaal over eten")
    theirs = report(title="Signaal van een andere raad")
    report(title="Signaal dat ons niet aangaat")
    services.cosign_signal(signal=theirs, council=council, person=person, account="Wij ook, ja.")
    services.change_state(
        signal=own,
        state=State.objects.get(slug="resultaat"),
        by=beleidsadviseur(),
        public_answer="Het zorgkantoor past de regels aan.",
    )
    client.force_login(person)
    text = client.get(MINE).content.decode()
    assert "Ons eigen signaal over eten" in text and "Signaal van een andere raad" in text
    assert "Signaal dat ons niet aangaat" not in text
    assert "Het zorgkantoor past de regels aan." in text and "Resultaat" in text
    assert "mede ondertekend door uw raad" in text and "2 raden zien dit" in text


def test_my_signals_costs_the_same_queries_for_one_or_three(client):
    council = council_in()
    person = member(council=council)

    def add_signal():
        signal = report(council=council)
        other = council_in()
        services.cosign_signal(
            signal=signal, council=other, person=member(council=other), account="Bij ons ook."
        )

    def count_queries(expected):
        client.get(MINE)  # warm the per-person caches
        with CaptureQueriesContext(connection) as queries:
            text = client.get(MINE).content.decode()
        assert text.count('class="card"') == expected
        return len(queries)

    client.force_login(person)
    add_signal()
    one = count_queries(1)
    add_signal()
    add_signal()
    assert count_queries(3) == one


def test_my_signals_pages_at_twenty(client):
    council = council_in()
    person = member(council=council)
    for i in range(21):
        report(council=council, reporter=person, title=f"Signaal nummer {i:02d}")
    client.force_login(person)
    first = client.get(MINE).content.decode()
    assert first.count('class="card"') == 20 and "Pagina 1 van 2" in first
    assert client.get(MINE + "?pagina=2").content.decode().count('class="card"') == 1


def test_the_dashboard_panel_lists_the_councils_signals(client):
    council = council_in()
    person = member(council=council)
    report(council=council, title="Signaal voor het paneel")
    client.force_login(person)
    from django.urls import reverse

    text = client.get(reverse("web:dashboard")).content.decode()
    assert "Signalen van uw raad" in text and "Signaal voor het paneel" in text


def test_a_non_member_gets_the_members_page(client):
    client.force_login(UserFactory())
    assert client.get(MINE).status_code == 403


def test_default_states_come_back_only_in_a_database_without_any():
    from raadsplein.advocacy.states import ensure_default_states

    assert ensure_default_states() == 0  # the migration made them
    State.objects.filter(slug="gesloten").delete()
    assert ensure_default_states() == 0  # staff removed one: not made again
    Signal.objects.all().delete()
    State.objects.all().delete()
    assert ensure_default_states() == 6
    assert State.objects.get(is_initial=True).slug == "ontvangen"


def test_a_merged_signal_sends_on_to_the_signal_it_went_into(client):
    root = report(title="Het signaal waar het in ging")
    merged = report()
    Signal.objects.filter(pk=merged.pk).update(merged_into=root)
    client.force_login(merged.reporter)
    response = client.get(f"/signalen/{merged.pk}/", follow=True)
    assert response.redirect_chain[-1][0] == f"/signalen/{root.pk}/"
    text = response.content.decode()
    assert "samengevoegd" in text and "Het signaal waar het in ging" in text
    assert client.get(f"/signalen/{merged.pk}/wij-zien-dit-ook/").status_code == 404
