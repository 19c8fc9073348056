"""Benchmark: the task worker. Our ``run_worker`` (lease, heartbeat, reaper, reconnect) against
django-tasks-db's plain ``db_worker``, under the same load, on the database of DATABASE_URL.

For each worker command, with 1 and with 2 worker processes (started by this script, on
loopback only): a burst of BENCH_TASKS (500) small tasks enqueued as fast as one process can
(tasks/s from the first enqueue to the last finish, and enqueue-to-finish latency), then a paced
load of 20 tasks/s (latency when the queue is nearly empty: the polling interval shows). Then
recovery, with 2 workers and a lease of BENCH_LEASE (5) seconds:

- SIGKILL of the worker that is in the middle of a task (which takes 1 s): the time until the
  other worker has started it again, and until it is done;
- PostgreSQL only: ``pg_terminate_backend`` on every connection to the database (except this
  script's own) while 400 tasks run: the time until a task started after the cut is done.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rp_tasks .venv/bin/python bench/bench_tasks.py
    DATABASE_URL=sqlite:////tmp/rp_tasks.sqlite3 .venv/bin/python bench/bench_tasks.py

The workers use the settings ``taskload.settings`` (bench/taskload/) and the queue "bench"; the
bench's rows are deleted before and after, the rest of the database is left alone. Options
(environment): BENCH_TASKS (500: about 30 tasks/s per worker on a busy 2-core machine; 2,000
on a quiet one), BENCH_LEASE (5), BENCH_INTERVAL (the workers' --interval; 1 s, as deployed).
Every wait is bounded; a run takes 2–3 minutes after the first migrate of a new database.
"""

import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
sys.path[:0] = [str(ROOT / "src"), str(BENCH)]
os.environ["DJANGO_SETTINGS_MODULE"] = "taskload.settings"
os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("EMAIL_URL", "dummymail://")

TASKS = int(os.environ.get("BENCH_TASKS", "500"))
LEASE = float(os.environ.get("BENCH_LEASE", "5"))
INTERVAL = os.environ.get("BENCH_INTERVAL", "1")
PACED = 100  # tasks
PACED_RATE = 20.0  # tasks/s
CUT_TASKS = 400
HOLD_SECONDS = 1.0
WAIT = 60.0  # no single wait is longer


def setup_django():
    if not os.environ.get("DATABASE_URL"):
        sys.exit("Set DATABASE_URL (postgres://… or sqlite:///…).")
    import django
    import ensure_database

    ensure_database.main()
    django.setup()
    from django.core.management import call_command

    t0 = time.perf_counter()
    call_command("migrate", verbosity=0)
    return time.perf_counter() - t0


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def wait_until(predicate, timeout=WAIT, every=0.05):
    """Poll ``predicate`` until it is true (returns True) or ``timeout`` passes (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(every)
    return False


def results():
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(queue_name="bench")


def clean():
    from raadsplein.jobs.models import TaskEffect, WorkerHeartbeat

    results().delete()
    TaskEffect.objects.filter(key__startswith="bench:").delete()
    WorkerHeartbeat.objects.filter(worker_id__startswith="bench-").delete()


class Workers:
    """N worker processes of one command; stopped (SIGTERM, then SIGKILL) on exit."""

    def __init__(self, command, n, logdir):
        self.command, self.n, self.logdir = command, n, Path(logdir)
        self.procs: dict[str, subprocess.Popen] = {}

    def __enter__(self):
        for i in range(1, self.n + 1):
            self.start(f"bench-{self.command}-{i}")
        self.warm_up()
        return self

    def start(self, worker_id):
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(BENCH)]),
            "DJANGO_SETTINGS_MODULE": "taskload.settings",
        }
        args = [
            sys.executable,
            str(ROOT / "manage.py"),
            self.command,
            "--queue-name",
            "bench",
            "--interval",
            INTERVAL,
            "--no-startup-delay",
            "--worker-id",
            worker_id,
        ]
        if self.command == "run_worker":
            args += ["--lease", str(LEASE)]
        log = (self.logdir / f"{worker_id}.log").open("a")
        self.procs[worker_id] = subprocess.Popen(  # noqa: S603 - our manage.py, fixed args
            args, env=env, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT
        )

    def restart_dead(self):
        dead = [w for w, p in self.procs.items() if p.poll() is not None]
        for worker_id in dead:
            self.start(worker_id)
        if dead:
            self.warm_up()

    def warm_up(self):
        """Run tasks until every worker has done one: it is up, imported and connected."""
        from django_tasks_db.compat import TaskResultStatus
        from taskload.tasks import touch

        seen: set[str] = set()
        deadline = time.monotonic() + WAIT
        round_ = 0
        while seen != set(self.procs) and time.monotonic() < deadline:
            round_ += 1
            ids = [touch.enqueue(f"bench:warm:{round_}:{i}").id for i in range(self.n)]
            wait_until(
                lambda ids=ids: (
                    results().filter(pk__in=ids, status=TaskResultStatus.SUCCESSFUL).count()
                    == len(ids)
                ),
                timeout=20,
            )
            for worker_ids in results().filter(pk__in=ids).values_list("worker_ids", flat=True):
                seen.update(worker_ids)
            self.check_alive()
        if seen != set(self.procs):
            raise RuntimeError(f"workers not all up: {sorted(seen)}; logs in {self.logdir}")

    def check_alive(self):
        dead = {w: p.returncode for w, p in self.procs.items() if p.poll() is not None}
        if dead:
            raise RuntimeError(f"worker(s) exited: {dead}; logs in {self.logdir}")

    def alive(self):
        return sum(p.poll() is None for p in self.procs.values())

    def __exit__(self, *exc):
        for p in self.procs.values():
            if p.poll() is None:
                p.send_signal(signal.SIGTERM)
        for p in self.procs.values():
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


def wait_for_progress(qs, n, stall=10.0):
    """Wait until ``n`` tasks of ``qs`` have finished (either way), or none did for ``stall`` s."""
    from django_tasks_db.compat import TaskResultStatus

    finished = [TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED]
    done, last_change = -1, time.monotonic()
    while time.monotonic() - last_change < stall:
        now_done = qs.filter(status__in=finished).count()
        if now_done == n:
            return True
        if now_done != done:
            done, last_change = now_done, time.monotonic()
        time.sleep(0.1)
    return False


def latencies(qs):
    rows = qs.values_list("enqueued_at", "started_at", "finished_at")
    return [(f - e).total_seconds() for e, s, f in rows if f is not None]


def burst(n):
    """Enqueue ``n`` tasks as fast as possible; wait until all are done."""
    from taskload.tasks import touch

    from raadsplein.jobs.models import TaskEffect

    ids = [touch.enqueue(f"bench:burst:{i}").id for i in range(n)]
    qs = results().filter(pk__in=ids)
    done = wait_for_progress(qs, n)
    agg = [r for r in qs.values_list("enqueued_at", "finished_at") if r[1] is not None]
    first_enqueued = min(e for e, _ in agg)
    last_finished = max(f for _, f in agg)
    wall = (last_finished - first_enqueued).total_seconds()
    lat = latencies(qs)
    effects = TaskEffect.objects.filter(key__startswith="bench:burst:").count()
    assert done and effects == n, f"burst: {len(agg)} of {n} finished, {effects} effects"
    return {"rate": n / wall, "wall": wall, "p50": pct(lat, 50), "p95": pct(lat, 95)}


def paced(n, rate):
    """Enqueue ``n`` tasks at ``rate`` per second; latency with an almost empty queue."""
    from django_tasks_db.compat import TaskResultStatus
    from taskload.tasks import touch

    ids = []
    start = time.monotonic()
    for i in range(n):
        time.sleep(max(0.0, start + i / rate - time.monotonic()))
        ids.append(touch.enqueue(f"bench:paced:{i}").id)
    qs = results().filter(pk__in=ids)
    done = wait_until(lambda: qs.filter(status=TaskResultStatus.SUCCESSFUL).count() == n)
    lat = latencies(qs)
    assert done, f"paced: {len(lat)} of {n} finished"
    return {"p50": pct(lat, 50), "p95": pct(lat, 95)}


def terminate_all(workers):
    """Cut every other connection to the database while CUT_TASKS tasks run; returns the seconds
    until a task started after the cut is done (None if none in WAIT s) and what became of the
    tasks and workers."""
    from django.db import connection
    from django.utils import timezone
    from django_tasks_db.compat import TaskResultStatus
    from taskload.tasks import touch

    ids = [touch.enqueue(f"bench:cut:{i}").id for i in range(CUT_TASKS)]
    qs = results().filter(pk__in=ids)
    wait_until(lambda: qs.filter(status=TaskResultStatus.SUCCESSFUL).count() >= CUT_TASKS // 4)
    cut_at = timezone.now()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
            "WHERE pid <> pg_backend_pid() AND datname = current_database()"
        )
        (terminated,) = cursor.fetchone()
    after = qs.filter(status=TaskResultStatus.SUCCESSFUL, started_at__gt=cut_at)
    resumed = wait_until(lambda: after.exists() or not workers.alive(), every=0.02)
    resume = None
    if resumed and after.exists():
        resume = (min(after.values_list("finished_at", flat=True)) - cut_at).total_seconds()
    # A task RUNNING at the cut goes back to the queue at the reaper's next pass (own id: at
    # once). Wait for all, but give up after 10 s without progress (a task left RUNNING).
    wait_for_progress(qs, CUT_TASKS)
    counts = {s: qs.filter(status=s).count() for s in TaskResultStatus.values}
    return {
        "terminated": terminated,
        "resume": resume,
        "counts": {k: v for k, v in counts.items() if v},
        "alive": workers.alive(),
    }


def sigkill_mid_task(workers, logdir):
    """SIGKILL the worker running a 1-second task; seconds until another worker starts it
    again and until it is done (None when that did not happen within 2 leases)."""
    from django_tasks_db.compat import TaskResultStatus
    from taskload.tasks import hold

    log = Path(logdir) / f"hold-{workers.command}.pids"
    result = hold.enqueue("bench:hold", str(log), HOLD_SECONDS)
    assert wait_until(lambda: log.exists() and log.read_text().strip()), "hold task did not start"
    pid = int(log.read_text().split()[0])
    victim = next(p for p in workers.procs.values() if p.pid == pid)
    victim.send_signal(signal.SIGKILL)
    killed = time.monotonic()
    victim.wait(timeout=10)
    limit = 2 * LEASE
    restarted = wait_until(lambda: len(log.read_text().split()) > 1, timeout=limit)
    restart = time.monotonic() - killed if restarted else None
    row = results().filter(pk=result.id)
    done = restarted and wait_until(
        lambda: row.filter(status=TaskResultStatus.SUCCESSFUL).exists(), timeout=limit
    )
    return {
        "restart": restart,
        "done": time.monotonic() - killed if done else None,
        "status": row.values_list("status", flat=True).get(),
        "pids": log.read_text().split(),
    }


def fmt_s(value, none="—"):
    return none if value is None else f"{value:.2f} s"


def main():
    migrate_s = setup_django()
    from django.db import connection

    vendor = connection.vendor
    print(
        f"database: {vendor} {connection.Database.__name__}; migrate {migrate_s:.1f} s; "
        f"{TASKS} tasks, lease {LEASE:g} s, interval {INTERVAL} s, {os.cpu_count()} CPUs; "
        f"load (1-min avg) {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    clean()
    bench_start = time.monotonic()
    table = []
    recovery = []
    with tempfile.TemporaryDirectory(prefix="bench_tasks_") as logdir:
        for command in ("run_worker", "db_worker"):
            for n in (1, 2):
                t0 = time.monotonic()
                with Workers(command, n, logdir) as workers:
                    b = burst(TASKS)
                    p = paced(PACED, PACED_RATE)
                    workers.check_alive()
                    row = {"command": command, "n": n, **{f"b_{k}": v for k, v in b.items()}}
                    row.update({f"p_{k}": v for k, v in p.items()})
                    table.append(row)
                    if n == 2:
                        rec = {"command": command}
                        if vendor == "postgresql":
                            rec["cut"] = terminate_all(workers)
                            workers.restart_dead()
                        rec["kill"] = sigkill_mid_task(workers, logdir)
                        recovery.append(rec)
                clean()
                print(
                    f"  {command} ×{n}: {b['rate']:.0f} tasks/s "
                    f"({time.monotonic() - t0:.0f} s for this step)",
                    flush=True,
                )
    total = time.monotonic() - bench_start

    print()
    print(f"Throughput and latency ({TASKS} tasks in a burst; {PACED} at {PACED_RATE:g}/s paced)")
    print(
        "| worker     | procs | tasks/s | burst p50 | burst p95 | paced p50 | paced p95 |\n"
        "|------------|------:|--------:|----------:|----------:|----------:|----------:|"
    )
    for r in table:
        print(
            f"| {r['command']:10s} | {r['n']:5d} | {r['b_rate']:7.0f} | {r['b_p50']:7.2f} s "
            f"| {r['b_p95']:7.2f} s | {r['p_p50']:7.2f} s | {r['p_p95']:7.2f} s |"
        )
    print()
    print(f"Recovery, 2 workers, lease {LEASE:g} s ({HOLD_SECONDS:g}-second task)")
    print(
        "| worker     | SIGKILL → restarted | SIGKILL → done | pg_terminate → resumed "
        "| tasks after the cut | workers alive |\n"
        "|------------|--------------------:|---------------:|-----------------------:"
        "|---------------------|--------------:|"
    )
    for r in recovery:
        k = r["kill"]
        never = f"never in {2 * LEASE:g} s ({k['status']})"
        cut = r.get("cut")
        if cut:
            cut_cols = (
                f"{fmt_s(cut['resume'], f'never in {WAIT:g} s')} | "
                f"{', '.join(f'{v} {s.lower()}' for s, v in cut['counts'].items())} | "
                f"{cut['alive']} of 2"
            )
        else:
            cut_cols = "n/a (SQLite) | | "
        print(
            f"| {r['command']:10s} | {fmt_s(k['restart'], never):>19s} | "
            f"{fmt_s(k['done'], '—'):>14s} | {cut_cols} |"
        )
    print(f"\nmeasured in {total:.0f} s; load (1-min avg) now {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
