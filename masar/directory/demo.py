"""Demo directory: some 360 services of the reintegration and migration network in eleven
governorates, in French, Arabic and English, built through the directory actions.

Deterministic (every draw comes from a random generator seeded by the record's stable
name) and idempotent: organisations, places and services have UUIDs derived from stable
names (uuid5), and a second run creates nothing. Needs the territory (``load_territory``)
and links organisations to the demo institutions of ``seed_demo`` where they exist.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import time, timedelta

from django.db import transaction
from django.utils import timezone

from masar.accounts.models import Institution
from masar.geo.models import Delegation, Governorate, Municipality

from . import actions
from .demo_data import (
    ALWAYS_FRESH,
    AREAS,
    EXTRA_SERVICES,
    HOSPITALS,
    HOURS,
    KINDS,
    SERVICES,
    SPECIALS,
)
from .models import Location, Organization, Service, Taxonomy, TaxonomyTerm
from .taxonomy import sync_taxonomies

NAMESPACE = uuid.UUID("5b0f8a52-3c7e-4c57-9d6a-6d61736172a1")  # Masar demo directory
LANGS = ("fr", "ar", "en")
SEAT = ("Siège", "المقر", "Main office")
CLINIC = (
    "Centre de santé de base {place}",
    "مركز الصحة الأساسية {place_ar}",
    "Primary health centre, {place_en}",
)
STALE_SHARE = 0.2  # of verified services, last verified more than a year ago


def stable_id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


def _rng(name: str) -> random.Random:
    return random.Random(name)  # noqa: S311 — demo data, not security


@dataclass
class PlaceSpec:
    key: str
    delegation: Delegation
    address: str
    phone: str
    names: tuple = SEAT


@dataclass
class ServiceSpec:
    key: str
    spec: dict
    places: list[int]  # indexes into the organisation's places
    context: dict
    phones: list[str] = field(default_factory=list)


@dataclass
class OrganizationSpec:
    key: str
    names: tuple
    spec: dict
    institution_code: str | None
    places: list[PlaceSpec] = field(default_factory=list)
    services: list[ServiceSpec] = field(default_factory=list)


class MissingTerritory(RuntimeError):
    pass


# --- Planning: what should exist ----------------------------------------------------------


def _context(delegation: Delegation, area_code: str) -> dict:
    gov = delegation.governorate
    area = AREAS.get(area_code, {})
    return {
        "slug": area.get("slug", ""),
        "de": area.get("de", f"de {gov.name_fr}"),
        "bi": area.get("bi", f"ب{gov.name_ar}"),
        "city": gov.name_fr,
        "city_ar": gov.name_ar,
        "city_en": gov.name_en or gov.name_fr,
        "place": delegation.name_fr,
        "place_ar": delegation.name_ar or delegation.name_fr,
        "place_en": delegation.name_en or delegation.name_fr,
    }


def _fill(texts, context) -> tuple:
    return tuple(t.format_map(context) if t else "" for t in texts)


def _phone(prefix: str, name: str) -> str:
    rng = _rng(f"phone:{name}")
    return f"+216 {prefix} {rng.randint(200, 999)} {rng.randint(0, 999):03d}"


def _address(area: dict, name: str) -> str:
    rng = _rng(f"address:{name}")
    return f"{rng.randint(1, 120)}, {rng.choice(area['streets'])}"


def plan(delegations: dict[str, Delegation]) -> list[OrganizationSpec]:
    def deleg(code):
        try:
            return delegations[code]
        except KeyError:
            raise MissingTerritory(
                f"delegation {code} is missing: run manage.py load_territory first"
            ) from None

    organizations = []
    for area_code, area in AREAS.items():
        seat = deleg(area["seat"])
        for kind_key, kind in KINDS.items():
            if kind.get("areas") and area_code not in kind["areas"]:
                continue
            key = f"{area_code}/{kind_key}"
            at = kind.get("at", "seat")
            where = seat if at in ("seat", "clinics") else deleg(area["others"][at])
            ctx = _context(where, area_code)
            if kind["name"] is None:
                fr, ar, en, street = HOSPITALS[area_code]
                names, address = (fr, ar, en), f"{street}, {seat.name_fr}"
            else:
                names = _fill(kind["name"], ctx)
                address = _address(area, key)
                if kind_key in ("bar", "court"):
                    address = f"Palais de justice, {_rng(key).choice(area['streets'])}"
            phone = _phone(area["phone"], key)
            org = OrganizationSpec(
                key, names, kind, kind.get("institution", "").format_map(ctx) or None
            )
            org.places.append(PlaceSpec(f"{key}/0", where, address, phone))
            if at == "clinics":
                for n, code in enumerate(area["others"][:2], start=1):
                    d = deleg(code)
                    org.places.append(
                        PlaceSpec(
                            f"{key}/{n}",
                            d,
                            _address(area, f"{key}/{n}"),
                            _phone(area["phone"], f"{key}/{n}"),
                            _fill(CLINIC, _context(d, area_code)),
                        )
                    )
            for service_key in kind["services"]:
                org.services.append(
                    ServiceSpec(
                        f"{key}/{service_key}",
                        SERVICES[service_key],
                        list(range(len(org.places))),
                        ctx,
                    )
                )
            organizations.append(org)
    by_key = {org.key: org for org in organizations}
    for area_code, kind_key, service in EXTRA_SERVICES:
        org = by_key[f"{area_code}/{kind_key}"]
        org.services.append(
            ServiceSpec(f"{org.key}/{service['key']}", service, [0], org.services[0].context)
        )
    for key, special in SPECIALS.items():
        org = OrganizationSpec(key, special["name"], special, special.get("institution"))
        for n, (code, address, phone) in enumerate(special["places"]):
            d = deleg(code)
            area_code = d.governorate.code
            prefix = AREAS.get(area_code, {}).get("phone", "71")
            gov = d.governorate
            names = SEAT if len(special["places"]) == 1 else (gov.name_fr, gov.name_ar, gov.name_en)
            org.places.append(
                PlaceSpec(f"{key}/{n}", d, address, phone or _phone(prefix, f"{key}/{n}"), names)
            )
        for n, service in enumerate(special["services"]):
            service_key = service.get("key") or service.get("template") or str(n)
            spec = SERVICES[service["template"]] if "template" in service else service
            each = service.get("each_place")
            for p, place in enumerate(org.places):
                ctx = _context(place.delegation, place.delegation.governorate.code)
                if each:
                    org.services.append(ServiceSpec(f"{key}/{service_key}/{p}", spec, [p], ctx))
                elif p == 0:
                    org.services.append(
                        ServiceSpec(f"{key}/{service_key}", spec, list(range(len(org.places))), ctx)
                    )
        organizations.append(org)
    return organizations


# --- Building: create what is missing -----------------------------------------------------


def _hours(code: str) -> list[tuple[int, time, time]]:
    spans = []
    for days, opens, closes in HOURS[code]:
        for day in days:
            spans.append((day, time.fromisoformat(opens), time.fromisoformat(closes)))
    return spans


def _translated(name: str, texts) -> dict:
    if not texts:
        return {}
    return {f"{name}_{lang}": text for lang, text in zip(LANGS, texts, strict=True)}


def _create_service(org, spec: ServiceSpec, locations, terms) -> Service:
    s = spec.spec
    fees = s.get("fees")
    values = {
        **_translated("name", _fill(s["name"], spec.context)),
        **_translated("description", s.get("desc")),
        **_translated("eligibility_description", s.get("elig")),
        **_translated("application_process", s.get("apply")),
        **_translated("fees_description", fees),
        "is_free": fees is None,
        "minimum_age": s.get("min_age"),
        "maximum_age": s.get("max_age"),
    }
    places = [locations[i] for i in spec.places]
    relations = actions.ServiceRelations(
        categories=[terms[c] for c in s["cats"].split()],
        audiences=[terms[c] for c in s["aud"].split()],
        languages=s.get("langs", "ar fr").split(),
        locations=places,
        schedules=_hours(s.get("hours", "office")),
        phones=spec.phones,
    )
    return actions.create_service(
        actor=None, organization=org, relations=relations, id=stable_id(spec.key), **values
    )


def _settle(service: Service, key: str, now, counts: dict) -> None:
    """Verify most services, at dates spread over the last two and a half years."""
    rng = _rng(f"verification:{key}")
    draw = rng.random()
    if key in ALWAYS_FRESH:
        days = rng.randint(5, 60)
    elif draw < 0.05:
        counts["draft"] += 1
        return
    elif draw < 0.10:
        actions.submit_service(actor=None, service=service)
        counts["submitted"] += 1
        return
    elif rng.random() < STALE_SHARE:
        days = rng.randint(380, 900)
    else:
        days = rng.randint(2, 330)
    verified_at = now - timedelta(days=days, minutes=rng.randint(0, 8 * 60))
    actions.record_service_verification(actor=None, service=service, verified_at=verified_at)
    counts["verified"] += 1
    if days > 365:
        counts["stale"] += 1


def seed_directory() -> dict[str, int]:
    """Create the demo directory where missing; returns what was created."""
    if not Governorate.objects.exists():
        raise MissingTerritory("the territory is empty: run manage.py load_territory first")
    sync_taxonomies(Taxonomy, TaxonomyTerm)  # reference data; idempotent
    delegations = {d.code: d for d in Delegation.objects.select_related("governorate")}
    municipalities = {m.code: m for m in Municipality.objects.all()}
    terms = {t.code: t for t in TaxonomyTerm.objects.select_related("taxonomy")}
    institutions = {i.code: i for i in Institution.objects.all()}
    organizations = plan(delegations)
    counts = dict.fromkeys(
        ("organizations", "locations", "services", "verified", "stale", "submitted", "draft"), 0
    )
    org_ids = set(Organization.objects.values_list("id", flat=True))
    location_ids = set(Location.objects.values_list("id", flat=True))
    service_ids = set(Service.objects.values_list("id", flat=True))
    now = timezone.now()
    with transaction.atomic():
        for spec in organizations:
            org_id = stable_id(spec.key)
            if org_id in org_ids:
                org = Organization.objects.get(pk=org_id)
            else:
                org = actions.create_organization(
                    actor=None,
                    id=org_id,
                    **_translated("name", spec.names),
                    **_translated("description", spec.spec.get("desc")),
                    alternate_name=spec.spec.get("acronym", ""),
                    legal_status=spec.spec.get("legal", ""),
                    website=spec.spec.get("website", ""),
                    email=spec.spec.get("email", ""),
                    institution=institutions.get(spec.institution_code or ""),
                )
                counts["organizations"] += 1
            locations = []
            for place in spec.places:
                loc_id = stable_id(place.key)
                if loc_id in location_ids:
                    locations.append(Location.objects.get(pk=loc_id))
                    continue
                d = place.delegation
                jitter = _rng(f"coords:{place.key}")
                locations.append(
                    actions.create_location(
                        actor=None,
                        organization=org,
                        id=loc_id,
                        **_translated("name", _fill(place.names, _context(d, ""))),
                        address_1=place.address,
                        city=d.name_fr,
                        postal_code=d.postal_code,
                        governorate=d.governorate,
                        delegation=d,
                        municipality=municipalities.get(d.code),
                        latitude=round(d.latitude + jitter.uniform(-0.008, 0.008), 6)
                        if d.latitude
                        else None,
                        longitude=round(d.longitude + jitter.uniform(-0.008, 0.008), 6)
                        if d.longitude
                        else None,
                    )
                )
                counts["locations"] += 1
            for service_spec in spec.services:
                if stable_id(service_spec.key) in service_ids:
                    continue
                service_spec.phones = [spec.places[i].phone for i in service_spec.places]
                service = _create_service(org, service_spec, locations, terms)
                counts["services"] += 1
                _settle(service, service_spec.key, now, counts)
    return counts
