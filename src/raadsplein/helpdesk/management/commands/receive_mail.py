"""Read one mail (RFC 5322) from standard input and give it to the Vraagbaak.

For a mail server pipe (Postfix ``vraagbaak: "|/srv/raadsplein/.venv/bin/python
/srv/raadsplein/manage.py receive_mail"``). Exit 0: handled (a question, a reply, ignored,
quarantined or a duplicate). Exit 75 (EX_TEMPFAIL): the database could not be reached; the
mail server keeps the mail and tries again, so nothing is lost.
"""

import sys

from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError

from raadsplein.helpdesk.mail import inbound

EX_TEMPFAIL = 75


class Command(BaseCommand):
    help = "Lees één e-mail van standaardinvoer en verwerk die voor de Vraagbaak."

    def handle(self, *args, **options):
        raw = sys.stdin.buffer.read()
        if not raw.strip():
            self.stderr.write("receive_mail: no mail on standard input")
            sys.exit(EX_TEMPFAIL)
        try:
            outcome = inbound.receive(raw)
        except (OperationalError, InterfaceError) as exc:
            self.stderr.write(f"receive_mail: database unavailable, try later: {exc}")
            sys.exit(EX_TEMPFAIL)
        self.stdout.write(
            f"{outcome.outcome} inbound={outcome.inbound_pk} question={outcome.question_pk}"
        )
