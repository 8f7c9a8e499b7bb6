"""The web pages where a person manages their own tokens."""

from masar.api.actions import create_api_token
from masar.api.models import ApiToken, hash_secret

from .conftest import ApiClient


def test_token_pages_list_shows_own_tokens_only(client_for, persona):
    create_api_token(actor=None, user=persona("conseiller.sfax"), name="mine")
    create_api_token(actor=None, user=persona("conseiller.tunis"), name="not mine")
    response = client_for("conseiller.sfax").get("/tokens/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "mine" in html and "not mine" not in html


def test_token_pages_create_shows_the_secret_once(client_for, persona):
    client = client_for("conseiller.sfax")
    response = client.post("/tokens/new/", {"name": "statistics", "expires_in": "90"})
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    secret = response.context["secret"]
    assert secret in response.content.decode()
    token = ApiToken.objects.get(key_hash=hash_secret(secret))
    assert token.user == persona("conseiller.sfax") and token.expires_at is not None
    assert secret not in client.get("/tokens/").content.decode()
    assert ApiClient(secret).get("me").json()["username"] == "conseiller.sfax"


def test_token_pages_create_without_a_name_changes_nothing(client_for):
    response = client_for("suivi").post("/tokens/new/", {"name": "  ", "expires_in": "90"})
    assert response.status_code == 400
    assert response.context["form"].errors
    assert not ApiToken.objects.exists()


def test_token_pages_create_refuses_get(client_for):
    assert client_for("suivi").get("/tokens/new/").status_code == 405


def test_token_pages_revoke_own_token(client_for, persona):
    token, secret = create_api_token(actor=None, user=persona("onm"), name="old")
    response = client_for("onm").post(f"/tokens/{token.pk}/revoke/")
    assert response.status_code == 302
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert ApiClient(secret).get("me").status_code == 401


def test_token_pages_revoke_of_another_users_token_is_404(client_for, persona):
    token, _secret = create_api_token(actor=None, user=persona("onm"), name="theirs")
    response = client_for("suivi").post(f"/tokens/{token.pk}/revoke/")
    assert response.status_code == 404
    token.refresh_from_db()
    assert token.revoked_at is None


def test_token_pages_need_sign_in(db, client):
    response = client.get("/tokens/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
