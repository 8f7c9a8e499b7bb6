"""Masar's directory models → HSDS 3.0 objects (plain dicts, ready for JSON).

Text comes in the active language with the French fallback of django-modeltranslation (HSDS
has no translations). HSDS has no empty value for a number, an e-mail or a URL: what we do
not know is left out rather than sent as ``null`` or ``""``. Objects that Masar does not
store as rows (addresses, attributes, cost options, accessibility) get stable UUIDs derived
from their owner's, so that a client syncing twice sees the same ids.

The same objects serve the public API and the export (``exchange.exporter``, through
``service_export``), which adds Masar's extensions for a lossless round trip (see
``extensions``) and gives its text in the language asked for.

The callers pass objects with what is read here prefetched (see ``queries.with_everything``)."""

import uuid

from django.utils import timezone
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext as _

from ..models import HSDS_BYDAY
from .extensions import Extensions, extend_location, extend_organization, extend_service

COUNTRY = "TN"
CURRENCY = "TND"
TIMEZONE_OFFSET = 1  # Africa/Tunis is UTC+1 all year


def drop_empty(data: dict) -> dict:
    return {k: v for k, v in data.items() if v is not None}


def _or_none(value):
    return value or None


def derived_id(owner_id, kind: str) -> str:
    return str(uuid.uuid5(owner_id, kind))


def _iso(moment) -> str | None:
    return timezone.localtime(moment).isoformat() if moment else None


def language_name(code: str) -> str:
    extra = {"ber": _("Tamazight"), "aeb": _("Tunisian Arabic")}
    if code in extra:
        return extra[code]
    try:
        return str(get_language_info(code)["name_translated"])
    except KeyError:
        return code


# --- Taxonomies ------------------------------------------------------------------------------


def taxonomy(tax, base: str | None) -> dict:
    """Without ``base`` (the API's root URL), no URI of ours."""
    return drop_empty(
        {
            "id": str(tax.id),
            "name": tax.name,
            "description": tax.description or "",
            "uri": tax.uri or (f"{base}/taxonomies/{tax.id}" if base else None),
            "version": tax.version or None,
        }
    )


def taxonomy_term(term, base: str | None) -> dict:
    """``term.taxonomy`` must be loaded."""
    return drop_empty(
        {
            "id": str(term.id),
            "code": term.code,
            "name": term.name,
            "description": term.description or "",
            "parent_id": str(term.parent_id) if term.parent_id else None,
            "taxonomy": term.taxonomy.code,
            "taxonomy_id": str(term.taxonomy_id),
            "taxonomy_detail": taxonomy(term.taxonomy, base),
            "language": get_language(),
            "term_uri": f"{base}/taxonomy_terms/{term.id}" if base else None,
        }
    )


# --- Organisations ---------------------------------------------------------------------------


def organization(org, *, extensions: Extensions | None = None) -> dict:
    """The one-to-one fields (an item of ``/organizations``)."""
    data = drop_empty(
        {
            "id": str(org.id),
            "name": org.name,
            "alternate_name": org.alternate_name,
            "description": org.description or "",
            "email": _or_none(org.email),
            "website": _or_none(org.website),
            "year_incorporated": org.year_incorporated,
            "legal_status": org.legal_status,
            "parent_organization_id": (
                str(org.parent_organization_id) if org.parent_organization_id else None
            ),
        }
    )
    return extend_organization(data, org, extensions)


def organization_full(org, services: list[dict]) -> dict:
    """Prefetched: ``phones``, ``locations`` (see ``queries.LOCATION_RELATED``)."""
    return {
        **organization(org),
        "funding": [],
        "contacts": [],
        "phones": [phone(p) for p in org.phones.all()],
        "locations": [location(loc, full=True) for loc in org.locations.all()],
        "programs": [],
        "organization_identifiers": [],
        "attributes": [],
        "metadata": [],
        "services": services,
    }


# --- Places, phones, hours -------------------------------------------------------------------


def phone(p) -> dict:
    return drop_empty(
        {
            "id": str(p.id),
            "organization_id": str(p.organization_id) if p.organization_id else None,
            "service_id": str(p.service_id) if p.service_id else None,
            "location_id": str(p.location_id) if p.location_id else None,
            "number": p.number,
            "extension": int(p.extension) if p.extension.isdigit() else None,
            "type": p.type or None,
            "description": p.description or None,
        }
    )


def address(loc) -> dict:
    """HSDS addresses are rows; Masar keeps one physical address per location."""
    governorate = loc.governorate.name
    city = loc.city
    if not city:
        place = loc.municipality if loc.municipality_id else loc.delegation
        city = place.name if place is not None else governorate
    postal_code = loc.postal_code or (loc.delegation.postal_code if loc.delegation_id else "")
    return {
        "id": derived_id(loc.id, "address"),
        "location_id": str(loc.id),
        "address_1": loc.address_1,
        "city": city,
        "region": governorate,
        "state_province": governorate,
        "postal_code": postal_code,
        "country": COUNTRY,
        "address_type": "physical",
    }


def location(loc, *, full: bool, extensions: Extensions | None = None) -> dict:
    """``full``: with addresses, phones and accessibility (``phones`` prefetched)."""
    data = drop_empty(
        {
            "id": str(loc.id),
            "location_type": "physical",
            "organization_id": str(loc.organization_id),
            "name": loc.name,
            "description": loc.description,
            "transportation": loc.transportation,
            "latitude": loc.latitude,
            "longitude": loc.longitude,
        }
    )
    if full:
        data["addresses"] = [address(loc)]
        data["phones"] = [phone(p) for p in loc.phones.all()]
        data["accessibility"] = (
            [
                {
                    "id": derived_id(loc.id, "accessibility"),
                    "location_id": str(loc.id),
                    "description": loc.accessibility,
                }
            ]
            if loc.accessibility
            else []
        )
        data["languages"] = []
        data["contacts"] = []
        data["schedules"] = []
        data["attributes"] = []
    return extend_location(data, loc, extensions)


def schedules(service, *, service_at_location_id=None) -> list[dict]:
    """Weekly hours as RFC 5545-style rules, one per distinct opening span: the days that
    share the same hours are grouped in ``byday`` (MO,TU,…). Prefetched: ``schedules``."""
    groups: dict[tuple, list] = {}
    for row in service.schedules.all():
        groups.setdefault((row.opens_at, row.closes_at, row.description), []).append(row)
    out = []
    for (opens, closes, note), rows in groups.items():
        rows.sort(key=lambda r: r.weekday)
        out.append(
            drop_empty(
                {
                    "id": str(rows[0].id),
                    "service_id": str(service.id),
                    "service_at_location_id": (
                        str(service_at_location_id) if service_at_location_id else None
                    ),
                    "timezone": TIMEZONE_OFFSET,
                    "freq": "WEEKLY",
                    "wkst": "MO",
                    "interval": 1,
                    "byday": ",".join(HSDS_BYDAY[r.weekday] for r in rows),
                    "opens_at": opens.isoformat("seconds"),
                    "closes_at": closes.isoformat("seconds"),
                    "description": note or None,
                }
            )
        )
    return out


# --- Services --------------------------------------------------------------------------------


def assurer_email(service) -> str | None:
    """The verifier's institution's e-mail, never a person's own address."""
    verifier = service.verified_by
    if verifier is None or verifier.institution_id is None:
        return None
    return verifier.institution.email or None


def service_summary(service, *, extensions: Extensions | None = None) -> dict:
    """The one-to-one fields (an item of ``/services``), with the organisation."""
    verified = timezone.localtime(service.verified_at).date() if service.verified_at else None
    data = drop_empty(
        {
            "id": str(service.id),
            "organization_id": str(service.organization_id),
            "name": service.name,
            "alternate_name": service.alternate_name,
            "description": service.description,
            "url": _or_none(service.url),
            "email": _or_none(service.email),
            "status": service.status,
            "application_process": service.application_process,
            "fees_description": service.fees_description,
            "eligibility_description": service.eligibility_description,
            "minimum_age": service.minimum_age,
            "maximum_age": service.maximum_age,
            "assured_date": verified.isoformat() if verified else None,
            "assurer_email": assurer_email(service),
            "alert": (
                _("This information has not been verified for more than a year.")
                if service.is_stale
                else None
            ),
            "last_modified": _iso(service.modified_at),
            "organization": organization(service.organization, extensions=extensions),
        }
    )
    return extend_service(data, service, extensions)


def service_minimal(service) -> dict:
    return {
        "id": str(service.id),
        "name": service.name,
        "status": service.status,
        "last_modified": _iso(service.modified_at),
    }


def attributes(service, base: str | None) -> list[dict]:
    """Categories and audiences, as HSDS attributes linking the service to a term."""
    out = []
    for link_type, terms in (
        ("category", service.categories.all()),
        ("audience", service.audiences.all()),
    ):
        for term in terms:
            out.append(
                {
                    "id": derived_id(service.id, f"{link_type}:{term.id}"),
                    "link_id": str(service.id),
                    "link_type": link_type,
                    "link_entity": "service",
                    "taxonomy_term_id": str(term.id),
                    "taxonomy_term": taxonomy_term(term, base),
                }
            )
    return out


def cost_options(service) -> list[dict]:
    option = {
        "id": derived_id(service.id, "cost"),
        "service_id": str(service.id),
        "currency": CURRENCY,
    }
    if service.is_free:
        return [{**option, "option": _("Free of charge"), "amount": 0}]
    return [
        drop_empty(
            {
                **option,
                "option": _("Fees"),
                "amount_description": service.fees_description or None,
            }
        )
    ]


def languages(service) -> list[dict]:
    return [
        drop_empty(
            {
                "id": str(lang.id),
                "service_id": str(service.id),
                "name": language_name(lang.code),
                "code": lang.code,
                "note": lang.note or None,
            }
        )
        for lang in service.languages.all()
    ]


def service_at_location(
    sal,
    *,
    full: bool,
    service_data: dict | None = None,
    hours: bool = True,
    extensions: Extensions | None = None,
) -> dict:
    """``full``: the location with its address and phones, and (``hours``) the service's
    weekly hours, which apply at each of its places (``sal.service`` loaded)."""
    data = drop_empty(
        {
            "id": str(sal.id),
            "service_id": str(sal.service_id),
            "location_id": str(sal.location_id),
            "description": sal.description or None,
            "location": location(sal.location, full=full, extensions=extensions),
        }
    )
    if full:
        data["contacts"] = []
        data["phones"] = []
        data["schedules"] = schedules(sal.service, service_at_location_id=sal.id) if hours else []
        data["attributes"] = []
    if service_data is not None:
        data["service"] = service_data
    return data


def service_full(service, base: str | None, *, extensions: Extensions | None = None) -> dict:
    """The fully nested service of ``/services/{id}``."""
    return {
        **service_summary(service, extensions=extensions),
        "phones": [phone(p) for p in service.phones.all()],
        "schedules": schedules(service),
        "service_areas": [],
        "service_at_locations": [
            service_at_location(sal, full=True, hours=False, extensions=extensions)
            for sal in service.at_locations.all()
        ],
        "languages": languages(service),
        "funding": [],
        "cost_options": cost_options(service),
        "required_documents": [],
        "contacts": [],
        "attributes": attributes(service, base),
        "metadata": [],
    }


def service_export(service, *, lang: str, translations: bool = True, base: str | None = None):
    """A fully nested service for the export: text in ``lang`` (French when missing), with
    Masar's extensions. Without ``base``, the taxonomies carry no URI of ours."""
    with override(lang):
        return service_full(service, base, extensions=Extensions(translations=translations))
