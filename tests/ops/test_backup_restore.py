"""Backup and restore: a copy brings back exactly what it held.

SQLite: the test database lives in memory, so the commands run in subprocesses against a
file database (the settings of ``make run``). PostgreSQL: in-process against the test
database, when the suite runs on PostgreSQL."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection

from masar.accounts.actions import create_user
from masar.accounts.models import User
from masar.audit.models import AuditAction, AuditEvent
from tests.factories import InstitutionFactory

BASE_DIR = Path(settings.BASE_DIR)
ORIGINAL = "Original-pass-2026"
SETUP = f"""
from masar.accounts.actions import create_institution, create_user
inst = create_institution(actor=None, code="ote-sfax", name_fr="Antenne de Sfax", kind="ote_antenna")
create_user(actor=None, institution=inst, username="nadia", password="{ORIGINAL}", validate=False)
create_user(actor=None, institution=inst, username="temp", password="{ORIGINAL}", validate=False)
"""
DAMAGE = """
from masar.accounts.models import User
nadia = User.objects.get(username="nadia")
nadia.set_password("changed-after-backup")
nadia.save()
User.objects.get(username="temp").delete()
"""
CHECK = f"""
from masar.accounts.models import User
print("original-ok", User.objects.get(username="nadia").check_password("{ORIGINAL}"))
print("temp-back", User.objects.filter(username="temp").exists())
"""


def _run(db_path, *args):
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db_path}",
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DEBUG": "false",
    }
    skip = [] if args[0] == "shell" else ["--skip-checks"]
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args, *skip],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _manage(db_path, *args):
    result = _run(db_path, *args)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite file backup")
def test_backup_restore_sqlite_brings_back_the_original_password(tmp_path):
    db = tmp_path / "masar.sqlite3"
    copy = tmp_path / "backups" / "copy.sqlite3"
    _manage(db, "migrate", "--noinput", "-v", "0")
    _manage(db, "shell", "-c", SETUP)
    out = _manage(db, "backup", str(copy))
    assert "Backup written" in out and copy.is_file()
    assert (copy.stat().st_mode & 0o777) == 0o600
    _manage(db, "shell", "-c", DAMAGE)
    assert "original-ok False" in _manage(db, "shell", "-c", CHECK)
    _manage(db, "restore", str(copy), "--noinput")
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    out = _manage(db, "shell", "-c", CHECK)
    assert "original-ok True" in out and "temp-back True" in out
    assert "OK:" in _manage(db, "verify_audit")
    # A backup never overwrites an existing file.
    result = _run(db, "backup", str(copy))
    assert result.returncode != 0 and "already exists" in result.stderr


@pytest.mark.django_db
def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    from django.core.management import CommandError

    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_bytes(b"not a database at all")
    with pytest.raises(CommandError):
        call_command("restore", str(bogus), "--noinput")
    with pytest.raises(CommandError, match="does not exist"):
        call_command("restore", str(tmp_path / "missing.dump"), "--noinput")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL pg_dump backup")
@pytest.mark.django_db(transaction=True)
def test_backup_restore_postgresql_brings_back_the_original_password(tmp_path):
    institution = InstitutionFactory(code="ote-sfax")
    nadia = create_user(
        actor=None, institution=institution, username="nadia", password=ORIGINAL, validate=False
    )
    create_user(
        actor=None, institution=institution, username="temp", password=ORIGINAL, validate=False
    )
    copy = tmp_path / "copy.dump"
    call_command("backup", str(copy))
    assert copy.is_file()
    assert AuditEvent.objects.filter(
        action=AuditAction.EXPORT, object_type="core.database"
    ).exists()
    nadia.set_password("changed-after-backup")
    nadia.save()
    User.objects.filter(username="temp").delete()
    call_command("restore", str(copy), "--noinput")
    assert User.objects.get(username="nadia").check_password(ORIGINAL)
    assert User.objects.filter(username="temp").exists()
    call_command("verify_audit")
