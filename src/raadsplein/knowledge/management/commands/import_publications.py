"""manage.py import_publications FILE.jsonl — validate every line, then write all or nothing."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from raadsplein.knowledge import services


class Command(BaseCommand):
    help = "Importeer publicaties uit een JSONL-bestand (één publicatie per regel)."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--no-progress", action="store_true", help="Geen voortgangsbalk.")

    def handle(self, *args, file: Path, no_progress: bool = False, **options):
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        try:
            lines = file.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise CommandError(f"Het bestand is geen UTF-8-tekst: {exc}") from None
        items, errors = services.validate_import(lines, base_dir=file.resolve().parent)
        if errors:
            for error in errors:
                self.stderr.write(f"regel {error.line}: {error.reason}")
            raise CommandError(
                f"{len(errors)} foute regel(s); er is niets geïmporteerd. Verbeter het bestand "
                "en probeer het opnieuw."
            )
        if not items:
            self.stdout.write("Geen publicaties gevonden in het bestand.")
            return
        show = not no_progress and len(items) > 1
        with tqdm(total=len(items), disable=not show, unit="publicatie", file=self.stderr) as bar:
            created, updated = services.import_publications(items, progress=bar.update)
        self.stdout.write(
            self.style.SUCCESS(f"{created} nieuw, {updated} bijgewerkt; alles is doorzoekbaar.")
        )
