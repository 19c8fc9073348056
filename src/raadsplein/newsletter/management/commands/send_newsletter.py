"""Queue an edition of the newsletter for sending: ``manage.py send_newsletter --edition 12``
or ``--edition latest`` (the newest edition not yet sent). The same service as the button in
the admin (``sending.queue_edition``); the task worker does the sending. Exits 1 with the
reason when the edition is refused (already sent, empty, nobody to send to).

``--resume`` starts the sending of an edition that is stuck in "sending" again (``latest``:
the newest such edition); nothing is sent twice (``sending.resume_edition``)."""

from django.core.management.base import BaseCommand, CommandError

from raadsplein.newsletter import sending
from raadsplein.newsletter.models import Edition, EditionStatus
from raadsplein.newsletter.services import NewsletterError


class Command(BaseCommand):
    help = "Zet een editie van de nieuwsbrief klaar om te versturen (--edition <id|latest>)."

    def add_arguments(self, parser):
        parser.add_argument("--edition", required=True, help="The edition's id, or 'latest'.")
        parser.add_argument(
            "--resume", action="store_true", help="Carry on with an edition that is sending."
        )

    def handle(self, *args, edition, resume, **options):
        if edition == "latest":
            editions = (
                Edition.objects.filter(status=EditionStatus.SENDING)
                if resume
                else Edition.objects.exclude(
                    status__in=[EditionStatus.SENDING, EditionStatus.SENT]
                ).filter(queued_at__isnull=True)
            )
            chosen = editions.order_by("-week_of", "-pk").first()
            if chosen is None:
                raise CommandError("Er is geen editie die nog niet is verstuurd.")
        elif edition.isdigit():
            chosen = Edition.objects.filter(pk=int(edition)).first()
            if chosen is None:
                raise CommandError(f"Editie {edition} bestaat niet.")
        else:
            raise CommandError("Geef het nummer van een editie of 'latest'.")
        try:
            if resume:
                pending = sending.resume_edition(edition=chosen)
                self.stdout.write(
                    f"Editie {chosen.pk} wordt verder verstuurd: nog {pending} te gaan; "
                    f"edition {chosen.pk} resumed, {pending} pending."
                )
                return
            count = sending.queue_edition(edition=chosen, by=None)
        except NewsletterError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Editie {chosen.pk} ({chosen.title}) staat klaar voor {count} abonnees; "
            f"edition {chosen.pk} queued for {count} subscribers."
        )
