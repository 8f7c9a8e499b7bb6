"""Locust users for bench/portal_load.py (not run on its own: the script starts it).

Each user is a visitor on the public portal: the home, a search, a service page, in French
or Arabic, with a think time between pages (MASAR_BENCH_THINK="min,max" seconds; "0,0" is
a closed loop). The pages come from MASAR_BENCH_PAGES (JSON [[name, path], ...])."""

import json
import os
import random

from locust import HttpUser, between, constant, task

PAGES = json.loads(os.environ["MASAR_BENCH_PAGES"])
LOW, HIGH = (float(x) for x in os.environ.get("MASAR_BENCH_THINK", "1,5").split(","))


class Visitor(HttpUser):
    wait_time = between(LOW, HIGH) if HIGH > 0 else constant(0)

    def on_start(self):
        self.client.headers["Accept-Language"] = random.choice(["fr", "ar", "fr", "en"])
        self.client.headers["Accept-Encoding"] = "gzip"

    @task
    def visit(self):
        for name, path in PAGES:
            with self.client.get(
                path, name=name, allow_redirects=False, catch_response=True
            ) as response:
                if response.status_code != 200:
                    response.failure(f"HTTP {response.status_code}")
