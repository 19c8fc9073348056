"""Read one bounce (a DSN, RFC 3464) or complaint (ARF, RFC 5965) from standard input.

For a mail server pipe on the return-path address, e.g. in Postfix's master.cf::

    bounces unix - n n - - pipe flags=R user=raadsplein
      argv=/srv/raadsplein/.venv/bin/python /srv/raadsplein/manage.py receive_bounce
      --recipient ${recipient}

Exit 0: handled, or a mail we cannot use (no valid token, not a failure report; logged).
Exit 75 (EX_TEMPFAIL): the database could not be reached; the mail server keeps the mail and
tries again, so no bounce is lost.
"""

import logging
import sys

from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError

from raadsplein.newsletter import bounces

EX_TEMPFAIL = 75

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Lees één bounce of klacht van standaardinvoer en verwerk die voor de nieuwsbrief."

    def add_arguments(self, parser):
        parser.add_argument(
            "--recipient", default="", help="The envelope recipient (bounces+<token>@…)."
        )

    def handle(self, *args, recipient, **options):
        raw = sys.stdin.buffer.read()
        if not raw.strip():
            logger.warning("receive_bounce: no mail on standard input")
            self.stdout.write("ignored: empty")
            return
        try:
            outcome = bounces.receive(raw, recipient=recipient)
        except (OperationalError, InterfaceError) as exc:
            self.stderr.write(f"receive_bounce: database unavailable, try later: {exc}")
            sys.exit(EX_TEMPFAIL)
        self.stdout.write(outcome)
