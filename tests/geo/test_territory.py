import json
from pathlib import Path

import pycountry
import pytest
from django.conf import settings
from django.core.management import call_command

from masar.audit.models import AuditEvent
from masar.geo.actions import load_territory
from masar.geo.models import Delegation, Governorate, Locality, Municipality
from masar.geo.names import GOVERNORATES, clean_spaces, locality_part
from masar.geo.sources import LOCALITIES_FILE

pytestmark = pytest.mark.django_db


def _distinct_localities_in_file() -> int:
    """Rows of the localities file, less those repeating a (delegation, name, postal code)
    in French or in Arabic — computed independently of the loader."""
    data = json.loads((Path(settings.MASAR_GEO_DIR) / LOCALITIES_FILE).read_text("utf-8"))
    seen_fr, seen_ar, count = set(), set(), 0
    for gov in data:
        for row in gov["Delegations"]:
            value = clean_spaces(row["Value"])
            fr = (gov["Name"], value, locality_part(row["Name"], value).lower(), row["PostalCode"])
            ar = (gov["Name"], value, row["NameAr"].rsplit("(", 1)[-1], row["PostalCode"])
            if fr not in seen_fr and ar not in seen_ar:
                count += 1
            seen_fr.add(fr)
            seen_ar.add(ar)
    return count


def test_load_territory_counts(territory):
    assert Governorate.objects.count() == 24
    assert Delegation.objects.count() == 261
    assert Municipality.objects.count() == 261
    assert Locality.objects.count() == _distinct_localities_in_file()
    assert 4700 < Locality.objects.count() <= 4788
    assert territory.counts["localities"].created == Locality.objects.count()


def test_load_territory_uses_iso_codes_and_french_names(territory):
    names = dict(Governorate.objects.values_list("code", "name_fr"))
    assert names == dict(GOVERNORATES.values())
    for code in names:
        assert pycountry.subdivisions.get(code=code).country_code == "TN"
    assert names["TN-33"] == "Le Kef"
    assert names["TN-14"] == "La Manouba"
    assert names["TN-82"] == "Médenine"


def test_load_territory_places_la_marsa_and_raoued(territory):
    marsa = Delegation.objects.select_related("governorate").get(code="TN-11-la-marsa")
    assert (marsa.name_fr, marsa.name_ar, marsa.governorate.code) == ("La Marsa", "المرسى", "TN-11")
    raoued = Delegation.objects.select_related("governorate").get(code="TN-12-raoued")
    assert (raoued.name_fr, raoued.name_ar, raoued.governorate.code) == ("Raoued", "رواد", "TN-12")
    municipality = Municipality.objects.get(code="TN-11-la-marsa")
    assert municipality.delegation_id == marsa.pk
    assert municipality.name_fr == "La Marsa"
    assert Locality.objects.filter(delegation=marsa, name_fr="Gammart").exists()


def test_load_territory_fills_arabic_names_and_coordinates(territory):
    for model in (Governorate, Delegation, Municipality, Locality):
        assert not model.objects.filter(name_ar__in=["", None]).exists(), model
        assert not model.objects.filter(name_en__in=["", None]).exists(), model
    assert Governorate.objects.get(code="TN-61").name_ar == "صفاقس"
    assert not Delegation.objects.filter(latitude__isnull=True).exists()
    tunis = Governorate.objects.get(code="TN-11")
    assert 36.7 < tunis.latitude < 36.9 and 10.0 < tunis.longitude < 10.4
    assert Locality.objects.filter(postal_code="2076").exists()  # La Marsa


def test_load_territory_title_cases_names(territory):
    assert Delegation.objects.get(code="TN-11-el-omrane-superieur").name_fr == "El Omrane Supérieur"
    # The source qualifies twin names with their governorate; the code keeps it.
    assert Delegation.objects.get(code="TN-42-ezzouhour-kasserine").name_fr == "Ezzouhour"
    assert not Delegation.objects.filter(name_fr__regex=r"^[A-Z ]+[A-Z]{3}$").exists()


def test_load_territory_stores_small_outlines(territory):
    outlines = list(Governorate.objects.values_list("outline", flat=True))
    assert all(o and o["type"] in ("Polygon", "MultiPolygon") for o in outlines)
    size = len(json.dumps(outlines, separators=(",", ":")))
    assert size < 60_000, size
    ring = outlines[0]["coordinates"][0][0]
    assert all(len(str(c).split(".")[-1]) <= 4 for point in ring for c in point)


def test_load_territory_second_run_changes_nothing(territory):
    before = AuditEvent.objects.count()
    report = load_territory(actor=None)
    assert all(c.created == 0 and c.updated == 0 for c in report.counts.values())
    assert report.counts["localities"].unchanged == Locality.objects.count()
    assert AuditEvent.objects.count() == before


def test_load_territory_command_reports_counts(territory, capsys):
    call_command("load_territory")
    out = capsys.readouterr().out
    assert "governorates: 0 created, 0 updated, 24 unchanged" in out
    assert "delegations: 0 created, 0 updated, 261 unchanged" in out


def test_load_territory_repairs_a_changed_row(territory):
    Delegation.objects.filter(code="TN-11-la-marsa").update(name_fr="Wrong", postal_code="9999")
    report = load_territory(actor=None)
    assert report.counts["delegations"].updated == 1
    marsa = Delegation.objects.get(code="TN-11-la-marsa")
    assert (marsa.name_fr, marsa.postal_code) == ("La Marsa", "2076")
    assert AuditEvent.objects.filter(object_type="geo.territory").exists()
