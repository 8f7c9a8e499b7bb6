"""Bearer-token authentication: every refusal is a translated problem+json 401."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.translation import gettext, override

from masar.api.actions import create_api_token, revoke_api_token
from masar.api.models import ApiToken, hash_secret
from masar.audit.models import AuditAction, AuditEvent

from .conftest import ApiClient

PROBLEM = "application/problem+json"


def expected(msgid, language):
    with override(language):
        return gettext(msgid)


MISSING = (
    "Authentication is required. Send your API token in the header “Authorization: Bearer <token>”."
)


def assert_401(response, msgid, language="fr"):
    assert response.status_code == 401
    assert response["Content-Type"] == PROBLEM
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert response["Content-Language"] == language
    body = response.json()
    assert body["status"] == 401
    assert body["type"] == "urn:masar:problem:unauthorized"
    assert body["title"] == expected("Authentication required", language)
    assert body["detail"] == expected(msgid, language)


def test_token_auth_valid_token_is_accepted(api_client, persona):
    response = api_client("conseiller.sfax").get("me")
    assert response.status_code == 200
    assert response.json()["username"] == "conseiller.sfax"


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_token_auth_missing_token_is_401_in_the_requested_language(db, language):
    client = ApiClient(language=None if language == "fr" else language)
    response = client.get("me")
    assert_401(response, MISSING, language)
    assert "error=" not in response["WWW-Authenticate"]


def test_token_auth_other_scheme_counts_as_missing(db):
    response = ApiClient().get("me", headers={"Authorization": "Basic YWRtaW46YWRtaW4="})
    assert_401(response, MISSING)


@pytest.mark.parametrize("language", ["fr", "en", "ar"])
def test_token_auth_invalid_token_is_401(db, language):
    client = ApiClient("msr_not-a-real-token", language=None if language == "fr" else language)
    response = client.get("me")
    assert_401(response, "This API token is not valid.", language)
    assert 'error="invalid_token"' in response["WWW-Authenticate"]


def test_token_auth_revoked_token_is_401(persona, token_for):
    secret = token_for("conseiller.sfax")
    token = ApiToken.objects.get(key_hash=hash_secret(secret))
    assert ApiClient(secret).get("me").status_code == 200
    revoke_api_token(actor=persona("conseiller.sfax"), token=token)
    assert_401(ApiClient(secret, language="en").get("me"), "This API token has been revoked.", "en")


def test_token_auth_expired_token_is_401(persona):
    token, secret = create_api_token(
        actor=None,
        user=persona("suivi"),
        name="soon",
        expires_at=timezone.now() + timedelta(minutes=5),
    )
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert_401(ApiClient(secret, language="ar").get("me"), "This API token has expired.", "ar")


def test_token_auth_inactive_owner_is_401(persona, token_for):
    secret = token_for("onm")
    persona("onm").__class__.objects.filter(username="onm").update(is_active=False)
    assert_401(ApiClient(secret).get("me"), "This API token is not valid.")


def test_token_auth_stores_only_the_hash(persona):
    token, secret = create_api_token(actor=None, user=persona("admin"), name="hash check")
    row = ApiToken.objects.filter(pk=token.pk).values().get()
    assert secret.startswith("msr_") and len(secret) > 40
    assert row["key_hash"] == hash_secret(secret)
    assert row["prefix"] == secret[:8]
    assert secret not in {str(v) for v in row.values()}
    assert not ApiToken.objects.filter(key_hash=secret).exists()


def test_token_auth_audits_creation_and_revocation_without_the_secret(persona):
    user = persona("conseiller.tunis")
    token, secret = create_api_token(actor=user, user=user, name="audit check")
    revoke_api_token(actor=user, token=token)
    events = AuditEvent.objects.filter(object_type="api.apitoken", object_id=str(token.pk))
    assert {e.action for e in events} == {AuditAction.TOKEN_CREATED, AuditAction.TOKEN_REVOKED}
    for event in events:
        assert secret not in str(event.changes) and secret[8:] not in event.summary


def test_token_auth_updates_last_used_at_at_most_once_a_minute(token_for):
    secret = token_for("conseiller.sfax")
    client = ApiClient(secret)
    client.get("me")
    token = ApiToken.objects.get(key_hash=hash_secret(secret))
    first = token.last_used_at
    assert first is not None
    client.get("me")
    token.refresh_from_db()
    assert token.last_used_at == first
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=first - timedelta(minutes=2))
    client.get("me")
    token.refresh_from_db()
    assert token.last_used_at > first - timedelta(minutes=2)


def test_token_auth_only_the_owner_creates_their_tokens(persona):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        create_api_token(actor=persona("admin"), user=persona("suivi"), name="not mine")


def test_token_auth_does_not_need_csrf(token_for, persona):
    """A token-authenticated POST passes without any CSRF cookie or header."""
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/api/v1/users",
        data={"institution": "nope", "username": "x"},
        content_type="application/json",
        headers={"Authorization": f"Bearer {token_for('admin.sfax')}"},
    )
    assert response.status_code == 422


def test_token_auth_session_without_token_is_refused(client_for):
    """A signed-in browser session is not API authentication."""
    response = client_for("admin").get("/api/v1/me")
    assert response.status_code == 401
