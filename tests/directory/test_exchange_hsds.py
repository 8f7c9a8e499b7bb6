"""HSDS shapes: the official examples (read from settings.MASAR_HSDS_DIR, never copied),
the tabular CSV form, and the export validated against the HSDS 3 service schema."""

import csv
import io
import json
import zipfile

import pytest
from django.conf import settings
from django.utils.translation import override
from jsonschema import Draft202012Validator

from masar.directory.exchange import exporter
from masar.directory.exchange.importer import import_directory
from masar.directory.models import Location, Service
from tests.factories.directory import delegation, governorate

from .exchange_helpers import build_directory, export_json, table_counts

# These tests read messages: they run in English (French stays the default elsewhere).
pytestmark = pytest.mark.usefixtures("english")

EXAMPLES = settings.MASAR_HSDS_DIR / "examples"


@pytest.fixture
def admin(persona):
    governorate()
    delegation()
    return persona("admin")


def _example(name):
    return json.loads((EXAMPLES / name).read_text())


@pytest.mark.parametrize("name", ["service_full.json", "organization_full.json"])
def test_hsds_official_examples_are_read_and_refused_with_reasons(admin, name):
    """The examples describe a service in "MyCity", USA, at latitude 100: every reason is
    reported, and nothing is written."""
    before = table_counts()
    data = (EXAMPLES / name).read_bytes()
    report = import_directory(actor=admin, data=data, fmt="json", dry_run=False)
    assert not report.file_error
    [row] = report.rows
    assert row.outcome == "refused"
    text = " ".join(row.messages)
    assert "not in Tunisia" in text
    assert "Opening hours can only be imported as weekly" not in text  # WEEKLY is readable
    assert table_counts() == before


def test_hsds_example_placed_in_tunisia_is_imported(admin):
    service = _example("service_full.json")
    location = service["service_at_locations"][0]["location"]
    location.update(latitude=34.74, longitude=10.76)
    location["addresses"][0].update(
        country="TN", state_province="Sfax", region="Sfax Ville", postal_code="3000"
    )
    service["attributes"][0]["taxonomy_term"]["code"] = "mental-health"
    service["attributes"][0]["taxonomy_term"]["taxonomy"] = "needs"
    service["maximum_age"] = 99
    report = import_directory(
        actor=admin, data=json.dumps(service).encode(), fmt="json", dry_run=False
    )
    assert report.counts["created"] == 1, report.as_text()
    imported = Service.objects.get(pk=service["id"])
    assert imported.name_fr == "Community Counselling"
    assert imported.organization.name_fr == "Example Organization Inc."
    assert [t.code for t in imported.categories.all()] == ["mental-health"]
    assert imported.schedules.count() == 2  # TH, FR 10:00-18:00


def _csv(rows):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()


def _tabular() -> bytes:
    org, svc, loc = (
        "11111111-1111-4111-8111-111111111111",
        "22222222-2222-4222-8222-222222222222",
        "33333333-3333-4333-8333-333333333333",
    )
    tables = {
        "organizations.csv": [{"id": org, "name": "Croissant-Rouge Sfax", "description": "x"}],
        "services.csv": [
            {
                "id": svc,
                "organization_id": org,
                "name": "Premiers secours",
                "status": "active",
                "minimum_age": "18",
            }
        ],
        "locations.csv": [
            {
                "id": loc,
                "organization_id": org,
                "name": "Local",
                "latitude": "34.7",
                "longitude": "10.7",
                "location_type": "physical",
            }
        ],  # fmt: skip
        "service_at_location.csv": [{"id": "s1", "service_id": svc, "location_id": loc}],
        "addresses.csv": [
            {
                "id": "a1",
                "location_id": loc,
                "address_1": "Rue 1",
                "city": "Sfax",
                "state_province": "TN-61",
                "postal_code": "3000",
                "country": "TN",
            }
        ],  # fmt: skip
        "phones.csv": [{"id": "p1", "service_id": svc, "number": "74 000 111"}],
        "schedules.csv": [
            {
                "id": "h1",
                "service_id": svc,
                "freq": "WEEKLY",
                "byday": "MO,WE",
                "opens_at": "08:00",
                "closes_at": "12:00",
            }
        ],  # fmt: skip
        "languages.csv": [{"id": "l1", "service_id": svc, "code": "ar"}],
        "taxonomy_terms.csv": [{"id": "t1", "code": "health", "taxonomy": "needs"}],
        "attributes.csv": [{"id": "at1", "link_id": svc, "taxonomy_term_id": "t1"}],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, rows in tables.items():
            archive.writestr(f"hsds/{name}", _csv(rows))
    return buffer.getvalue()


def test_hsds_tabular_zip_is_imported_then_unchanged(admin):
    report = import_directory(actor=admin, data=_tabular(), fmt="csv-zip", dry_run=False)
    assert report.counts["created"] == 1, report.as_text()
    service = Service.objects.get(name_fr="Premiers secours")
    assert service.minimum_age == 18
    assert [t.code for t in service.categories.all()] == ["health"]
    assert service.schedules.count() == 2
    assert list(service.phones.values_list("number", flat=True)) == ["74 000 111"]
    assert service.at_locations.get().location.governorate.code == "TN-61"

    again = import_directory(actor=admin, data=_tabular(), fmt="csv-zip", dry_run=False)
    assert again.counts["unchanged"] == 1, again.as_text()


def test_hsds_tabular_without_services_table_is_refused(admin):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("organizations.csv", b"id,name\n1,x\n")
    report = import_directory(actor=admin, data=buffer.getvalue(), fmt="csv-zip")
    assert "services.csv" in report.file_error


def test_hsds_export_validates_against_the_service_schema(admin):
    build_directory(verifier=admin)
    schema = json.loads((settings.MASAR_HSDS_DIR / "schema/compiled/service.json").read_text())
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for language in ("fr", "ar", "en"):
        for item in export_json(lang=language):
            errors = sorted(validator.iter_errors(item), key=str)
            assert not errors, [e.message for e in errors[:5]]


def test_hsds_export_published_scope_leaves_out_unverified(admin):
    build_directory(verifier=admin)
    assert len(export_json(scope="published")) == 1
    assert len(export_json(scope="all")) == 3


def test_hsds_export_text_in_the_chosen_language_with_french_fallback(admin):
    build_directory(verifier=admin)
    by_name = {s["x_masar_translations"]["name"]["fr"]: s for s in export_json(lang="en")}
    assert by_name["Écoute psychologique"]["name"] == "Psychological listening"
    assert by_name["Aide sociale"]["name"] == "Aide sociale"  # no English name: French


def test_hsds_export_query_count_does_not_grow_with_services(admin, django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tests.factories import ServiceFactory

    build_directory(verifier=admin)
    with CaptureQueriesContext(connection) as few:
        export_json()
    for _ in range(5):
        ServiceFactory()
    with CaptureQueriesContext(connection) as many:
        export_json()
    assert len(many) == len(few)


def _without_extensions(value):
    if isinstance(value, dict):
        return {k: _without_extensions(v) for k, v in value.items() if not k.startswith("x_")}
    if isinstance(value, list):
        return [_without_extensions(v) for v in value]
    return value


@pytest.mark.parametrize("language", ["fr", "ar", "en"])
def test_hsds_export_is_the_api_service_plus_masar_extensions(admin, client, language):
    """One serializer: the export of a published service is the API's fully nested service
    in the same language, plus ``x_masar`` and ``x_masar_translations``."""
    listening = build_directory(verifier=admin)[0]
    with override(language):
        services = exporter.services_for_export("published")
        text = "".join(
            exporter.iter_hsds_json(
                services, lang=language, with_assurer=True, base="http://testserver/api/hsds"
            )
        )
    [item] = json.loads(text)
    api = client.get(f"/api/hsds/services/{listening.pk}", {"lang": language}).json()
    assert "x_masar" not in json.dumps(api)
    assert item["x_masar"]["verification_status"] == "verified"
    assert item["x_masar_translations"]["name"]["ar"] == "الإصغاء النفسي"
    assert _without_extensions(item) == api


def test_hsds_export_keeps_the_stored_city_behind_the_filled_in_address(admin):
    """The HSDS address fills in an empty city from the territory; ``x_masar`` keeps what
    is stored, so a re-import changes nothing."""
    build_directory(verifier=admin)
    annex = Location.objects.get(name_fr="Annexe")
    document = export_json()
    [place] = [
        sal["location"]
        for service in document
        for sal in service["service_at_locations"]
        if sal["location"]["id"] == str(annex.pk)
    ]
    assert place["addresses"][0]["city"]
    assert (place["x_masar"]["city"], place["x_masar"]["postal_code"]) == ("", "")

    report = import_directory(
        actor=admin, data=json.dumps(document).encode(), fmt="json", dry_run=False
    )

    assert report.counts["unchanged"] == 3, report.as_text()
    annex.refresh_from_db()
    assert (annex.city, annex.postal_code) == ("", "")


def test_hsds_export_published_scope_leaves_out_the_assurer(admin):
    build_directory(verifier=admin)
    services = exporter.services_for_export("published")
    [item] = json.loads("".join(exporter.iter_hsds_json(services)))
    assert "assurer_email" not in item
    assert item["assured_date"]
