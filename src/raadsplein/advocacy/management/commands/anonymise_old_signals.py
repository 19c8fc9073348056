from django.core.management.base import BaseCommand

from raadsplein.advocacy import retention


class Command(BaseCommand):
    help = (
        "Haalt de persoonsgegevens weg uit signalen die langer dan "
        "RAADSPLEIN_SIGNALS_RETENTION_MONTHS maanden (12) gesloten zijn: de melder, wie "
        "mede ondertekende, vragen aan en antwoorden van de melder. Het signaal en de cijfers "
        "blijven. Veilig om vaker te draaien (cron: elke dag)."
    )

    def handle(self, *args, **options):
        counts = retention.anonymise_old_signals()
        self.stdout.write(
            "anonymised: {signals} signals, {cosignatures} co-signatures, "
            "{history_texts} history texts, {history_actors} history actors".format(**counts)
        )
