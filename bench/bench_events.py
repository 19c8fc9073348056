"""Benchmark: the Week van de Medezeggenschap booked over HTTP, on PostgreSQL.

The demo participants deelnemer001…300 make about 1,700 bookings of the Week's workshops
(6 each for the first 200, 5 each for the rest; never two in one time slot) through
POST /api/v1/events/sessions/{id}/bookings against a gunicorn server on 127.0.0.1 that this
script starts itself. It prints throughput, latency percentiles and errors, and the number of
SQL queries of the agenda and programme pages with an empty and with a fully booked Week.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_events .venv/bin/python bench/bench_events.py

Options (environment): BENCH_PORT (8113), BENCH_WORKERS (gunicorn workers, 3),
BENCH_CLIENTS (concurrent clients, 4). The Week's bookings are deleted first, so the run can be
repeated; the rest of the database is left as the demo world builds it.
"""

import http.client
import json
import os
import random
import signal
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("RAADSPLEIN_DEMO_MODE", "1")
os.environ.setdefault("EMAIL_URL", "dummymail://")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

PORT = int(os.environ.get("BENCH_PORT", "8113"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
CLIENTS = int(os.environ.get("BENCH_CLIENTS", "4"))
PARTICIPANTS = 300
SERVER_START_TIMEOUT = 60
REQUEST_TIMEOUT = 30


def setup_django():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    import django

    django.setup()


def prepare():
    """Migrate, build the demo world, clear the Week's bookings, give everyone an API token."""
    from django.core.management import call_command

    from raadsplein.accounts.models import ApiToken, User
    from raadsplein.accounts.services import create_api_token
    from raadsplein.demo import DEMO_DOMAIN
    from raadsplein.events.models import Booking, Programme, Session

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    week = Programme.objects.filter(slug__startswith="week-van-de-medezeggenschap").latest(
        "start_date"
    )
    sessions = list(Session.objects.filter(event__programme=week).order_by("starts_at", "pk"))
    Booking.objects.filter(session__in=sessions).delete()
    people = list(
        User.objects.filter(email__startswith="deelnemer", email__endswith=DEMO_DOMAIN).order_by(
            "email"
        )[:PARTICIPANTS]
    )
    ApiToken.objects.filter(user__in=people, name="bench").delete()
    tokens = [create_api_token(user=p, name="bench")[1] for p in people]
    return week, sessions, people, tokens


def plan(sessions, n_people):
    """Per person 5 or 6 workshops, each in a different time slot, spread over the Week."""
    rng = random.Random(20201005)  # noqa: S311 - reproducible plan, not security
    slots: dict = {}
    for s in sessions:
        slots.setdefault((s.starts_at, s.ends_at), []).append(s.pk)
    slot_keys = sorted(slots)
    jobs = []
    for i in range(n_people):
        wanted = 6 if i < 200 else 5
        for key in rng.sample(slot_keys, wanted):
            jobs.append((i, rng.choice(slots[key])))
    rng.shuffle(jobs)
    return jobs


def start_server():
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    cmd = [
        str(Path(sys.executable).with_name("gunicorn")),
        "raadsplein.wsgi:application",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--workers",
        str(WORKERS),
        "--env",
        f"DJANGO_SETTINGS_MODULE={os.environ['DJANGO_SETTINGS_MODULE']}",
        "--log-level",
        "warning",
    ]
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, start_new_session=True)  # noqa: S603
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=2)
            conn.request("GET", "/api/v1/events/?limit=1")
            if conn.getresponse().status == 200:
                return proc
        except OSError:
            time.sleep(0.3)
    stop_server(proc)
    sys.exit("gunicorn did not start in time")


def stop_server(proc):
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def run_jobs(jobs, tokens):
    latencies: list[float] = []
    statuses: dict[str, int] = {}
    errors: list[str] = []
    lock = threading.Lock()
    queue = list(reversed(jobs))

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=REQUEST_TIMEOUT)
        while True:
            with lock:
                if not queue:
                    break
                person, session_id = queue.pop()
            body = json.dumps({"access_needs": []})
            headers = {
                "Authorization": f"Bearer {tokens[person]}",
                "Content-Type": "application/json",
            }
            t0 = time.perf_counter()
            try:
                conn.request(
                    "POST", f"/api/v1/events/sessions/{session_id}/bookings", body, headers
                )
                resp = conn.getresponse()
                payload = resp.read()
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    if resp.status == 201:
                        status = json.loads(payload)["status"]
                        statuses[status] = statuses.get(status, 0) + 1
                    else:
                        errors.append(f"{resp.status} {payload[:200]!r}")
            except (OSError, http.client.HTTPException) as exc:
                with lock:
                    errors.append(repr(exc))
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=REQUEST_TIMEOUT)
        conn.close()

    threads = [threading.Thread(target=worker) for _ in range(CLIENTS)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return time.perf_counter() - t0, latencies, statuses, errors


def page_queries(week):
    """SQL queries per page for a signed-in member, counted in-process."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from raadsplein.accounts.models import User

    client = Client()
    client.force_login(User.objects.get(email="lid@demo.raadsplein.nl"))
    urls = {
        "agenda": "/agenda/",
        "programme (65 workshops)": f"/agenda/programma/{week.slug}/",
        "programme (one day)": f"/agenda/programma/{week.slug}/?day={week.start_date.isoformat()}",
        "API list": "/api/v1/events/",
    }
    out = {}
    for name, url in urls.items():
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        out[name] = (response.status_code, len(ctx))
    return out


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def main():
    setup_django()
    from raadsplein.events.models import Booking

    print("preparing demo world and tokens …", flush=True)
    week, sessions, people, tokens = prepare()
    before = page_queries(week)
    jobs = plan(sessions, len(people))
    print(
        f"{len(jobs)} bookings by {len(people)} participants over {len(sessions)} workshops; "
        f"gunicorn {WORKERS} workers, {CLIENTS} concurrent clients, {os.cpu_count()} CPUs",
        flush=True,
    )
    load_before = os.getloadavg()
    proc = start_server()
    try:
        wall, latencies, statuses, errors = run_jobs(jobs, tokens)
    finally:
        stop_server(proc)
    after = page_queries(week)
    in_db = Booking.objects.filter(session__in=sessions).count()
    over = [
        s.pk
        for s in sessions
        if Booking.objects.filter(session=s, status__in=["confirmed", "offered"]).count()
        > s.capacity
    ]

    load_after = os.getloadavg()
    print(
        f"machine load (1-min avg) before/after: {load_before[0]:.1f} / {load_after[0]:.1f} "
        "(other work on the same CPUs inflates latency)"
    )
    print(f"requests:    {len(latencies)} in {wall:.1f} s → {len(latencies) / wall:.0f} req/s")
    print(
        "latency ms:  "
        f"p50 {pct(latencies, 50) * 1000:.0f}  p95 {pct(latencies, 95) * 1000:.0f}  "
        f"p99 {pct(latencies, 99) * 1000:.0f}  max {max(latencies) * 1000:.0f}  "
        f"mean {statistics.mean(latencies) * 1000:.0f}"
    )
    print(f"outcomes:    {statuses}")
    print(f"errors:      {len(errors)}")
    for e in errors[:10]:
        print("   ", e)
    print(f"bookings in database: {in_db}; sessions over capacity: {len(over)}")
    print("queries per page (empty Week → booked Week):")
    for name in before:
        print(f"   {name:28s} {before[name][1]:3d} → {after[name][1]:3d}   (HTTP {after[name][0]})")
    return 1 if errors or over else 0


if __name__ == "__main__":
    sys.exit(main())
