"""The CSV import: a dry run that lists bad lines, all or nothing, no duplicates, the consent
source, and the management command that uses the same service."""

import pytest
from django.core.management import CommandError, call_command

from raadsplein.audit.models import AuditEntry
from raadsplein.knowledge.models import Theme
from raadsplein.newsletter import csv_import
from raadsplein.newsletter.models import Subscriber, SubscriberStatus
from raadsplein.newsletter.services import NewsletterError
from raadsplein.organisations.models import CareSector

from .factories import SubscriberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def sector():
    return CareSector.objects.order_by("order", "name").first()


@pytest.fixture
def theme():
    return Theme.objects.get_or_create(name="Achterban", defaults={"slug": "achterban"})[0]


def test_good_file_is_imported_active_with_its_consent_source(sector, theme):
    content = (
        "email,naam,aanspreekvorm,sectoren,themas\n"
        f"Anna@Voorbeeld.nl,Anna de Vries,je,{sector.code},{theme.name}\n"
        f'piet@voorbeeld.nl,Piet,u,"{sector.name}",\n'
        "kees@voorbeeld.nl,,,,\n"
    ).encode()
    report = csv_import.import_subscribers(content=content, source="ledenlijst 2025")
    assert report.ok and report.imported == 3
    anna = Subscriber.objects.get(email="anna@voorbeeld.nl")
    assert anna.status == SubscriberStatus.ACTIVE
    assert anna.consent_source == "import: ledenlijst 2025" and anna.consent_at
    assert (anna.name, anna.form_of_address) == ("Anna de Vries", "je")
    assert list(anna.sectors.all()) == [sector] and list(anna.themes.all()) == [theme]
    assert Subscriber.objects.get(email="kees@voorbeeld.nl").form_of_address == "u"
    entry = AuditEntry.objects.get(action="newsletter.subscriber.imported")
    assert entry.data["added"] == 3 and entry.data["skipped_existing"] == 0


def test_dry_run_lists_bad_lines_and_imports_nothing(sector):
    content = (
        "email;naam;aanspreekvorm;sectoren\n"
        "goed@voorbeeld.nl;Goed;u;\n"
        "geen-adres;Fout;u;\n"
        "wegwerp@mailinator.com;;;\n"
        f"ander@voorbeeld.nl;;jullie;{sector.code}, bestaat-niet\n"
    ).encode("cp1252")
    report = csv_import.import_subscribers(content=content, source="x", dry_run=True)
    lines = dict(report.errors)
    assert set(lines) == {3, 4, 5}
    assert "geen geldig e-mailadres" in lines[3]
    assert "wegwerpadressen" in lines[4]
    assert "jullie" in lines[5] and "onbekende sector ‘bestaat-niet’" in lines[5]
    assert [row.email for row in report.new] == ["goed@voorbeeld.nl"]
    # Not a dry run: still nothing, because one line is wrong.
    report = csv_import.import_subscribers(content=content, source="x")
    assert not report.ok and report.imported == 0
    assert not Subscriber.objects.exists()
    assert not AuditEntry.objects.filter(action="newsletter.subscriber.imported").exists()


def test_present_addresses_are_skipped_and_duplicates_in_the_file_reported():
    SubscriberFactory(email="bekend@voorbeeld.nl", status=SubscriberStatus.UNSUBSCRIBED)
    content = (
        "email,naam\n"
        "nieuw@voorbeeld.nl,Nieuw\n"
        "BEKEND@voorbeeld.nl,Bekend\n"
        "nieuw@voorbeeld.nl,Nog eens\n"
    )
    report = csv_import.import_subscribers(content=content, source="ledenlijst")
    assert report.imported == 1
    assert report.existing == [(3, "bekend@voorbeeld.nl")]
    assert report.duplicates == [(4, "nieuw@voorbeeld.nl", 2)]
    assert Subscriber.objects.get(email="nieuw@voorbeeld.nl").name == "Nieuw"
    # Someone who unsubscribed is not put back by an import.
    assert Subscriber.objects.get(email="bekend@voorbeeld.nl").status == "unsubscribed"
    assert Subscriber.objects.count() == 2
    # Importing the same file again adds nothing.
    again = csv_import.import_subscribers(content=content, source="ledenlijst")
    assert again.imported == 0 and len(again.existing) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "leeg"),
        ("naam\nAnna\n", "de kolom ‘email’ ontbreekt"),
        ("email,telefoon\na@voorbeeld.nl,06\n", "onbekende kolom ‘telefoon’"),
        (b"\x81\x8d\x90\n", "geen tekstbestand"),
    ],
)
def test_files_that_are_wrong_as_a_whole(content, message):
    with pytest.raises(NewsletterError, match=message):
        csv_import.import_subscribers(content=content, source="x")
    assert not Subscriber.objects.exists()


def test_consent_source_is_required():
    with pytest.raises(NewsletterError, match="toestemming"):
        csv_import.import_subscribers(content="email\na@voorbeeld.nl\n", source="  ")
    assert not Subscriber.objects.exists()


def test_command_dry_run_and_import(tmp_path, capsys):
    path = tmp_path / "lijst.csv"
    path.write_text("email,naam\na@voorbeeld.nl,A\nb@voorbeeld.nl,B\n", encoding="utf-8")
    call_command("import_subscribers", str(path), "--source", "ledenlijst 2025", "--dry-run")
    assert "Proef: 2 nieuw" in capsys.readouterr().out
    assert not Subscriber.objects.exists()
    call_command("import_subscribers", str(path), "--source", "ledenlijst 2025")
    assert "2 geïmporteerd" in capsys.readouterr().out
    assert set(Subscriber.objects.values_list("consent_source", flat=True)) == {
        "import: ledenlijst 2025"
    }


def test_command_with_a_bad_line_imports_nothing(tmp_path, capsys):
    path = tmp_path / "lijst.csv"
    path.write_text("email\na@voorbeeld.nl\nfout\n", encoding="utf-8")
    with pytest.raises(CommandError, match="niets geïmporteerd"):
        call_command("import_subscribers", str(path), "--source", "lijst")
    assert "regel 3:" in capsys.readouterr().err
    assert not Subscriber.objects.exists()
