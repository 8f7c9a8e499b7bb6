"""``manage.py load_territory``: governorates, delegations, municipalities and localities
from the reference files in ``settings.MASAR_GEO_DIR`` (never copied into the repository)."""

import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from masar.geo.actions import load_territory
from masar.geo.sources import TerritoryError


class Command(BaseCommand):
    help = "Load the Tunisian territory (idempotent) from MASAR_GEO_DIR."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            dest="geo_dir",
            default=None,
            help="folder holding the reference files (default: settings.MASAR_GEO_DIR)",
        )

    def handle(self, *args, geo_dir=None, **options):
        started = time.monotonic()
        folder = Path(geo_dir or settings.MASAR_GEO_DIR)
        try:
            report = load_territory(actor=None, geo_dir=folder)
        except TerritoryError as exc:
            raise CommandError(f"{exc} — nothing was written.") from exc
        for name, counts in report.counts.items():
            self.stdout.write(f"{name}: {counts}")
        if report.duplicate_localities:
            self.stdout.write(
                f"localities: {report.duplicate_localities} duplicate rows of the file skipped"
            )
        elapsed = time.monotonic() - started
        self.stdout.write(self.style.SUCCESS(f"Territory loaded from {folder} in {elapsed:.1f} s."))
