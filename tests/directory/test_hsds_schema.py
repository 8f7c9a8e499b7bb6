"""Real answers of /api/hsds/ validated against the Open Referral HSDS 3.0 JSON schemas, read
from settings.MASAR_HSDS_DIR (never copied into the repository).

The compiled schemas are self-contained; the individual ones (taxonomy.json, …) use relative
``$ref``s, resolved through a local ``referencing`` registry under their upstream URLs.
Formats are checked (uuid, email, date, plus uri and date-time by the checks below)."""

import json
from datetime import datetime, time
from functools import cache
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from masar.accounts.actions import update_institution
from masar.directory import actions
from masar.directory.actions import ServiceRelations
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory
from tests.factories.directory import delegation, governorate, term

UPSTREAM = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/"
INSTITUTION_EMAIL = "tounesna@ote.example.tn"

FORMATS = FormatChecker()


@FORMATS.checks("uri")
def _is_uri(value) -> bool:
    parts = urlsplit(value)
    return bool(parts.scheme and (parts.netloc or parts.path))


@FORMATS.checks("date-time", raises=ValueError)
def _is_date_time(value) -> bool:
    return datetime.fromisoformat(value.replace("Z", "+00:00")).tzinfo is not None


def _schema_dir():
    return settings.MASAR_HSDS_DIR / "schema"


@cache
def _registry() -> Registry:
    resources = []
    for path in sorted(_schema_dir().glob("*.json")):
        contents = json.loads(path.read_text())
        resource = Resource.from_contents(contents, default_specification=DRAFT202012)
        resources.append((UPSTREAM + path.name, resource))
    return Registry().with_resources(resources)


@cache
def validator(name: str) -> Draft202012Validator:
    """``validator("compiled/service.json")`` or ``validator("taxonomy.json")``."""
    if name.startswith("compiled/"):
        schema = json.loads((_schema_dir() / name).read_text())
    else:
        schema = {"$ref": UPSTREAM + name}
    return Draft202012Validator(schema, registry=_registry(), format_checker=FORMATS)


def assert_valid(instance, name: str) -> None:
    errors = sorted(validator(name).iter_errors(instance), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])


@cache
def openapi() -> dict:
    return json.loads((_schema_dir() / "openapi.json").read_text())


def assert_page(body: dict) -> None:
    """The HSDS Page envelope: every field of ``components.schemas.Page``, and contents."""
    page = openapi()["components"]["schemas"]["Page"]
    Draft202012Validator(page, format_checker=FORMATS).validate(body)
    assert set(page["properties"]) <= set(body)
    assert isinstance(body["contents"], list)
    assert body["size"] == len(body["contents"])
    assert body["empty"] is (not body["contents"])


def rich_service(persona, **values):
    """A published service with everything HSDS can carry, verified by the supervisor."""
    gov = governorate()
    deleg = delegation(gov=gov)
    organization = OrganizationFactory(website="https://entraide.example.tn")
    place = LocationFactory(
        organization=organization,
        governorate=gov,
        delegation=deleg,
        postal_code="3000",
        accessibility_fr="Accès de plain-pied",
    )
    values.setdefault("name_fr", "Consultation de santé mentale")
    values.setdefault("name_ar", "استشارة في الصحة النفسية")
    values.setdefault("name_en", "Mental health consultation")
    values.setdefault("is_free", False)
    values.setdefault("fees_description_fr", "5 dinars la séance")
    service = ServiceFactory(
        organization=organization,
        email="ecoute@entraide.example.tn",
        minimum_age=16,
        relations=ServiceRelations(
            categories=[term("mental-health")],
            audiences=[term("returnees"), term("women")],
            languages=["ar", "fr", "ber"],
            locations=[place],
            schedules=[
                (0, time(8), time(12)),
                (1, time(8), time(12)),
                (5, time(9), time(11)),
            ],
            phones=["+216 74 000 000"],
        ),
        **values,
    )
    supervisor = persona("superviseur")
    update_institution(actor=None, institution=supervisor.institution, email=INSTITUTION_EMAIL)
    return actions.verify_service(actor=supervisor, service=service)


@pytest.fixture
def service(persona):
    return rich_service(persona)


def get(client, url, **extra):
    """The JSON of a successful GET (``extra``: WSGI environ, e.g. HTTP_ACCEPT_LANGUAGE)."""
    response = client.get(url, **extra)
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"] == "application/json"
    return response.json()


def test_hsds_schema_service_list_items_are_hsds_service_list(client, service):
    body = get(client, "/api/hsds/services")
    assert_page(body)
    assert [s["id"] for s in body["contents"]] == [str(service.pk)]
    for item in body["contents"]:
        assert_valid(item, "compiled/service_list.json")


def test_hsds_schema_full_and_minimal_service_lists(client, service):
    for flags in ("full=true", "minimal=true"):
        body = get(client, f"/api/hsds/services?{flags}")
        assert_page(body)
        for item in body["contents"]:
            assert_valid(item, "compiled/service_list.json")
    full = get(client, "/api/hsds/services?full=true")["contents"][0]
    assert_valid(full, "compiled/service.json")


def test_hsds_schema_service_detail_is_hsds_service(client, service):
    body = get(client, f"/api/hsds/services/{service.pk}")
    assert_valid(body, "compiled/service.json")
    assert body["assured_date"] == service.verified_at.date().isoformat()
    assert body["assurer_email"] == INSTITUTION_EMAIL
    assert body["status"] == "active"
    assert {a["taxonomy_term"]["code"] for a in body["attributes"]} == {
        "mental-health",
        "returnees",
        "women",
    }
    assert {a["link_type"] for a in body["attributes"]} == {"category", "audience"}
    assert [lang["code"] for lang in body["languages"]] == ["ar", "ber", "fr"]
    assert body["cost_options"][0]["amount_description"] == "5 dinars la séance"
    hours = {(s["byday"], s["opens_at"], s["closes_at"]) for s in body["schedules"]}
    assert hours == {("MO,TU", "08:00:00", "12:00:00"), ("SA", "09:00:00", "11:00:00")}
    assert all(s["freq"] == "WEEKLY" for s in body["schedules"])
    (sal,) = body["service_at_locations"]
    (address,) = sal["location"]["addresses"]
    assert address["country"] == "TN"
    assert address["state_province"] == address["region"] == "Sfax"
    assert address["postal_code"] == "3000"
    assert address["address_type"] == "physical"
    assert body["phones"][0]["number"] == "+216 74 000 000"


def test_hsds_schema_assurer_email_is_never_a_personal_address(client, service, persona):
    body = get(client, f"/api/hsds/services/{service.pk}")
    assert body["assurer_email"] != persona("superviseur").email
    update_institution(actor=None, institution=persona("superviseur").institution, email="")
    body = get(client, f"/api/hsds/services/{service.pk}")
    assert "assurer_email" not in body
    assert_valid(body, "compiled/service.json")


def test_hsds_schema_free_service_cost_option(client, persona):
    free = rich_service(persona, is_free=True)
    body = get(client, f"/api/hsds/services/{free.pk}")
    assert_valid(body, "compiled/service.json")
    assert body["cost_options"][0]["amount"] == 0


def test_hsds_schema_organizations(client, service):
    body = get(client, "/api/hsds/organizations")
    assert_page(body)
    for item in body["contents"]:
        assert_valid(item, "compiled/organization_list.json")
    for flags in ("", "?full_service=true"):
        detail = get(client, f"/api/hsds/organizations/{service.organization_id}{flags}")
        assert_valid(detail, "compiled/organization.json")
        assert [s["id"] for s in detail["services"]] == [str(service.pk)]
    full = get(client, "/api/hsds/organizations?full=true&full_service=true")
    assert_valid(full["contents"][0], "compiled/organization.json")


def test_hsds_schema_service_at_locations(client, service):
    body = get(client, "/api/hsds/service_at_locations")
    assert_page(body)
    (item,) = body["contents"]
    assert_valid(item, "compiled/service_at_location_list.json")
    assert item["service"]["id"] == str(service.pk)
    full = get(client, "/api/hsds/service_at_locations?full=true")["contents"][0]
    assert_valid(full, "compiled/service_at_location_list.json")
    # The copied openapi.json names compiled/service.json here: an upstream slip (README).
    detail = get(client, f"/api/hsds/service_at_locations/{item['id']}")
    assert_valid(detail, "compiled/service_at_location.json")
    assert detail["location"]["addresses"][0]["city"]
    assert {s["byday"] for s in detail["schedules"]} == {"MO,TU", "SA"}


def test_hsds_schema_taxonomies_and_terms(client, db):
    body = get(client, "/api/hsds/taxonomies")
    assert_page(body)
    assert {t["name"] for t in body["contents"]} == {"Besoins", "Publics"}
    for item in body["contents"]:
        assert_valid(item, "taxonomy.json")
        assert_valid(get(client, f"/api/hsds/taxonomies/{item['id']}"), "taxonomy.json")
    terms = get(client, "/api/hsds/taxonomy_terms?per_page=100")
    assert_page(terms)
    assert terms["total_items"] == len(terms["contents"]) > 20
    for item in terms["contents"]:
        assert_valid(item, "taxonomy_term.json")
    mental = term("mental-health")
    detail = get(client, f"/api/hsds/taxonomy_terms/{mental.pk}")
    assert_valid(detail, "taxonomy_term.json")
    assert detail["parent_id"] == str(term("health").pk)


def test_hsds_schema_root_has_version_profile_and_openapi(client, db):
    body = get(client, "/api/hsds/")
    schema = openapi()["paths"]["/"]["get"]["responses"]["200"]["content"]
    Draft202012Validator(schema["application/json"]["schema"], format_checker=FORMATS).validate(
        body
    )
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/api/hsds/openapi.json")
    assert {t["code"] for t in body["masar_profile"]["taxonomies"]} == {"needs", "audiences"}
    assert body["masar_profile"]["languages"]["default"] == "fr"


def test_hsds_schema_openapi_document_has_every_hsds_operation(client, db):
    ours = get(client, "/api/hsds/openapi.json")
    assert ours["info"]["title"] == "Masar HSDS API"
    assert ours["info"]["version"] == "3.0"
    for path, item in openapi()["paths"].items():
        assert "get" in ours["paths"][f"/api/hsds{path}"], path
        theirs = {p.get("$ref", "").rsplit("/", 1)[-1] for p in item["get"].get("parameters", [])}
        theirs |= {p.get("name") for p in item["get"].get("parameters", [])}
        mine = {p["name"] for p in ours["paths"][f"/api/hsds{path}"]["get"]["parameters"]}
        missing = theirs - mine - {"", None, "id"}
        assert not missing, (path, missing)
    methods = {m for item in ours["paths"].values() for m in item}
    assert methods == {"get"}
