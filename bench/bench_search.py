"""Benchmark of the Kenniscentrum search (`make bench-search`): today's engine (the
database's own full-text indexes) against the old one (postings in ORM rows, kept in
bench/search_old/) in the same run. Prints figures; never fails on time.

For SQLite (a temporary file) and PostgreSQL (DATABASE_URL if it points at PostgreSQL,
else postgres://postgres@127.0.0.1:5432/raadsplein; a separate database "<name>_bench" is
created and dropped) it:

1. loads the demo content, indexes it in both engines and measures relevance on
   src/raadsplein/knowledge/relevance.jsonl (MRR and recall@5, as a member);
2. adds publications of real Dutch text (bench/search_corpus.py: words drawn with their
   frequencies from the wordfreq package's Dutch list, 70 % members-only) up to each size
   (default 10,000 and 100,000), indexes them in both engines (build time, index size) and
   times searches through each engine's selector: half the relevance set's questions, half
   one to three words drawn by frequency; as member and visitor in turn, every fifth sorted
   by date. p50/p95, SQL queries per search, and relevance again on the big corpus.

Options: --sizes 10000,100000; --queries N (default 200; the old engine gets --old-queries
at sizes above 10,000, default 60, because it loads every match into Python); --old-up-to N
(largest size the old engine is built for; its build takes long); --only sqlite|postgres;
--engines new,old. With --keep the databases are kept (PostgreSQL "<name>_bench_<sizes>",
SQLite var/bench/search_<sizes>.sqlite3) and a later run with the same --sizes reuses them:
publications already there are not inserted again (the corpus is still drawn, so the
questions are the same), an engine whose index is complete is not rebuilt (its build time is
the one recorded when it was built; --reindex rebuilds the new engine), pending migrations
(new index columns) are applied first. Every measurement prints the load average.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent


def _pg_url(tag: str = "") -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        url = "postgres://postgres@127.0.0.1:5432/raadsplein"
    parsed = urlparse(url)
    name = parsed.path.lstrip("/") or "raadsplein"
    suffix = f"_bench_{tag}" if tag else "_bench"
    return urlunparse(parsed._replace(path=f"/{name}{suffix}"))


def _pg_admin(url: str, sql: str) -> None:
    import psycopg

    parsed = urlparse(url)
    admin = urlunparse(parsed._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(sql)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--old-queries", type=int, default=60)
    parser.add_argument("--old-up-to", type=int, default=100_000)
    parser.add_argument("--only", choices=["sqlite", "postgres"])
    parser.add_argument("--engines", default="new,old")
    parser.add_argument("--keep", action="store_true")
    parser.add_argument("--reindex", action="store_true")
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
        tag = args.sizes.replace(",", "_")
        if backend == "sqlite" and args.keep:
            path = ROOT / "var" / "bench" / f"search_{tag}.sqlite3"
            path.parent.mkdir(parents=True, exist_ok=True)
            env["DATABASE_URL"] = f"sqlite:///{path}"
            cleanup = lambda: None  # noqa: E731
        elif args.keep:
            url = _pg_url(tag)
            name = urlparse(url).path.lstrip("/")
            try:
                _pg_admin(url, f'CREATE DATABASE "{name}"')
            except Exception as exc:
                if "already exists" not in str(exc):
                    print(f"== postgres: skipped ({exc})")
                    continue
            env["DATABASE_URL"] = url
            cleanup = lambda: None  # noqa: E731
        elif backend == "sqlite":
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
            proc = subprocess.Popen(  # noqa: S603 - our own script
                [
                    sys.executable,
                    __file__,
                    "--run",
                    backend,
                    "--sizes",
                    args.sizes,
                    "--queries",
                    str(args.queries),
                    "--old-queries",
                    str(args.old_queries),
                    "--old-up-to",
                    str(args.old_up_to),
                    "--engines",
                    args.engines,
                    *(["--keep"] if args.keep else []),
                    *(["--reindex"] if args.reindex else []),
                ],
                env=env,
                cwd=ROOT,
                stdout=subprocess.PIPE,
                text=True,
            )
            lines = []
            for line in proc.stdout:
                lines.append(line)
                print(
                    line if not line.startswith("{") else f"   partial: {line}", end="", flush=True
                )
            if proc.wait() != 0:
                raise SystemExit(f"{backend} run failed")
        finally:
            cleanup()
        results[backend] = json.loads([line for line in lines if line.startswith("{")][-1])
    print("\n== summary")
    header = (
        f"{'database':10} {'size':>7} {'engine':6} {'MRR':>6} {'R@5':>6} {'p50 ms':>8} "
        f"{'p95 ms':>8} {'SQL/search':>10} {'build s':>8} {'size MB':>8} {'searches':>8} "
        f"{'load':>9}"
    )
    print(header)
    for backend, sizes in results.items():
        for size, engines in sizes.items():
            for engine, r in engines.items():
                print(
                    f"{backend:10} {size:>7} {engine:6} {r['mrr']:6.3f} {r['recall']:6.3f} "
                    f"{r.get('p50', 0):8.1f} {r.get('p95', 0):8.1f} "
                    f"{r.get('sql', '-'):>10} {r.get('build', 0):8.1f} "
                    f"{r.get('mb', 0):8.1f} {r.get('searches', 0):>8} {r.get('load', ''):>9}"
                )
    return 0


def run(args) -> int:
    sys.path.insert(0, str(ROOT / "src"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from bench import search_corpus
    from bench.search_old import engine as old
    from bench.search_old.models import create_tables
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from raadsplein.demo import knowledge as demo
    from raadsplein.knowledge.models import PublicationPage
    from raadsplein.knowledge.search import indexing, relevance
    from raadsplein.knowledge.selectors import search_publications

    def log(msg):
        print(f"   {msg}", flush=True)

    from bench.search_old.models import OldSearchDocument

    from raadsplein.knowledge.models import SearchDocument

    t = time.perf_counter()
    call_command("migrate", verbosity=0)
    if OldSearchDocument._meta.db_table not in connection.introspection.table_names():
        create_tables()
    log(f"migrate: {time.perf_counter() - t:.1f} s")
    # build times of a kept database, recorded when its indexes were built
    builds_file = Path(str(connection.settings_dict["NAME"]) + ".builds.json")
    if connection.vendor == "postgresql":
        builds_file = ROOT / "var" / "bench" / f"{connection.settings_dict['NAME']}.builds.json"
    builds = json.loads(builds_file.read_text()) if args.keep and builds_file.exists() else {}
    User = get_user_model()
    staff, _created = User.objects.get_or_create(email="bench-lid@example.org")
    staff.is_superuser = True  # sees members-only content, like a council member
    staff.save()
    anonymous = AnonymousUser()

    engines = {
        "new": lambda members, **kw: search_publications(staff if members else anonymous, **kw),
        "old": lambda members, **kw: old.search_publications(members, **kw),
    }
    engines = {name: engines[name] for name in args.engines.split(",")}

    def evaluate(engine) -> tuple[float, float, list]:
        rrs, recalls, misses = [], [], []
        for case in relevance.load():
            got = [h.page.slug for h in engines[engine](True, q=case["q"], per_page=10).hits]
            expected = case["expected"]
            rr = next((1 / (i + 1) for i, slug in enumerate(got) if slug in expected), 0.0)
            rrs.append(rr)
            recalls.append(len(set(got[:5]) & set(expected)) / min(len(expected), 5))
            if rr < 1:
                misses.append((case["q"], got[:3]))
        return sum(rrs) / len(rrs), sum(recalls) / len(recalls), misses

    def size_mb(engine) -> float:
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                tables = (
                    ["knowledge_searchdocument", "knowledge_search_vectors", "knowledge_searchterm"]
                    if engine == "new"
                    else ["bench_old_document", "bench_old_term", "bench_old_posting"]
                )
                cursor.execute(
                    "SELECT SUM(pg_total_relation_size(t::regclass)) FROM unnest(%s::text[]) t",
                    [tables],
                )
            else:
                like = (
                    "(m.tbl_name LIKE 'knowledge_search%' OR m.tbl_name LIKE 'knowledge_term_fts%')"
                    if engine == "new"
                    else "m.tbl_name LIKE 'bench_old_%'"
                )
                cursor.execute(
                    "SELECT SUM(s.pgsize) FROM dbstat s JOIN sqlite_master m "  # noqa: S608
                    f"ON m.name = s.name WHERE {like}"
                )
            return float(cursor.fetchone()[0] or 0) / 1e6

    def analyze():
        # what autovacuum does in production: statistics, and the visibility map that lets
        # PostgreSQL count matches without reading every row
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")

    t = time.perf_counter()
    reused = PublicationPage.objects.exists()
    if not reused:
        demo.build(log=lambda m: None)
        log(f"demo content (new engine indexes it on publish): {time.perf_counter() - t:.1f} s")
    demo_pages = PublicationPage.objects.live().exclude(slug__startswith="bench-")
    demo_count = demo_pages.count()
    if "old" in engines and not OldSearchDocument.objects.exists():
        t = time.perf_counter()
        demo_pages = demo_pages.prefetch_related("themes", "sectors", "files__document")
        old.index_sources([indexing.source_for(p) for p in demo_pages])
        log(f"demo content in the old engine: {time.perf_counter() - t:.1f} s")
    results: dict = {"demo": {}}
    for engine in engines if not reused else ():  # a kept database has more than the demo
        mrr, recall, misses = evaluate(engine)
        results["demo"][engine] = {"mrr": mrr, "recall": recall}
        log(f"{engine}: relevance on demo content: MRR {mrr:.3f}, recall@5 {recall:.3f}")
        for q, got in misses:
            log(f"  {engine} not first: {q!r} → {got}")

    def measure(engine, size, total, queries, row) -> None:
        n = args.queries if engine == "new" or size <= 10_000 else args.old_queries
        for q in queries[:5]:  # warm up (connections, the old engine's picture), not timed
            engines[engine](True, q=q)
        timings, sql_counts, by_kind = [], [], {"set": [], "zipf": []}
        for i, q in enumerate(queries[:n]):
            sort = "datum" if i % 5 == 4 else "relevantie"
            with CaptureQueriesContext(connection) as ctx:
                start = time.perf_counter()
                engines[engine](i % 4 < 2, q=q, sort=sort)
                timings.append((time.perf_counter() - start) * 1000)
            by_kind["set" if i % 2 == 0 else "zipf"].append(timings[-1])
            sql_counts.append(len(ctx))

        def pct(values, p):
            values = sorted(values)
            if p == 0.5:
                return statistics.median(values)
            return values[max(0, int(len(values) * p) - 1)]

        load = os.getloadavg()
        timings.sort()
        p50 = statistics.median(timings)
        p95 = pct(timings, 0.95)
        for kind, values in by_kind.items():
            row[engine][f"p50_{kind}"] = pct(values, 0.5)
            row[engine][f"p95_{kind}"] = pct(values, 0.95)
        mrr, recall, _misses = evaluate(engine)
        row[engine].update(
            p50=p50,
            p95=p95,
            max=timings[-1],
            sql=f"{min(sql_counts)}–{max(sql_counts)}",
            searches=n,
            mrr=mrr,
            recall=recall,
            load=f"{load[0]:.1f}/{load[1]:.1f}",
        )
        log(
            f"{engine}: {n} searches on {total} publications: p50 {p50:.1f} ms, "
            f"p95 {p95:.1f} ms, max {timings[-1]:.1f} ms (relevance-set questions: "
            f"p50 {row[engine]['p50_set']:.1f}, p95 {row[engine]['p95_set']:.1f}; "
            f"words drawn by frequency: p50 {row[engine]['p50_zipf']:.1f}, "
            f"p95 {row[engine]['p95_zipf']:.1f}); SQL per search "
            f"{row[engine]['sql']}; MRR {mrr:.3f}, recall@5 {recall:.3f}; "
            f"load average {load[0]:.1f} (1 min) / {load[1]:.1f} (5 min)"
        )

    corpus = search_corpus.Corpus()
    cases = [c["q"] for c in relevance.load()]
    made = 0
    for size in [int(s) for s in args.sizes.split(",")]:
        need = size - demo_count - made
        there = PublicationPage.objects.filter(slug__startswith="bench-").count()
        t = time.perf_counter()
        insert = there < made + need
        sources = search_corpus.insert_publications(corpus, need, start=made, insert=insert)
        made += need
        log(
            f"{need} publications {'inserted' if insert else 'drawn (already there)'}: "
            f"{time.perf_counter() - t:.1f} s"
        )
        row: dict = {name: {} for name in engines}
        results[str(size)] = row
        total = PublicationPage.objects.count()
        queries = []
        for i in range(args.queries):
            queries.append(cases[i // 2 % len(cases)] if i % 2 == 0 else corpus.query())
        # each engine builds, then is measured, before the next one builds: a slow old build
        # at 100,000 leaves the new engine's figures complete
        for engine in engines:
            if engine == "old" and size > args.old_up_to:
                log(f"old: not measured at {size} (--old-up-to {args.old_up_to})")
                continue
            model = SearchDocument if engine == "new" else OldSearchDocument
            key = f"{engine}:{size}"
            complete = model.objects.count() >= total and key in builds
            if complete and not (args.reindex and engine == "new"):
                row[engine]["build"] = builds[key]
                log(f"{engine}: index already there (built in {builds[key]:.1f} s)")
            else:
                t = time.perf_counter()
                (indexing if engine == "new" else old).index_sources(sources, batch_size=500)
                row[engine]["build"] = builds[key] = time.perf_counter() - t
                if args.keep:
                    builds_file.parent.mkdir(parents=True, exist_ok=True)
                    builds_file.write_text(json.dumps(builds))
            analyze()
            row[engine]["mb"] = size_mb(engine)
            log(
                f"{engine}: indexed {need} in {row[engine]['build']:.1f} s; "
                f"index {row[engine]['mb']:.1f} MB for {total} publications"
            )
            measure(engine, size, total, queries, row)
            print(json.dumps(results), flush=True)
        del sources
    return 0


if __name__ == "__main__":
    sys.exit(main())
