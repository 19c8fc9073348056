from django.core.management.base import BaseCommand

from raadsplein.helpdesk import retention


class Command(BaseCommand):
    help = (
        "Anonimiseert vragen die langer dan VRAAGBAAK_RETENTION_MONTHS maanden (24) gesloten "
        "zijn: de persoon en alle teksten gaan weg, de cijfers blijven. Veilig om vaker te "
        "draaien (cron: elke dag)."
    )

    def handle(self, *args, **options):
        counts = retention.anonymise_old_questions()
        self.stdout.write(
            "anonymised: {questions} questions, {messages} messages, "
            "{attachments} attachments".format(**counts)
        )
