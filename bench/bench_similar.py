"""Benchmark: "Wij zien dit ook" suggestions (advocacy/similar.py) with many signals, on
PostgreSQL.

Adds made-up signals (default 5,000) to the database once, straight into the table (a
second run reuses them; ``--signals`` more adds the difference), spread over 40 councils,
with titles and descriptions made from a small Dutch vocabulary about care. Then it asks for
suggestions for QUERIES typed texts (a title, a title with a typo, a title with a sentence of
description), REPEAT times each, and prints p50 and p95 in milliseconds, and the plan of one
query (whether the GIN indexes of migration 0005 are used).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_bench_similar \\
        .venv/bin/python bench/bench_similar.py [--signals 5000] [--repeat 20]
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("RAADSPLEIN_DEMO_MODE", "1")
os.environ.setdefault("EMAIL_URL", "dummymail://")

MARK = "Bench-signaal"  # every council this script adds is named with it

SUBJECTS = [
    "personeel",
    "nachtdienst",
    "maaltijden",
    "wachttijd",
    "medicatie",
    "dagbesteding",
    "vervoer",
    "huisvesting",
    "zorgplan",
    "bezoekregeling",
    "schoonmaak",
    "wasgoed",
    "invalkrachten",
    "eigen bijdrage",
    "indicatie",
    "wachtlijst",
]
PROBLEMS = [
    "te weinig",
    "steeds later",
    "vaak wisselend",
    "niet op tijd",
    "duurder dan afgesproken",
    "slecht geregeld",
    "zonder overleg veranderd",
    "onduidelijk voor familie",
]
SENTENCES = [
    "Bewoners wachten lang op hulp.",
    "De familie hoort het pas achteraf.",
    "Het gebeurt vooral in het weekend.",
    "Medewerkers hebben er geen tijd voor.",
    "Cliënten voelen zich niet gehoord.",
    "De bestuurder zegt dat het budget op is.",
    "Sinds de reorganisatie is het erger geworden.",
    "Op de afdeling psychogeriatrie valt het het meest op.",
]
QUERIES = [
    ("Te weinig personeel in de nachtdienst", ""),
    ("Maaltijden komen niet op tijd", ""),
    ("Wachtlijst voor dagbesteding", "Cliënten wachten maanden."),
    ("Te weinig persooneel nachtdienst", ""),  # a typo
    ("Medicatie", "De medicatie wordt steeds later gegeven, vooral in het weekend."),
    ("Vervoer naar dagbesteding", "Het vervoer is zonder overleg veranderd."),
]


def setup_django():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def councils():
    from raadsplein.organisations.models import CareProvider, Council, CouncilKind, Province

    existing = list(Council.objects.filter(name__startswith=MARK))
    provinces = list(Province.values)
    for i in range(len(existing), 40):
        provider = CareProvider.objects.create(name=f"{MARK} aanbieder {i}")
        existing.append(
            Council.objects.create(
                provider=provider,
                name=f"{MARK} raad {i}",
                kind=CouncilKind.CLIENT,
                province=provinces[i % len(provinces)],
            )
        )
    return existing


def add_signals(target: int) -> int:
    from raadsplein.advocacy.models import Signal, State

    made = Signal.objects.filter(council__name__startswith=MARK).count()
    if made >= target:
        return made
    rng = random.Random(made)
    state = State.objects.get(is_initial=True)
    pool = councils()
    batch = []
    for _ in range(target - made):
        subject, problem = rng.choice(SUBJECTS), rng.choice(PROBLEMS)
        council = rng.choice(pool)
        batch.append(
            Signal(
                title=f"{subject.capitalize()} {problem}",
                description=" ".join(rng.sample(SENTENCES, 3)) + f" Het gaat om {subject}.",
                province=council.province,
                council=council,
                state=state,
                public_state=state,
            )
        )
    Signal.objects.bulk_create(batch, batch_size=2000)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE advocacy_signal")
    return target


def measure(repeat: int):
    from raadsplein.advocacy import similar

    rows = []
    for title, description in QUERIES:
        similar.similar_signals(title=title, description=description)  # warm
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            found = similar.similar_signals(title=title, description=description)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        rows.append((title, len(found), statistics.median(times), p95))
    return rows


def plan() -> str:
    """EXPLAIN ANALYZE of the queries that find and rank the ids."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from raadsplein.advocacy import similar

    with CaptureQueriesContext(connection) as queries:
        similar.similar_signals(title="Te weinig personeel in de nachtdienst")
    plans = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries[:2]:  # the full-text and the trigram query
            cursor.execute("EXPLAIN ANALYZE " + query["sql"])
            plans.append("\n".join(row[0] for row in cursor.fetchall()))
    return "\n\n".join(plans)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--signals", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    total = add_signals(args.signals)
    print(f"signals added by this benchmark: {total:,}")
    print(f"{'typed title':45} {'found':>5} {'p50 ms':>8} {'p95 ms':>8}")
    for title, found, p50, p95 in measure(args.repeat):
        print(f"{title:45} {found:>5} {p50:>8.1f} {p95:>8.1f}")
    print(plan())


if __name__ == "__main__":
    main()
