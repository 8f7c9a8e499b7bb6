"""The simple XLSX sheet of field surveys: one row per service, first sheet, first row holds
the column names. Column names are matched loosely (case, accents, spaces and punctuation
ignored) against the names below, in French or English; the XLSX export uses the first name
of each column, so an exported sheet of one-place services reads back.

A row without ``service_id`` is matched on (organisation name, service name, governorate),
normalised. An empty cell leaves what Masar holds unchanged.
"""

import io
import re

from django.utils.translation import gettext as _

from masar.directory.normalize import normalize_text

from .hours import HoursError, parse_hours
from .records import LocationIn, OrgIn, ServiceIn, TermRef
from .safety import FileRefused, Limits, check_rows, open_zip, read_member, unneutralise

COLUMNS = {
    "service_id": ["id du service", "service id"],
    "organization_id": ["id de l organisation", "organisation id"],
    "organization": [
        "organisation",
        "organisation name",
        "organization name",
        "organisme",
        "nom de l organisation",
        "structure",
        "organization_fr",
        "organisation fr",
    ],
    "organization_ar": ["organisation ar", "organisation arabe", "organisation (ar)"],
    "name_fr": ["service", "service fr", "nom du service", "service name", "nom fr", "name"],
    "name_ar": ["service ar", "nom ar", "service arabe", "nom du service ar"],
    "name_en": ["service en", "nom en"],
    "description_fr": ["description", "description fr"],
    "description_ar": ["description ar"],
    "description_en": ["description en"],
    "eligibility_description_fr": ["conditions", "eligibilite", "eligibility"],
    "fees_description_fr": ["frais", "tarifs", "fees"],
    "categories": ["categorie", "categories", "codes categories", "besoins", "category codes"],
    "audiences": ["publics", "public", "audience", "codes publics", "audience codes"],
    "languages": ["langues", "langue", "language"],
    "is_free": ["gratuit", "free", "gratuite"],
    "hours": ["horaires", "heures d ouverture", "opening hours", "schedule"],
    "phone": ["telephone", "tel", "phones", "telephones"],
    "email": ["e-mail", "courriel", "mail", "adresse electronique"],
    "url": ["site web", "site", "website", "web"],
    "location_id": ["id du lieu", "location id"],
    "location_name": ["lieu", "nom du lieu", "location"],
    "address": ["adresse", "address_1", "rue"],
    "city": ["ville", "localite", "town"],
    "postal_code": ["code postal", "postcode", "zip"],
    "governorate": ["gouvernorat", "gov", "governorat", "ولاية"],
    "delegation": ["delegation", "معتمدية"],
    "municipality": ["municipalite", "commune", "بلدية"],
    "latitude": ["lat"],
    "longitude": ["lon", "lng", "long"],
}


def _squash(text) -> str:
    return re.sub(r"[\W_]+", "", normalize_text(str(text or "")))


HEADERS = {_squash(name): key for key, names in COLUMNS.items() for name in (key, *names)}
TRUE = {"oui", "yes", "true", "vrai", "1", "نعم", "gratuit", "x"}
FALSE = {"non", "no", "false", "faux", "0", "لا", "payant"}
LANGUAGE_NAMES = {
    "arabe": "ar", "arabic": "ar", "العربية": "ar", "francais": "fr", "french": "fr",
    "الفرنسية": "fr", "anglais": "en", "english": "en", "الانجليزية": "en", "italien": "it",
    "italian": "it", "allemand": "de", "german": "de", "espagnol": "es", "spanish": "es",
    "tamazight": "ber", "berbere": "ber",
}  # fmt: skip
_SPLIT = re.compile(r"\s*[,;/|\n]\s*")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unneutralise(str(value).strip())


def _list(text: str) -> list[str]:
    return [part for part in _SPLIT.split(text) if part]


def _check_xml(archive, limits: Limits) -> None:
    """Belt and braces (openpyxl parses with defusedxml anyway): no DTD or entity
    declarations in any XML part of the workbook."""
    for info in archive.infolist():
        if info.filename.endswith((".xml", ".rels", ".vml")):
            data = read_member(archive, info, limits)
            if b"<!DOCTYPE" in data or b"<!ENTITY" in data:
                raise FileRefused(
                    _("The workbook contains XML entity declarations, which are refused.")
                )


def read_sheet(data: bytes, limits: Limits) -> list[tuple[int, list[str]]]:
    """(sheet row number, cells as text) of the first sheet's non-empty rows, after the zip
    and XML checks."""
    from openpyxl import load_workbook

    archive = open_zip(data, limits)
    _check_xml(archive, limits)
    rows: list[tuple[int, list[str]]] = []
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            sheet = workbook.worksheets[0]
            for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                cells = [_cell(v) for v in values[:60]]
                if any(cells):
                    rows.append((line, cells))
                if len(rows) > limits.max_rows + 1:
                    break
        finally:
            workbook.close()
    except FileRefused:
        raise
    except Exception as exc:  # noqa: BLE001 — any parser failure means "not a workbook we read"
        raise FileRefused(
            _("The file is not a readable XLSX workbook (%(error)s).")
            % {"error": type(exc).__name__}
        ) from exc
    if not rows:
        raise FileRefused(_("The workbook is empty."))
    check_rows(len(rows) - 1, limits)
    return rows


def _row(line: int, record: dict) -> ServiceIn:
    row = ServiceIn(label=_("Row %(n)s") % {"n": line}, merge_locations=True)
    get = record.get
    if get("service_id"):
        row.id = _uuid(get("service_id"), row)
    org = OrgIn(id=_uuid(get("organization_id"), row) if get("organization_id") else None)
    if get("organization"):
        org.values["name_fr"] = get("organization")
    if get("organization_ar"):
        org.values["name_ar"] = get("organization_ar")
    row.organization = org if (org.id or org.values) else None
    for key, value in record.items():
        if value and re.fullmatch(
            r"(name|description|eligibility_description|fees_description)_(fr|ar|en)", key
        ):
            row.values[key] = value
    for key in ("email", "url"):
        if get(key):
            row.values[key] = get(key)
    if get("is_free"):
        flag = normalize_text(get("is_free"))
        if flag in TRUE or flag in FALSE:
            row.values["is_free"] = flag in TRUE
        else:
            row.errors.append(
                _("“%(value)s” is not yes or no (column free).") % {"value": get("is_free")[:20]}
            )
    terms = [TermRef(code=c, taxonomy="needs") for c in _list(get("categories", ""))]
    terms += [TermRef(code=c, taxonomy="audiences") for c in _list(get("audiences", ""))]
    if terms:
        row.terms = terms
    if get("languages"):
        row.languages = [
            LANGUAGE_NAMES.get(normalize_text(lang), lang.lower())
            for lang in _list(get("languages"))
        ]
    if get("phone"):
        row.phones = _list(get("phone"))
    if get("hours"):
        try:
            row.schedules = parse_hours(get("hours"))
        except HoursError as exc:
            row.errors.append(str(exc))
    place = LocationIn(
        id=_uuid(get("location_id"), row) if get("location_id") else None,
        governorate=get("governorate", ""),
        delegation=get("delegation"),
        municipality=get("municipality"),
    )
    for column, field_name in (
        ("address", "address_1"),
        ("city", "city"),
        ("postal_code", "postal_code"),
        ("location_name", "name_fr"),
    ):
        if get(column):
            place.values[field_name] = get(column)
    for column in ("latitude", "longitude"):
        if get(column):
            try:
                place.values[column] = float(get(column).replace(",", "."))
            except ValueError:
                row.errors.append(
                    _("“%(value)s” is not a number (column %(column)s).")
                    % {"value": get(column)[:30], "column": column}
                )
    row.locations = [place]
    return row


def _uuid(text, row):
    import uuid

    try:
        return uuid.UUID(text)
    except ValueError:
        row.errors.append(_("“%(value)s” is not a valid identifier.") % {"value": text[:40]})
        return None


def services_from_xlsx(data: bytes, *, limits: Limits) -> list[ServiceIn]:
    rows = read_sheet(data, limits)
    header = [HEADERS.get(_squash(cell)) for cell in rows[0][1]]
    if "name_fr" not in header and "name_ar" not in header:
        raise FileRefused(
            _("The first row must name the columns; no service name column was found.")
        )
    services = []
    for line, cells in rows[1:]:
        record = {key: value for key, value in zip(header, cells, strict=False) if key and value}
        services.append(_row(line, record))
    return services
