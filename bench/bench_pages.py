"""Benchmark: every page kind side by side with a bare Django page, at demo scale and at 100×.

For each world (the demo world, and the demo world grown a hundredfold by bench/world100.py) it

1. builds the world once in its own PostgreSQL database and reuses it on later runs
   (``<name>_pages`` and ``<name>_pages100`` next to DATABASE_URL's database);
2. starts Raadsplein under gunicorn with the production settings (2 sync workers, behind a
   pretend TLS proxy: every request carries ``X-Forwarded-Proto: https``) and the bare page of
   bench/bare (20 cards, no database) under the same gunicorn;
3. for every page a visitor, a member, a chair and an advisor meet, runs the load generator
   against the bare page and then against the page, one after the other, and prints requests/s,
   p50 and p95 and the ratio to the bare page of the same round. Throughput is measured with
   BENCH_CONNECTIONS connections (4); p50/p95 with one connection, so they are server time
   (plus loopback) without queueing.

The load generator is wrk when it is installed, else a bounded Python client (threads).
Queries per page are counted once per page with Django's test client (second request, so warm
caches), for the table only; the query-count tests are in the apps' tests.

    BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsplein_bench \
        .venv/bin/python bench/bench_pages.py [--scale demo|100x|both] [--seconds 3]

Environment: BENCH_WORKERS (2), BENCH_CONNECTIONS (4), BENCH_PORT (8131; the bare page is on
the next port). --rebuild drops and builds the worlds again.
"""

import argparse
import http.client
import json
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
WORKERS = int(os.environ.get("BENCH_WORKERS", "2"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "4"))
PORT = int(os.environ.get("BENCH_PORT", "8131"))
SECRET = "bench-only-not-secret-" + "x" * 40  # noqa: S105 - benchmark database only
MARKER = "bench_world"  # a table the builder writes last: present = the world is complete
WORLD_VERSION = 1  # bump when the generated world changes shape

WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "JSON {\\"requests\\":%d,\\"duration_us\\":%d,\\"p50_us\\":%d,\\"p95_us\\":%d,"
    .. "\\"errors\\":%d}\\n",
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(95),
    e.connect + e.read + e.write + e.timeout + e.status))
end
"""


def base_url() -> str:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/raadsplein_bench"
    return url


def db_url(suffix: str) -> str:
    parsed = urlparse(base_url())
    name = parsed.path.lstrip("/") or "raadsplein_bench"
    return urlunparse(parsed._replace(path=f"/{name}_{suffix}"))


def db_name(url: str) -> str:
    return urlparse(url).path.lstrip("/")


def pg(url: str, sql: str, params=(), *, admin: bool = False):
    import psycopg

    if admin:
        url = urlunparse(urlparse(url)._replace(path="/postgres"))
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(sql, params)
        return cur.fetchall() if cur.description else None


def world_ready(url: str, scale: str) -> bool:
    exists = pg(url, "SELECT 1 FROM pg_database WHERE datname = %s", [db_name(url)], admin=True)
    if not exists:
        return False
    rows = pg(url, "SELECT to_regclass(%s)", [MARKER])
    if not rows or rows[0][0] is None:
        return False
    rows = pg(url, f"SELECT version FROM {MARKER} WHERE scale = %s", [scale])  # noqa: S608
    return bool(rows) and rows[0][0] == WORLD_VERSION


def mark_ready(url: str, scale: str) -> None:
    pg(url, f"CREATE TABLE IF NOT EXISTS {MARKER} (scale text PRIMARY KEY, version int)")
    pg(url, f"DELETE FROM {MARKER}")  # noqa: S608
    pg(url, f"INSERT INTO {MARKER} VALUES (%s, %s)", [scale, WORLD_VERSION])  # noqa: S608


def django_env(url: str, settings: str = "raadsplein.settings.production") -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE=settings,
        DATABASE_URL=url,
        SECRET_KEY=SECRET,
        DEBUG="0",
        # Demo accounts have no second factor; the demo mode lets staff in without one.
        RAADSPLEIN_DEMO_MODE="1",
        EMAIL_URL="dummymail://",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        STATIC_ROOT=str(ROOT / "var" / "bench-static"),
        LOG_LEVEL="WARNING",
        PYTHONPATH=str(ROOT / "src"),
    )
    return env


def run_py(args: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 - our own scripts
        [sys.executable, *args], env=env, cwd=ROOT, check=True, **kwargs
    )


def migrate(url: str) -> None:
    """Migrations, and the cache table the production settings' database cache needs."""
    env = django_env(url)
    run_py(["manage.py", "migrate", "--no-input", "-v0"], env)
    run_py(["manage.py", "createcachetable"], env)


def ensure_worlds(scales: list[str], rebuild: bool) -> dict[str, str]:
    """The database URL of each world, built if missing (the 100× world starts from a copy of
    the demo world's database)."""
    demo_url, big_url = db_url("pages"), db_url("pages100")
    urls = {}
    if rebuild:
        for url in (demo_url, big_url):
            pg(url, f'DROP DATABASE IF EXISTS "{db_name(url)}" WITH (FORCE)', admin=True)
    if not world_ready(demo_url, "demo"):
        started = time.monotonic()
        pg(demo_url, f'DROP DATABASE IF EXISTS "{db_name(demo_url)}" WITH (FORCE)', admin=True)
        pg(demo_url, f'CREATE DATABASE "{db_name(demo_url)}"', admin=True)
        env = django_env(demo_url, "raadsplein.settings.dev")
        run_py(["manage.py", "migrate", "--no-input", "-v0"], env)
        run_py(["manage.py", "seed_demo", "-v0"], env, stdout=subprocess.DEVNULL)
        migrate(demo_url)
        mark_ready(demo_url, "demo")
        print(f"   demo world built in {time.monotonic() - started:.0f} s", flush=True)
    else:
        # A clean clone may have new migrations since the world was built.
        migrate(demo_url)
    if "demo" in scales:
        urls["demo"] = demo_url
    if "100x" in scales:
        if not world_ready(big_url, "100x"):
            started = time.monotonic()
            pg(big_url, f'DROP DATABASE IF EXISTS "{db_name(big_url)}" WITH (FORCE)', admin=True)
            pg(
                big_url,
                f'CREATE DATABASE "{db_name(big_url)}" TEMPLATE "{db_name(demo_url)}"',
                admin=True,
            )
            run_py(["bench/world100.py"], django_env(big_url, "raadsplein.settings.dev"))
            mark_ready(big_url, "100x")
            print(f"   100× world built in {time.monotonic() - started:.0f} s", flush=True)
        else:
            migrate(big_url)
        urls["100x"] = big_url
    return urls


# -- inside Django (a subprocess): sign in, find the pages, count their queries ---------------


def prepare() -> None:
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from raadsplein.accounts.models import User
    from raadsplein.demo import DEMO_DOMAIN
    from raadsplein.events.models import Event, Programme
    from raadsplein.knowledge.models import Audience, PublicationPage
    from raadsplein.learning.models import Course, Enrolment, Step
    from raadsplein.organisations.models import Seat, SeatRole

    def person(local):
        return User.objects.get(email=f"{local}@{DEMO_DOMAIN}")

    people = {"visitor": None}
    for who, local in (("member", "lid"), ("chair", "voorzitter"), ("advisor", "adviseur")):
        people[who] = person(local)
    cookies = {"visitor": ""}
    for who, user in people.items():
        if user is None:
            continue
        client = Client()
        client.force_login(user)
        cookies[who] = (
            f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"
        )

    publication = (
        PublicationPage.objects.live()
        .filter(audience=Audience.PUBLIC)
        .order_by("-published_on")
        .first()
    )
    members_publication = (
        PublicationPage.objects.live()
        .filter(audience=Audience.MEMBERS)
        .order_by("-published_on")
        .first()
    )
    week = Programme.objects.filter(slug__startswith="week-van-de-medezeggenschap").latest(
        "start_date"
    )
    event = (
        Event.objects.filter(programme__isnull=True, audience="open", status="published")
        .filter(sessions__isnull=False)
        .order_by("pk")
        .first()
    )
    enrolment = Enrolment.objects.filter(person=people["member"]).select_related("course").first()
    course = enrolment.course if enrolment else Course.objects.order_by("pk").first()
    step = (
        Step.objects.filter(module__course=course)
        .order_by("module__sort_order", "sort_order")
        .first()
    )
    chair_seat = Seat.objects.filter(person=people["chair"], role=SeatRole.VOORZITTER).first()
    council_id = chair_seat.council_id if chair_seat else Seat.objects.first().council_id

    pages = [
        ("visitor", "home", "/"),
        ("visitor", "knowledge catalogue", reverse("knowledge:index")),
        ("visitor", "knowledge search", reverse("knowledge:search") + "?q=adviesrecht"),
        ("visitor", "publication", publication.get_url()),
        ("visitor", "agenda", reverse("events:agenda")),
        ("visitor", "Week programme", reverse("events:programme", args=[week.slug])),
        ("visitor", "event", reverse("events:event_detail", args=[event.slug])),
        ("visitor", "course catalogue", reverse("learning:catalogue")),
        ("visitor", "API events", "/api/v1/events/"),
        ("visitor", "API courses", "/api/v1/learning/courses"),
        ("visitor", "API search", "/api/v1/knowledge/search?q=adviesrecht"),
        ("member", "home", "/"),
        ("member", "Mijn Raadsplein", reverse("web:dashboard")),
        ("member", "knowledge catalogue", reverse("knowledge:index")),
        ("member", "knowledge search", reverse("knowledge:search") + "?q=adviesrecht"),
        ("member", "publication (members)", members_publication.get_url()),
        ("member", "agenda", reverse("events:agenda")),
        ("member", "course catalogue", reverse("learning:catalogue")),
        ("member", "course step", reverse("learning:step", args=[course.slug, step.pk])),
        ("member", "my bookings", reverse("events:my_bookings")),
        ("member", "API events", "/api/v1/events/"),
        ("chair", "Mijn Raadsplein", reverse("web:dashboard")),
        (
            "chair",
            "council learning overview",
            reverse("learning:council_overview", args=[council_id]),
        ),
        ("advisor", "Mijn Raadsplein", reverse("web:dashboard")),
        ("advisor", "events staff overview", reverse("events:staff_overview")),
        ("advisor", "learning statistics", reverse("learning:statistics")),
    ]
    out = []
    for who, label, url in pages:
        client = Client(HTTP_X_FORWARDED_PROTO="https")
        if people[who] is not None:
            client.force_login(people[who])
        client.get(url)  # warm caches
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        if response.status_code != 200:
            sys.exit(f"{who} {label} {url}: HTTP {response.status_code}")
        out.append(
            {"who": who, "label": label, "url": url, "queries": len(ctx), "cookie": cookies[who]}
        )
    from django.templatetags.static import static

    print("JSON " + json.dumps(out))
    print("STATIC " + static("web/css/raadsplein.css"))


# -- outside Django: servers and load ----------------------------------------------------------


def start_server(app: str, port: int, env: dict, chdir: Path) -> subprocess.Popen:
    proc = subprocess.Popen(  # noqa: S603 - gunicorn from our own venv
        [
            sys.executable,
            "-m",
            "gunicorn",
            app,
            "--chdir",
            str(chdir),
            "--workers",
            str(WORKERS),
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/", headers={"X-Forwarded-Proto": "https"})
            conn.getresponse().read()
            return proc
        except OSError:
            if proc.poll() is not None:
                sys.exit(f"gunicorn for {app} stopped (exit {proc.returncode})")
            time.sleep(0.3)
    stop_server(proc)
    sys.exit(f"gunicorn for {app} did not answer within 60 s")


def stop_server(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(proc.pid, signal.SIGKILL)


def headers_for(cookie: str) -> dict:
    headers = {"X-Forwarded-Proto": "https", "Accept-Language": "nl"}
    if cookie:
        headers["Cookie"] = cookie
    return headers


def get(port: int, url: str, cookie: str) -> int:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", url, headers=headers_for(cookie))
    response = conn.getresponse()
    response.read()
    conn.close()
    return response.status


def load_wrk(port: int, url: str, cookie: str, seconds: float, connections: int, script: str):
    duration = f"{max(1, round(seconds))}s"
    args = ["wrk", "-t", "1", "-c", str(connections), "-d", duration, "-s", script]
    for name, value in headers_for(cookie).items():
        args += ["-H", f"{name}: {value}"]
    args.append(f"http://127.0.0.1:{port}{url}")
    out = subprocess.run(args, check=True, capture_output=True, text=True).stdout  # noqa: S603
    line = next(line for line in out.splitlines() if line.startswith("JSON "))
    r = json.loads(line[5:])
    return {
        "rps": r["requests"] / (r["duration_us"] / 1e6),
        "p50": r["p50_us"] / 1000,
        "p95": r["p95_us"] / 1000,
        "errors": r["errors"],
    }


def load_python(port: int, url: str, cookie: str, seconds: float, connections: int, script):
    """A bounded client for machines without wrk: `connections` threads for `seconds`."""
    headers = headers_for(cookie)
    latencies, errors = [], [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def worker():
        mine, bad = [], 0
        while time.monotonic() < deadline:
            start = time.perf_counter()
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request("GET", url, headers=headers)
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status >= 400:
                    bad += 1
            except OSError:
                bad += 1
            mine.append((time.perf_counter() - start) * 1000)
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    started = time.monotonic()
    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": len(latencies) / elapsed,
        "p50": statistics.median(latencies),
        "p95": latencies[max(0, int(len(latencies) * 0.95) - 1)],
        "errors": errors[0],
    }


def measure(scale: str, url: str, seconds: float) -> list[dict]:
    env = django_env(url)
    out = run_py([__file__, "--prepare"], env, stdout=subprocess.PIPE, text=True).stdout
    pages = json.loads(next(line for line in out.splitlines() if line.startswith("JSON "))[5:])
    static_url = next(line for line in out.splitlines() if line.startswith("STATIC "))[7:]
    load = load_wrk if shutil.which("wrk") else load_python
    bare_env = dict(os.environ, DJANGO_SETTINGS_MODULE="bare.settings", PYTHONPATH=str(BENCH))
    app = start_server("raadsplein.wsgi:application", PORT, env, ROOT)
    bare = start_server("bare.wsgi:application", PORT + 1, bare_env, BENCH)
    rows = []
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
        script.write(WRK_SCRIPT)
    try:
        for page in pages:  # warm every worker: first requests compile templates, fill caches
            for _ in range(4 * WORKERS):
                get(PORT, page["url"], page["cookie"])
        for _ in range(4 * WORKERS):
            get(PORT + 1, "/", "")
        conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
        conn.request("GET", static_url, headers={**headers_for(""), "Accept-Encoding": "br, gzip"})
        response = conn.getresponse()
        response.read()
        print(
            f"   static {static_url}: HTTP {response.status}, Cache-Control "
            f"{response.getheader('Cache-Control')}, Content-Encoding "
            f"{response.getheader('Content-Encoding')}"
        )
        print(
            f"\n== {scale}: gunicorn {WORKERS} workers, {CONNECTIONS} connections for req/s, "
            f"1 for p50/p95, {seconds:g} s per run, load generator "
            f"{'wrk' if load is load_wrk else 'Python'}; load average "
            f"{os.getloadavg()[0]:.2f}",
            flush=True,
        )
        print(
            f"{'who':8} {'page':27} {'queries':>7} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} "
            f"{'bare req/s':>10} {'bare p95':>8} {'ratio':>6} {'errors':>6}"
        )
        for page in pages:
            b = load(PORT + 1, "/", "", seconds, CONNECTIONS, script.name)
            t = load(PORT, page["url"], page["cookie"], seconds, CONNECTIONS, script.name)
            short = max(1, round(seconds / 2))
            lat = load(PORT, page["url"], page["cookie"], short, 1, script.name)
            bare_lat = load(PORT + 1, "/", "", short, 1, script.name)
            row = {
                "scale": scale,
                **{k: page[k] for k in ("who", "label", "url", "queries")},
                "rps": t["rps"],
                "p50": lat["p50"],
                "p95": lat["p95"],
                "bare_rps": b["rps"],
                "bare_p95": bare_lat["p95"],
                "ratio": t["rps"] / b["rps"] if b["rps"] else 0.0,
                "errors": t["errors"] + lat["errors"],
            }
            rows.append(row)
            print(
                f"{row['who']:8} {row['label'][:27]:27} {row['queries']:7d} {row['rps']:7.0f} "
                f"{row['p50']:7.1f} {row['p95']:7.1f} {row['bare_rps']:10.0f} "
                f"{row['bare_p95']:8.1f} {row['ratio']:6.3f} {row['errors']:6d}",
                flush=True,
            )
    finally:
        Path(script.name).unlink(missing_ok=True)
        stop_server(app)
        stop_server(bare)
    return rows


def verdict(rows: list[dict]) -> None:
    """The issue's targets, page by page: anonymous ≥ 0.25 × bare, member ≥ 0.10 ×,
    p95 ≤ 25 ms (demo) / 50 ms (100×)."""
    misses = []
    for r in rows:
        need = 0.25 if r["who"] == "visitor" else 0.10
        limit = 25.0 if r["scale"] == "demo" else 50.0
        if r["ratio"] < need:
            misses.append(f"{r['scale']} {r['who']} {r['label']}: ratio {r['ratio']:.3f} < {need}")
        if r["p95"] > limit:
            misses.append(
                f"{r['scale']} {r['who']} {r['label']}: p95 {r['p95']:.1f} ms > {limit:g}"
            )
        if r["errors"]:
            misses.append(f"{r['scale']} {r['who']} {r['label']}: {r['errors']} errors")
    print("\n== targets: " + ("all met" if not misses else f"{len(misses)} missed"))
    for m in misses:
        print("   " + m)


def collect_static(url: str) -> None:
    """The production settings serve hashed static files from a manifest: collect them, unless
    the manifest is newer than every static source file."""
    manifest = ROOT / "var" / "bench-static" / "staticfiles.json"
    sources = [p for p in (ROOT / "src").glob("raadsplein/*/static/**/*") if p.is_file()]
    newest = max((p.stat().st_mtime for p in sources), default=0)
    if manifest.exists() and manifest.stat().st_mtime > newest:
        return
    started = time.monotonic()
    run_py(["manage.py", "collectstatic", "--no-input", "-v0"], django_env(url))
    print(f"   collectstatic: {time.monotonic() - started:.0f} s", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=["demo", "100x", "both"], default="both")
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rebuild", action="store_true")
    parser.add_argument("--json", help="also write the rows to this file")
    parser.add_argument("--prepare", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.prepare:
        prepare()
        return 0
    scales = ["demo", "100x"] if args.scale == "both" else [args.scale]
    urls = ensure_worlds(scales, args.rebuild)
    collect_static(urls[scales[0]])
    rows = []
    for scale in scales:
        rows += measure(scale, urls[scale], args.seconds)
    verdict(rows)
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
