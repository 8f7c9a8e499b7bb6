"""Reading the territory reference files (``settings.MASAR_GEO_DIR``, see its README).

Everything is read and checked before anything is written: a missing or malformed file
raises :class:`TerritoryError` with a message that names the file and the row.
"""

import json
from dataclasses import dataclass, field
from pathlib import Path

import pycountry
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .names import (
    GOVERNORATES,
    clean_spaces,
    locality_part,
    locality_part_ar,
    title_fr,
    without_qualifier,
)
from .simplify import simplify_geometry

DELEGATIONS_FILE = "governorates-delegations.json"
LOCALITIES_FILE = "localities-postcodes.json"
BOUNDARIES_FILE = "governorates-boundaries.geojson"
# ≈ 1.1 km: the whole country's outlines stay around 30 kB for phones.
OUTLINE_TOLERANCE = 0.01
OUTLINE_PRECISION = 4


class TerritoryError(Exception):
    pass


@dataclass
class Territory:
    governorates: list[dict] = field(default_factory=list)
    delegations: list[dict] = field(default_factory=list)
    municipalities: list[dict] = field(default_factory=list)
    localities: list[dict] = field(default_factory=list)
    duplicate_localities: int = 0


def _read_json(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return json.load(handle)
    except FileNotFoundError as exc:
        raise TerritoryError(_("File not found: %(path)s") % {"path": path}) from exc
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise TerritoryError(
            _("Cannot read %(path)s: %(error)s") % {"path": path, "error": exc}
        ) from exc


def _bad(path: Path, where: str, problem: str) -> TerritoryError:
    return TerritoryError(
        _("%(file)s, %(where)s: %(problem)s")
        % {"file": path.name, "where": where, "problem": problem}
    )


def _text(row: dict, key: str, path: Path, where: str) -> str:
    value = row.get(key) if isinstance(row, dict) else None
    if not isinstance(value, str) or not value.strip():
        raise _bad(path, where, _("missing text field “%(key)s”") % {"key": key})
    return value


def _coordinate(row: dict, key: str, low: float, high: float, path: Path, where: str):
    value = row.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise _bad(path, where, _("invalid %(key)s: %(value)r") % {"key": key, "value": value})
    return float(value)


def _postal_code(row: dict, path: Path, where: str) -> str:
    value = str(row.get("PostalCode") or "").strip()
    if value and not (len(value) == 4 and value.isdigit()):
        raise _bad(path, where, _("invalid postal code %(value)r") % {"value": value})
    return value


def _tree(data, path: Path) -> list:
    if not isinstance(data, list) or not data:
        raise _bad(path, "/", _("expected a list of governorates"))
    for i, gov in enumerate(data):
        name = _text(gov, "Name", path, f"#{i}")
        if clean_spaces(name) not in GOVERNORATES:
            raise _bad(path, f"#{i}", _("unknown governorate %(name)r") % {"name": name})
        if not isinstance(gov.get("Delegations"), list):
            raise _bad(path, name, _("missing list “Delegations”"))
    return data


def _governorate_code(source_name: str) -> str:
    code = GOVERNORATES[clean_spaces(source_name)][0]
    subdivision = pycountry.subdivisions.get(code=code)
    if subdivision is None or subdivision.country_code != "TN":
        raise TerritoryError(_("%(code)s is not an ISO 3166-2:TN code") % {"code": code})
    return code


def read_territory(geo_dir: Path) -> Territory:
    geo_dir = Path(geo_dir)
    territory = Territory()
    delegations_path = geo_dir / DELEGATIONS_FILE
    localities_path = geo_dir / LOCALITIES_FILE
    boundaries_path = geo_dir / BOUNDARIES_FILE
    tree = _tree(_read_json(delegations_path), delegations_path)
    by_source: dict[tuple[str, str], dict] = {}
    codes: set[str] = set()
    for gov in tree:
        source = clean_spaces(gov["Name"])
        code = _governorate_code(source)
        name_ar = clean_spaces(_text(gov, "NameAr", delegations_path, source))
        name_fr = GOVERNORATES[source][1]
        lats, lons = [], []
        for j, row in enumerate(gov["Delegations"]):
            where = f"{source} #{j}"
            raw = _text(row, "Name", delegations_path, where)
            delegation = {
                "code": f"{code}-{slugify(raw)}",
                "governorate_code": code,
                "name_fr": title_fr(without_qualifier(raw)),
                "name_ar": without_qualifier(_text(row, "NameAr", delegations_path, where)),
                "postal_code": _postal_code(row, delegations_path, where),
                "latitude": _coordinate(row, "Latitude", 30.0, 38.0, delegations_path, where),
                "longitude": _coordinate(row, "Longitude", 7.0, 12.0, delegations_path, where),
            }
            delegation["name_en"] = delegation["name_fr"]
            key = (source, clean_spaces(row.get("Value") or raw))
            if key in by_source or delegation["code"] in codes:
                raise _bad(delegations_path, where, _("delegation listed twice"))
            by_source[key] = delegation
            codes.add(delegation["code"])
            territory.delegations.append(delegation)
            territory.municipalities.append(
                {
                    "code": delegation["code"],
                    "delegation_code": delegation["code"],
                    "name_fr": delegation["name_fr"],
                    "name_ar": delegation["name_ar"],
                    "name_en": delegation["name_en"],
                }
            )
            if delegation["latitude"] is not None and delegation["longitude"] is not None:
                lats.append(delegation["latitude"])
                lons.append(delegation["longitude"])
        territory.governorates.append(
            {
                "code": code,
                "name_fr": name_fr,
                "name_ar": name_ar,
                "name_en": name_fr,
                "latitude": round(sum(lats) / len(lats), 6) if lats else None,
                "longitude": round(sum(lons) / len(lons), 6) if lons else None,
                "outline": None,
            }
        )
    if len(territory.governorates) != len(GOVERNORATES):
        raise _bad(
            delegations_path, "/", _("expected %(n)d governorates") % {"n": len(GOVERNORATES)}
        )
    territory.localities, territory.duplicate_localities = _localities(
        _tree(_read_json(localities_path), localities_path), localities_path, by_source
    )
    _outlines(_read_json(boundaries_path), boundaries_path, territory)
    return territory


def _localities(tree: list, path: Path, by_source: dict) -> tuple[list[dict], int]:
    """Localities under their delegation. The file repeats a few rows and spells a few
    places twice (same Arabic name, two French spellings): the first row is kept."""
    rows, seen_fr, seen_ar, duplicates = [], set(), set(), 0
    for gov in tree:
        source = clean_spaces(gov["Name"])
        for j, row in enumerate(gov["Delegations"]):
            where = f"{source} #{j}"
            name = _text(row, "Name", path, where)
            value = clean_spaces(_text(row, "Value", path, where))
            delegation = by_source.get((source, value))
            if delegation is None:
                raise _bad(path, where, _("unknown delegation %(name)r") % {"name": value})
            has_part = clean_spaces(name) != value
            name_fr = title_fr(locality_part(name, value))
            name_ar = locality_part_ar(
                _text(row, "NameAr", path, where),
                has_part=has_part,
                delegation_ar=delegation["name_ar"],
            )
            postal_code = _postal_code(row, path, where)
            if not postal_code:
                raise _bad(path, where, _("missing postal code"))
            key_fr = (delegation["code"], name_fr.lower(), postal_code)
            key_ar = (delegation["code"], name_ar, postal_code)
            if key_fr in seen_fr or key_ar in seen_ar:
                duplicates += 1
                continue
            seen_fr.add(key_fr)
            seen_ar.add(key_ar)
            rows.append(
                {
                    "delegation_code": delegation["code"],
                    "name_fr": name_fr,
                    "name_ar": name_ar,
                    "name_en": name_fr,
                    "postal_code": postal_code,
                    "latitude": _coordinate(row, "Latitude", 30.0, 38.0, path, where),
                    "longitude": _coordinate(row, "Longitude", 7.0, 12.0, path, where),
                }
            )
    return rows, duplicates


def _outlines(data, path: Path, territory: Territory) -> None:
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise _bad(path, "/", _("expected a GeoJSON FeatureCollection"))
    by_code = {g["code"]: g for g in territory.governorates}
    for i, feature in enumerate(features):
        properties = feature.get("properties") or {} if isinstance(feature, dict) else {}
        code = properties.get("iso3166_2")
        geometry = feature.get("geometry") if isinstance(feature, dict) else None
        if code not in by_code:
            raise _bad(path, f"feature #{i}", _("unknown iso3166_2 %(code)r") % {"code": code})
        try:
            by_code[code]["outline"] = simplify_geometry(
                geometry, OUTLINE_TOLERANCE, OUTLINE_PRECISION
            )
        except (AttributeError, KeyError, IndexError, TypeError, ValueError) as exc:
            raise _bad(path, f"feature #{i} ({code})", _("invalid geometry")) from exc
