"""Benchmark of the learning environment. Not a test: it prints figures.

1. Database queries of the course page and the step page for a small course (1 module,
   2 steps) and a large one (20 modules × 25 steps): the counts must be the same.
2. Time to save progress (services.complete_step) with 10,000 learners' progress rows in
   the database: p50/p95/max over 500 saves, plus the same through the HTTP view.

Run against PostgreSQL (a migrated database of its own):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_learning_bench \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_learning_bench \\
        .venv/bin/python bench/bench_learning.py
It creates its own rows (e-mail addresses bench-learner-…@example.invalid, courses bench-…)
and removes them at the end.
"""

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "raadsplein.settings.dev")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.urls import reverse  # noqa: E402

from raadsplein.learning import services  # noqa: E402
from raadsplein.learning.models import (  # noqa: E402
    Audience,
    Course,
    Enrolment,
    Module,
    Step,
    StepKind,
    StepProgress,
)

LEARNERS = int(os.environ.get("BENCH_LEARNERS", "10000"))
SAVES = int(os.environ.get("BENCH_SAVES", "500"))
PREFIX = "bench-learner-"
User = get_user_model()


def make_course(slug: str, modules: int, steps: int) -> Course:
    course = Course.objects.create(
        slug=slug,
        title=f"Bench {slug}",
        summary="Benchmark",
        level="basis",
        audience=Audience.PUBLIC,
        is_published=True,
    )
    for m in range(modules):
        module = Module.objects.create(course=course, title=f"Module {m}", sort_order=m)
        Step.objects.bulk_create(
            Step(
                module=module,
                title=f"Stap {m}.{s}",
                kind=StepKind.TEXT,
                body="<p>Tekst</p>" * 20,
                sort_order=s,
            )
            for s in range(steps)
        )
    return course


def cleanup() -> None:
    Course.objects.filter(slug__startswith="bench-").delete()
    User.objects.filter(email__startswith="bench-").delete()


def query_counts(client: Client, small: Course, large: Course) -> None:
    print("Queries per page (same count = does not grow with the size of the course):")
    for course in (small, large):
        steps = list(Step.objects.filter(module__course=course).order_by("pk"))
        urls = {
            "course page": reverse("learning:course", args=[course.slug]),
            "step page": reverse("learning:step", args=[course.slug, steps[len(steps) // 2].pk]),
        }
        for label, url in urls.items():
            client.get(url)  # warm up
            with CaptureQueriesContext(connection) as ctx:
                response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
            size = f"{course.modules.count()} modules, {len(steps)} steps"
            print(f"  {label:12} {size:26} {len(ctx.captured_queries):3} queries")


def seed_progress(large: Course) -> list:
    print(f"Creating {LEARNERS} learners with progress …", flush=True)
    started = time.monotonic()
    users = User.objects.bulk_create(
        User(email=f"{PREFIX}{i:05d}@example.invalid", password="!", first_name="Bench")
        for i in range(LEARNERS)
    )
    users = list(User.objects.filter(email__startswith=PREFIX).order_by("pk"))
    steps = list(Step.objects.filter(module__course=large).order_by("pk"))
    Enrolment.objects.bulk_create(Enrolment(person=u, course=large) for u in users)
    rng = random.Random(4)
    batch = []
    for u in users:
        for step in steps[: rng.randint(1, 20)]:
            batch.append(StepProgress(person=u, step=step, course=large))
        if len(batch) > 20000:
            StepProgress.objects.bulk_create(batch)
            batch = []
    StepProgress.objects.bulk_create(batch)
    total = StepProgress.objects.filter(course=large).count()
    print(f"  {total} progress rows in {time.monotonic() - started:.1f} s")
    return users


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def time_saves(users: list, large: Course) -> None:
    steps = list(Step.objects.filter(module__course=large).select_related("module__course"))
    rng = random.Random(7)
    timings = []
    for _ in range(SAVES):
        person = rng.choice(users)
        step = rng.choice(steps[20:])  # a step this learner has not done yet
        started = time.perf_counter()
        services.complete_step(person=person, step=step)
        timings.append((time.perf_counter() - started) * 1000)
    repeat = []
    for _ in range(SAVES // 5):  # double clicks: the same step again
        person = rng.choice(users)
        step = steps[0]
        started = time.perf_counter()
        services.complete_step(person=person, step=step)
        repeat.append((time.perf_counter() - started) * 1000)
    print(f"Saving progress (service), {SAVES} saves, {StepProgress.objects.count()} rows:")
    print(
        f"  new step   p50 {statistics.median(timings):6.2f} ms  p95 "
        f"{percentile(timings, 95):6.2f} ms  max {max(timings):6.2f} ms"
    )
    print(
        f"  repeat     p50 {statistics.median(repeat):6.2f} ms  p95 "
        f"{percentile(repeat, 95):6.2f} ms"
    )
    client = Client()
    http = []
    for _ in range(SAVES // 5):
        person = rng.choice(users)
        client.force_login(person)
        step = rng.choice(steps[20:])
        url = reverse("learning:complete", args=[large.slug, step.pk])
        started = time.perf_counter()
        response = client.post(url, HTTP_ACCEPT="application/json")
        http.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.content
    print(
        f"  via HTTP   p50 {statistics.median(http):6.2f} ms  p95 "
        f"{percentile(http, 95):6.2f} ms  ({len(http)} POSTs with JSON answer, "
        "incl. session and CSRF middleware)"
    )


def main() -> None:
    print(f"database: {connection.vendor} ({settings.DATABASES['default'].get('NAME')})")
    if connection.vendor != "postgresql":
        print("  note: the progress figures are meant for PostgreSQL (set DATABASE_URL)")
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    cleanup()
    try:
        small = make_course("bench-small", 1, 2)
        large = make_course("bench-large", 20, 25)
        viewer = User.objects.create(email="bench-viewer@example.invalid", password="!")
        client = Client()
        client.force_login(viewer)
        for course in (small, large):
            first = Step.objects.filter(module__course=course).order_by("pk")[0]
            services.complete_step(person=viewer, step=first)
        query_counts(client, small, large)
        users = seed_progress(large)
        time_saves(users, large)
    finally:
        cleanup()


if __name__ == "__main__":
    main()
