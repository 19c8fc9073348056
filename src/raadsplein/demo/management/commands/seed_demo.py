import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from raadsplein.demo import world


class Command(BaseCommand):
    help = "Laadt de demowereld (alleen als RAADSPLEIN_DEMO_MODE aan staat). Kan vaker draaien."

    def handle(self, *args, **options):
        if not settings.RAADSPLEIN_DEMO_MODE:
            raise CommandError(
                "Demomodus staat uit (RAADSPLEIN_DEMO_MODE). Demogegevens horen niet in een "
                "echte omgeving; er is niets veranderd."
            )
        for builder in world.builders():
            started = time.monotonic()
            builder.build(log=self.stdout.write)
            self.stdout.write(f"  {builder.key}: klaar in {time.monotonic() - started:.1f} s")
        self.stdout.write(self.style.SUCCESS("Demowereld staat klaar."))
