"""manage.py import_subscribers FILE --source "ledenlijst 2025" [--dry-run] — check every line,
then import all or nothing (``csv_import.import_subscribers``, the staff's screen uses it too)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raadsplein.newsletter import csv_import
from raadsplein.newsletter.services import NewsletterError


class Command(BaseCommand):
    help = (
        "Importeer abonnees van de nieuwsbrief uit een CSV-bestand (kolommen email, naam, "
        "aanspreekvorm, sectoren, themas). Eén foute regel: er wordt niets geïmporteerd."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument(
            "--source",
            required=True,
            help="Waar de toestemming vandaan komt, bijvoorbeeld 'ledenlijst 2025'.",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren, niets importeren."
        )

    def handle(self, *args, file: Path, source: str, dry_run: bool = False, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        try:
            report = csv_import.import_subscribers(
                content=file.read_bytes(), source=source, dry_run=dry_run
            )
        except NewsletterError as error:
            raise CommandError(str(error)) from None
        for line, reason in report.errors:
            self.stderr.write(f"regel {line}: {reason}")
        for line, email, first in report.duplicates:
            self.stdout.write(f"regel {line}: {email} staat ook op regel {first}; overgeslagen")
        summary = (
            f"{len(report.new)} nieuw, {len(report.existing)} al op de lijst (overgeslagen), "
            f"{len(report.duplicates)} dubbel in het bestand, {len(report.errors)} fout"
        )
        if report.errors:
            raise CommandError(
                f"{summary}. Er is niets geïmporteerd. Verbeter het bestand en probeer het opnieuw."
            )
        if dry_run:
            self.stdout.write(f"Proef: {summary}. Er is niets geïmporteerd.")
            return
        self.stdout.write(self.style.SUCCESS(f"{report.imported} geïmporteerd. {summary}."))
