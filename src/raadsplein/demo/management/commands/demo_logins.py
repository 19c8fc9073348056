from django.core.management.base import BaseCommand

from raadsplein import demo

LOGINS = [
    ("lid", "raadslid (lid van twee raden; termijn loopt bijna af)"),
    ("voorzitter", "voorzitter van een cliëntenraad"),
    ("ondersteuner", "ondersteuner / ambtelijk secretaris"),
    ("nietlid", "account zonder lidmaatschap"),
    ("adviseur", "adviseur (medewerker)"),
    ("redacteur", "redacteur (medewerker)"),
    ("beheerder", "beheerder (medewerker)"),
    ("beleid", "beleidsadviseur (medewerker): Signalen behandelen, dossiers, rapporten"),
    ("bouwpool", "expert in de Bouwpool van de Vraagbaak"),
    ("zorggeld", "expert in de pool Zorg & Geld van de Vraagbaak"),
    ("deelnemer001", "… t/m deelnemer300: leden van verschillende raden"),
]


class Command(BaseCommand):
    help = "Toont de demo-accounts om mee in te loggen."

    def handle(self, *args, **options):
        self.stdout.write(f"Demo-accounts (wachtwoord voor allemaal: {demo.DEMO_PASSWORD})")
        for name, what in LOGINS:
            email = f"{name}@{demo.DEMO_DOMAIN}"
            self.stdout.write(f"  {email:<34} {what}")
