"""Fetch the Vraagbaak's unseen mail from IMAP (VRAAGBAAK_IMAP_URL) and handle it.

From cron (every minute or five) or as a long-running loop (``--loop --interval 60``, e.g.
a systemd service). Safe to overlap: one run polls at a time; the rest say so and stop.
"""

import time

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from raadsplein.helpdesk.mail import imap


class Command(BaseCommand):
    help = "Haal ongelezen e-mail voor de Vraagbaak op uit de IMAP-mailbox en verwerk die."

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="blijf ophalen")
        parser.add_argument("--interval", type=int, default=60, help="seconden tussen rondes")
        parser.add_argument("--rounds", type=int, default=0, help="stop na n rondes (0: nooit)")

    def handle(self, *args, loop=False, interval=60, rounds=0, **options):
        if not settings.VRAAGBAAK_IMAP_URL:
            raise CommandError("VRAAGBAAK_IMAP_URL is not set")
        done = 0
        while True:
            try:
                counts = imap.poll()
            except Exception as exc:  # noqa: BLE001 (the loop survives a mail server hiccup)
                if not loop:
                    raise CommandError(f"fetch_mail: {exc}") from exc
                self.stderr.write(f"fetch_mail: {exc}")
                counts = {"error": 1}
            self.stdout.write(" ".join(f"{k}={v}" for k, v in sorted(counts.items())) or "none")
            done += 1
            if not loop or (rounds and done >= rounds):
                return
            time.sleep(max(1, interval))
