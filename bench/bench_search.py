"""Benchmark of the Kenniscentrum search (`make bench-search`). Prints figures; never fails
on time.

For SQLite (a temporary file) and PostgreSQL (DATABASE_URL if it points at PostgreSQL,
else postgres://postgres@127.0.0.1:5432/raadsplein; a separate database "<name>_bench" is
created and dropped) it:

1. loads the demo content and measures relevance on src/raadsplein/knowledge/relevance.jsonl
   (MRR and recall@5, as a member);
2. grows the corpus to 10,000 publications (demo sentences recombined, 70 % members-only)
   and times 200 searches (the selector the search page and API use: ranking, facet counts,
   snippets), reporting p50/p95/max and the number of SQL queries per search;
3. measures relevance again on the big corpus.

Options: --size N (default 10000), --queries N (default 200), --only sqlite|postgres.
"""

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def _pg_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/raadsplein"
    parsed = urlparse(url)
    name = parsed.path.lstrip("/") or "raadsplein"
    return urlunparse(parsed._replace(path=f"/{name}_bench"))


def _pg_admin(url: str, sql: str) -> None:
    import psycopg

    parsed = urlparse(url)
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--run", choices=["sqlite", "postgres"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        return run(args)
    results = {}
    for backend in ("sqlite", "postgres"):
        if args.only and backend != args.only:
            continue
        env = dict(os.environ, DJANGO_SETTINGS_MODULE="raadsplein.settings.test")
        cleanup = None
        if backend == "sqlite":
            handle = tempfile.NamedTemporaryFile(suffix=".sqlite3", delete=False)  # noqa: SIM115
            handle.close()
            env["DATABASE_URL"] = f"sqlite:///{handle.name}"
            cleanup = lambda path=handle.name: [  # noqa: E731
                Path(p).unlink(missing_ok=True) for p in (path, path + "-wal", path + "-shm")
            ]
        else:
            url = _pg_url()
            name = urlparse(url).path.lstrip("/")
            try:
                _pg_admin(url, f'DROP DATABASE IF EXISTS "{name}"')
                _pg_admin(url, f'CREATE DATABASE "{name}"')
            except Exception as exc:  # no PostgreSQL here: say so and go on
                print(f"== postgres: skipped ({exc})")
                continue
            env["DATABASE_URL"] = url
            cleanup = lambda url=url, name=name: _pg_admin(  # noqa: E731
                url, f'DROP DATABASE IF EXISTS "{name}"'
            )
        print(f"== {backend}", flush=True)
        try:
            out = subprocess.run(  # noqa: S603 - our own script
                [
                    sys.executable,
                    __file__,
                    "--run",
                    backend,
                    "--size",
                    str(args.size),
                    "--queries",
                    str(args.queries),
                ],
                env=env,
                cwd=ROOT,
                check=True,
                stdout=subprocess.PIPE,
                text=True,
            ).stdout
        finally:
            cleanup()
        last = out.strip().splitlines()[-1]
        results[backend] = json.loads(last)
        print("\n".join(out.strip().splitlines()[:-1]))
    print("\n== summary")
    print(
        f"{'database':10} {'MRR demo':>9} {'R@5 demo':>9} {'p50 ms':>8} {'p95 ms':>8} "
        f"{'max ms':>8} {'queries/search':>15} {'MRR 10k':>8} {'R@5 10k':>8}"
    )
    for backend, r in results.items():
        print(
            f"{backend:10} {r['mrr_demo']:9.3f} {r['recall_demo']:9.3f} {r['p50']:8.1f} "
            f"{r['p95']:8.1f} {r['max']:8.1f} {r['sql_min']:>7}–{r['sql_max']:<7} "
            f"{r['mrr_big']:8.3f} {r['recall_big']:8.3f}"
        )
    return 0


def run(args) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from raadsplein.demo import knowledge as demo
    from raadsplein.knowledge.models import Audience, Kind, PublicationPage
    from raadsplein.knowledge.search import indexing, relevance
    from raadsplein.knowledge.selectors import search_publications
    from raadsplein.knowledge.services import knowledge_index

    def log(msg):
        print(f"   {msg}", flush=True)

    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    log(f"migrate: {time.perf_counter() - t:.1f} s")
    User = get_user_model()
    staff = User.objects.create_user(email="bench-lid@example.org", password=None)
    staff.is_superuser = True  # sees members-only content, like a council member
    staff.save()
    anonymous = __import__("django.contrib.auth.models", fromlist=["x"]).AnonymousUser()

    t = time.perf_counter()
    demo.build(log=lambda m: None)
    log(f"demo content: {time.perf_counter() - t:.1f} s")
    mrr_demo, recall_demo, judgements = relevance.evaluate(staff)
    log(
        f"relevance on demo content: MRR {mrr_demo:.3f}, recall@5 {recall_demo:.3f} "
        f"({len(judgements)} queries)"
    )
    for j in judgements:
        if j.reciprocal_rank < 1:
            log(f"  not first: {j.q!r} → {j.got[:3]}")

    # Grow the corpus: demo sentences recombined into new publications.
    rng = random.Random(20260101)  # noqa: S311 - reproducible corpus, not security
    items = demo.all_items()
    sentences = []
    for item in items:
        text = item["summary"] + "\n" + item["body"] + "\n" + item.get("transcript", "")
        for part in text.replace("\n", ". ").split(". "):
            part = part.strip(" -#*0123456789.")
            if len(part) > 20:
                sentences.append(part + ".")
    title_words = [w for item in items for w in item["title"].replace(":", "").split()]
    index = knowledge_index()
    kinds = list(Kind.values)
    # Bulk load: Wagtail's own admin-search indexing and per-page validation are not what is
    # measured here; switch them off for the generated pages.
    from django.db.models.signals import post_save
    from modelsearch.signal_handlers import post_save_signal_handler
    from wagtail.models import Page

    for model in (Page, PublicationPage):
        post_save.disconnect(post_save_signal_handler, sender=model)
    need = args.size - PublicationPage.objects.count()
    t = time.perf_counter()
    today = timezone.localdate()
    new_ids = []
    with (
        transaction.atomic(),
        __import__("raadsplein.knowledge.signals", fromlist=["x"]).indexing_paused(),
    ):
        for n in range(need):
            title = " ".join(rng.sample(title_words, rng.randint(3, 6))).capitalize()
            body = " ".join(rng.sample(sentences, rng.randint(4, 9)))
            page = PublicationPage(
                title=f"{title} ({n + 1})",
                slug=f"bench-{n + 1}",
                summary=" ".join(rng.sample(sentences, 2))[:600],
                body=[("paragraph", f"<p>{body}</p>")],
                kind=rng.choice(kinds),
                audience=Audience.MEMBERS if rng.random() < 0.7 else Audience.PUBLIC,
                published_on=today - __import__("datetime").timedelta(days=rng.randint(0, 3000)),
                live=True,
            )
            page.full_clean = lambda *a, **k: None
            index.add_child(instance=page)
            new_ids.append(page.pk)
    log(f"{need} extra publications created: {time.perf_counter() - t:.1f} s")
    t = time.perf_counter()
    pages = PublicationPage.objects.filter(pk__in=new_ids).prefetch_related(
        "themes", "sectors", "files__document"
    )
    indexing.index_publications(pages.iterator(chunk_size=500), batch_size=500)
    log(
        f"indexed: {time.perf_counter() - t:.1f} s "
        f"({PublicationPage.objects.count()} publications in the index)"
    )
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    cases = relevance.load()
    queries = []
    while len(queries) < args.queries:
        for case in cases:
            queries.append(case["q"])
    queries = queries[: args.queries]
    users = [staff, anonymous]
    # warm up (connections, caches), not timed
    for q in queries[:10]:
        search_publications(staff, q=q)
    timings, sql_counts = [], []
    for i, q in enumerate(queries):
        user = users[i % 2]
        sort = "datum" if i % 5 == 4 else "relevantie"
        with CaptureQueriesContext(connection) as ctx:
            start = time.perf_counter()
            search_publications(user, q=q, sort=sort)
            timings.append((time.perf_counter() - start) * 1000)
        sql_counts.append(len(ctx))
    timings.sort()
    p50 = statistics.median(timings)
    p95 = timings[int(len(timings) * 0.95) - 1]
    log(
        f"{len(timings)} searches on {PublicationPage.objects.count()} publications: "
        f"p50 {p50:.1f} ms, p95 {p95:.1f} ms, max {timings[-1]:.1f} ms; "
        f"SQL queries per search {min(sql_counts)}–{max(sql_counts)}"
    )
    mrr_big, recall_big, _ = relevance.evaluate(staff)
    log(f"relevance with 10k corpus: MRR {mrr_big:.3f}, recall@5 {recall_big:.3f}")
    print(
        json.dumps(
            {
                "mrr_demo": mrr_demo,
                "recall_demo": recall_demo,
                "p50": p50,
                "p95": p95,
                "max": timings[-1],
                "sql_min": min(sql_counts),
                "sql_max": max(sql_counts),
                "mrr_big": mrr_big,
                "recall_big": recall_big,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
