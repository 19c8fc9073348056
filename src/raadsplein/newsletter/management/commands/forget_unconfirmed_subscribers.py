"""manage.py forget_unconfirmed_subscribers — daily: delete addresses nobody confirmed within
30 days, and confirmation rounds of that age (``subscriptions.forget_unconfirmed``)."""

from django.core.management.base import BaseCommand

from raadsplein.newsletter import subscriptions


class Command(BaseCommand):
    help = "Verwijder adressen die na 30 dagen nog niet zijn bevestigd (nieuwsbrief)."

    def handle(self, *args, **options):
        addresses, rounds = subscriptions.forget_unconfirmed()
        self.stdout.write(
            f"{addresses} onbevestigde adressen en {rounds} oude aanvragen verwijderd."
        )
