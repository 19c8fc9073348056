"""Tasks that exist for the tests of the worker only (importable by the worker subprocess)."""

import time
from pathlib import Path

from django_tasks import task

from raadsplein.jobs.models import TaskEffect
from raadsplein.jobs.services import once


@task()
def record(key: str) -> bool:
    """The simplest effect: a record, once."""
    with once(key) as first:
        return first


@task()
def fail_first(key: str, failures: int) -> int:
    """Raises on its first ``failures`` runs (counted in effect rows), then succeeds."""
    runs = TaskEffect.objects.filter(key__startswith=f"{key}:run:").count()
    TaskEffect.objects.create(key=f"{key}:run:{runs + 1}")
    if runs < failures:
        raise RuntimeError(f"failure {runs + 1} of {failures}")
    return runs + 1


@task()
def wait_for_file(key: str, started: str, release: str) -> bool:
    """Says it started (a file), then waits until the release file exists, inside the effect's
    transaction: a worker killed here leaves no record."""
    with once(key) as first:
        Path(started).write_text("started")
        deadline = time.monotonic() + 60
        while not Path(release).exists() and time.monotonic() < deadline:
            time.sleep(0.05)
        return first


@task()
def returns_a_set() -> set:
    return {1, 2}
