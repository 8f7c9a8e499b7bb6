"""Password rules (12 to 64 characters, no common password) and the reset link."""

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import Client

from masar.accounts.models import User
from masar.audit.models import AuditAction
from tests.factories.accounts import PASSWORD

from .helpers import events


@pytest.mark.parametrize(
    "password",
    ["court-123", "a" * 5 + "-Zq9" + "x" * 56, "password1234", "qwerty123456"],
    ids=["too-short", "too-long", "common", "common-2"],
)
def test_password_rules_refuse(password, db):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.parametrize("length", [12, 64])
def test_password_rules_accept_the_limits(length, db):
    validate_password(("Tz9-mirage-" * 7)[:length])


def _change(client, new):
    return client.post(
        "/accounts/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": new,
            "new_password2": new,
        },
    )


def test_password_change_refuses_a_weak_password_and_changes_nothing(client_for, persona):
    client = client_for("suivi")
    for weak in ("court-123", "password1234", "x" * 10 + "-Zq9" * 14):
        response = _change(client, weak)
        assert response.status_code == 200
        assert response.context["form"].errors["new_password2"]
    assert User.objects.get(pk=persona("suivi").pk).check_password(PASSWORD)


def test_password_change_keeps_the_session_and_is_audited(client_for, persona):
    client = client_for("suivi")
    response = _change(client, "sable-et-oliviers-2025")
    assert response.status_code == 302 and response["Location"] == "/accounts/profile/"
    assert client.get("/accounts/profile/").status_code == 200
    user = User.objects.get(pk=persona("suivi").pk)
    assert user.check_password("sable-et-oliviers-2025")
    event = events(AuditAction.UPDATE, object_type="accounts.user", object_id=str(user.pk)).get()
    assert event.changes == {"password": "•••"}


def test_password_reset_sends_a_link_that_works_once(persona):
    persona("suivi")
    client = Client()
    response = client.post("/accounts/password/reset/", {"email": "suivi@example.tn"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    path = next(w for w in mail.outbox[0].body.split() if "/password/reset/" in w)
    path = path.split("testserver", 1)[1]
    form_url = client.get(path)["Location"]
    response = client.post(
        form_url,
        {"new_password1": "sable-et-oliviers-2025", "new_password2": "sable-et-oliviers-2025"},
    )
    assert response.status_code == 302
    assert User.objects.get(username="suivi").check_password("sable-et-oliviers-2025")
    # The same link again: refused with a clear message.
    response = Client().get(path, follow=True)
    assert 'data-testid="invalid-reset-link"' in response.content.decode()


def test_password_reset_expired_link_is_refused(persona, settings, client):
    from django.contrib.auth.tokens import default_token_generator
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    user = persona("suivi")
    settings.PASSWORD_RESET_TIMEOUT = -1  # every link is already out of date
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    response = client.get(f"/accounts/password/reset/{uid}/{token}/", follow=True)
    assert 'data-testid="invalid-reset-link"' in response.content.decode()


def test_password_reset_unknown_address_says_the_same(client, db):
    response = client.post("/accounts/password/reset/", {"email": "nobody@example.tn"})
    assert response.status_code == 302 and not mail.outbox


def test_password_reset_never_for_a_deactivated_account(persona, client):
    from masar.accounts import actions

    actions.deactivate_user(actor=None, user=persona("suivi"))
    client.post("/accounts/password/reset/", {"email": "suivi@example.tn"})
    assert not mail.outbox


def test_password_reset_link_expires_within_an_hour(settings):
    assert settings.PASSWORD_RESET_TIMEOUT <= 3600
