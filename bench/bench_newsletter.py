"""Benchmark: the newsletter to BENCH_SUBSCRIBERS (4,500) people, personalised (greeting, form
of address, sector blocks, tokens), through real worker processes (``manage.py run_worker``)
to a local SMTP sink (aiosmtpd, in this process), on PostgreSQL.

Run 1: BENCH_WORKERS (2) workers, NEWSLETTER_LANES lanes; wall time from queueing the edition
to "sent", messages/s, each worker's memory peak (VmHWM, what ru_maxrss reports).
Run 2: a new edition; every worker is SIGKILLed when a third has arrived (at whatever moment
that is), new workers are started (lease BENCH_LEASE s: the reaper takes the killed tasks
back); delivered, duplicates and missing counted by Message-ID at the sink.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsplein_bench .venv/bin/python \
        bench/bench_newsletter.py

The bench's subscribers use the domain bench-news.invalid; they, their editions and the
lane tasks are deleted before and after. Target (issue 14): run 1 within 30 s on 2 cores.
"""

import collections
import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "bench")]
os.environ["DJANGO_SETTINGS_MODULE"] = "raadsplein.settings.dev"
os.environ["DEBUG"] = "0"

SUBSCRIBERS = int(os.environ.get("BENCH_SUBSCRIBERS", "4500"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
LANES = int(os.environ.get("BENCH_LANES", str(WORKERS)))
os.environ["NEWSLETTER_LANES"] = str(LANES)
LEASE = float(os.environ.get("BENCH_LEASE", "3"))
DOMAIN = "bench-news.invalid"
TITLE = "Bench-nieuwsbrief"
WAIT = 180.0
MESSAGE_ID = re.compile(rb"^Message-ID:\s*(<[^>]+>)", re.MULTILINE | re.IGNORECASE)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PORT = _free_port()
os.environ["EMAIL_URL"] = f"smtp://127.0.0.1:{PORT}"


class Sink:
    """Counts Message-IDs; keeps nothing else (cheap, so the sink takes little CPU)."""

    def __init__(self):
        self.ids: collections.Counter = collections.Counter()

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        match = MESSAGE_ID.search(envelope.original_content)
        self.ids[match.group(1).decode() if match else "?"] += 1
        return "250 OK"

    @property
    def total(self) -> int:
        return sum(self.ids.values())


def setup_django():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    import django
    import ensure_database

    ensure_database.main()
    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def lane_tasks():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path__endswith="newsletter.tasks.send_lane")


def clean():
    from raadsplein.newsletter.models import Edition, Subscriber

    Edition.objects.filter(title__startswith=TITLE).delete()
    Subscriber.objects.filter(email__endswith="@" + DOMAIN).delete()
    lane_tasks().delete()


def make_world():
    """The subscribers (a third with sector preferences, a quarter informal) and sectors."""
    from raadsplein.accounts.models import FormOfAddress
    from raadsplein.newsletter.models import Subscriber, SubscriberStatus
    from raadsplein.organisations.models import CareSector

    sectors = [
        CareSector.objects.get_or_create(code=code, defaults={"name": name})[0]
        for code, name in [("vvt", "Ouderenzorg"), ("ggz", "GGZ"), ("gz", "Gehandicaptenzorg")]
    ]
    people = Subscriber.objects.bulk_create(
        Subscriber(
            email=f"lezer{n:05d}@{DOMAIN}",
            name=f"Lezer {n}",
            form_of_address=FormOfAddress.INFORMAL if n % 4 == 0 else FormOfAddress.FORMAL,
            status=SubscriberStatus.ACTIVE,
            consent_source="bench",
        )
        for n in range(SUBSCRIBERS)
    )
    through = Subscriber.sectors.through
    through.objects.bulk_create(
        through(subscriber_id=p.pk, caresector_id=sectors[i % 3].pk)
        for i, p in enumerate(people)
        if i % 3 == 0
    )
    return people, sectors


def make_edition(label, sectors):
    import datetime

    from raadsplein.newsletter.models import Edition, EditionItem, ItemKind

    edition = Edition.objects.create(
        title=f"{TITLE} {label}",
        subject=f"Nieuws voor medezeggenschap ({label})",
        intro="Het nieuws van deze week voor cliëntenraden.",
        week_of=datetime.date(2026, 11, 30),
    )
    for n in range(8):
        EditionItem.objects.create(
            edition=edition,
            position=n,
            kind=ItemKind.NEWS,
            heading=f"Bericht {n}: wat de Wmcz 2020 vraagt van uw raad",
            text="Een korte tekst over medezeggenschap. " * 6,
            url=f"https://raadsplein.example/nieuws/bericht-{n}/",
            sector=sectors[n % 3] if n >= 5 else None,
        )
    return edition


class Workers:
    def __init__(self, logdir):
        self.logdir = Path(logdir)
        self.procs: dict[str, subprocess.Popen] = {}

    def start(self, worker_id):
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT / "src"),
            "NEWSLETTER_LANES": str(LANES),
        }
        log = (self.logdir / f"{worker_id}.log").open("a")
        self.procs[worker_id] = subprocess.Popen(  # noqa: S603 - our manage.py, fixed args
            [
                sys.executable,
                str(ROOT / "manage.py"),
                "run_worker",
                "--interval",
                "0.1",
                "--no-startup-delay",
                "--lease",
                str(LEASE),
                "--worker-id",
                worker_id,
            ],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def peaks_mb(self):
        """VmHWM of each live worker (the peak resident set, as ru_maxrss)."""
        peaks = {}
        for worker_id, proc in self.procs.items():
            try:
                status = Path(f"/proc/{proc.pid}/status").read_text()
            except OSError:
                continue
            kb = re.search(r"VmHWM:\s+(\d+)", status)
            if kb and proc.poll() is None:
                peaks[worker_id] = int(kb.group(1)) / 1024
        return peaks

    def cpu_seconds(self):
        """User + system CPU time of the live workers together (/proc/<pid>/stat)."""
        total = 0.0
        for proc in self.procs.values():
            try:
                fields = Path(f"/proc/{proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
        return total

    def kill_all(self):
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                proc.wait()

    def stop(self):
        for proc in self.procs.values():
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)
        for proc in self.procs.values():
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def wait_until(predicate, timeout=WAIT, every=0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False


def is_sent(edition):
    from raadsplein.newsletter.models import EditionStatus

    edition.refresh_from_db()
    return edition.status == EditionStatus.SENT


def queue(edition):
    from django.db import transaction

    from raadsplein.newsletter import sending

    with transaction.atomic():
        count = sending.queue_edition(edition=edition, by=None)
    return count


def tally(sink, edition, people):
    from raadsplein.newsletter import messages, selectors

    expected = {messages.message_id(edition, p) for p in people}
    got = {mid: n for mid, n in sink.ids.items() if mid in expected}
    return {
        "delivered": len(got),
        "duplicates": sum(n - 1 for n in got.values()),
        "missing": len(expected - set(got)),
        "db": selectors.delivery_counts(edition),
    }


def run_plain(sink, sectors, people, logdir):
    edition = make_edition("gewoon", sectors)
    workers = Workers(logdir)
    for i in range(WORKERS):
        workers.start(f"bench-news-{i}")
    time.sleep(2.5)  # the workers are up (imports, first heartbeat) before the clock starts
    idle_cpu = workers.cpu_seconds()
    t0 = time.monotonic()
    queue(edition)
    done = wait_until(lambda: is_sent(edition))
    wall = time.monotonic() - t0
    peaks = workers.peaks_mb()
    cpu = workers.cpu_seconds() - idle_cpu
    workers.stop()
    result = tally(sink, edition, people)
    result.update(wall=wall, done=done, peaks=peaks, cpu=cpu)
    return result


def run_killed(sink, sectors, people, logdir):
    edition = make_edition("afgebroken", sectors)
    workers = Workers(logdir)
    for i in range(WORKERS):
        workers.start(f"bench-kill-{i}")
    time.sleep(2.5)
    before = sink.total
    t0 = time.monotonic()
    queue(edition)
    third = SUBSCRIBERS // 3
    wait_until(lambda: sink.total - before >= third, every=0.005)
    workers.kill_all()
    killed_at_count = sink.total - before
    killed = time.monotonic()
    again = Workers(logdir)
    for i in range(WORKERS):
        again.start(f"bench-restart-{i}")
    done = wait_until(lambda: is_sent(edition))
    after_kill = time.monotonic() - killed
    wall = time.monotonic() - t0
    again.stop()
    result = tally(sink, edition, people)
    result.update(wall=wall, done=done, killed_at=killed_at_count, after_kill=after_kill, peaks={})
    return result


def main():
    setup_django()
    import logging

    from aiosmtpd.controller import Controller

    logging.getLogger("mail.log").setLevel(logging.WARNING)  # aiosmtpd logs every command

    clean()
    t0 = time.perf_counter()
    people, sectors = make_world()
    print(
        f"{SUBSCRIBERS} subscribers made in {time.perf_counter() - t0:.1f} s; {WORKERS} worker "
        f"processes, {LANES} lanes, {os.cpu_count()} CPUs; load {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=PORT)
    controller.start()
    try:
        with tempfile.TemporaryDirectory(prefix="bench_newsletter_") as logdir:
            plain = run_plain(sink, sectors, people, logdir)
            killed = run_killed(sink, sectors, people, logdir)
            if not (plain["done"] and killed["done"]):
                for log in sorted(Path(logdir).glob("*.log")):
                    print(f"--- {log.name}\n{log.read_text()[-3000:]}")
    finally:
        controller.stop()
        clean()

    print()
    print(
        "| run | wall | messages/s | delivered | duplicates | missing | db sent/pending/failed "
        "| worker peak RSS |\n"
        "|-----|-----:|-----------:|----------:|-----------:|--------:|------------------------"
        "|-----------------|"
    )
    for name, r in (("plain", plain), ("killed at ⅓, restarted", killed)):
        db = r["db"]
        peaks = ", ".join(f"{v:.0f} MB" for v in r["peaks"].values()) or "—"
        print(
            f"| {name} | {r['wall']:.1f} s | {r['delivered'] / r['wall']:.0f} | "
            f"{r['delivered']} | {r['duplicates']} | {r['missing']} | "
            f"{db['sent']}/{db['pending']}/{db['failed']} | {peaks} |"
        )
    print(
        f"\nworkers' CPU in the plain run: {plain['cpu']:.1f} s "
        f"({plain['cpu'] / max(plain['delivered'], 1) * 1000:.2f} ms per message)"
    )
    print(
        f"killed run: SIGKILL of all workers after {killed['killed_at']} messages; "
        f"{killed['after_kill']:.1f} s from the kill to the edition sent (lease {LEASE:g} s)"
    )
    print(f"load (1-min avg) now {os.getloadavg()[0]:.1f}")
    ok = plain["done"] and killed["done"] and not (killed["duplicates"] or plain["duplicates"])
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
