"""Benchmark: the staff export of signals (CSV and XLSX) with 100,000 signals, on PostgreSQL.

Adds made-up signals (default 100,000; one or two themes, a sector, one in five co-signed)
straight into the tables with ``INSERT … SELECT generate_series`` (seconds, once: a second run
reuses them), over 200 made-up councils. Then, in process with Django's test client, it
streams the export through the view — the last ``--small`` signals (a date filter) and all of
them — and prints for each: rows, seconds, rows per second, the peak of Python memory while
streaming (tracemalloc, a second pass: tracing slows it down) and the growth of the process's
peak resident memory (``ru_maxrss``). Constant memory shows as the same peak for 10,000 and
100,000 rows.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_bench_advocacy \\
        .venv/bin/python bench/bench_advocacy_export.py [--signals 100000] [--small 10000]
"""

import argparse
import datetime
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("EMAIL_URL", "dummymail://")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

MARK = "Bench:"  # every signal this script adds has a description that starts with it
COUNCILS = 200
# One signal a minute back from BASE: the newest ``small`` are the last small/1440 days.
BASE = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)


def setup_django():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    import django

    django.setup()


def world():
    """Councils (with a provider and a sector), two themes, a policy advisor."""
    from django.contrib.auth.models import Group

    from raadsplein.accounts.models import User
    from raadsplein.knowledge.models import Theme
    from raadsplein.organisations.models import CareProvider, CareSector, Council, Province

    provinces = Province.values
    provider, _ = CareProvider.objects.get_or_create(name="Bench-zorggroep")
    sector, _ = CareSector.objects.get_or_create(code="bench", defaults={"name": "Benchsector"})
    have = Council.objects.filter(name__startswith="Bench-raad").count()
    Council.objects.bulk_create(
        [
            Council(name=f"Bench-raad {n}", provider=provider, province=provinces[n % 12])
            for n in range(have, COUNCILS)
        ]
    )
    for council in Council.objects.filter(name__startswith="Bench-raad", sectors__isnull=True):
        council.sectors.add(sector)
    themes = [
        Theme.objects.get_or_create(slug=slug, defaults={"name": name})[0]
        for slug, name in (("bench-personeel", "Bench personeel"), ("bench-geld", "Bench geld"))
    ]
    user, _ = User.objects.get_or_create(email="bench-beleid@example.org")
    user.groups.add(Group.objects.get(name="Beleidsadviseurs"))
    return user, themes, sector


def grow(n: int, themes, sector) -> None:
    from django.db import connection, transaction

    from raadsplein.advocacy.models import Signal, State
    from raadsplein.organisations.models import Council

    have = Signal.objects.filter(description__startswith=MARK).count()
    if have >= n:
        return
    state = State.objects.get(is_initial=True)
    closed = State.objects.get(slug="gesloten")
    ids = list(Council.objects.filter(name__startswith="Bench-raad").values_list("pk", flat=True))
    text = (
        f"{MARK} Bewoners wachten 's avonds lang op hulp bij het naar bed gaan; op drukke "
        "avonden staan er twee medewerkers voor dertig bewoners, en invalkrachten kennen de "
        "cliënten niet. Familie springt bij waar het kan."
    )
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO advocacy_signal (title, description, clients_affected, province,
                provider_hidden, council_id, named, state_id, public_state_id, public_answer,
                created_at, updated_at, closed_at)
            SELECT 'Bench-signaal ' || g, %(text)s || ' (' || g || ')', '11-50',
                   c.province, true, c.id, g %% 5 = 0,
                   CASE WHEN g %% 4 = 0 THEN %(closed)s ELSE %(state)s END,
                   CASE WHEN g %% 4 = 0 THEN %(closed)s ELSE %(state)s END, '',
                   %(base)s - g * interval '1 minute', %(base)s - g * interval '1 minute',
                   CASE WHEN g %% 4 = 0 THEN %(base)s ELSE NULL END
            FROM generate_series(%(start)s, %(end)s) AS g
            JOIN organisations_council c ON c.id = (%(ids)s::int[])[1 + g %% %(k)s]
            """,
            {
                "text": text,
                "state": state.pk,
                "closed": closed.pk,
                "base": BASE,
                "start": have + 1,
                "end": n,
                "ids": ids,
                "k": len(ids),
            },
        )
        cursor.execute(
            """
            INSERT INTO advocacy_signal_themes (signal_id, theme_id)
            SELECT s.id, %(a)s FROM advocacy_signal s
            WHERE s.description LIKE %(mark)s AND s.id %% 3 <> 0
            UNION ALL
            SELECT s.id, %(b)s FROM advocacy_signal s
            WHERE s.description LIKE %(mark)s AND s.id %% 2 = 0
            ON CONFLICT DO NOTHING
            """,
            {"a": themes[0].pk, "b": themes[1].pk, "mark": MARK + "%"},
        )
        cursor.execute(
            """
            INSERT INTO advocacy_signal_sectors (signal_id, caresector_id)
            SELECT s.id, %(sector)s FROM advocacy_signal s WHERE s.description LIKE %(mark)s
            ON CONFLICT DO NOTHING
            """,
            {"sector": sector.pk, "mark": MARK + "%"},
        )
        cursor.execute(
            """
            INSERT INTO advocacy_cosignature (signal_id, council_id, account, province, named,
                created_at)
            SELECT s.id, (%(ids)s::int[])[1 + (s.id + 7) %% %(k)s], 'Bij ons ook.', s.province,
                   false, s.created_at
            FROM advocacy_signal s
            WHERE s.description LIKE %(mark)s AND s.id %% 5 = 0
              AND NOT EXISTS (SELECT 1 FROM advocacy_cosignature c WHERE c.signal_id = s.id)
            """,
            {"ids": ids, "k": len(ids), "mark": MARK + "%"},
        )
        cursor.execute("ANALYZE")


def stream(client, url: str) -> tuple[int, int]:
    """Request ``url`` and read the streamed body to the end, keeping none of it."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    size, lines = 0, 0
    for block in response.streaming_content:
        size += len(block)
        lines += block.count(b"\n")
    response.close()
    return size, lines


def measure(client, url: str) -> dict:
    from django.db import connection, reset_queries

    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t = time.perf_counter()
    size, lines = stream(client, url)
    seconds = time.perf_counter() - t
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss
    reset_queries()
    tracemalloc.start()
    stream(client, url)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    connection.close()
    return {"size": size, "lines": lines, "seconds": seconds, "peak": peak, "rss": grown}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--signals", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    from raadsplein.advocacy.models import Signal

    call_command("migrate", verbosity=0)
    user, themes, sector = world()
    t = time.perf_counter()
    grow(args.signals, themes, sector)
    bench = Signal.objects.filter(description__startswith=MARK)
    total = Signal.objects.count()
    print(f"{bench.count():,} bench signals ready in {time.perf_counter() - t:.1f} s")

    # The newest ``small`` signals: from the day the small-th newest was reported.
    newest = bench.order_by("-created_at").values_list("created_at", flat=True)
    since = timezone.localtime(newest[args.small - 1]).date()
    small_rows = Signal.objects.filter(created_at__date__gte=since).count()
    client = Client()
    client.force_login(user)
    for fmt in ("csv", "xlsx"):  # warm up (imports, the site, the session): no rows
        stream(client, f"/signalen/behandelen/rapport/export.{fmt}?vanaf=2999-01-01")
    rows = []
    for fmt in ("csv", "xlsx"):
        for label, query, n in (
            ("small", f"?vanaf={since.isoformat()}", small_rows),
            ("all", "", total),
        ):
            url = f"/signalen/behandelen/rapport/export.{fmt}{query}"
            result = measure(client, url)
            rows.append((fmt, label, n, result))
    print()
    print(
        f"{'format':<6} {'rows':>8} {'MB':>7} {'s':>7} {'rows/s':>9} "
        f"{'tracemalloc peak MB':>20} {'maxrss growth MB':>17}"
    )
    for fmt, _label, n, r in rows:
        print(
            f"{fmt:<6} {n:>8,} {r['size'] / 1e6:>7.1f} {r['seconds']:>7.2f} "
            f"{n / r['seconds']:>9,.0f} {r['peak'] / 1e6:>20.1f} {r['rss'] / 1024:>17.1f}"
        )


if __name__ == "__main__":
    main()
