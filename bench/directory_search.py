#!/usr/bin/env python
"""Directory search benchmark (issue: service directory).

Generates 20,000 services and 40,000 locations (once; kept in var/bench/), then times a set
of French, Arabic, misspelled and filtered searches through the HSDS API over HTTP (gunicorn,
2 workers, loopback) and at the database (the same SQL statements replayed on a cursor),
and prints median, p95 and their ratio. Targets on the 2-core machine: API p95 < 50 ms, and
the API within 3x of the database's own time.

    .venv/bin/python bench/directory_search.py                 # SQLite
    .venv/bin/python bench/directory_search.py --postgres      # a throw-away PostgreSQL
    .venv/bin/python bench/directory_search.py --services 2000 --repeat 20   # quick look
"""

import argparse
import sys
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

QUERIES = [
    ("fr: santé mentale", {"search": "santé mentale"}),
    ("fr: emploi des jeunes", {"search": "emploi des jeunes"}),
    ("fr: aide juridique gratuite", {"search": "aide juridique gratuite"}),
    ("fr: création d'entreprise", {"search": "création d'entreprise"}),
    ("ar: الصحة النفسية", {"search": "الصحة النفسية"}),
    ("ar: التشغيل", {"search": "التشغيل"}),
    ("ar: المساعدة القانونية", {"search": "المساعدة القانونية"}),
    ("misspelt: santé mantale", {"search": "santé mantale"}),
    ("misspelt: juridiqe", {"search": "juridiqe"}),
    ("misspelt ar: الصحه النفسيه", {"search": "الصحه النفسيه"}),
    ("prefix: form", {"search": "form"}),
]


def filtered_queries():
    from masar.directory.models import TaxonomyTerm

    mental = TaxonomyTerm.objects.get(code="mental-health").pk
    employment = TaxonomyTerm.objects.get(code="employment").pk
    return [
        ("filtered: sfax + mental-health term", {"search": "sfax", "taxonomy_term_id": mental}),
        ("filtered: employment term, no text", {"taxonomy_term_id": employment}),
        ("list: page 50", {"page": 50}),
    ]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--services", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=60)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()

    with harness.database(
        args.postgres, f"directory-{args.services}.sqlite3", "55433", "pg"
    ) as url:
        run(url, args)


def run(url, args):
    harness.setup_django(url)
    from django.core.management import call_command
    from django.db import connection

    from masar.directory.models import Service

    print(f"database: {connection.vendor}  services wanted: {args.services}")
    call_command("migrate", verbosity=0)
    if Service.objects.count() != args.services:
        print("generating the data set…")
        call_command("load_territory", verbosity=0)
        Service.objects.all().delete() if Service.objects.exists() else None
        import directory_data

        directory_data.generate(args.services)
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    else:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    requests = [
        (label, "/api/hsds/services?" + urlencode({**params, "per_page": 20}))
        for label, params in QUERIES + filtered_queries()
    ]
    with harness.gunicorn(url) as base:
        timings = harness.measure(base, requests, args.repeat)
    all_http = [x for t in timings for x in t.http_ms]
    all_db = [x for t in timings for x in t.db_ms]
    h95, db95 = harness.percentile(all_http, 95), harness.percentile(all_db, 95)
    harness.report(
        f"HSDS API search — {args.services} services, {connection.vendor}, "
        f"{args.repeat} runs each (ms)",
        timings,
        {"API p95 ms": (h95, 50), "API p95 / DB p95": (h95 / db95, 3)},
    )


if __name__ == "__main__":
    main()
