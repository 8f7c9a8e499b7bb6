"""Catalogues are complete (no untranslated or fuzzy entry) and in step with the code."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGS = ["fr", "ar", "en"]


def entries(po: Path, *flags) -> int:
    out = subprocess.run(
        ["msgattrib", *flags, str(po)], capture_output=True, text=True, check=True
    ).stdout
    return sum(1 for line in out.splitlines() if line.startswith("msgid ")) - (
        1 if 'msgid ""' in out else 0
    )


def msgids(po: Path) -> set[str]:
    out = subprocess.run(
        ["msgcat", "--no-wrap", "--no-location", "--sort-output", str(po)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ids, current = set(), None
    for line in out.splitlines():
        if line.startswith(("msgid ", "msgctxt ")):
            current = line
            if line.startswith("msgid "):
                ids.add(current)
    return ids


@pytest.mark.parametrize("lang", LANGS)
def test_catalogue_has_no_untranslated_or_fuzzy_entry(lang):
    po = ROOT / "locale" / lang / "LC_MESSAGES" / "django.po"
    assert po.exists(), f"missing catalogue {po}"
    assert entries(po, "--untranslated") == 0, f"{lang}: untranslated entries"
    assert entries(po, "--only-fuzzy") == 0, f"{lang}: fuzzy entries"


def test_catalogues_match_the_code(tmp_path):
    """Running makemessages would not change the set of messages (no drift)."""
    for name in ("masar", "config", "locale", "manage.py"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, tmp_path / name, ignore=shutil.ignore_patterns("*.mo"))
        else:
            shutil.copy(src, tmp_path / name)
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "makemessages",
            "-l",
            "fr",
            "--no-location",
            "--no-obsolete",
            "-v",
            "0",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        env={
            "PATH": "/usr/bin:/bin",
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "MASAR_SHARED_DIR": str(settings.MASAR_SHARED_DIR),
        },
    )
    fresh = msgids(tmp_path / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    committed = msgids(ROOT / "locale" / "fr" / "LC_MESSAGES" / "django.po")
    assert fresh - committed == set(), (
        "strings in the code missing from the catalogue: run scripts/messages.sh"
    )
    assert committed - fresh == set(), "stale strings in the catalogue: run scripts/messages.sh"
