"""Benchmark harness: the same requests timed through HTTP and at the database.

For each URL the harness
1. runs the request once in-process and records the SQL statements (with parameters) the
   view executes (``connection.execute_wrapper``);
2. re-executes exactly those statements on a raw cursor, N times → the database's own time;
3. sends the request N times over real HTTP to a gunicorn server on loopback → the time
   people wait.
It prints median and 95th percentile of both and their ratio (HTTP p95 / DB p95).

Used by the scripts in bench/; run them with the project's venv, e.g.
``.venv/bin/python bench/directory_search.py``.
"""

import os
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(database_url: str):
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    os.environ["DEBUG"] = "false"
    import django

    django.setup()


def percentile(values, p):
    values = sorted(values)
    if not values:
        return float("nan")
    k = (len(values) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


@dataclass
class Timing:
    label: str
    db_ms: list
    http_ms: list
    statements: int

    def row(self):
        db50, db95 = statistics.median(self.db_ms), percentile(self.db_ms, 95)
        h50, h95 = statistics.median(self.http_ms), percentile(self.http_ms, 95)
        ratio = h95 / db95 if db95 else float("inf")
        return (
            f"{self.label[:44]:<44} {self.statements:>3} {db50:7.2f} {db95:7.2f} "
            f"{h50:7.2f} {h95:7.2f} {ratio:6.2f}"
        )


HEADER = (
    f"{'request':<44} {'sql':>3} {'db p50':>7} {'db p95':>7} {'http50':>7} {'http95':>7} "
    f"{'ratio':>6}\n" + "-" * 88
)


def capture_sql(path: str, headers=None):
    """Run the request in-process; return the (sql, params) it executed and the status."""
    from django.db import connection, transaction
    from django.test import Client

    captured = []

    def wrapper(execute, sql, params, many, context):
        captured.append((sql, params, many))
        return execute(sql, params, many, context)

    client = Client(**(headers or {}))
    # Inside a transaction rolled back at the end, so that what the request writes (the
    # audit trail of a read, the session) can be replayed without clashing with itself.
    with transaction.atomic():
        with connection.execute_wrapper(wrapper):
            response = client.get(path)
        transaction.set_rollback(True)
    return captured, response.status_code


def time_sql(statements, repeat: int) -> list:
    from django.db import connection, transaction

    times = []
    with connection.cursor() as cursor:
        for _ in range(repeat):
            start = time.perf_counter()
            with transaction.atomic():  # writes (audit of reads) are undone after each run
                for sql, params, many in statements:
                    if many:
                        cursor.executemany(sql, params)
                    else:
                        cursor.execute(sql, params)
                    if cursor.description is not None:
                        cursor.fetchall()
                transaction.set_rollback(True)
            times.append((time.perf_counter() - start) * 1000)
    return times


def time_http(base: str, path: str, repeat: int, headers=None) -> list:
    times = []
    for _ in range(repeat):
        request = urllib.request.Request(base + path, headers=headers or {})  # noqa: S310
        start = time.perf_counter()
        with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 — loopback
            response.read()
            if response.status != 200:
                raise RuntimeError(f"{path}: HTTP {response.status}")
        times.append((time.perf_counter() - start) * 1000)
    return times


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextmanager
def gunicorn(database_url: str, workers: int = 2):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "false",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
    }
    proc = subprocess.Popen(
        [
            str(ROOT / ".venv/bin/gunicorn"),
            "config.wsgi",
            "-b",
            f"127.0.0.1:{port}",
            "-w",
            str(workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1).read()  # noqa: S310
                break
            except OSError:
                time.sleep(0.1)
        else:
            raise RuntimeError("gunicorn did not start")
        yield base
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.wait(timeout=20)


def measure(
    base: str, requests: list[tuple[str, str]], repeat: int, headers=None, client_headers=None
):
    """requests: (label, path). ``headers`` go with the HTTP requests, ``client_headers``
    (WSGI names, e.g. HTTP_COOKIE) with the in-process one. Returns Timings; warms each path
    first."""
    results = []
    for label, path in requests:
        capture_sql(path, client_headers)  # first run fills per-process caches
        statements, status = capture_sql(path, client_headers)
        if status != 200:
            raise RuntimeError(f"{label}: {path} answered {status} in-process")
        # The database first: the replay writes what the request wrote (e.g. the audit row
        # of a read, numbered from the chain head at capture) and rolls it back, which only
        # works before the HTTP requests move the chain on.
        time_sql(statements, 3)
        db_ms = time_sql(statements, repeat)
        time_http(base, path, 3, headers)  # warm caches of both workers
        results.append(
            Timing(label, db_ms, time_http(base, path, repeat, headers), len(statements))
        )
    return results


def report(title: str, timings: list[Timing], targets: dict):
    print(f"\n{title}\n{HEADER}")
    for t in timings:
        print(t.row())
    all_db = [x for t in timings for x in t.db_ms]
    all_http = [x for t in timings for x in t.http_ms]
    db95, h95 = percentile(all_db, 95), percentile(all_http, 95)
    print("-" * 88)
    print(
        f"{'ALL':<44} {'':>3} {statistics.median(all_db):7.2f} {db95:7.2f} "
        f"{statistics.median(all_http):7.2f} {h95:7.2f} {h95 / db95:6.2f}"
    )
    for name, (value, limit) in targets.items():
        verdict = "OK" if value <= limit else "MISSED"
        print(f"target {name}: {value:.2f} (≤ {limit}) {verdict}")


@contextmanager
def database(postgres: bool, sqlite_name: str, pg_port: str, pg_name: str):
    """The benchmark's database URL: a SQLite file kept in var/bench/ between runs, or a
    throw-away PostgreSQL server on ``pg_port`` (scripts/postgres.sh), stopped afterwards."""
    bench = ROOT / "var" / "bench"
    bench.mkdir(parents=True, exist_ok=True)
    if not postgres:
        yield f"sqlite:///{bench / sqlite_name}"
        return
    env = {**os.environ, "PG_PORT": pg_port, "PG_DIR": str(bench / pg_name)}

    def pg(command, check):
        subprocess.run(
            ["bash", "-c", f"source scripts/postgres.sh && {command}"],
            cwd=ROOT,
            env=env,
            check=check,
        )

    pg("pg_start", True)
    try:
        yield f"postgres://masar@127.0.0.1:{pg_port}/masar"
    finally:
        pg("pg_stop", False)
