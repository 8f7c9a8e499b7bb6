"""Export of the whole directory, as HSDS 3 JSON (streamed, one service at a time) or as
an XLSX workbook (openpyxl write-only, written to a temporary file).

Scope: ``published`` (what the public sees) or ``all`` (drafts and submitted services too,
for directory managers). Each export is recorded in the audit trail (AuditAction.EXPORT)
with its format, scope and size, before the first byte leaves.

XLSX columns, in this order (one row per service × place; a service without a place has
one row with empty place columns) — see ``XLSX_COLUMNS``. Every text cell that a
spreadsheet would take for a formula is neutralised (``safety.neutralise``).
"""

import json
import tempfile

from django.utils import timezone

from masar.audit.actions import record_event
from masar.audit.models import AuditAction
from masar.directory.hsds import queries
from masar.directory.hsds.serializers import service_export
from masar.directory.models import Service

from .hours import format_hours
from .safety import neutralise

SCOPES = ("published", "all")
CHUNK = 200


def services_for_export(scope: str):
    """With what the HSDS serializers read, as the API's fully nested services."""
    services = Service.objects.all() if scope == "all" else Service.objects.published()
    return queries.with_everything(services).order_by("organization__name_fr", "name_fr", "pk")


def record_export(*, actor, fmt: str, scope: str, lang: str, count: int) -> None:
    record_event(
        actor=actor,
        action=AuditAction.EXPORT,
        object_type="directory.service",
        summary=f"directory export {fmt} scope={scope} lang={lang} services={count}",
        changes={"format": fmt, "scope": scope, "language": lang, "services": count},
    )


def iter_hsds_json(services, *, lang="fr", translations=True, with_assurer=False, base=None):
    """A JSON array of the API's fully nested HSDS services with Masar's extensions
    (``hsds.extensions``), text in ``lang``, yielded piece by piece. ``base``: the API's
    root URL, for the taxonomies' URIs (left out without it). ``with_assurer``: keep
    ``assurer_email`` (an institution's address, as in the API)."""
    yield "[\n"
    first = True
    for service in services.iterator(chunk_size=CHUNK):
        item = service_export(service, lang=lang, translations=translations, base=base)
        if not with_assurer:
            item.pop("assurer_email", None)
        yield ("" if first else ",\n") + json.dumps(item, ensure_ascii=False)
        first = False
    yield "\n]\n"


def _names(obj, lang):
    if obj is None:
        return ""
    return getattr(obj, f"name_{lang}", None) or obj.name_fr or ""


def _codes(terms):
    return ", ".join(sorted(t.code for t in terms))


def _service_cells(s, lang) -> list:
    org = s.organization
    return [
        str(s.pk),
        str(org.pk),
        org.name_fr or "",
        org.name_ar or "",
        s.name_fr or "",
        s.name_ar or "",
        s.name_en or "",
        s.description_fr or "",
        s.description_ar or "",
        s.description_en or "",
        _codes(s.categories.all()),
        _codes(s.audiences.all()),
        ", ".join(sorted(x.code for x in s.languages.all())),
        "oui" if s.is_free else "non",
        s.fees_description_fr or "",
        s.eligibility_description_fr or "",
        s.minimum_age,
        s.maximum_age,
        format_hours((x.weekday, x.opens_at, x.closes_at) for x in s.schedules.all()),
        ", ".join(sorted(p.number for p in s.phones.all())),
        s.email,
        s.url,
        s.status,
        s.verification_status,
        timezone.localdate(s.verified_at).isoformat() if s.verified_at else "",
        "oui" if s.is_stale else "non",
    ]


def _place_cells(location, lang) -> list:
    if location is None:
        return [""] * 12
    return [
        str(location.pk),
        location.name_fr or "",
        location.address_1,
        location.city,
        location.postal_code,
        location.governorate.code,
        _names(location.governorate, lang),
        location.delegation.code if location.delegation_id else "",
        _names(location.delegation, lang),
        location.municipality.code if location.municipality_id else "",
        location.latitude,
        location.longitude,
    ]


# The order of the columns; the names are also the column names the import reads.
XLSX_COLUMNS = [
    "service_id",
    "organization_id",
    "organization",
    "organization_ar",
    "name_fr",
    "name_ar",
    "name_en",
    "description_fr",
    "description_ar",
    "description_en",
    "categories",
    "audiences",
    "languages",
    "is_free",
    "fees_description_fr",
    "eligibility_description_fr",
    "minimum_age",
    "maximum_age",
    "hours",
    "phone",
    "email",
    "url",
    "status",
    "verification_status",
    "verified_on",
    "stale",
    "location_id",
    "location_name",
    "address",
    "city",
    "postal_code",
    "governorate",
    "governorate_name",
    "delegation",
    "delegation_name",
    "municipality",
    "latitude",
    "longitude",
]


def iter_xlsx_rows(services, *, lang="fr"):
    for service in services.iterator(chunk_size=CHUNK):
        cells = _service_cells(service, lang)
        places = [sal.location for sal in service.at_locations.all()] or [None]
        for location in sorted(places, key=lambda loc: str(loc.pk) if loc else ""):
            yield [neutralise(c) for c in cells + _place_cells(location, lang)]


def write_xlsx(services, *, lang="fr", file=None):
    """Write the workbook to ``file`` (a new temporary file by default, deleted when closed)
    and return it rewound. Write-only mode keeps memory flat whatever the size."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("services")
    sheet.append(XLSX_COLUMNS)
    for cells in iter_xlsx_rows(services, lang=lang):
        sheet.append(cells)
    file = file or tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — closed by the response
    workbook.save(file)
    file.seek(0)
    return file


def survey_template(file=None):
    """An empty survey sheet: the column names the import reads for a new service."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("services")
    sheet.append(
        [
            "organization",
            "organization_ar",
            "name_fr",
            "name_ar",
            "description_fr",
            "categories",
            "audiences",
            "governorate",
            "delegation",
            "address",
            "phone",
            "email",
            "latitude",
            "longitude",
            "languages",
            "is_free",
            "hours",
        ]
    )
    file = file or tempfile.TemporaryFile(suffix=".xlsx")  # noqa: SIM115 — closed by the response
    workbook.save(file)
    file.seek(0)
    return file
