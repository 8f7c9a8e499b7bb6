"""Masar's directory as HSDS 3 objects (full services, each with its organisation,
locations, phones, schedules, languages and taxonomy attributes).

HSDS has one language per document: text is given in the language asked for (French
fallback). For a lossless round trip each object may also carry Masar extensions, which
HSDS allows (no ``additionalProperties: false``):

- ``x_masar_translations``: ``{"name": {"fr": …, "ar": …, "en": …}, …}`` for every
  translated field of the object;
- ``x_masar`` on a location: ``{"governorate": "TN-61", "delegation": …, "municipality": …}``
  (codes of the territory tree); on a service: ``{"is_free": …, "verification_status": …}``.

Categories and audiences are ``attributes`` whose ``taxonomy_term.taxonomy`` is the code of
our taxonomy (``needs`` or ``audiences``) and ``link_type`` is ``category`` or ``audience``.
Verification maps to ``assured_date`` (the local date of the last verification).
"""

import uuid

from django.utils import timezone

LANGS = ("fr", "ar", "en")
ORGANIZATION_TEXT = ("name", "description")
SERVICE_TEXT = (
    "name",
    "description",
    "eligibility_description",
    "application_process",
    "fees_description",
)
LOCATION_TEXT = ("name", "description", "transportation", "accessibility")

SERVICE_PREFETCH = (
    "categories__taxonomy",
    "categories__parent",
    "audiences__taxonomy",
    "audiences__parent",
    "languages",
    "phones",
    "schedules",
    "at_locations__location__governorate",
    "at_locations__location__delegation",
    "at_locations__location__municipality",
)


def _text(obj, name: str, lang: str) -> str:
    return getattr(obj, f"{name}_{lang}", None) or getattr(obj, f"{name}_fr", None) or ""


def _translations(obj, names) -> dict:
    return {n: {lang: getattr(obj, f"{n}_{lang}", None) or "" for lang in LANGS} for n in names}


def _stable_id(owner_id, kind: str) -> str:
    """Ids for HSDS objects Masar folds into its own rows; the same as the HSDS API's
    (``masar.directory.hsds.serializers.derived_id``)."""
    return str(uuid.uuid5(owner_id, kind))


def _put(out: dict, key: str, value) -> None:
    """Optional HSDS properties with a format (email, uri) or a number: left out when empty."""
    if value not in (None, ""):
        out[key] = value


def organization_to_hsds(org, *, lang="fr", translations=True) -> dict:
    out = {
        "id": str(org.pk),
        "name": _text(org, "name", lang),
        "alternate_name": org.alternate_name,
        "description": _text(org, "description", lang),
        "legal_status": org.legal_status,
    }
    _put(out, "email", org.email)
    _put(out, "website", org.website)
    _put(out, "year_incorporated", org.year_incorporated)
    _put(
        out,
        "parent_organization_id",
        org.parent_organization_id and str(org.parent_organization_id),
    )
    if translations:
        out["x_masar_translations"] = _translations(org, ORGANIZATION_TEXT)
    return out


def location_to_hsds(location, *, lang="fr", translations=True) -> dict:
    out = {
        "id": str(location.pk),
        "location_type": "physical",
        "name": _text(location, "name", lang),
        "description": _text(location, "description", lang),
        "transportation": _text(location, "transportation", lang),
    }
    _put(out, "latitude", location.latitude)
    _put(out, "longitude", location.longitude)
    gov, deleg = location.governorate, location.delegation
    out["addresses"] = [
        {
            "id": _stable_id(location.pk, "address"),
            "address_1": location.address_1,
            "city": location.city,
            "region": _text(deleg, "name", lang) if deleg else "",
            "state_province": _text(gov, "name", lang),
            "postal_code": location.postal_code,
            "country": "TN",
            "address_type": "physical",
        }
    ]
    accessibility = _text(location, "accessibility", lang)
    if accessibility:
        out["accessibility"] = [
            {"id": _stable_id(location.pk, "accessibility"), "description": accessibility}
        ]
    out["x_masar"] = {
        "governorate": gov.code,
        "delegation": deleg.code if deleg else "",
        "municipality": location.municipality.code if location.municipality_id else "",
    }
    if translations:
        out["x_masar_translations"] = _translations(location, LOCATION_TEXT)
    return out


def term_to_hsds(term, *, lang="fr") -> dict:
    taxonomy = term.taxonomy
    out = {
        "id": str(term.pk),
        "code": term.code,
        "name": _text(term, "name", lang),
        "description": _text(term, "description", lang),
        "taxonomy": taxonomy.code,
        "taxonomy_detail": {
            "id": str(taxonomy.pk),
            "name": _text(taxonomy, "name", lang),
            "description": _text(taxonomy, "description", lang),
            "version": taxonomy.version,
        },
        "language": lang,
    }
    _put(out, "parent_id", term.parent_id and str(term.parent_id))
    return out


def _attribute(service, term, link_type, lang) -> dict:
    return {
        "id": _stable_id(service.pk, f"{link_type}:{term.pk}"),
        "link_id": str(service.pk),
        "link_type": link_type,
        "link_entity": "service",
        "taxonomy_term_id": str(term.pk),
        "value": term.code,
        "taxonomy_term": term_to_hsds(term, lang=lang),
    }


def service_to_hsds(service, *, lang="fr", translations=True, with_assurer=False) -> dict:
    """A full HSDS service. ``service`` should come with ``SERVICE_PREFETCH`` and its
    organisation selected (see ``exporter.services_for_export``)."""
    out = {
        "id": str(service.pk),
        "name": _text(service, "name", lang),
        "alternate_name": service.alternate_name,
        "description": _text(service, "description", lang),
        "status": service.status,
        "eligibility_description": _text(service, "eligibility_description", lang),
        "application_process": _text(service, "application_process", lang),
        "fees_description": _text(service, "fees_description", lang),
        "last_modified": service.modified_at.isoformat(),
    }
    _put(out, "url", service.url)
    _put(out, "email", service.email)
    _put(out, "minimum_age", service.minimum_age)
    _put(out, "maximum_age", service.maximum_age)
    if service.verified_at:
        out["assured_date"] = timezone.localdate(service.verified_at).isoformat()
        verifier = service.verified_by if with_assurer else None
        # The verifier's institution's address, never a person's own (as the HSDS API).
        if verifier is not None and verifier.institution_id and verifier.institution.email:
            out["assurer_email"] = verifier.institution.email
    out["organization"] = organization_to_hsds(
        service.organization, lang=lang, translations=translations
    )
    out["service_at_locations"] = [
        {
            "id": str(sal.pk),
            "description": sal.description,
            "location": location_to_hsds(sal.location, lang=lang, translations=translations),
        }
        for sal in sorted(service.at_locations.all(), key=lambda s: str(s.location_id))
    ]
    out["languages"] = [
        {
            "id": str(language.pk),
            "code": language.code,
            **({"note": language.note} if language.note else {}),
        }
        for language in sorted(service.languages.all(), key=lambda x: x.code)
    ]
    out["phones"] = [
        {"id": str(phone.pk), "number": phone.number, "type": phone.type or "voice"}
        | ({"description": phone.description} if phone.description else {})
        for phone in sorted(service.phones.all(), key=lambda p: p.number)
    ]
    out["schedules"] = [
        {
            "id": str(s.pk),
            "freq": "WEEKLY",
            "wkst": "MO",
            "byday": ["MO", "TU", "WE", "TH", "FR", "SA", "SU"][s.weekday],
            "opens_at": s.opens_at.isoformat("seconds"),
            "closes_at": s.closes_at.isoformat("seconds"),
            "description": s.description,
        }
        for s in sorted(service.schedules.all(), key=lambda s: (s.weekday, s.opens_at))
    ]
    out["attributes"] = [
        *(
            _attribute(service, t, "category", lang)
            for t in sorted(service.categories.all(), key=lambda t: t.code)
        ),
        *(
            _attribute(service, t, "audience", lang)
            for t in sorted(service.audiences.all(), key=lambda t: t.code)
        ),
    ]
    out["x_masar"] = {
        "is_free": service.is_free,
        "verification_status": service.verification_status,
        "stale": service.is_stale,
    }
    if translations:
        out["x_masar_translations"] = _translations(service, SERVICE_TEXT)
    return out
