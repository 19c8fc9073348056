"""Benchmark: Signalen's figures at 1,000,000 signals, on PostgreSQL.

In a database of its own (``<name>_advocacy`` beside DATABASE_URL's database, built once and
reused: a marker table records how many signals it holds), it adds 1,000 councils across the
twelve provinces and six sectors and then, with COPY, made-up signals over the past two
years (one or two themes, one or two sectors, three in ten co-signed by one to three other
councils, one in ten of those co-signatures withdrawn). It rebuilds the precomputed figures
(``facts.rebuild``, timed), then measures in process with Django's test client (server time
without the network):

- the staff dashboard ``/signalen/inzicht/`` (signed in as an advisor), unfiltered and with
  filters, its figures computed every time (the cache off), and once more from the cache;
- ``GET /api/v1/signals/stats`` (signed in as a member) for each of the four dimensions and
  each of the twelve ordered pairs, computed every time (the answer cache off) and once
  more with the cache on;
- the services that keep the figures in step at this size: reporting and co-signing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsplein_bench \\
        .venv/bin/python bench/bench_advocacy.py [--signals 1000000] [--repeat 30] [--fresh]
"""

import argparse
import datetime
import os
import random
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
MARKER = "bench_advocacy_marker"
COUNCILS = 1000
PROVIDERS = 100


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    parsed = urlparse(url)
    name = (parsed.path.lstrip("/") or "raadsplein_bench") + "_advocacy"
    return urlunparse(parsed._replace(path=f"/{name}"))


def ensure_database(url: str, fresh: bool) -> None:
    import psycopg

    name = urlparse(url).path.lstrip("/")
    admin = urlunparse(urlparse(url)._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        if fresh:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')
            print(f"created database {name}", flush=True)


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")
    os.environ.setdefault("DEBUG", "0")
    os.environ.setdefault("EMAIL_URL", "dummymail://")
    os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
    import django

    django.setup()


def held() -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT to_regclass(%s)", [MARKER])
        if cursor.fetchone()[0] is None:
            return 0
        cursor.execute(f"SELECT signals FROM {MARKER}")  # noqa: S608 - constant
        row = cursor.fetchone()
        return row[0] if row else 0


def mark(n: int) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(f"CREATE TABLE IF NOT EXISTS {MARKER} (signals int)")
        cursor.execute(f"DELETE FROM {MARKER}")  # noqa: S608 - constant
        cursor.execute(f"INSERT INTO {MARKER} VALUES (%s)", [n])  # noqa: S608 - constant


def base_world():
    """Themes, sectors, 1,000 councils, an advisor and a member (made once)."""
    from raadsplein.accounts.models import User
    from raadsplein.accounts.tests.factories import adviseur
    from raadsplein.knowledge.models import Theme
    from raadsplein.organisations.models import CareProvider, CareSector, Council, Province
    from raadsplein.organisations.tests.factories import CareProviderFactory, member

    for i, name in enumerate(
        [
            "Personeel",
            "Zorgkwaliteit",
            "Medicatie",
            "Voeding",
            "Dagbesteding",
            "Huisvesting",
            "Wachtlijsten",
            "Financiën",
            "Mantelzorg",
            "Veiligheid",
            "Privacy",
            "Vervoer",
            "Digitale zorg",
            "Klachten",
            "Medezeggenschap",
            "Wonen",
        ]
    ):
        Theme.objects.get_or_create(slug=f"bench-{i}", defaults={"name": f"{name} (bench)"})
    for i, (code, name) in enumerate(
        [
            ("ouderenzorg", "Ouderenzorg"),
            ("thuiszorg", "Thuiszorg"),
            ("ggz", "Ggz"),
            ("gehandicaptenzorg", "Gehandicaptenzorg"),
            ("jeugdzorg", "Jeugdzorg"),
            ("ziekenhuiszorg", "Ziekenhuiszorg"),
        ]
    ):
        CareSector.objects.get_or_create(code=code, defaults={"name": name, "order": i})
    if not Council.objects.filter(name__startswith="Bench-raad").exists():
        providers = CareProvider.objects.bulk_create(
            [CareProviderFactory.build() for _ in range(PROVIDERS)]
        )
        provinces = list(Province.values)
        councils = Council.objects.bulk_create(
            [
                Council(
                    provider=providers[i % PROVIDERS],
                    name=f"Bench-raad {i}",
                    kind="client",
                    province=provinces[i % 12],
                )
                for i in range(COUNCILS)
            ]
        )
        sectors = list(CareSector.objects.order_by("order").values_list("code", flat=True))
        Council.sectors.through.objects.bulk_create(
            [
                Council.sectors.through(council_id=c.pk, caresector_id=sectors[i % len(sectors)])
                for i, c in enumerate(councils)
            ]
        )
    if not User.objects.filter(email="bench-adviseur@example.org").exists():
        adviseur(email="bench-adviseur@example.org")
        member(email="bench-lid@example.org")
    return (
        User.objects.get(email="bench-adviseur@example.org"),
        User.objects.get(email="bench-lid@example.org"),
    )


def _copy(cursor, table: str, columns: list[str], rows) -> None:
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def grow(n: int) -> None:
    """Add signals (with themes, sectors and co-signatures) up to ``n``, with COPY."""
    from django.db import connection
    from django.utils import timezone

    from raadsplein.advocacy.models import CoSignature, Signal, State
    from raadsplein.knowledge.models import Theme
    from raadsplein.organisations.models import Council

    have = held()
    if have >= n:
        return
    rng = random.Random(1_000_000 + have)  # noqa: S311 - reproducible data, not security
    councils = list(
        Council.objects.filter(name__startswith="Bench-raad").values_list("pk", "province")
    )
    council_sectors = dict(
        Council.sectors.through.objects.filter(council_id__in=[c for c, _ in councils]).values_list(
            "council_id", "caresector_id"
        )
    )
    sectors = sorted(set(council_sectors.values()))
    themes = list(Theme.objects.filter(slug__startswith="bench-").values_list("pk", flat=True))
    states = list(State.objects.values_list("pk", flat=True))
    now = timezone.now()
    two_years = 2 * 365 * 24 * 3600
    # Every concrete column, so that fields added by others keep their defaults.
    mine = {
        "id",
        "title",
        "description",
        "province",
        "council",
        "state",
        "public_state",
        "created_at",
        "updated_at",
    }
    other_fields = [
        f
        for f in Signal._meta.concrete_fields
        if f.name not in mine and not getattr(f, "generated", False)  # the database fills those
    ]
    columns = [
        "id",
        "title",
        "description",
        "province",
        "council_id",
        "state_id",
        "public_state_id",
        "created_at",
        "updated_at",
        *[f.column for f in other_fields],
    ]
    defaults = [f.get_db_prep_save(f.get_default(), connection) for f in other_fields]
    cosign_fields = [
        f
        for f in CoSignature._meta.concrete_fields
        if f.name not in {"id", "signal", "council", "account", "province", "sector", "created_at"}
        and f.name != "withdrawn_at"
    ]
    cosign_columns = [
        "signal_id",
        "council_id",
        "account",
        "province",
        "sector_id",
        "created_at",
        "withdrawn_at",
        *[f.column for f in cosign_fields],
    ]
    cosign_defaults = [f.get_db_prep_save(f.get_default(), connection) for f in cosign_fields]
    with connection.cursor() as cursor:
        cursor.execute("SELECT coalesce(max(id), 0) FROM advocacy_signal")
        next_id = cursor.fetchone()[0] + 1
        # The similar-signal indexes (GIN) make a million rows crawl in; made again after,
        # from their own definitions.
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'advocacy_signal' "
            "AND indexdef ILIKE '%% USING gin %%'"
        )
        gin = cursor.fetchall()
        for name, _definition in gin:
            cursor.execute(f'DROP INDEX IF EXISTS "{name}"')
    started = time.perf_counter()
    batch = 100_000
    for start in range(have, n, batch):
        size = min(batch, n - start)
        signals, theme_rows, sector_rows, cosigns = [], [], [], []
        for k in range(size):
            pk = next_id + k
            council, province = councils[rng.randrange(COUNCILS)]
            created = now - datetime.timedelta(seconds=rng.randrange(two_years))
            state = rng.choice(states)
            signals.append(
                (
                    pk,
                    f"Bench-signaal {pk}",
                    "Een gemaakt signaal voor de benchmark van de cijfers.",
                    province,
                    council,
                    state,
                    state,
                    created,
                    created,
                    *defaults,
                )
            )
            for theme in rng.sample(themes, 1 if rng.random() < 0.6 else 2):
                theme_rows.append((pk, theme))
            own = council_sectors[council]
            sector_rows.append((pk, own))
            if rng.random() < 0.2:
                sector_rows.append((pk, rng.choice([s for s in sectors if s != own])))
            if rng.random() < 0.3:
                others = {councils[rng.randrange(COUNCILS)] for _ in range(rng.randint(1, 3))}
                for other, other_province in others:
                    if other == council:
                        continue
                    withdrawn = created + datetime.timedelta(days=3) if rng.random() < 0.1 else None
                    cosigns.append(
                        (
                            pk,
                            other,
                            "Wij zien dit ook.",
                            other_province,
                            council_sectors[other],
                            created + datetime.timedelta(days=1),
                            withdrawn,
                            *cosign_defaults,
                        )
                    )
        next_id += size
        with connection.cursor() as cursor:
            _copy(cursor, "advocacy_signal", columns, signals)
            _copy(cursor, "advocacy_signal_themes", ["signal_id", "theme_id"], theme_rows)
            _copy(cursor, "advocacy_signal_sectors", ["signal_id", "caresector_id"], sector_rows)
            _copy(cursor, "advocacy_cosignature", cosign_columns, cosigns)
        mark(start + size)
        print(f"  {start + size:>9,} signals ({time.perf_counter() - started:.0f} s)", flush=True)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT setval(pg_get_serial_sequence('advocacy_signal', 'id'), "
            "(SELECT max(id) FROM advocacy_signal))"
        )
        started = time.perf_counter()
        for _name, definition in gin:
            cursor.execute(definition)
        cursor.execute("ANALYZE")
        print(f"  search indexes again in {time.perf_counter() - started:.0f} s", flush=True)


def timed(client, url: str, repeat: int, params=None) -> dict:
    from django.db import connection

    response = client.get(url, params or {})
    queries = []

    def count(execute, sql, params_, many, context):
        queries.append(sql)
        return execute(sql, params_, many, context)

    with connection.execute_wrapper(count):
        client.get(url, params or {})
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        client.get(url, params or {})
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "status": response.status_code,
        "queries": len(queries),
        "p50": statistics.median(times),
        "p95": times[max(0, int(len(times) * 0.95) - 1)],
    }


def measure(advisor, lid, repeat: int) -> list[tuple[str, dict]]:
    from django.test import Client, override_settings

    from raadsplein.advocacy import stats
    from raadsplein.knowledge.models import Theme

    staff = Client()
    staff.force_login(advisor)
    members = Client()
    members.force_login(lid)
    theme = Theme.objects.filter(slug="bench-0").values_list("pk", flat=True).first()
    rows = []
    dashboard = "/signalen/inzicht/"
    with override_settings(RAADSPLEIN_PAGE_CACHE_SECONDS=0):  # the figures computed each time
        for label, params in [
            ("", {}),
            ("?provincie=GE", {"provincie": "GE"}),
            (f"?thema={theme}&sector=ggz", {"thema": theme, "sector": "ggz"}),
        ]:
            rows.append((dashboard + label, timed(staff, dashboard, repeat, params)))
    rows.append((dashboard + " (figures cached)", timed(staff, dashboard, repeat)))
    by_values = [*stats.DIMENSIONS]
    by_values += [
        f"{a},{b}" for i, a in enumerate(stats.DIMENSIONS) for b in stats.DIMENSIONS[i + 1 :]
    ]
    with override_settings(RAADSPLEIN_PAGE_CACHE_SECONDS=0):  # every answer computed
        for by in by_values:
            rows.append(
                (
                    f"/api/v1/signals/stats?by={by}",
                    timed(members, "/api/v1/signals/stats", repeat, {"by": by}),
                )
            )
    rows.append(
        (
            "/api/v1/signals/stats?by=theme,sector (cached)",
            timed(members, "/api/v1/signals/stats", repeat, {"by": "theme,sector"}),
        )
    )
    return rows


def measure_services(lid, repeat: int) -> dict:
    """Reporting and co-signing at this size, figures kept in step (in a transaction that is
    rolled back, so the database stays as built)."""
    from django.db import transaction

    from raadsplein.advocacy import selectors, services
    from raadsplein.knowledge.models import Theme
    from raadsplein.organisations.tests.factories import member

    council = selectors.council_ids_of(lid)[0]
    other = member(email=f"bench-ander-{time.time_ns()}@example.org")
    themes = list(Theme.objects.filter(slug__startswith="bench-")[:2])
    report_times, cosign_times = [], []
    for _ in range(repeat):
        with transaction.atomic():
            start = time.perf_counter()
            signal = services.report_signal(
                reporter=lid,
                council=council,
                title="Bench: melden",
                description="Een gemaakt signaal om de tijd van melden te meten.",
                themes=themes,
            )
            report_times.append((time.perf_counter() - start) * 1000)
            start = time.perf_counter()
            services.cosign_signal(
                signal=signal,
                council=selectors.council_ids_of(other)[0],
                person=other,
                account="Wij zien dit ook, bij ons.",
            )
            cosign_times.append((time.perf_counter() - start) * 1000)
            transaction.set_rollback(True)

    def summary(times):
        times.sort()
        return statistics.median(times), times[max(0, int(len(times) * 0.95) - 1)]

    return {"report_signal": summary(report_times), "cosign_signal": summary(cosign_times)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--signals", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--fresh", action="store_true", help="drop the database and start over")
    args = parser.parse_args()
    url = database_url()
    ensure_database(url, args.fresh)
    setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    from raadsplein.advocacy import facts
    from raadsplein.advocacy.facts_models import SignalCube, SignalFact

    call_command("migrate", verbosity=0)
    advisor, lid = base_world()
    before = held()
    print(f"Signals: {before:,} held, {args.signals:,} wanted", flush=True)
    t = time.perf_counter()
    grow(args.signals)
    if held() != before or not SignalCube.objects.exists():
        print(f"  data ready in {time.perf_counter() - t:.0f} s; rebuilding the figures …")
        t = time.perf_counter()
        facts.rebuild()
        built = time.perf_counter() - t
        print(
            f"  figures rebuilt in {built:.1f} s: {SignalFact.objects.count():,} facts, "
            f"{SignalCube.objects.count():,} cube rows",
            flush=True,
        )
    else:
        print("  figures from an earlier run (reused)")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_size_pretty(pg_total_relation_size('advocacy_signalfact')), "
            "pg_size_pretty(pg_total_relation_size('advocacy_signalcube'))"
        )
        fact_size, cube_size = cursor.fetchone()
    print(f"  sizes: facts {fact_size}, cube {cube_size}")
    rows = measure(advisor, lid, args.repeat)
    print()
    print(f"{'request':<58} {'status':>6} {'queries':>7} {'p50 ms':>8} {'p95 ms':>8}")
    for url_, row in rows:
        print(
            f"{url_:<58} {row['status']:>6} {row['queries']:>7} {row['p50']:>8.1f} "
            f"{row['p95']:>8.1f}"
        )
    services_times = measure_services(lid, max(5, args.repeat // 3))
    print()
    for name, (p50, p95) in services_times.items():
        print(f"{name + ' (figures kept in step)':<58} {'':>6} {'':>7} {p50:>8.1f} {p95:>8.1f}")


if __name__ == "__main__":
    main()
