"""Reading HSDS 3 JSON into ``ServiceIn`` rows.

Accepted documents: a list of full services; one full service; an organisation package
(an organisation with its ``services``, as in the HSDS examples); a list of those; an API
page (``{"contents": [...]}``); ``{"services": [...]}`` or ``{"organizations": [...]}``.
Plain HSDS text goes to the import language; ``x_masar_translations`` (our extension) fills
every language it carries. Types are checked field by field: a wrong type refuses the row
with the field named, never the whole file.
"""

import uuid
from datetime import date, time

from django.utils.translation import gettext as _

from masar.directory.hsds.extensions import LANGS, LOCATION_TEXT, ORGANIZATION_TEXT, SERVICE_TEXT

from .records import LocationIn, OrgIn, ServiceIn, TermRef
from .safety import FileRefused

BYDAY = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
STATUSES = {"active", "inactive", "temporarily closed", "defunct"}


class _Reader:
    """Typed access to one JSON object, collecting errors instead of raising."""

    def __init__(self, data, errors: list, where: str):
        self.data = data if isinstance(data, dict) else {}
        self.errors = errors
        self.where = where

    def _wrong(self, key, expected):
        self.errors.append(
            _("%(where)s: “%(field)s” should be %(expected)s.")
            % {"where": self.where, "field": key, "expected": expected}
        )

    def has(self, key) -> bool:
        return key in self.data and self.data[key] is not None

    def text(self, key):
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, str | int | float):
            self._wrong(key, _("text"))
            return None
        return str(value).strip()

    def integer(self, key):
        value = self.data.get(key)
        if value in (None, ""):
            return None
        try:
            if isinstance(value, bool) or float(value) != int(float(value)):
                raise ValueError
            return int(float(value))
        except (TypeError, ValueError, OverflowError):
            self._wrong(key, _("a whole number"))
            return None

    def number(self, key):
        value = self.data.get(key)
        if value in (None, ""):
            return None
        try:
            if isinstance(value, bool):
                raise ValueError
            number = float(value)
            if number != number or number in (float("inf"), float("-inf")):
                raise ValueError
            return number
        except (TypeError, ValueError, OverflowError):
            self._wrong(key, _("a number"))
            return None

    def boolean(self, key):
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        self._wrong(key, _("true or false"))
        return None

    def uid(self, key):
        value = self.data.get(key)
        if value in (None, ""):
            return None
        try:
            return uuid.UUID(str(value))
        except (ValueError, AttributeError, TypeError):
            self._wrong(key, _("a UUID"))
            return None

    def items(self, key):
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, list):
            self._wrong(key, _("a list"))
            return None
        return [v for v in value if isinstance(v, dict)]

    def obj(self, key):
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, dict):
            self._wrong(key, _("an object"))
            return None
        return value

    def texts(self, names, lang):
        """Translated fields: ``x_masar_translations`` first, then the plain field."""
        values = {}
        translations = self.obj("x_masar_translations") or {}
        for name in names:
            given = translations.get(name)
            if isinstance(given, dict):
                for code in LANGS:
                    if isinstance(given.get(code), str):
                        values[f"{name}_{code}"] = given[code].strip()
            elif self.has(name):
                text = self.text(name)
                if text is not None:
                    values[f"{name}_{lang}"] = text
        return values


def _date(text, errors, where):
    if text in (None, ""):
        return None
    try:
        return date.fromisoformat(str(text)[:10])
    except ValueError:
        errors.append(
            _("%(where)s: “%(value)s” is not a date (YYYY-MM-DD).")
            % {"where": where, "value": str(text)[:40]}
        )
        return None


def _time(text):
    return time.fromisoformat(str(text).strip()[:8]) if text not in (None, "") else None


def read_organization(data, errors, lang) -> OrgIn:
    r = _Reader(data, errors, _("organisation"))
    values = r.texts(ORGANIZATION_TEXT, lang)
    for key in ("alternate_name", "email", "website", "legal_status"):
        if r.has(key):
            values[key] = r.text(key) or ""
    if r.has("year_incorporated"):
        values["year_incorporated"] = r.integer("year_incorporated")
    return OrgIn(id=r.uid("id"), values=values, parent_id=r.uid("parent_organization_id"))


def read_location(data, errors, lang) -> LocationIn:
    r = _Reader(data, errors, _("place"))
    values = r.texts(LOCATION_TEXT[:3], lang)
    for key in ("latitude", "longitude"):
        if r.has(key):
            values[key] = r.number(key)
    place = LocationIn(id=r.uid("id"), values=values)
    translations = r.obj("x_masar_translations") or {}
    if isinstance(translations.get("accessibility"), dict):
        values.update(r.texts(["accessibility"], lang))
    else:
        entries = r.items("accessibility") or []
        if entries and isinstance(entries[0].get("description"), str):
            values[f"accessibility_{lang}"] = entries[0]["description"].strip()
    addresses = r.items("addresses") or []
    masar = r.obj("x_masar") or {}
    if addresses:
        a = _Reader(addresses[0], errors, _("address"))
        country = (a.text("country") or "TN").upper()
        if country not in ("TN", "TUN", "TUNISIA", "TUNISIE"):
            errors.append(_("The address is not in Tunisia (country “%(c)s”).") % {"c": country})
        values["address_1"] = a.text("address_1") or ""
        values["city"] = a.text("city") or ""
        values["postal_code"] = a.text("postal_code") or ""
        place.governorate = a.text("state_province") or ""
        place.delegation = a.text("region")
    for key in ("governorate", "delegation", "municipality"):
        if isinstance(masar.get(key), str):
            setattr(place, key, masar[key])
    for key in ("city", "postal_code"):  # as stored; the HSDS address may fill them in
        if isinstance(masar.get(key), str):
            values[key] = masar[key].strip()
    return place


def _schedules(entries, errors) -> list:
    out = set()
    for entry in entries:
        freq = str(entry.get("freq") or "WEEKLY").upper()
        byday = entry.get("byday")
        try:
            opens, closes = _time(entry.get("opens_at")), _time(entry.get("closes_at"))
        except (ValueError, TypeError):
            opens = closes = None
        if freq != "WEEKLY" or not isinstance(byday, str) or opens is None or closes is None:
            errors.append(
                _(
                    "Opening hours can only be imported as weekly days and times "
                    "(freq WEEKLY, byday, opens_at, closes_at)."
                )
            )
            continue
        for day in byday.split(","):
            code = day.strip().upper()
            if code not in BYDAY:
                errors.append(_("“%(value)s” is not a day (MO…SU).") % {"value": code[:10]})
                continue
            out.add((BYDAY[code], opens, closes))
    return sorted(out)


def read_service(data, *, label, lang, organization=None) -> ServiceIn:
    errors: list[str] = []
    r = _Reader(data, errors, _("service"))
    row = ServiceIn(label=label, id=r.uid("id"), errors=errors)
    if not isinstance(data, dict):
        errors.append(_("This entry is not a JSON object."))
        return row
    row.values = r.texts(SERVICE_TEXT, lang)
    for key in ("alternate_name", "url", "email"):
        if r.has(key):
            row.values[key] = r.text(key) or ""
    if r.has("status"):
        status = (r.text("status") or "").lower()
        if status not in STATUSES:
            errors.append(_("Unknown service status “%(value)s”.") % {"value": status[:40]})
        row.values["status"] = status
    for key in ("minimum_age", "maximum_age"):
        if r.has(key):
            row.values[key] = r.integer(key)
    masar = _Reader(r.obj("x_masar") or {}, errors, "x_masar")
    if masar.has("is_free"):
        row.values["is_free"] = masar.boolean("is_free")
    row.assured_date = _date(data.get("assured_date"), errors, _("service"))
    org = organization if organization is not None else r.obj("organization")
    if org is not None:
        row.organization = read_organization(org, errors, lang)
    sal = r.items("service_at_locations")
    if sal is not None:
        row.locations = [
            read_location(item.get("location"), errors, lang)
            for item in sal
            if isinstance(item.get("location"), dict)
        ]
    if r.has("languages"):
        row.languages = []
        for item in r.items("languages") or []:
            if not isinstance(item.get("code"), str):
                errors.append(_("A language has no code (use ISO 639 codes such as ar, fr)."))
            else:
                row.languages.append(item["code"].strip().lower())
    if r.has("phones"):
        row.phones = [
            str(p["number"]).strip()
            for p in r.items("phones") or []
            if isinstance(p.get("number"), str | int)
        ]
    entries = list(r.items("schedules") or [])
    for item in sal or []:
        entries.extend(s for s in item.get("schedules") or [] if isinstance(s, dict))
    if r.has("schedules") or entries:
        row.schedules = _schedules(entries, errors)
    if r.has("attributes"):
        row.terms = []
        for item in r.items("attributes") or []:
            term = item.get("taxonomy_term") if isinstance(item.get("taxonomy_term"), dict) else {}
            row.terms.append(
                TermRef(
                    id=str(item.get("taxonomy_term_id") or term.get("id") or ""),
                    code=str(term.get("code") or item.get("value") or ""),
                    taxonomy=str(term.get("taxonomy") or ""),
                )
            )
    return row


_ORGANIZATION_ONLY = {"website", "year_incorporated", "legal_status", "organization_identifiers"}
_SERVICE_ONLY = {"organization", "service_at_locations", "status", "eligibility_description"}


def _is_bare_organization(item) -> bool:
    return (
        isinstance(item, dict)
        and bool(set(item) & _ORGANIZATION_ONLY)
        and not (set(item) & _SERVICE_ONLY)
    )


def _is_org_package(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("services"), list) and "name" in item


def services_from_document(doc, *, lang="fr") -> list[ServiceIn]:
    """Every service of an HSDS document, labelled by its position in the file."""
    if isinstance(doc, dict):
        if isinstance(doc.get("contents"), list):
            doc = doc["contents"]
        elif isinstance(doc.get("organizations"), list):
            doc = doc["organizations"]
        elif _is_org_package(doc):
            doc = [doc]
        elif isinstance(doc.get("services"), list):
            doc = doc["services"]
        elif "id" in doc and "name" in doc:
            doc = [doc]
    if not isinstance(doc, list):
        raise FileRefused(_("This JSON document is not an HSDS list of services or organisations."))
    rows = []
    for item in doc:
        if _is_org_package(item):
            org = {k: v for k, v in item.items() if k != "services"}
            for service in item["services"]:
                n = len(rows) + 1
                rows.append(
                    read_service(service, label=_label(n, service), lang=lang, organization=org)
                )
        elif _is_bare_organization(item):
            n = len(rows) + 1
            row = ServiceIn(label=_label(n, item), errors=[_no_services_message()])
            row.values["name_fr"] = str(item.get("name") or "")[:250]
            rows.append(row)
        else:
            n = len(rows) + 1
            rows.append(read_service(item, label=_label(n, item), lang=lang))
    return rows


def _no_services_message():  # noqa: N802
    return _(
        "This is an organisation without services: Masar imports services, each with "
        "its organisation."
    )


def _label(n, item) -> str:  # noqa: ARG001 — kept for richer labels
    return _("Service %(n)s") % {"n": n}
