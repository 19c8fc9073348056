"""Benchmark: Raadswerk with a council of ten years of records among 1,000 councils, on PostgreSQL.

On the DATABASE_URL database it builds, once (a later run reuses it; --rebuild makes it again):

- one council with ten years of records: 500 meetings (7 agenda items each), 2,000 Wmcz
  trajectories (4 steps each, a quarter open) and 20,000 documents (rows on the meetings,
  their items and the trajectories; they share a few stored files);
- 1,000 other councils with a little each (3 meetings, 4 trajectories, 6 documents), each
  with a chair. They have no membership, so a demo world built in the same database later
  (``seed_demo``, other benchmarks) does not spread its signals or people over them.

Then, in process with Django's test client as the council's chair (server time without the
network), it requests the overview, the meetings list, a meeting page, the trajectories list
and a trajectory page of the big council and of a small one, REPEAT times each (after one
warm-up request), and prints the number of SQL queries of each page for both councils (they
must be equal: the pages take a fixed number of queries however many records there are) and
p50/p95 server time. It never asserts on time; it exits 1 when a page answers other than 200
or takes more queries for the big council than for the small one.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsplein_bench \\
        .venv/bin/python bench/bench_councilwork.py [--repeat 50] [--rebuild]
"""

import argparse
import datetime
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("EMAIL_URL", "dummymail://")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")

PROVIDER = "Zorggroep Tien Jaar (bench)"
BIG = "Cliëntenraad Tien Jaar (bench)"
OTHERS = 1_000
BIG_SHAPE = {"meetings": 500, "trajectories": 2_000, "documents_count": 20_000}
BIG_ITEMS, BIG_STEPS = 7, 4
SMALL_SHAPE = {"meetings": 3, "trajectories": 4, "documents_count": 6}
PAGES = ["overview", "meetings", "meeting", "trajectories", "trajectory"]


def setup_django():
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        sys.exit("Set DATABASE_URL=postgres://… (this benchmark is meant for PostgreSQL).")
    import django

    django.setup()


def build(rebuild: bool) -> None:
    """The bench councils, their chairs and records, once."""
    from django.contrib.auth.hashers import make_password
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from django.db import transaction
    from django.utils import timezone

    from raadsplein.accounts.models import User
    from raadsplein.councilwork.models import CouncilDocument, Meeting, SchemeSettings
    from raadsplein.demo.councilwork_records import add_records, tiny_pdf
    from raadsplein.organisations.models import (
        CareProvider,
        Council,
        Seat,
        SeatRole,
    )

    big = Council.objects.filter(name=BIG).first()
    if big and not rebuild and Meeting.objects.filter(council=big).count() == 500:
        print("bench councils found: reusing them (--rebuild to make them again)", flush=True)
        return
    started = time.monotonic()
    with transaction.atomic():
        old = Council.objects.filter(provider__name=PROVIDER)
        stored = set(CouncilDocument.objects.filter(council__in=old).values_list("file", flat=True))
        Seat.objects.filter(council__in=old).delete()
        old.delete()  # cascades to everything of the workspace
        User.objects.filter(email__endswith="@bench.invalid").delete()
        CareProvider.objects.filter(name=PROVIDER).delete()
        for name in stored:
            transaction.on_commit(lambda name=name: default_storage.delete(name))

        today = timezone.localdate()
        provider = CareProvider.objects.create(name=PROVIDER, provides_long_term_care=True)
        names = [BIG] + [f"Cliëntenraad {n:04d} (bench)" for n in range(1, OTHERS + 1)]
        councils = Council.objects.bulk_create(
            [Council(provider=provider, name=name, kind="client", province="UT") for name in names]
        )
        password = make_password(None)
        chairs = User.objects.bulk_create(
            [
                User(
                    email=f"voorzitter{n:04d}@bench.invalid",
                    first_name="Voorzitter",
                    last_name=f"{n:04d} (bench)",
                    password=password,
                )
                for n in range(len(councils))
            ],
            batch_size=1000,
        )
        Seat.objects.bulk_create(
            [
                Seat(
                    person=chair,
                    council=c,
                    role=SeatRole.VOORZITTER,
                    start_date=today - datetime.timedelta(days=400),
                )
                for c, chair in zip(councils, chairs, strict=True)
            ]
        )
        SchemeSettings.objects.bulk_create(
            [SchemeSettings(council=c, advice_days=42, consent_days=42) for c in councils]
        )
        files = [
            default_storage.save(f"councilwork/bench/stuk-{n}", ContentFile(tiny_pdf(f"Stuk {n}")))
            for n in range(3)
        ]
        print(f"  {len(councils)} councils with their chairs", flush=True)
        add_records(
            councils[0],
            by=chairs[0],
            items_per_meeting=BIG_ITEMS,
            steps_per_trajectory=BIG_STEPS,
            files=files,
            **BIG_SHAPE,
        )
        print(f"  {BIG}: {BIG_SHAPE}", flush=True)
        for n, (council, chair) in enumerate(zip(councils[1:], chairs[1:], strict=True), 1):
            add_records(
                council,
                by=chair,
                items_per_meeting=2,
                steps_per_trajectory=2,
                files=files,
                **SMALL_SHAPE,
            )
            if n % 250 == 0:
                print(f"  {n} small councils", flush=True)
    print(f"built in {time.monotonic() - started:.0f} s", flush=True)


def targets(council):
    """The page URLs of one council: the meeting and trajectory with the most on them."""
    from django.db.models import Count
    from django.urls import reverse

    from raadsplein.councilwork.models import Meeting, Trajectory

    meeting = (
        Meeting.objects.filter(council=council)
        .annotate(n=Count("documents"))
        .order_by("-n", "-starts_at")
        .first()
    )
    trajectory = (
        Trajectory.objects.filter(council=council)
        .annotate(n=Count("documents"))
        .order_by("-n", "-received")
        .first()
    )
    extra = {"meeting": {"meeting_id": meeting.pk}, "trajectory": {"trajectory_id": trajectory.pk}}
    return {
        name: reverse(
            f"councilwork:{name}", kwargs={"council_id": council.pk, **extra.get(name, {})}
        )
        for name in PAGES
    }


def measure(council, repeat: int) -> dict:
    from django.db import connection
    from django.test import Client

    from raadsplein.organisations.models import Seat

    chair = Seat.objects.filter(council=council, role="voorzitter").select_related("person")[0]
    client = Client()
    client.force_login(chair.person)
    out = {}
    for name, url in targets(council).items():
        status = client.get(url).status_code  # warm
        queries = []

        def count(execute, sql, params, many, context, queries=queries):
            queries.append(sql)
            return execute(sql, params, many, context)

        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        times.sort()
        out[name] = {
            "status": status,
            "queries": len(queries),
            "p50": statistics.median(times),
            "p95": times[max(0, int(round(0.95 * len(times))) - 1)],
        }
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=50)
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    setup_django()
    from django.core.management import call_command

    from raadsplein.councilwork.models import CouncilDocument, Meeting, Trajectory
    from raadsplein.organisations.models import Council

    call_command("migrate", verbosity=0)
    build(args.rebuild)
    big = Council.objects.get(name=BIG)
    small = Council.objects.get(name="Cliëntenraad 0001 (bench)")
    for c in (big, small):
        print(
            f"{c.name}: {Meeting.objects.filter(council=c).count()} meetings, "
            f"{Trajectory.objects.filter(council=c).count()} trajectories, "
            f"{CouncilDocument.objects.filter(council=c).count()} documents"
        )
    print(f"councils in the database: {Council.objects.count()}")
    load = os.getloadavg()[0]
    results = {"big": measure(big, args.repeat), "small": measure(small, args.repeat)}
    print(
        f"\n{args.repeat} requests per page, as the chair, Django test client (server time); "
        f"load {load:.1f} → {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs"
    )
    header = f"{'page':<14}{'queries big':>12}{'small':>7}  {'p50 ms':>8}{'p95 ms':>8}  "
    header += f"{'small p50':>10}{'p95':>7}  status"
    print(header)
    print("-" * len(header))
    bad = False
    for name in PAGES:
        b, s = results["big"][name], results["small"][name]
        ok = b["status"] == s["status"] == 200 and b["queries"] <= s["queries"]
        bad |= not ok
        print(
            f"{name:<14}{b['queries']:>12}{s['queries']:>7}  {b['p50']:>8.1f}{b['p95']:>8.1f}  "
            f"{s['p50']:>10.1f}{s['p95']:>7.1f}  "
            f"{b['status']}/{s['status']}{'' if ok else '  ← not a fixed number of queries'}"
        )
    measure_diff()
    return 1 if bad else 0


def measure_diff() -> None:
    """The scheme's compare page on a text near its 200,000-character limit: two small
    changes, and every article rewritten (the worst case for pairing paragraphs)."""
    import time

    from raadsplein.councilwork import diff

    article = "Artikel {i}. Titel\nDe raad bespreekt onderwerp {i} met de bestuurder en de leden."
    old = "\n\n".join(article.format(i=i) for i in range(2500))
    cases = {
        "two changes": old.replace("onderwerp 17 met", "onderwerp 17 samen met").replace(
            "Artikel 2000. Titel", "Artikel 2000. Nieuwe titel"
        ),
        "all rewritten": old.replace("bespreekt", "overlegt over").replace("leden", "raad"),
    }
    print(f"\nscheme diff, {len(old):,} characters:")
    for name, new in cases.items():
        started = time.perf_counter()
        comparison = diff.compare(old, new)
        ms = (time.perf_counter() - started) * 1000
        print(f"  {name:<14}{ms:>9.0f} ms  ({comparison.changed} articles changed)")


if __name__ == "__main__":
    sys.exit(main())
