"""The bench's tasks: as small as a real task can be, and idempotent the way real tasks are
(their effect is a ``jobs.TaskEffect`` row written through ``jobs.services.once``)."""

import os
import time
from pathlib import Path

from django_tasks import task

from raadsplein.jobs.services import once


@task(queue_name="bench")
def touch(key: str) -> bool:
    """Record the effect ``key`` once; the unit of load of the throughput runs."""
    with once(key) as first:
        return first


@task(queue_name="bench")
def hold(key: str, log: str, seconds: float) -> bool:
    """Append this worker's pid to ``log``, then take ``seconds`` inside the effect's
    transaction: a worker killed meanwhile leaves no record, and the next run makes it."""
    with once(key) as first:
        with Path(log).open("a") as f:
            f.write(f"{os.getpid()}\n")
        time.sleep(seconds)
        return first
