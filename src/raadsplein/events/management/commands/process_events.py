from django.core.management.base import BaseCommand

from raadsplein.events import services


class Command(BaseCommand):
    help = (
        "Laat verlopen wachtlijst-aanbiedingen vervallen, biedt vrije plaatsen aan en verstuurt "
        "herinneringen die nu aan de beurt zijn. Veilig om vaak te draaien (cron: elke 5 minuten)."
    )

    def handle(self, *args, **options):
        result = services.process_waitlist()
        reminders = services.send_due_reminders()
        self.stdout.write(
            f"offers expired: {result['expired']}, seats offered: {result['offered']}, "
            f"reminders sent: {reminders}"
        )
