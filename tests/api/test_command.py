from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from masar.api.models import ApiToken, hash_secret

from .conftest import ApiClient


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_create_api_token_prints_the_token_alone_on_the_last_line(persona):
    persona("suivi")
    out, err = run("suivi", "--name", "nightly export")
    secret = out.strip().splitlines()[-1]
    assert secret.startswith("msr_") and " " not in secret
    assert "suivi" in err and secret not in err
    token = ApiToken.objects.get(key_hash=hash_secret(secret))
    assert token.name == "nightly export" and token.expires_at is None
    response = ApiClient(secret).get("me")
    assert response.status_code == 200
    assert response.json()["username"] == "suivi"


def test_create_api_token_with_expiry(persona):
    persona("onm")
    out, _err = run("onm", "--days", "30")
    token = ApiToken.objects.get(key_hash=hash_secret(out.strip().splitlines()[-1]))
    assert token.expires_at is not None


def test_create_api_token_unknown_user_fails(db):
    with pytest.raises(CommandError, match="nobody"):
        run("nobody")
    assert not ApiToken.objects.exists()


def test_create_api_token_user_without_api_permission_fails(persona):
    from tests.factories import UserFactory

    UserFactory(username="no.roles", roles=[])
    with pytest.raises(CommandError):
        run("no.roles")
    assert not ApiToken.objects.exists()
