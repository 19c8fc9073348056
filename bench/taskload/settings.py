"""Settings of the worker processes that bench/bench_tasks.py starts: the development settings
(DEBUG off by the environment) with the database task backend and a queue of its own, "bench",
so that the bench's workers never run tasks other benchmarks left in the same database."""

from raadsplein.settings.dev import *  # noqa: F403

TASKS = {
    "default": {
        "BACKEND": "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default", "bench"],
    }
}
