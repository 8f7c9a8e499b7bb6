"""Every error of the API is application/problem+json with a translated title and detail."""

import json
import re

from django.utils.translation import gettext, override

from masar.accounts.models import User

PROBLEM = "application/problem+json"


def tr(msgid, language):
    with override(language):
        return gettext(msgid)


def new_user(username, institution="ote-sfax", **extra):
    return {
        "institution": institution,
        "username": username,
        "email": f"{username}@ex.tn",
        "first_name": "Amel",
        "last_name": "Ben Salah",
        "roles": ["counsellor"],
        **extra,
    }


def test_errors_malformed_json_is_400(api_client, persona):
    persona("admin.sfax")
    response = api_client("admin.sfax", language="en").post("users", raw="{not json")
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == tr("Bad request", "en")
    assert body["detail"] == tr("The request body is not valid JSON.", "en")


def test_errors_oversized_body_is_413(api_client):
    big = json.dumps({"username": "x" * (2 * 1024 * 1024 + 10)})
    response = api_client("admin.sfax").post("users", raw=big)
    assert response.status_code == 413
    assert response["Content-Type"] == PROBLEM
    assert response.json()["title"] == tr("Request too large", "fr")
    assert not User.objects.filter(username__startswith="xxx").exists()


def test_errors_validation_error_is_422_with_errors(api_client):
    response = api_client("admin.sfax", language="ar").post(
        "users", {"institution": "ote-sfax", "roles": ["emperor"]}
    )
    assert response.status_code == 422
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["title"] == tr("Invalid data", "ar")
    locs = [tuple(e["loc"]) for e in body["errors"]]
    assert ("body", "payload", "username") in locs
    assert any(loc[:3] == ("body", "payload", "roles") for loc in locs)


def test_errors_model_validation_is_422(api_client, persona):
    persona("conseiller.sfax")  # takes the username
    response = api_client("admin.sfax").post("users", new_user("conseiller.sfax"))
    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors == [
        {
            "loc": ["body", "username"],
            "type": "invalid",
            "msg": tr("This username is already taken.", "fr"),
        }
    ]


def test_errors_bad_email_is_422(api_client):
    response = api_client("admin.sfax").post("users", new_user("amel", email="not-an-email"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "email"]
    assert not User.objects.filter(username="amel").exists()


def test_errors_unknown_institution_is_422(api_client):
    response = api_client("admin").post("users", new_user("amel", institution="nowhere"))
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "institution"]


def test_errors_wrong_method_is_405(api_client):
    response = api_client("suivi", language="en").request("put", "me")
    assert response.status_code == 405
    assert response["Content-Type"] == PROBLEM
    assert "GET" in response["Allow"]
    assert response.json()["title"] == tr("Method not allowed", "en")


def test_errors_unknown_path_is_404(api_client):
    response = api_client("suivi").get("nothing-here")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["title"] == tr("Not found", "fr")


def test_errors_unknown_object_is_404(api_client):
    response = api_client("suivi", language="en").get("institutions/no-such-code")
    assert response.status_code == 404
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == tr("There is nothing at this address.", "en")


def test_errors_forbidden_is_403_with_the_action_message(api_client, persona):
    persona("admin")
    response = api_client("admin.sfax", language="en").post(
        "users", new_user("amel", institution="ote-siege")
    )
    assert response.status_code == 403
    assert response["Content-Type"] == PROBLEM
    assert response.json()["detail"] == tr(
        "You can only create users in your own institution.", "en"
    )


def test_errors_idempotent_retry_creates_one_user(api_client):
    client = api_client("admin.sfax")
    headers = {"Idempotency-Key": "3f1c2a9e-retry-1"}
    first = client.post("users", new_user("amel.retry"), headers=headers)
    second = client.post("users", new_user("amel.retry"), headers=headers)
    assert first.status_code == 201
    assert second.status_code == 201
    assert second.content == first.content
    assert second["Idempotent-Replayed"] == "true"
    assert User.objects.filter(username="amel.retry").count() == 1


def test_errors_same_key_other_token_is_independent(api_client):
    headers = {"Idempotency-Key": "shared-key"}
    first = api_client("admin.sfax").post("users", new_user("first.one"), headers=headers)
    second = api_client("admin").post("users", new_user("second.one"), headers=headers)
    assert first.status_code == second.status_code == 201
    assert User.objects.filter(username__in=["first.one", "second.one"]).count() == 2


def test_errors_openapi_document_is_valid_json_with_paths(db, client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    document = json.loads(response.content)
    assert document["openapi"].startswith("3.")
    assert document["info"]["title"] == "Masar API"
    assert document["info"]["version"] == "1"
    for path in (
        "/api/v1/me",
        "/api/v1/institutions",
        "/api/v1/users",
        "/api/v1/tokens",
        "/api/v1/geo/localities",
    ):
        assert path in document["paths"]
    schemes = document["components"]["securitySchemes"]
    assert any(s.get("scheme") == "bearer" for s in schemes.values())


def test_errors_docs_page_is_self_hosted(db, client):
    response = client.get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "/api/v1/users" in html and "createUser" in html
    # Nothing is loaded from another host (the CSRF token is random text: look at URLs only).
    external = re.findall(r'(?:src|href)="(https?:)?//[^"]+"', html)
    assert external == []
    assert "<script>" not in html


def test_errors_request_in_progress_with_same_key_is_409(api_client, token_for):
    import hashlib

    from masar.core.models import IdempotencyKey

    from .conftest import ApiClient

    secret = token_for("admin.sfax")
    owner = "token:" + hashlib.sha256(secret.encode()).hexdigest()[:32]
    IdempotencyKey.objects.create(key="busy-key", owner=owner, path="/api/v1/users")
    response = ApiClient(secret, language="en").post(
        "users", new_user("amel.dup"), headers={"Idempotency-Key": "busy-key"}
    )
    assert response.status_code == 409
    assert response["Content-Type"] == PROBLEM
    assert response.json()["title"] == tr("Duplicate request", "en")
    assert not User.objects.filter(username="amel.dup").exists()


def test_errors_busy_database_is_503(rf):
    from django.db import OperationalError

    from masar.api.problems import database_error

    response = database_error(rf.get("/api/v1/me"), OperationalError("database is locked"))
    assert response.status_code == 503
    assert response["Content-Type"] == PROBLEM
    assert response["Retry-After"] == "5"
    assert json.loads(response.content)["title"] == tr("Service busy", "fr")


def test_errors_institution_list_queries_do_not_grow(
    api_client, persona, django_assert_max_num_queries
):
    client = api_client("suivi")
    for code in ("ote-tunis", "ote-sfax", "aneti-sfax", "cps-sfax", "onm", "mun-la-marsa"):
        persona.institution(code)
    with django_assert_max_num_queries(8):
        response = client.get("institutions")
    assert response.json()["count"] >= 7
