#!/usr/bin/env python
"""Case list and case page benchmark (issue: reintegration cases).

Generates 1,000,000 beneficiaries, 1,000,000 cases and 5,000,000 timeline events over nine
antennas (once; kept in var/bench/), signs a counsellor in through the real login and
two-factor forms over HTTP, then times the counsellor's case list (filtered by status,
searched by name or card number, paginated) and case pages through HTTP (gunicorn, 2
workers, loopback) and at the database (the same SQL replayed on a cursor), and prints
median, p95 and their ratio. Target: p95 under 100 ms on SQLite and PostgreSQL.

    .venv/bin/python bench/cases.py                      # SQLite, 1,000,000 people
    .venv/bin/python bench/cases.py --postgres
    .venv/bin/python bench/cases.py --people 50000 --repeat 20   # quick look
"""

import argparse
import http.cookiejar
import re
import sys
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import harness  # noqa: E402

PG_PORT = "55434"


def login(base: str, username: str, password: str, device) -> str:
    """Sign in through the login and TOTP forms; return the session cookie header."""
    from django_otp.oath import totp

    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def post(path, data):
        page = opener.open(base + path).read().decode()
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(base + path, data=body, headers={"Referer": base + path})  # noqa: S310
        return opener.open(request)

    post("/accounts/login/", {"username": username, "password": password})
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    post("/accounts/otp/verify/", {"otp_token": f"{code:06d}"})
    cookies = "; ".join(f"{c.name}={c.value}" for c in jar)
    if "sessionid" not in cookies:
        raise RuntimeError("login failed")
    return cookies


def requests_for(antenna, user):
    from masar.cases.models import Beneficiary, Case

    mine = Case.objects.filter(antenna=antenna)
    some = list(mine.order_by("pk").values_list("pk", flat=True)[:: max(1, mine.count() // 5)][:5])
    person = Beneficiary.objects.filter(cases__antenna=antenna).order_by("pk")[1234]
    q = urllib.parse.urlencode
    paths = [
        ("list: first page", "/cases/"),
        ("list: status=support", "/cases/?" + q({"status": "support"})),
        ("list: status=plan, page 40", "/cases/?" + q({"status": "plan", "page": 40})),
        ("list: search last name", "/cases/?" + q({"q": person.last_name})),
        ("list: search first+last", "/cases/?" + q({"q": person.full_name})),
        ("list: search arabic name", "/cases/?" + q({"q": person.last_name_ar})),
        ("list: search CIN", "/cases/?" + q({"q": person.cin})),
        ("list: status + name", "/cases/?" + q({"status": "follow_up", "q": person.last_name})),
    ]
    paths += [(f"case page {i + 1}", f"/cases/{pk}/") for i, pk in enumerate(some)]
    return paths


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()

    with harness.database(
        args.postgres, f"cases-{args.people}.sqlite3", PG_PORT, "pg-cases"
    ) as url:
        run(url, args)


def run(url, args):
    harness.setup_django(url)
    import cases_data
    from django.core.management import call_command
    from django.db import connection
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from masar.cases.models import Beneficiary

    print(f"database: {connection.vendor}  people wanted: {args.people:,}")
    call_command("migrate", verbosity=0)
    if Beneficiary.objects.count() != args.people:
        print("generating the data set…")
        cases_data.generate(args.people)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # the planner's statistics, as a maintained database has
    antennas, counsellors = cases_data.setup_people()
    antenna = antennas[1]
    user = counsellors[antenna.code]
    # A fresh device each run: a TOTP code is accepted once per 30-second step.
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="bench", confirmed=True)
    paths = requests_for(antenna, user)
    with harness.gunicorn(url) as base:
        cookie = login(base, user.username, cases_data.PASSWORD, device)
        headers = {"Cookie": cookie}
        timings = harness.measure(
            base, paths, args.repeat, headers=headers, client_headers={"HTTP_COOKIE": cookie}
        )
    h95 = harness.percentile([x for t in timings for x in t.http_ms], 95)
    harness.report(
        f"Counsellor's case list and case pages — {args.people:,} people / cases, "
        f"{args.people * cases_data.EVENTS_PER_CASE:,} events, {connection.vendor}, "
        f"{args.repeat} runs each (ms)",
        timings,
        {"HTTP p95 ms": (h95, 100)},
    )


if __name__ == "__main__":
    main()
