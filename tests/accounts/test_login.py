"""Password sign-in, sign-out and the lockout (django-axes)."""

from django.test import Client

from masar.accounts.forms import MasarAuthenticationForm
from masar.audit.models import AuditAction

from .helpers import events, sign_in


def test_login_success_is_audited_and_rotates_the_session(persona):
    user = persona("suivi")  # a role without two-factor: the password step ends the sign-in
    client = Client(REMOTE_ADDR="192.0.2.10")
    client.get("/accounts/login/")
    client.session.save()
    before = client.session.session_key
    client, response = sign_in(user, client=client)
    assert response.status_code == 302
    assert client.session.session_key != before
    assert events(AuditAction.LOGIN, actor_id=user.pk, ip_address="192.0.2.10").count() == 1


def test_login_wrong_password_shows_a_clear_error_and_is_audited(persona):
    user = persona("conseiller.sfax")
    client, response = sign_in(user, password="not-the-password")
    assert response.status_code == 200
    html = response.content.decode()
    assert "alert-danger" in html
    expected = str(MasarAuthenticationForm.error_messages["invalid_login"])
    assert response.context["form"].non_field_errors() == [expected]
    assert "_auth_user_id" not in client.session
    failed = events(AuditAction.LOGIN_FAILED, actor_username=user.username)
    assert failed.count() == 1 and failed.get().actor_id is None


def test_login_error_is_translated(persona):
    persona("conseiller.sfax")
    client = Client(REMOTE_ADDR="192.0.2.10", HTTP_ACCEPT_LANGUAGE="fr")
    response = client.post("/accounts/login/", {"username": "conseiller.sfax", "password": "wrong"})
    assert response.context["form"].non_field_errors()
    assert response["Content-Language"] == "fr"


def test_login_locks_the_account_after_five_failures_from_any_address(persona):
    user = persona("conseiller.sfax")
    for i in range(5):
        sign_in(user, password="wrong-password", ip=f"198.51.100.{i + 1}")
    # The right password, from yet another address: the account itself is blocked.
    _client, response = sign_in(user, ip="198.51.100.99")
    assert response.status_code == 429
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert 'data-testid="locked-out"' in response.content.decode()
    assert events(AuditAction.LOGIN, actor_id=user.pk).count() == 0


def test_login_locks_the_address_after_five_failures_on_any_account(persona):
    user = persona("conseiller.sfax")
    for i in range(5):
        Client().post(
            "/accounts/login/",
            {"username": f"someone{i}", "password": "wrong-password"},
            REMOTE_ADDR="203.0.113.7",
        )
    _client, response = sign_in(user, ip="203.0.113.7")
    assert response.status_code == 429
    # The same account from another address is still welcome.
    _client, response = sign_in(user, ip="203.0.113.8")
    assert response.status_code == 302


def test_login_four_failures_do_not_lock(persona):
    user = persona("conseiller.sfax")
    for _ in range(4):
        sign_in(user, password="wrong-password")
    _client, response = sign_in(user)
    assert response.status_code == 302


def test_logout_by_get_is_refused(client_for):
    client = client_for("suivi")
    assert client.get("/accounts/logout/").status_code == 405
    assert client.get("/accounts/profile/").status_code == 200


def test_logout_by_post_ends_the_session_and_is_audited(client_for, persona):
    client = client_for("suivi")
    response = client.post("/accounts/logout/")
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert events(AuditAction.LOGOUT, actor_id=persona("suivi").pk).count() == 1
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_login_page_warns_in_demo_mode(client, settings):
    settings.MASAR_DEMO_RELAX_2FA = True
    assert 'data-testid="demo-2fa-warning"' in client.get("/accounts/login/").content.decode()
    settings.MASAR_DEMO_RELAX_2FA = False
    assert "demo-2fa-warning" not in client.get("/accounts/login/").content.decode()


def test_login_refuses_an_outside_next_url(persona):
    user = persona("suivi")
    client = Client()
    response = client.post(
        "/accounts/login/?next=https://evil.example/",
        {
            "username": user.username,
            "password": "correct-horse-battery-9",
            "next": "https://evil.example/",
        },
    )
    assert response.status_code == 302 and "evil.example" not in response["Location"]
