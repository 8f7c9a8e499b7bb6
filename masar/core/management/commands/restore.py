"""``manage.py restore PATH``: bring back a copy written by ``manage.py backup``.

Stop the application first: the restore replaces the whole database.

- SQLite: the copy is checked (``PRAGMA quick_check``, Masar's tables present), copied beside
  the database file, the ``-wal`` / ``-shm`` files are removed and the copy is renamed over
  the database in one atomic step.
- PostgreSQL: ``pg_restore --clean --if-exists`` into the configured database.

The restore is recorded in the audit trail of the restored database.
"""

import os
import shutil
import sqlite3
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, connections

from masar.audit.actions import record_event
from masar.audit.models import AuditAction

from .backup import cli_actor, pg_environment, pg_tool, run_tool

SQLITE_HEADER = b"SQLite format 3\x00"


def check_sqlite_copy(path: Path) -> None:
    with path.open("rb") as handle:
        if handle.read(16) != SQLITE_HEADER:
            raise CommandError(f"{path} is not a SQLite database.")
    try:
        copy = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            status = copy.execute("PRAGMA quick_check").fetchone()[0]
            tables = {row[0] for row in copy.execute("SELECT name FROM sqlite_master")}
        finally:
            copy.close()
    except sqlite3.Error as exc:
        raise CommandError(f"{path} cannot be read: {exc}") from exc
    if status != "ok":
        raise CommandError(f"{path} is damaged: {status}")
    if not {"django_migrations", "audit_auditevent", "accounts_user"} <= tables:
        raise CommandError(f"{path} is not a Masar database.")


def restore_sqlite(source: Path, database: Path) -> None:
    if str(database) in ("", ":memory:") or "mode=memory" in str(database):
        raise CommandError("The database is in memory: there is no file to restore.")
    check_sqlite_copy(source)
    connections.close_all()
    staging = database.with_name(database.name + ".restore")
    shutil.copyfile(source, staging)
    os.chmod(staging, 0o600)
    for suffix in ("-wal", "-shm", "-journal"):
        Path(f"{database}{suffix}").unlink(missing_ok=True)
    os.replace(staging, database)


def restore_postgresql(source: Path) -> None:
    db = connection.settings_dict
    connections.close_all()
    args, env = pg_environment(db)
    run_tool(
        [
            pg_tool("pg_restore"),
            "--clean",
            "--if-exists",
            "--no-owner",
            "--single-transaction",
            *args,
            "-d",
            db["NAME"],
            str(source),
        ],
        env,
    )


class Command(BaseCommand):
    help = "Replace the database by a copy written by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the backup file")
        parser.add_argument(
            "--noinput",
            "--no-input",
            action="store_false",
            dest="interactive",
            help="do not ask for confirmation",
        )

    def handle(self, *args, path, interactive=True, **options):
        source = Path(path)
        if not source.is_file():
            raise CommandError(f"{source} does not exist.")
        vendor = connection.vendor
        target = connection.settings_dict["NAME"]
        if interactive:
            answer = input(
                f"This replaces the whole database {target} by {source}. Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled; nothing was changed.")
        if vendor == "sqlite":
            restore_sqlite(source, Path(str(target)))
        elif vendor == "postgresql":
            restore_postgresql(source)
        else:
            raise CommandError(f"Restoring {vendor} databases is not supported.")
        record_event(
            actor=None,
            actor_username=cli_actor(),
            action=AuditAction.RESTORE,
            object_type="core.database",
            summary=f"database restored from {source.name}",
            changes={"path": str(source.resolve())},
        )
        self.stdout.write(self.style.SUCCESS(f"Database restored from {source}."))
