"""A missing or malformed file stops the load with a clear message and writes nothing."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from masar.audit.models import AuditEvent
from masar.geo.models import Delegation, Governorate, Locality
from masar.geo.sources import BOUNDARIES_FILE, DELEGATIONS_FILE, LOCALITIES_FILE

pytestmark = pytest.mark.django_db
FILES = (DELEGATIONS_FILE, LOCALITIES_FILE, BOUNDARIES_FILE)


def _folder(tmp_path, replace=None) -> Path:
    """The reference files linked into a temporary folder, one of them replaced."""
    replace = replace or {}
    for name in FILES:
        target = tmp_path / name
        if name in replace:
            if replace[name] is not None:
                target.write_text(replace[name], encoding="utf-8")
        else:
            target.symlink_to(Path(settings.MASAR_GEO_DIR) / name)
    return tmp_path


def _nothing_written():
    assert Governorate.objects.count() == 0
    assert Delegation.objects.count() == 0
    assert Locality.objects.count() == 0
    assert not AuditEvent.objects.exists()


def test_load_territory_missing_folder_is_an_error(tmp_path):
    with pytest.raises(CommandError, match="introuvable"):  # French, the default
        call_command("load_territory", "--dir", str(tmp_path / "nowhere"))
    _nothing_written()


def test_load_territory_missing_boundaries_is_an_error(tmp_path):
    folder = _folder(tmp_path, {BOUNDARIES_FILE: None})
    with pytest.raises(CommandError, match="governorates-boundaries.geojson"):
        call_command("load_territory", "--dir", str(folder))
    _nothing_written()


def test_load_territory_malformed_json_is_an_error(tmp_path):
    folder = _folder(tmp_path, {LOCALITIES_FILE: '[{"Name": "TUNIS", "Delegations": [}'})
    with pytest.raises(CommandError, match="localities-postcodes.json"):
        call_command("load_territory", "--dir", str(folder))
    _nothing_written()


def test_load_territory_unknown_delegation_is_an_error(tmp_path):
    data = json.loads((Path(settings.MASAR_GEO_DIR) / LOCALITIES_FILE).read_text("utf-8"))
    data[0]["Delegations"][0]["Value"] = "ATLANTIS"
    folder = _folder(tmp_path, {LOCALITIES_FILE: json.dumps(data)})
    with pytest.raises(CommandError, match="ATLANTIS"):
        call_command("load_territory", "--dir", str(folder))
    _nothing_written()


def test_load_territory_bad_coordinate_is_an_error(tmp_path):
    data = json.loads((Path(settings.MASAR_GEO_DIR) / DELEGATIONS_FILE).read_text("utf-8"))
    data[3]["Delegations"][2]["Latitude"] = "north"
    folder = _folder(tmp_path, {DELEGATIONS_FILE: json.dumps(data)})
    with pytest.raises(CommandError, match="Latitude"):
        call_command("load_territory", "--dir", str(folder))
    _nothing_written()
