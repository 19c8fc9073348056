"""The staff export (streamed CSV and XLSX), the reports (suppressed figures, quotes without
the council, what was done) and the quotes staff choose."""

import csv
import datetime
import io

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from openpyxl import load_workbook

from raadsplein.accounts.tests.factories import adviseur, beleidsadviseur
from raadsplein.advocacy import report_services, reports, services
from raadsplein.advocacy.models import Dossier, DossierAction, Signal
from raadsplein.advocacy.report_models import ReportQuote
from raadsplein.advocacy.tests.factories import council_in, report
from raadsplein.audit.models import AuditEntry
from raadsplein.knowledge.tests.factories import ThemeFactory
from raadsplein.organisations.models import Province
from raadsplein.organisations.tests.factories import member

pytestmark = pytest.mark.django_db

EXPORT = "/signalen/behandelen/rapport/export"


def csv_rows(response) -> list[list[str]]:
    body = b"".join(response.streaming_content).decode("utf-8")
    assert body.startswith("\ufeff")
    return list(csv.reader(io.StringIO(body[1:]), delimiter=";"))


def test_the_csv_export_streams_every_signal_with_its_themes_and_co_signers(client):
    theme = ThemeFactory(name="Personeel")
    council = council_in(name="Raad De Linde", province=Province.GELDERLAND)
    reporter = member(council=council, first_name="Ans", last_name="Jansen")
    first = report(council=council, reporter=reporter, themes=[theme])
    formula = report(title="=HYPERLINK(1)", council=council, reporter=reporter)
    other = council_in()
    services.cosign_signal(
        signal=first, council=other, person=member(council=other), account="Bij ons ook zo."
    )
    client.force_login(beleidsadviseur())
    response = client.get(f"{EXPORT}.csv")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    header, *rows = csv_rows(response)
    assert header[0] == "Nummer" and len(rows) == 2
    by_number = {row[0]: dict(zip(header, row, strict=True)) for row in rows}
    row = by_number[f"S-{first.pk}"]
    assert row["Raad"] == "Raad De Linde" and row["Provincie"] == "Gelderland"
    assert row["Thema's"] == "Personeel" and row["Zorgsectoren"] == first.sectors.get().name
    assert row["Raden die het ook zien"] == "1" and row["Stap"] == "Ontvangen"
    assert row["Wat gebeurt er"] == first.description
    # Formulas are defused; the reporter is not in the file.
    assert by_number[f"S-{formula.pk}"]["Titel"] == "'=HYPERLINK(1)"
    assert "Jansen" not in "".join(";".join(r) for r in rows)


def test_the_export_filters_and_refuses_bad_filters_in_dutch(client):
    report(council=council_in(province=Province.UTRECHT))
    report(council=council_in(province=Province.LIMBURG))
    client.force_login(beleidsadviseur())
    _header, *rows = csv_rows(client.get(f"{EXPORT}.csv?provincie=LI"))
    assert [r[8] for r in rows] == ["Limburg"]
    bad = client.get(f"{EXPORT}.csv?vanaf=2026-05-01&tot_en_met=2026-01-01&provincie=XX")
    assert bad.status_code == 200 and not bad.streaming
    page = bad.content.decode()
    assert "De einddatum ligt vóór de begindatum." in page
    assert "Kies een provincie uit de lijst." in page


def test_the_xlsx_export_holds_the_same_rows(client):
    signals = [report() for _ in range(3)]
    client.force_login(beleidsadviseur())
    response = client.get(f"{EXPORT}.xlsx")
    assert response.status_code == 200 and response.streaming
    book = load_workbook(io.BytesIO(b"".join(response.streaming_content)), read_only=True)
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0][0] == "Nummer"
    assert sorted(r[0] for r in rows[1:]) == sorted(f"S-{s.pk}" for s in signals)


def test_the_export_reads_the_same_number_of_queries_for_one_and_three_signals(client):
    client.force_login(beleidsadviseur())
    report(themes=[ThemeFactory()])

    def queries() -> int:
        with CaptureQueriesContext(connection) as ctx:
            b"".join(client.get(f"{EXPORT}.csv").streaming_content)
        return ctx.captured_queries

    queries()  # the site and the session are cached after the first request
    one = queries()
    report(themes=[ThemeFactory()])
    report()
    assert len(queries()) == len(one)


@pytest.mark.parametrize(
    "url",
    [
        f"{EXPORT}.csv",
        f"{EXPORT}.xlsx",
        "/signalen/behandelen/rapport/",
        "/signalen/behandelen/rapport/periode.pdf?van=2026-01&tot=2026-12",
        "/signalen/behandelen/rapport/citaten/",
    ],
)
def test_only_policy_staff_reach_reports_and_the_export(client, url):
    assert client.get(url).status_code == 302  # to sign in
    for person in (member(), adviseur()):
        client.force_login(person)
        assert client.get(url).status_code == 404
    client.force_login(beleidsadviseur())
    assert client.get(url).status_code == 200


def many_councils_report(n: int, theme, **kwargs) -> list[Signal]:
    return [report(council=council_in(), themes=[theme], **kwargs) for _ in range(n)]


def period_scope() -> reports.Scope:
    month = timezone.localdate().replace(day=1)
    return reports.Scope(start=month, end=month)


def test_a_period_report_suppresses_small_figures_and_their_complements():
    common, rare, third = ThemeFactory(name="Personeel"), ThemeFactory(name="Vervoer"), None
    many_councils_report(6, common)
    many_councils_report(2, rare)
    third = ThemeFactory(name="Voeding")
    many_councils_report(5, third)
    data = reports.report_data(period_scope())
    themes = {r["label"]: r for r in next(d for d in data["dimensions"] if d.key == "theme").rows}
    assert themes["Vervoer"]["suppressed"] and themes["Vervoer"]["count"] is None
    # Shown total 13 minus the others would give Vervoer away: a complement is suppressed too.
    assert themes["Voeding"]["suppressed"]
    assert themes["Personeel"] == {
        "value": common.slug,
        "label": "Personeel",
        "count": 6,
        "councils": 6,
        "suppressed": False,
    }
    assert data["total"] == {"count": 13, "councils": 13, "suppressed": False}
    provinces = next(d for d in data["dimensions"] if d.key == "province")
    assert [r["count"] for r in provinces.rows if r["value"] == "UT"] == [13]


def test_a_dossier_report_has_its_quotes_without_the_council_and_what_was_done(client):
    theme = ThemeFactory(name="Personeel")
    signals = many_councils_report(5, theme)
    council = signals[0].council
    council.name = "Raad Het Anker"
    council.save()
    dossier = Dossier.objects.create(title="Personeelstekort", summary="Te weinig handen.")
    dossier.signals.set(signals)
    DossierAction.objects.create(
        dossier=dossier,
        kind="letter",
        addressee="vws",
        title="Brief aan de minister",
        date=datetime.date(2026, 3, 1),
        outcome="Toezegging voor overleg.",
    )
    DossierAction.objects.create(
        dossier=dossier,
        kind="meeting",
        title="Intern overleg",
        date=datetime.date(2026, 3, 2),
        visible_to_councils=False,
    )
    staff = beleidsadviseur()
    report_services.add_quote(
        by=staff, signal=signals[0], text="Bewoners wachten 's avonds lang", dossier=dossier
    )
    client.force_login(staff)
    response = client.get(f"/signalen/behandelen/rapport/dossier/{dossier.pk}.xlsx")
    assert response.status_code == 200
    book = load_workbook(io.BytesIO(response.content))
    cells = {str(c) for ws in book for row in ws.iter_rows(values_only=True) for c in row}
    assert "Bewoners wachten 's avonds lang" in cells
    assert "Brief aan de minister" in cells and "Toezegging voor overleg." in cells
    assert "Intern overleg" not in cells
    assert "Raad Het Anker" not in cells and signals[0].title not in cells
    html = render_to_string(
        "advocacy/report/report_pdf.html",
        {**reports.report_data(reports.Scope(dossier=dossier)), "note": ""},
    )
    assert "Raad Het Anker" not in html and "Bewoners wachten" in html and "<svg" in html
    pdf = client.get(f"/signalen/behandelen/rapport/dossier/{dossier.pk}.pdf")
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    assert client.get("/signalen/behandelen/rapport/dossier/999999.pdf").status_code == 404


def test_a_period_report_with_a_bad_period_answers_in_dutch(client):
    client.force_login(beleidsadviseur())
    response = client.get("/signalen/behandelen/rapport/periode.xlsx?van=2026-05&tot=2026-01")
    assert response.status_code == 200
    assert "De laatste maand ligt vóór de eerste." in response.content.decode()
    ok = client.get("/signalen/behandelen/rapport/periode.xlsx?van=2026-01&tot=2026-12")
    assert ok["Content-Type"].startswith("application/vnd.openxmlformats")


def test_a_quote_must_be_the_councils_own_words():
    signal = report(description="Bewoners wachten 's avonds lang op hulp bij het naar bed gaan.")
    staff = beleidsadviseur()
    with pytest.raises(services.SignalError, match="niet letterlijk"):
        report_services.add_quote(by=staff, signal=signal, text="Bewoners krijgen geen hulp.")
    quote = report_services.add_quote(
        by=staff, signal=signal, text="Bewoners wachten … op hulp bij het naar bed gaan"
    )
    assert quote.signal == signal and quote.chosen_by == staff
    assert AuditEntry.objects.filter(action="advocacy.quote.add").count() == 1
    with pytest.raises(services.SignalError, match="Kies een signaal"):
        report_services.add_quote(by=staff, text="Bewoners wachten")
    named = report(description="Mevrouw Jansen wacht 's avonds een uur op hulp bij het naar bed.")
    with pytest.raises(services.SignalError, match="persoonsgegevens"):
        report_services.add_quote(by=staff, signal=named, text="Mevrouw Jansen wacht 's avonds")
    assert ReportQuote.objects.count() == 1


def test_staff_choose_a_quote_from_a_co_signature_on_the_quotes_page(client):
    signal = report()
    other = council_in()
    cosignature = services.cosign_signal(
        signal=signal, council=other, person=member(council=other), account="Hier ook elke avond."
    )
    client.force_login(beleidsadviseur())
    url = f"/signalen/behandelen/rapport/citaten/?signaal=S-{signal.pk}"
    page = client.get(url).content.decode()
    assert "Hier ook elke avond." in page
    bad = client.post(url, {"bron": f"c{cosignature.pk}", "tekst": "Daar nooit, zegt men."})
    assert "niet letterlijk" in bad.content.decode() and not ReportQuote.objects.exists()
    done = client.post(url, {"bron": f"c{cosignature.pk}", "tekst": "Hier ook elke avond"})
    assert done.status_code == 302
    quote = ReportQuote.objects.get()
    assert quote.cosignature == cosignature and quote.signal is None
    listing = client.get("/signalen/behandelen/rapport/citaten/").content.decode()
    assert "Hier ook elke avond" in listing
    missing = client.get("/signalen/behandelen/rapport/citaten/?signaal=S-999999")
    assert "Er is geen signaal met dit nummer." in missing.content.decode()
    client.post(f"/signalen/behandelen/rapport/citaten/{quote.pk}/verwijderen/")
    assert not ReportQuote.objects.exists()
