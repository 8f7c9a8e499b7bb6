"""Searching and filtering through the HSDS API, incremental sync, and bounded queries."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from masar.directory import actions
from masar.directory.actions import ServiceRelations
from masar.directory.models import Taxonomy
from tests.factories import LocationFactory, OrganizationFactory, ServiceFactory
from tests.factories.directory import delegation, governorate, term

from .test_hsds_schema import get, rich_service


def published(**values):
    return actions.verify_service(actor=None, service=ServiceFactory(**values))


@pytest.fixture
def directory(persona):
    mental = rich_service(persona)
    tunis = governorate("TN-11", "Tunis", "تونس")
    place = LocationFactory(
        governorate=tunis,
        delegation=delegation("TN-11-bab-bhar", "Bab Bhar", "باب بحر", gov=tunis),
        postal_code="1000",
        latitude=36.80,
        longitude=10.18,
    )
    jobs = published(
        organization=place.organization,
        name_fr="Bureau de l'emploi",
        name_ar="مكتب التشغيل",
        description_fr="Offres d'emploi et conseils.",
        relations=ServiceRelations(
            categories=[term("employment")], audiences=[term("young-people")], locations=[place]
        ),
    )
    return mental, jobs


def ids(body):
    return [s["id"] for s in body["contents"]]


@pytest.mark.parametrize(
    "text", ["santé mentale", "SANTE MENTALE", "santé mantale", "الصحة النفسية", "صحه نفسيه"]
)
def test_hsds_filters_search_finds_as_people_type(client, directory, text):
    mental, _jobs = directory
    body = get(client, "/api/hsds/services", data={"search": text})
    assert ids(body)[0] == str(mental.pk)
    places = get(client, "/api/hsds/service_at_locations", data={"search": text})
    assert {s["service_id"] for s in places["contents"]} == {str(mental.pk)}


def test_hsds_filters_search_pages_in_rank_order(client, directory):
    _mental, jobs = directory
    body = get(client, "/api/hsds/services?search=emploi&per_page=1")
    assert ids(body) == [str(jobs.pk)] and body["total_items"] >= 1
    assert get(client, "/api/hsds/services?search=%2C%3B!")["empty"] is True


def test_hsds_filters_taxonomy_term_organization_and_taxonomy(client, directory):
    mental, jobs = directory
    health = term("health")  # the parent of mental-health
    assert ids(get(client, f"/api/hsds/services?taxonomy_term_id={health.pk}")) == [str(mental.pk)]
    young = term("young-people")
    assert ids(get(client, f"/api/hsds/services?taxonomy_term_id={young.pk}")) == [str(jobs.pk)]
    by_org = get(client, f"/api/hsds/services?organization_id={jobs.organization_id}")
    assert ids(by_org) == [str(jobs.pk)]
    audiences = Taxonomy.objects.get(code="audiences")
    assert get(client, f"/api/hsds/services?taxonomy_id={audiences.pk}")["total_items"] == 2
    places = get(client, f"/api/hsds/service_at_locations?organization_id={mental.organization_id}")
    assert {s["service_id"] for s in places["contents"]} == {str(mental.pk)}


def test_hsds_filters_postcode_and_proximity(client, directory):
    mental, jobs = directory
    assert ids(get(client, "/api/hsds/services?postcode=1000")) == [str(jobs.pk)]
    near_sfax = get(client, "/api/hsds/services", data={"proximity": "34.75,10.75,5"})
    assert ids(near_sfax) == [str(mental.pk)]
    everywhere = get(client, "/api/hsds/services", data={"proximity": "36.7,10.2,400"})
    assert ids(everywhere) == [str(jobs.pk), str(mental.pk)]  # nearest first
    places = get(client, "/api/hsds/service_at_locations", data={"proximity": "36.8,10.18,2"})
    assert [s["service_id"] for s in places["contents"]] == [str(jobs.pk)]
    searched = get(
        client, "/api/hsds/services", data={"proximity": "36.7,10.2,400", "search": "emploi"}
    )
    assert ids(searched) == [str(jobs.pk)]


def test_hsds_filters_modified_after_gives_only_later_changes(client, directory):
    mental, jobs = directory
    since = timezone.now()
    later = published(name_fr="Nouveau service")
    actions.update_organization(actor=None, organization=mental.organization, legal_status="ONG")
    body = get(client, "/api/hsds/services", data={"modified_after": since.isoformat()})
    assert set(ids(body)) == {str(later.pk), str(mental.pk)}
    assert str(jobs.pk) not in ids(body)
    naive = timezone.localtime(since).replace(tzinfo=None).isoformat()
    assert set(ids(get(client, f"/api/hsds/services?modified_after={naive}"))) == set(ids(body))
    future = (timezone.now() + timedelta(minutes=1)).isoformat()
    assert get(client, "/api/hsds/services", data={"modified_after": future})["empty"]
    places = get(client, "/api/hsds/service_at_locations", data={"modified_after": since})
    assert {s["service_id"] for s in places["contents"]} == set(ids(body))


def test_hsds_filters_taxonomy_terms(client, db):
    needs = Taxonomy.objects.get(code="needs")
    body = get(client, f"/api/hsds/taxonomy_terms?taxonomy_id={needs.pk}&per_page=100")
    assert {t["taxonomy_id"] for t in body["contents"]} == {str(needs.pk)}
    health = term("health")
    children = get(client, f"/api/hsds/taxonomy_terms?parent_id={health.pk}")
    assert [t["code"] for t in children["contents"]] == ["mental-health"]
    top = get(client, "/api/hsds/taxonomy_terms?top_only=true&per_page=100")
    assert "mental-health" not in {t["code"] for t in top["contents"]}
    found = get(client, "/api/hsds/taxonomy_terms", data={"search": "النفسية"})
    assert [t["code"] for t in found["contents"]] == ["mental-health"]


# --- A bounded number of queries, whatever the page size ---------------------------------


def _grow(count):
    for n in range(count):
        organization = OrganizationFactory()
        extra = LocationFactory(organization=organization)
        service = ServiceFactory(
            organization=organization,
            name_fr=f"Service d'écoute supplémentaire {n}",
            relations=ServiceRelations(
                categories=[term("health"), term("employment")],
                audiences=[term("women")],
                languages=["ar", "fr"],
                phones=[f"7100000{n}"],
                locations=[LocationFactory(organization=organization), extra],
            ),
        )
        actions.verify_service(actor=None, service=service)


LISTS = [
    "/api/hsds/services",
    "/api/hsds/services?full=true",
    "/api/hsds/services?minimal=true",
    "/api/hsds/services?search=ecoute",
    "/api/hsds/services?search=ecoute&full=true",
    "/api/hsds/services?proximity=34.7,10.7,50",
    "/api/hsds/organizations",
    "/api/hsds/organizations?full=true&full_service=true",
    "/api/hsds/service_at_locations",
    "/api/hsds/service_at_locations?full=true&search=ecoute",
    "/api/hsds/taxonomies",
    "/api/hsds/taxonomy_terms?per_page=100",
]


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_hsds_filters_lists_use_a_fixed_number_of_queries(
    client, persona, django_assert_max_num_queries
):
    rich_service(persona)
    _grow(2)
    client.get("/api/hsds/services?search=ecoute")  # load the search vocabulary
    small = {url: _queries(client, url) for url in LISTS}
    _grow(6)
    for url in LISTS:
        with django_assert_max_num_queries(15):
            response = client.get(url)
        assert response.json()["size"] >= 1, url
        assert _queries(client, url) == small[url], url


def test_hsds_filters_details_use_a_fixed_number_of_queries(
    client, persona, django_assert_max_num_queries
):
    service = rich_service(persona)
    sal = get(client, f"/api/hsds/services/{service.pk}")["service_at_locations"][0]
    for url in (
        f"/api/hsds/services/{service.pk}",
        f"/api/hsds/organizations/{service.organization_id}?full_service=true",
        f"/api/hsds/service_at_locations/{sal['id']}",
    ):
        with django_assert_max_num_queries(15):
            assert client.get(url).status_code == 200
