from django.core.management.base import BaseCommand

from raadsplein.councilwork import tasks


class Command(BaseCommand):
    help = (
        "Raadswerk: stuurt herinneringen voor de uiterste data van trajecten, doet wat de "
        "vergaderingen nodig hebben en vergeet kandidaten van afgesloten vacatures. Veilig om "
        "vaak te draaien (cron: dagelijks)."
    )

    def handle(self, *args, **options):
        result = tasks.sweep()
        self.stdout.write(", ".join(f"{name}: {value}" for name, value in result.items()))
