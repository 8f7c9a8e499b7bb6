"""Reading the HSDS tabular form: a zip of CSV files named by table (``services.csv``,
``organizations.csv``, ``locations.csv``, ``service_at_locations.csv`` — or the singular
``service_at_location.csv`` of the compiled schema —, ``addresses.csv``, ``phones.csv``,
``schedules.csv``, ``languages.csv``, ``accessibility.csv``, ``attributes.csv``,
``taxonomy_terms.csv``). Other tables are ignored.

The rows are folded back into nested HSDS service objects and read by ``hsds_read``, so
both forms follow exactly the same rules. Empty cells count as absent.
"""

import csv
import io
import posixpath

from django.utils.translation import gettext as _

from .hsds_read import read_service
from .safety import FileRefused, Limits, check_rows, open_zip, read_member

TABLES = {
    "organizations",
    "services",
    "locations",
    "service_at_locations",
    "addresses",
    "phones",
    "schedules",
    "languages",
    "accessibility",
    "attributes",
    "taxonomy_terms",
}
ALIASES = {"service_at_location": "service_at_locations", "organization": "organizations"}


def _rows(data: bytes, name: str) -> list[dict]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(_("“%(name)s” is not UTF-8 text.") % {"name": name}) from exc
    try:
        reader = csv.DictReader(io.StringIO(text, newline=""))
        return [
            {k.strip(): v.strip() for k, v in row.items() if k and isinstance(v, str) and v.strip()}
            for row in reader
        ]
    except csv.Error as exc:
        raise FileRefused(
            _("“%(name)s” is not a valid CSV file: %(error)s") % {"name": name, "error": exc}
        ) from exc


def read_tables(data: bytes, limits: Limits) -> dict[str, list[dict]]:
    archive = open_zip(data, limits)
    tables: dict[str, list[dict]] = {}
    for info in archive.infolist():
        if info.is_dir():
            continue
        base = posixpath.basename(info.filename).lower()
        if not base.endswith(".csv"):
            continue
        table = ALIASES.get(base[:-4], base[:-4])
        if table in TABLES:
            tables[table] = _rows(read_member(archive, info, limits), base)
    if "services" not in tables:
        raise FileRefused(_("The archive has no services.csv table."))
    return tables


def _group(rows, key):
    out: dict[str, list] = {}
    for row in rows:
        if row.get(key):
            out.setdefault(row[key], []).append(row)
    return out


def services_from_zip(data: bytes, *, lang="fr", limits: Limits) -> list:
    tables = read_tables(data, limits)
    check_rows(len(tables["services"]), limits)
    organizations = {r["id"]: r for r in tables.get("organizations", []) if r.get("id")}
    locations = {r["id"]: dict(r) for r in tables.get("locations", []) if r.get("id")}
    addresses = _group(tables.get("addresses", []), "location_id")
    accessibility = _group(tables.get("accessibility", []), "location_id")
    for location_id, location in locations.items():
        location["addresses"] = addresses.get(location_id, [])[:1]
        location["accessibility"] = accessibility.get(location_id, [])[:1]
    at_locations = _group(tables.get("service_at_locations", []), "service_id")
    phones = _group([p for p in tables.get("phones", []) if not p.get("location_id")], "service_id")
    schedules = _group(tables.get("schedules", []), "service_id")
    languages = _group(tables.get("languages", []), "service_id")
    terms = {r["id"]: r for r in tables.get("taxonomy_terms", []) if r.get("id")}
    attributes = _group(tables.get("attributes", []), "link_id")
    rows = []
    for line, service in enumerate(tables["services"], start=2):
        sid = service.get("id", "")
        nested = dict(service)
        org_id = service.get("organization_id")
        organization = organizations.get(org_id) if org_id else None
        label = _("services.csv line %(n)s") % {"n": line}
        if org_id and organization is None:
            nested["organization"] = {"id": org_id}
        if "service_at_locations" in tables:
            nested["service_at_locations"] = [
                {"id": sal.get("id"), "location": locations.get(sal.get("location_id"))}
                for sal in at_locations.get(sid, [])
                if sal.get("location_id") in locations
            ]
        if "phones" in tables:
            nested["phones"] = phones.get(sid, [])
        if "schedules" in tables:
            nested["schedules"] = schedules.get(sid, [])
        if "languages" in tables:
            nested["languages"] = languages.get(sid, [])
        if "attributes" in tables:
            nested["attributes"] = [
                {**a, "taxonomy_term": terms.get(a.get("taxonomy_term_id"), {})}
                for a in attributes.get(sid, [])
            ]
        row = read_service(nested, label=label, lang=lang, organization=organization)
        missing = [
            sal.get("location_id")
            for sal in at_locations.get(sid, [])
            if sal.get("location_id") not in locations
        ]
        if missing:
            row.errors.append(
                _("Unknown location id in service_at_locations.csv: %(ids)s.")
                % {"ids": ", ".join(missing)}
            )
        rows.append(row)
    return rows
