"""The desk API: my desks, recording a contact (retried safely with Idempotency-Key), marking
an orientation reached; out of scope is a 404."""

import json

from masar.audit.models import AuditEvent
from masar.desk.models import DeskContact
from tests.api_helpers import token_headers
from tests.factories.desk import DeskContactFactory


def _post(client, url, body, headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def test_list_my_desks(client, persona, marsa_desk, tunis_desk, django_assert_max_num_queries):
    headers = token_headers(persona("mediateur.lamarsa"))
    with django_assert_max_num_queries(12):
        response = client.get("/api/v1/desks", **headers)
    assert response.status_code == 200
    desks = response.json()
    assert [d["code"] for d in desks] == ["la-marsa"]
    assert desks[0]["can_record"] is True and len(desks[0]["services"]) == 2
    assert desks[0]["openings"][0]["weekday"] == 2


def test_record_contact_twice_with_one_key_makes_one(client, persona, marsa_desk, services):
    headers = token_headers(persona("mediateur.lamarsa")) | {"HTTP_IDEMPOTENCY_KEY": "offline-1"}
    body = {
        "status": "young_tunisian",
        "topics": ["legal_migration", "irregular_risks"],
        "services": [str(services["health"].pk), str(services["school"].pk)],
        "age_group": "18-24",
        "nationality": "TN",
    }
    url = f"/api/v1/desks/{marsa_desk.pk}/contacts"
    first = _post(client, url, body, headers)
    second = _post(client, url, body, headers)
    assert first.status_code == second.status_code == 201
    assert first.json()["reference"] == second.json()["reference"]
    assert DeskContact.objects.count() == 1
    assert len(first.json()["orientations"]) == 2
    assert first.json()["slip_url"].endswith("/slip/")


def test_record_contact_refuses_bad_input_and_foreign_desks(
    client, persona, marsa_desk, tunis_desk, services
):
    headers = token_headers(persona("mediateur.lamarsa"))
    bad = _post(
        client,
        f"/api/v1/desks/{marsa_desk.pk}/contacts",
        {"status": "migrant", "topics": ["health"], "services": [str(services["draft"].pk)]},
        headers,
    )
    assert bad.status_code == 422
    bad = _post(
        client,
        f"/api/v1/desks/{marsa_desk.pk}/contacts",
        {"status": "migrant", "topics": ["health"], "nationality": "ZZ"},
        headers,
    )
    assert bad.status_code == 422
    foreign = _post(
        client,
        f"/api/v1/desks/{tunis_desk.pk}/contacts",
        {"status": "migrant", "topics": ["health"]},
        headers,
    )
    assert foreign.status_code == 404
    assert not DeskContact.objects.exists()


def test_mark_reached_by_api(client, persona, marsa_desk, services, tunis_desk):
    contact = DeskContactFactory(
        actor=persona("mediateur.lamarsa"), desk=marsa_desk, services=[services["health"]]
    )
    orientation = contact.orientations.get()
    url = f"/api/v1/orientations/{orientation.pk}/reached"
    response = _post(client, url, {"reached": "yes"}, token_headers(persona("mediateur.lamarsa")))
    assert response.status_code == 200 and response.json()["reached"] == "yes"
    assert AuditEvent.objects.filter(object_id=str(orientation.pk), action="update").exists()
    other = _post(client, url, {"reached": "no"}, token_headers(persona("conseiller.tunis")))
    assert other.status_code == 404
    bad = _post(client, url, {"reached": "perhaps"}, token_headers(persona("mediateur.lamarsa")))
    assert bad.status_code == 422
