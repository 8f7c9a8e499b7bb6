"""Cross-cutting behaviour: health probe, busy database, idempotency, headers, errors."""

import json

import pytest
from django.db import OperationalError
from django.test import override_settings
from django.urls import reverse

from masar.accounts.models import User

pytestmark = pytest.mark.django_db


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = json.loads(response.content)
    assert body["database"] == "ok" and body["status"] == "ok"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_refuses_post(client):
    assert client.post("/healthz").status_code == 405


def test_busy_database_answers_503_with_retry_after(rf):
    from masar.core.middleware import DatabaseBusyMiddleware

    def locked(request):
        raise OperationalError("database is locked")

    request = rf.get("/accounts/login/")
    response = DatabaseBusyMiddleware(locked)(request)
    assert response.status_code == 503 and response["Retry-After"] == "5"

    request = rf.get("/api/v1/me")
    response = DatabaseBusyMiddleware(locked)(request)
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"


def test_other_database_errors_are_not_hidden_as_busy(rf):
    from masar.core.middleware import DatabaseBusyMiddleware

    def broken(request):
        raise OperationalError("no such table: x")

    with pytest.raises(OperationalError):
        DatabaseBusyMiddleware(broken)(rf.get("/"))


def test_unknown_page_is_a_translated_404_without_details(client):
    response = client.get("/no/such/page/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 404
    assert b"Traceback" not in response.content


def test_security_headers_on_every_page(client):
    response = client.get("/accounts/login/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    csp = response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in csp and "default-src 'self'" in csp


def test_signed_in_pages_are_never_cached(client_for):
    response = client_for("conseiller.sfax").get("/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_forged_csrf_is_refused_with_a_clear_page_and_changes_nothing(persona):
    from django.test import Client

    persona("conseiller.sfax")
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(
        "/accounts/login/",
        {"username": "conseiller.sfax", "password": "x"},
        HTTP_ACCEPT_LANGUAGE="en",
    )
    assert response.status_code == 403
    assert b"security token" in response.content
    assert "_auth_user_id" not in strict.session


def test_double_submitted_form_creates_one_record(client_for, persona):
    """The same idempotency key twice: the second POST replays the first answer."""
    admin = client_for("admin")
    institution = persona.institution("ote-sfax")
    data = {
        "username": "nouvelle.recrue",
        "first_name": "Amel",
        "last_name": "Trabelsi",
        "email": "amel@example.tn",
        "institution": institution.pk,
        "roles": ["counsellor"],
        "idempotency_key": "7f1c2a",
    }
    first = admin.post(reverse("accounts:user-create"), data)
    second = admin.post(reverse("accounts:user-create"), data)
    assert first.status_code == 302, first.content[:300]
    assert second.status_code == first.status_code and second["Location"] == first["Location"]
    assert second["Idempotent-Replayed"] == "true"
    assert User.objects.filter(username="nouvelle.recrue").count() == 1


@override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1024)
def test_oversized_form_is_refused_and_changes_nothing(client):
    response = client.post("/accounts/login/", {"username": "x" * 5000, "password": "y"})
    assert response.status_code == 400
    assert b"Traceback" not in response.content
