"""Benchmark: the Vraagbaak's queue and "Mijn vragen" with 50,000 questions, on PostgreSQL.

On top of the demo world it adds made-up questions (default 50,000, with four messages each:
200,000) spread over the demo councils, askers, themes, channels, statuses and the past two
years, straight into the tables, once (a second run reuses them). Then, in process with
Django's test client (server time without the network), it requests every queue view of the
advisor, two filters, the figures page and the members' "Mijn vragen" REPEAT times each,
and prints the number of SQL queries, p50 and p95. The number of queries is printed beside
the one at demo size (the demo world's 200 questions): they must be equal.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_bench_helpdesk \\
        .venv/bin/python bench/bench_helpdesk.py [--questions 50000] [--repeat 20]
"""

import argparse
import datetime
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
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

MARK = "Bench:"  # the first message of every question this script adds starts with it


def setup_django():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    import django

    django.setup()


def pages():
    queue = [
        f"/vraagbaak/behandelen/lijst/{slug}/"
        for slug in (
            "mijn",
            "niet-toegewezen",
            "bijna-te-laat",
            "te-laat",
            "wacht-op-raad",
            "open",
            "afgerond",
            "onbekende-afzender",
        )
    ]
    return [
        ("adviseur", "/vraagbaak/behandelen/"),
        *[("adviseur", url) for url in queue],
        ("adviseur", "/vraagbaak/behandelen/lijst/open/?thema=huisvesting-en-bouw"),
        ("adviseur", "/vraagbaak/behandelen/lijst/afgerond/?pagina=20"),
        ("lid", "/vraagbaak/mijn-vragen/"),
        ("voorzitter", "/vraagbaak/mijn-vragen/"),
    ]


def measure(repeat: int) -> dict:
    from django.db import connection
    from django.test import Client

    from raadsplein.accounts.models import User

    results = {}
    clients = {}
    for who, url in pages():
        if who not in clients:
            clients[who] = Client()
            clients[who].force_login(User.objects.get(email=f"{who}@demo.raadsplein.nl"))
        client = clients[who]
        status = client.get(url).status_code  # warm
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - start) * 1000)
        times.sort()
        results[(who, url)] = {
            "status": status,
            "queries": len(queries),
            "p50": statistics.median(times),
            "p95": times[max(0, int(len(times) * 0.95) - 1)],
        }
    return results


def grow(n: int) -> int:
    """Add ``n`` questions with four messages each, once."""
    from django.contrib.auth.models import Group
    from django.db import transaction
    from django.utils import timezone

    from raadsplein.helpdesk.models import Message, MessageKind, Question, Status
    from raadsplein.knowledge.models import Theme
    from raadsplein.organisations.models import Seat

    have = Question.objects.filter(messages__body__startswith=MARK).distinct().count()
    if have >= n:
        return have
    rng = random.Random(50_000)  # noqa: S311 - reproducible data, not security
    now = timezone.now()
    advisors = list(Group.objects.get(name="Adviseurs").user_set.all())
    themes = list(Theme.objects.all())
    seats = list(Seat.objects.select_related("person").order_by("pk"))
    statuses = (
        [Status.CLOSED] * 14
        + [Status.ANSWERED] * 3
        + [Status.OPEN] * 2
        + [
            Status.WAITING,
            Status.NEW,
        ]
    )
    batch = 2000
    for start in range(have, n, batch):
        questions = []
        for i in range(start, min(n, start + batch)):
            seat = seats[i % len(seats)]
            status = rng.choice(statuses)
            created = now - datetime.timedelta(minutes=rng.randint(60, 2 * 365 * 24 * 60))
            done = status in (Status.ANSWERED, Status.CLOSED)
            questions.append(
                Question(
                    channel=rng.choice(["web", "email", "phone"]),
                    status=status,
                    subject=f"Bench-vraag {i}",
                    asker=seat.person,
                    asker_email=seat.person.email,
                    council_id=seat.council_id,
                    share_with_council=i % 2 == 0,
                    theme=rng.choice(themes),
                    assigned_to=None if status == Status.NEW else rng.choice(advisors),
                    created_at=created,
                    first_response_at=None
                    if status == Status.NEW
                    else created + datetime.timedelta(hours=3),
                    answered_at=created + datetime.timedelta(days=2) if done else None,
                    closed_at=created + datetime.timedelta(days=9)
                    if status == Status.CLOSED
                    else None,
                    first_response_due=created + datetime.timedelta(hours=8)
                    if status == Status.NEW
                    else None,
                    solution_due=None if done else created + datetime.timedelta(days=7),
                )
            )
        with transaction.atomic():
            Question.objects.bulk_create(questions)
            kinds = [
                MessageKind.FROM_COUNCIL,
                MessageKind.NOTE,
                MessageKind.TO_COUNCIL,
                MessageKind.FROM_COUNCIL,
            ]
            Message.objects.bulk_create(
                [
                    Message(
                        question=q,
                        kind=kind,
                        channel=q.channel,
                        author=q.asker if kind == MessageKind.FROM_COUNCIL else q.assigned_to,
                        body=f"{MARK} bericht {k} bij vraag {q.subject}",
                        created_at=q.created_at + datetime.timedelta(hours=k),
                    )
                    for q in questions
                    for k, kind in enumerate(kinds)
                ],
                batch_size=5000,
            )
        print(f"  {min(n, start + batch):>6} vragen", flush=True)
    return n


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=50_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command

    from raadsplein.helpdesk.models import Message, Question

    call_command("migrate", verbosity=0)
    call_command("seed_demo", verbosity=0)
    base = Question.objects.exclude(messages__body__startswith=MARK).count()
    if Question.objects.filter(messages__body__startswith=MARK).exists():
        small = None  # the questions were added on an earlier run: no demo-size round
    else:
        print(f"Demo size: {base} questions")
        small = measure(3)
    print(f"Adding up to {args.questions:,} questions …", flush=True)
    t = time.perf_counter()
    grow(args.questions)
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print(
        f"  ready in {time.perf_counter() - t:.0f} s: {Question.objects.count():,} questions, "
        f"{Message.objects.count():,} messages"
    )
    big = measure(args.repeat)
    print()
    print(f"{'who':<11} {'page':<60} {'q demo':>6} {'q big':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for (who, url), row in big.items():
        demo_q = small[(who, url)]["queries"] if small else "-"
        print(
            f"{who:<11} {url:<60} {demo_q!s:>6} {row['queries']:>6} "
            f"{row['p50']:>8.1f} {row['p95']:>8.1f}"
            + ("" if row["status"] == 200 else f"  (status {row['status']})")
        )


if __name__ == "__main__":
    main()
