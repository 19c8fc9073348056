"""Profile one page in Django's test client with pyinstrument (dev extras), production settings.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/raadsplein_bench_pages \
        .venv/bin/python bench/profile_page.py / --as lid --repeat 200

Prints the time per request, the queries per request and pyinstrument's tree of where the time
went (after one warm-up request, so template compilation and first cache fills are left out).
Use the same environment as bench/bench_pages.py (it sets SECRET_KEY, demo mode and so on).
"""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.production")
os.environ.setdefault("SECRET_KEY", "bench-only-not-secret-" + "x" * 40)
os.environ.setdefault("RAADSPLEIN_DEMO_MODE", "1")
os.environ.setdefault("ALLOWED_HOSTS", "testserver")
os.environ.setdefault("EMAIL_URL", "dummymail://")
os.environ.setdefault("STATIC_ROOT", str(ROOT / "var" / "bench-static"))
os.environ.setdefault("LOG_LEVEL", "WARNING")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("--as", dest="who", help="demo account, e.g. lid, voorzitter, adviseur")
    parser.add_argument("--repeat", type=int, default=100)
    parser.add_argument("--html", help="write pyinstrument's HTML report here")
    args = parser.parse_args()

    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    from raadsplein.accounts.models import User
    from raadsplein.demo import DEMO_DOMAIN

    client = Client(HTTP_X_FORWARDED_PROTO="https")
    if args.who:
        client.force_login(User.objects.get(email=f"{args.who}@{DEMO_DOMAIN}"))
    response = client.get(args.url)
    assert response.status_code == 200, response.status_code  # noqa: S101 - a dev tool
    queries = []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(record):
        client.get(args.url)
    profiler = Profiler(interval=0.0005)
    started = time.perf_counter()
    with profiler:
        for _ in range(args.repeat):
            client.get(args.url)
    elapsed = (time.perf_counter() - started) / args.repeat * 1000
    print(f"{args.url}: {elapsed:.1f} ms per request, {len(queries)} queries")
    for sql in queries:
        print(f"   {sql[:200]}")
    flat = bool(os.environ.get("PROFILE_FLAT"))
    print(profiler.output_text(unicode=True, color=False, flat=flat, show_all=not flat)[:20000])
    if args.html:
        Path(args.html).write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
