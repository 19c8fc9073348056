from django.core.management.base import BaseCommand

from raadsplein.advocacy import intake


class Command(BaseCommand):
    help = (
        "Maakt signalen van de signalen die de Vraagbaak bewaarde tot Signalen er was. Veilig "
        "om vaker te draaien: wat al doorgegeven is, wordt overgeslagen (draait ook na migrate)."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"delivered: {intake.take_over_waiting()} signals")
