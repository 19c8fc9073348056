from django.core.management.base import BaseCommand

from raadsplein.helpdesk import digest


class Command(BaseCommand):
    help = (
        "Stuurt elke adviseur het overzicht van vandaag: vragen die te laat zijn of bijna, en "
        "hoeveel er nog geen adviseur hebben. Eén keer per adviseur per dag, ook als het vaker "
        "draait (cron: elke werkdag om 8.30 uur)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"digests sent: {digest.send_digests()}")
