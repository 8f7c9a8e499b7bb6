"""The HSDS API's behaviour: paging envelope, visibility of drafts, languages, errors as
translated problem+json, read-only."""

import uuid
from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import get_language_info, gettext, override

from masar.directory import actions
from tests.factories import ServiceFactory

from .test_hsds_schema import assert_page, get, rich_service

PROBLEM = "application/problem+json"


def tr(msgid, language):
    with override(language):
        return gettext(msgid)


def published(**values):
    return actions.verify_service(actor=None, service=ServiceFactory(**values))


@pytest.fixture
def three(db):
    return [published(name_fr=f"Service {letter}") for letter in "ABC"]


def test_hsds_api_page_envelope_pages_through(client, three):
    first = get(client, "/api/hsds/services?per_page=2")
    assert_page(first)
    assert (first["total_items"], first["total_pages"], first["page_number"]) == (3, 2, 1)
    assert (first["size"], first["first_page"], first["last_page"]) == (2, True, False)
    assert [s["name"] for s in first["contents"]] == ["Service A", "Service B"]
    second = get(client, "/api/hsds/services?per_page=2&page=2")
    assert (second["size"], second["first_page"], second["last_page"]) == (1, False, True)
    assert [s["name"] for s in second["contents"]] == ["Service C"]
    beyond = get(client, "/api/hsds/services?per_page=2&page=9")
    assert beyond["empty"] is True and beyond["contents"] == []
    assert beyond["total_items"] == 3


def test_hsds_api_per_page_is_capped_at_100(client, three):
    body = get(client, "/api/hsds/services?per_page=5000")
    assert body["total_pages"] == 1 and body["size"] == 3


def test_hsds_api_empty_directory_is_an_empty_page(client, db):
    body = get(client, "/api/hsds/services")
    assert_page(body)
    assert (body["total_items"], body["total_pages"], body["empty"]) == (0, 0, True)


def test_hsds_api_drafts_are_invisible(client, three):
    draft = ServiceFactory(name_fr="Brouillon zébré")
    submitted = actions.submit_service(actor=None, service=ServiceFactory(name_fr="Soumis quetzal"))
    listed = {s["id"] for s in get(client, "/api/hsds/services?per_page=100")["contents"]}
    assert listed == {str(s.pk) for s in three}
    for hidden in (draft, submitted):
        response = client.get(f"/api/hsds/services/{hidden.pk}")
        assert response.status_code == 404
        assert response["Content-Type"] == PROBLEM
        word = hidden.name_fr.split()[-1]
        assert not get(client, f"/api/hsds/services?search={word}")["contents"]
        assert client.get(f"/api/hsds/organizations/{hidden.organization_id}").status_code == 404
    sals = get(client, "/api/hsds/service_at_locations?per_page=100")["contents"]
    assert {s["service_id"] for s in sals} == listed
    orgs = get(client, "/api/hsds/organizations?per_page=100")["contents"]
    assert {o["id"] for o in orgs} == {str(s.organization_id) for s in three}


def test_hsds_api_defunct_services_are_withdrawn(client, three):
    actions.update_service(actor=None, service=three[0], status="defunct")
    assert client.get(f"/api/hsds/services/{three[0].pk}").status_code == 404
    assert get(client, "/api/hsds/services")["total_items"] == 2


def test_hsds_api_unknown_ids_are_404_problems(client, db):
    for path in (
        "services",
        "organizations",
        "service_at_locations",
        "taxonomies",
        "taxonomy_terms",
    ):
        response = client.get(f"/api/hsds/{path}/{uuid.uuid4()}", headers={"Accept-Language": "ar"})
        assert response.status_code == 404, path
        assert response["Content-Type"] == PROBLEM
        assert response.json()["title"] == tr("Not found", "ar")


@pytest.mark.parametrize(
    "query",
    [
        "per_page=0",
        "page=-1",
        "page=abc",
        "page=99999999999999999999999",
        "modified_after=yesterday",
        "taxonomy_term_id=not-a-uuid",
        "organization_id=123",
        "lang=de",
        "postcode=ABCDE",
        "proximity=here",
        "proximity=34.7,10.7,0",
        "proximity=95,10",
        "format=ndjson",
    ],
)
def test_hsds_api_bad_parameters_are_translated_422(client, db, query):
    response = client.get(f"/api/hsds/services?{query}", headers={"Accept-Language": "en"})
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == tr("Invalid data", "en")
    assert body["errors"] and body["errors"][0]["loc"][0] == "query"


def test_hsds_api_bad_path_uuid_is_422(client, db):
    response = client.get("/api/hsds/services/not-a-uuid", headers={"Accept-Language": "ar"})
    assert response.status_code == 422
    assert response.json()["title"] == tr("Invalid data", "ar")


def test_hsds_api_postcode_proximity_needs_a_known_postcode(client, db):
    response = client.get("/api/hsds/service_at_locations?postcode=9999&proximity=500")
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["query", "postcode"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_hsds_api_is_read_only(client, three, method):
    for url in ("/api/hsds/services", f"/api/hsds/services/{three[0].pk}", "/api/hsds/"):
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405, (method, url)
        assert response["Content-Type"] == PROBLEM
        assert "GET" in response["Allow"]
        assert response.json()["title"] == tr("Method not allowed", "fr")
    assert get(client, "/api/hsds/services")["total_items"] == 3


def test_hsds_api_is_the_same_for_everyone(client, client_for, three):
    anonymous = client.get("/api/hsds/services")
    signed_in = client_for("conseiller.sfax").get("/api/hsds/services")
    assert anonymous.status_code == signed_in.status_code == 200
    assert anonymous.json()["total_items"] == signed_in.json()["total_items"] == 3


# --- Languages ---------------------------------------------------------------------------


@pytest.fixture
def service(persona):
    return rich_service(persona, name_en="")


def test_hsds_api_accept_language_ar_gives_arabic(client, service):
    body = get(client, f"/api/hsds/services/{service.pk}", HTTP_ACCEPT_LANGUAGE="ar")
    assert body["name"] == "استشارة في الصحة النفسية"
    categories = [a for a in body["attributes"] if a["link_type"] == "category"]
    assert categories[0]["taxonomy_term"]["name"] == "الصحة النفسية والدعم النفسي الاجتماعي"
    assert categories[0]["taxonomy_term"]["language"] == "ar"
    with override("ar"):
        french = str(get_language_info("fr")["name_translated"])
    assert {lang["code"]: lang["name"] for lang in body["languages"]}["fr"] == french
    listed = get(client, "/api/hsds/services", HTTP_ACCEPT_LANGUAGE="ar")
    assert listed["contents"][0]["name"] == "استشارة في الصحة النفسية"


def test_hsds_api_lang_parameter_wins_and_falls_back_to_french(client, service):
    response = client.get(f"/api/hsds/services/{service.pk}?lang=en", HTTP_ACCEPT_LANGUAGE="ar")
    body = response.json()
    assert response["Content-Language"] == "en"
    assert body["name"] == "Consultation de santé mentale"  # no English name: French
    terms = {a["taxonomy_term"]["code"]: a["taxonomy_term"]["name"] for a in body["attributes"]}
    assert terms["returnees"] == "Tunisian returnees"
    assert {lang["code"]: lang["name"] for lang in body["languages"]}["ar"] == "Arabic"
    french = get(client, f"/api/hsds/services/{service.pk}")
    assert french["name"] == "Consultation de santé mentale"
    assert french["cost_options"][0]["option"] == tr("Fees", "fr")


def test_hsds_api_lang_applies_to_errors(client, db):
    response = client.get(f"/api/hsds/services/{uuid.uuid4()}?lang=ar")
    assert response.json()["title"] == tr("Not found", "ar")


def test_hsds_api_stale_services_carry_an_alert(client, db):
    old = ServiceFactory(name_fr="Ancien service")
    actions.record_service_verification(
        actor=None, service=old, verified_at=timezone.now() - timedelta(days=400)
    )
    fresh = published(name_fr="Service récent")
    body = {s["name"]: s for s in get(client, "/api/hsds/services")["contents"]}
    assert body["Ancien service"]["alert"] == tr(
        "This information has not been verified for more than a year.", "fr"
    )
    assert "alert" not in body[fresh.name_fr]
