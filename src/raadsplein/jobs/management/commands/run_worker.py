"""``manage.py run_worker``: the task worker to run in production and in ``make run``.

Same options as django-tasks-db's ``db_worker``, plus ``--lease``. See raadsplein.jobs.worker.
"""

from django.conf import settings
from django.core.management.base import CommandError
from django.utils.autoreload import run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand
from django_tasks_db.management.commands.db_worker import valid_interval

from raadsplein.jobs.worker import Worker


class Command(DBWorkerCommand):
    help = (
        "Run the background worker: heartbeat and lease per worker, takes back tasks of "
        "workers that died, reconnects after a database restart."
    )

    def add_arguments(self, parser) -> None:
        super().add_arguments(parser)
        parser.add_argument(
            "--lease",
            type=valid_interval,
            default=settings.RAADSPLEIN_TASK_LEASE_SECONDS,
            help="Seconds a worker may go unseen before its task is taken back "
            "(default: RAADSPLEIN_TASK_LEASE_SECONDS, %(default)s)",
        )

    def handle(
        self,
        *,
        verbosity,
        queue_name,
        interval,
        batch,
        backend_name,
        startup_delay,
        reload,
        max_tasks,
        worker_id,
        exclude_queues,
        lease,
        **options,
    ) -> None:
        self.configure_logging(verbosity)
        if reload and batch:
            reload = False
        queue_names = queue_name.split(",")
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_names:
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        if lease <= 0:
            raise CommandError("--lease must be more than 0 seconds")
        worker = Worker(
            queue_names=queue_names,
            interval=interval,
            batch=batch,
            backend_name=backend_name,
            startup_delay=startup_delay,
            max_tasks=max_tasks,
            worker_id=worker_id,
            excluded_queue_names=excluded,
            lease_seconds=lease,
        )
        # In reload mode this process either watches files and restarts the worker process
        # (a Ctrl+C reaches both), or is that worker process; either way the handlers are set
        # here, in the main thread.
        worker.configure_signals()
        if reload:
            run_with_reloader(worker.run)
        else:
            worker.run()
