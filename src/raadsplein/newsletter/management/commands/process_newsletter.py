"""Queue the scheduled editions whose moment has come. Safe to run every few minutes from
cron, and by two machines at once: an edition goes out once (``schedule.process_due``). Sending
that stalled is started again (``schedule.resume_stalled``)."""

from django.core.management.base import BaseCommand

from raadsplein.newsletter import schedule


class Command(BaseCommand):
    help = "Zet ingeplande edities van de nieuwsbrief in de wachtrij als hun tijd gekomen is."

    def handle(self, *args, **options):
        queued = schedule.process_due()
        for pk in queued:
            self.stdout.write(f"Editie {pk} in de wachtrij gezet.")
        if not queued:
            self.stdout.write("Geen editie om te versturen.")
        for pk in schedule.resume_stalled():
            self.stdout.write(f"Editie {pk} liep vast; het versturen is hervat.")
