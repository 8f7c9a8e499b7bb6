"""``manage.py import_directory FILE [--apply] [--format json|csv-zip|xlsx] [--user NAME]``

Dry run unless ``--apply``; prints one line per row (created, updated, unchanged, refused and
why). Without ``--user`` the import runs as the system: audited without a person, and it
never verifies services (``assured_date`` is then ignored: verification is a human act).
Exits with status 1 when the file, or (all or nothing) any row, is refused.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from masar.directory.exchange import importer
from masar.directory.exchange.safety import COMMAND_LIMITS


class Command(BaseCommand):
    help = "Import services (HSDS 3 JSON, HSDS tabular zip of CSV, survey XLSX): dry run first."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--apply", action="store_true", help="Write the changes.")
        parser.add_argument("--format", choices=importer.FORMATS, default=None)
        parser.add_argument("--user", default=None, help="Username of the importing person.")
        parser.add_argument("--language", choices=("fr", "ar", "en"), default="fr")
        parser.add_argument(
            "--partial",
            action="store_true",
            help="Import the accepted rows even if some are refused (default: all or nothing).",
        )

    def handle(self, *args, **options):
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        if path.stat().st_size > COMMAND_LIMITS.max_bytes:
            raise CommandError("The file is too large.")
        actor = None
        if options["user"]:
            try:
                actor = get_user_model().objects.get(username=options["user"], is_active=True)
            except get_user_model().DoesNotExist as exc:
                raise CommandError(f"No active user {options['user']!r}") from exc
        data = path.read_bytes()
        fmt = options["format"] or importer.detect_format(path.name, data)
        report = importer.import_directory(
            actor=actor,
            data=data,
            fmt=fmt,
            lang=options["language"],
            dry_run=not options["apply"],
            all_or_nothing=not options["partial"],
            limits=COMMAND_LIMITS,
        )
        self.stdout.write(report.as_text())
        if report.applied:
            self.stdout.write(self.style.SUCCESS("Applied."))
        elif report.dry_run and report.ok:
            self.stdout.write("Dry run: nothing was written. Add --apply to import.")
        if not report.ok:
            raise CommandError("Nothing was imported.")
