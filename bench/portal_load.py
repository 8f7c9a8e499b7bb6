#!/usr/bin/env python
"""Public portal under load (issue 5: information desks and the public portal).

Serves the application as in production (prod settings, DEBUG off, static files collected
and compressed by WhiteNoise, public pages gzipped) with gunicorn on loopback over the demo
database (``manage.py seed_demo``, kept in var/bench/portal-demo.sqlite3), and drives it with
locust: 50 visitors, each reading the portal's home, a search results page and a service
page in turn. Prints per page: throughput, p50, p95, errors, the page weight (HTML gzip and
everything a first visit downloads) and the database's own time for the same SQL (captured
in-process and replayed on a cursor, as in harness.py) with the ratio HTTP p95 / DB p95.
Target on the 2-core machine: p95 < 200 ms with zero errors.

Two load models: by default each visitor thinks 1–5 s between pages (people read a page
before the next: 50 visitors ≈ 15–20 pages/s, the portal's realistic peak); ``--closed-loop``
drops the think time, so 50 requests are always in flight: the throughput ceiling of the
machine, where the latency is mostly queueing.

    .venv/bin/uv sync --frozen --group dev --group bench   # locust
    .venv/bin/python bench/portal_load.py                  # 50 visitors, 60 s
    .venv/bin/python bench/portal_load.py --closed-loop --duration 30
"""

import argparse
import csv
import gzip
import json
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

ROOT = harness.ROOT
SEARCH = "emploi"


def server_env(database_url: str) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "config.settings.prod",
        "SECRET_KEY": "bench-only-" + "x" * 40,
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DEBUG": "false",
    }


def prepare(database_url: str):
    """The demo database and the compressed static files (once, then reused)."""
    env = server_env(database_url)
    manage = [str(ROOT / ".venv/bin/python"), "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "seed_demo", "-v", "0"], cwd=ROOT, env=env, check=True)
    subprocess.run(
        [*manage, "collectstatic", "--noinput", "-v", "0"], cwd=ROOT, env=env, check=True
    )


def start_gunicorn(database_url: str, workers: int):
    port = harness.free_port()
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
        env=server_env(database_url),
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1).read()  # noqa: S310
            return proc, base
        except OSError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("gunicorn did not start")


def fetch(url: str) -> tuple[int, bytes, dict]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": "gzip"})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310 — loopback
        return response.status, response.read(), dict(response.headers)


def page_weight(base: str, path: str) -> tuple[int, int]:
    """(HTML bytes as sent, total bytes of the HTML and its CSS/JS/images as sent)."""
    status, body, headers = fetch(base + path)
    html = gzip.decompress(body) if headers.get("Content-Encoding") == "gzip" else body
    total = len(body)
    assets = re.findall(
        rb'<(?:link[^>]+rel="(?:stylesheet|icon|manifest)"[^>]+href|script[^>]+src|img[^>]+src)="(/[^"]+)"',
        html,
    )
    for asset in dict.fromkeys(a.decode() for a in assets):
        total += len(fetch(base + asset)[1])
    return len(body), total


def database_time(database_url: str, pages, repeat: int) -> dict:
    """{name: (statements, [ms])}: the SQL each page runs, replayed on a cursor."""
    harness.setup_django(database_url)  # development settings: the test client is http
    from django.core.cache import caches

    found = {}
    for name, path in pages:
        harness.capture_sql(path)  # first run fills per-process caches
        caches["public_pages"].clear()  # the SQL of a page rendered afresh
        statements, status = harness.capture_sql(path)
        if status != 200:
            print(f"note: {name} ({path}) answered {status} in-process")
        harness.time_sql(statements, 3)
        found[name] = (len(statements), harness.time_sql(statements, repeat))
    return found


def pick_pages(database_url: str):
    from django.urls import reverse

    harness.setup_django(database_url)
    from masar.directory.models import Service

    service = Service.objects.published().order_by("name").first()
    home = reverse("core:home")
    statements, status = harness.capture_sql(home)
    if status != 200:  # the portal's home is not public in this checkout: its sign-in page
        home = reverse("accounts:login")
        print(f"note: the home page answers {status} to visitors; timing {home} instead")
    return [
        ("home", home),
        ("search", reverse("services:search") + f"?q={SEARCH}"),
        ("service page", reverse("services:detail", args=[service.pk])),
    ]


def run_locust(base: str, pages, args) -> dict:
    think = "0,0" if args.closed_loop else args.think
    with tempfile.TemporaryDirectory() as tmp:
        prefix = str(Path(tmp) / "portal")
        subprocess.run(
            [
                str(ROOT / ".venv/bin/locust"),
                "-f",
                str(ROOT / "bench/portal_locustfile.py"),
                "--headless",
                "--host",
                base,
                "-u",
                str(args.users),
                "-r",
                str(args.spawn_rate),
                "-t",
                f"{args.duration}s",
                "--csv",
                prefix,
                "--only-summary",
                "--loglevel",
                "WARNING",
                "--stop-timeout",
                "5",
            ],
            cwd=ROOT,
            env={**os.environ, "MASAR_BENCH_PAGES": json.dumps(pages), "MASAR_BENCH_THINK": think},
            check=False,
            stdout=subprocess.DEVNULL,
        )
        with open(prefix + "_stats.csv", newline="") as handle:
            return {row["Name"]: row for row in csv.DictReader(handle)}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--duration", type=int, default=60, help="seconds of load")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn sync workers")
    parser.add_argument("--think", default="1,5", help="think time range in seconds")
    parser.add_argument("--closed-loop", action="store_true", help="no think time")
    parser.add_argument("--spawn-rate", type=float, default=10, help="visitors started per s")
    parser.add_argument("--repeat", type=int, default=40, help="database replays per page")
    args = parser.parse_args()

    with harness.database(False, "portal-demo.sqlite3", "", "") as url:
        print("preparing the demo database and the compressed static files…")
        prepare(url)
        pages = pick_pages(url)
        db = database_time(url, pages, args.repeat)
        proc, base = start_gunicorn(url, args.workers)
        try:
            weights = {name: page_weight(base, path) for name, path in pages}
            for _name, path in pages:  # warm every worker
                for _ in range(args.workers * 3):
                    fetch(base + path)
            model = (
                "closed loop (no think time)" if args.closed_loop else f"think time {args.think} s"
            )
            print(
                f"\nlocust: {args.users} visitors (started {args.spawn_rate:g}/s), {model}, "
                f"{args.duration} s; gunicorn {args.workers} sync workers; SQLite demo data; "
                f"load average before: {os.getloadavg()[0]:.1f}"
            )
            stats = run_locust(base, pages, args)
        finally:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=20)
    report(pages, stats, weights, db)


def report(pages, stats, weights, db):
    print(
        f"\n{'page':<14} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'errors':>6} "
        f"{'html KB':>8} {'page KB':>8} {'sql':>4} {'db p50':>7} {'db p95':>7} {'ratio':>6}"
    )
    print("-" * 96)
    worst = 0.0
    errors = 0
    for name, _path in pages:
        row = stats.get(name, {})
        p50, p95 = float(row.get("50%", "nan")), float(row.get("95%", "nan"))
        failures = int(row.get("Failure Count", 0) or 0)
        errors += failures
        worst = max(worst, p95)
        count, ms = db[name]
        d50, d95 = statistics.median(ms), harness.percentile(ms, 95)
        html, total = weights[name]
        print(
            f"{name:<14} {float(row.get('Requests/s', 0)):7.1f} {p50:7.0f} {p95:7.0f} "
            f"{failures:>6} {html / 1024:8.1f} {total / 1024:8.1f} {count:>4} {d50:7.2f} "
            f"{d95:7.2f} {p95 / d95 if d95 else float('inf'):6.1f}"
        )
    total = stats.get("Aggregated", {})
    print("-" * 96)
    print(
        f"{'ALL':<14} {float(total.get('Requests/s', 0)):7.1f} "
        f"{float(total.get('50%', 'nan')):7.0f} {float(total.get('95%', 'nan')):7.0f} "
        f"{int(total.get('Failure Count', 0) or 0):>6}"
    )
    p95_all = float(total.get("95%", "nan"))
    verdict = "OK" if p95_all < 200 and errors == 0 else "MISSED"
    print(f"target p95 < 200 ms, zero errors: p95 {p95_all:.0f} ms, {errors} errors — {verdict}")
    print("(locust rounds percentiles; page KB = HTML + CSS/JS/images it links, compressed)")


if __name__ == "__main__":
    main()
