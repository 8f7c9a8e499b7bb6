"""``manage.py backup [PATH]``: one consistent copy of the whole database.

- SQLite: ``VACUUM INTO`` (a consistent snapshot even while the site runs, WAL included);
  default ``var/backups/masar-YYYYmmdd-HHMMSS.sqlite3``.
- PostgreSQL: ``pg_dump -Fc`` with the connection settings; default ``….dump``.

The copy is written beside its final name and renamed when complete, readable by its owner
only (it holds personal data). The export is recorded in the audit trail.
"""

import getpass
import os
import shutil
import subprocess  # noqa: S404 — pg_dump/pg_restore, fixed argument lists, no shell
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import DatabaseError, connection
from django.utils import timezone

from masar.audit.actions import record_event
from masar.audit.models import AuditAction


def backup_dir() -> Path:
    return Path(getattr(settings, "VAR_DIR", Path(settings.BASE_DIR) / "var")) / "backups"


def default_path(vendor: str) -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    suffix = ".sqlite3" if vendor == "sqlite" else ".dump"
    return backup_dir() / f"masar-{stamp}{suffix}"


def cli_actor() -> str:
    try:
        who = getpass.getuser()
    except (KeyError, OSError):
        who = "unknown"
    return f"cli:{who}"


def pg_environment(db: dict) -> tuple[list[str], dict]:
    """Connection arguments and environment for pg_dump / pg_restore."""
    args = []
    if db.get("HOST"):
        args += ["-h", str(db["HOST"])]
    if db.get("PORT"):
        args += ["-p", str(db["PORT"])]
    if db.get("USER"):
        args += ["-U", str(db["USER"])]
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return args, env


def pg_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise CommandError(f"{name} is not installed (package postgresql-client).")
    return path


def run_tool(argv: list[str], env: dict) -> None:
    result = subprocess.run(argv, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise CommandError(f"{Path(argv[0]).name} failed: {result.stderr.strip()[:2000]}")


class Command(BaseCommand):
    help = "Write a consistent copy of the database (SQLite VACUUM INTO / pg_dump -Fc)."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", help="file to write (default under var/backups)")

    def handle(self, *args, path=None, **options):
        vendor = connection.vendor
        if vendor not in ("sqlite", "postgresql"):
            raise CommandError(f"Backups of {vendor} databases are not supported.")
        target = Path(path) if path else default_path(vendor)
        if target.exists():
            raise CommandError(f"{target} already exists: choose another file.")
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_name(target.name + ".part")
        partial.unlink(missing_ok=True)
        try:
            if vendor == "sqlite":
                connection.ensure_connection()
                with connection.cursor() as cursor:
                    cursor.execute("VACUUM INTO %s", [str(partial)])
            else:
                db = connection.settings_dict
                args, env = pg_environment(db)
                run_tool(
                    [
                        pg_tool("pg_dump"),
                        "-Fc",
                        "--no-owner",
                        *args,
                        "-f",
                        str(partial),
                        db["NAME"],
                    ],
                    env,
                )
            partial.chmod(0o600)
            os.replace(partial, target)
        except CommandError:
            partial.unlink(missing_ok=True)
            raise
        except (DatabaseError, OSError) as exc:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Backup failed: {exc}") from exc
        size = target.stat().st_size
        record_event(
            actor=None,
            actor_username=cli_actor(),
            action=AuditAction.EXPORT,
            object_type="core.database",
            summary=f"database backup {target.name}",
            changes={"path": str(target.resolve()), "bytes": size, "vendor": vendor},
        )
        self.stdout.write(self.style.SUCCESS(f"Backup written to {target} ({size:,} bytes)."))
