import json

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook

from masar.directory.models import Service

from .exchange_helpers import build_directory, empty_directory, table_counts

# These tests read messages: they run in English (French stays the default elsewhere).
pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture
def directory(persona):
    return build_directory(verifier=persona("admin"))


def test_commands_export_then_import_dry_run_then_apply(directory, tmp_path, capsys):
    target = tmp_path / "directory.json"
    call_command("export_directory", "--format", "hsds-json", "-o", str(target))
    assert len(json.loads(target.read_text())) == 3
    empty_directory()
    before = table_counts()

    call_command("import_directory", str(target), "--user", "admin")
    out = capsys.readouterr().out
    assert "Dry run" in out
    assert out.count("created") >= 3
    assert table_counts()["Service"] == before["Service"] == 0

    call_command("import_directory", str(target), "--apply", "--user", "admin")
    assert Service.objects.count() == 3
    call_command("import_directory", str(target), "--apply", "--user", "admin")
    assert "unchanged: 3" in capsys.readouterr().out


def test_commands_import_refused_file_fails_and_writes_nothing(db, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    with pytest.raises(CommandError):
        call_command("import_directory", str(bad), "--apply")


def test_commands_import_as_a_partner_cannot_touch_other_organisations(
    directory, persona, tmp_path, capsys
):
    target = tmp_path / "directory.json"
    call_command("export_directory", "-o", str(target))
    document = json.loads(target.read_text())
    document[0]["x_masar_translations"]["name"]["fr"] = "Renamed"
    target.write_text(json.dumps(document))
    persona("aneti.sfax")
    with pytest.raises(CommandError):
        call_command("import_directory", str(target), "--apply", "--user", "aneti.sfax")
    assert "refused" in capsys.readouterr().out
    assert not Service.objects.filter(name_fr="Renamed").exists()


def test_commands_export_xlsx(directory, tmp_path):
    target = tmp_path / "directory.xlsx"
    call_command("export_directory", "--format", "xlsx", "--scope", "published", "-o", str(target))
    assert load_workbook(target).active.max_row == 1 + 2  # the verified service, two places
