"""Session limits: 30 minutes idle, 10 hours in all; deactivation ends sessions at once."""

import time

from django.contrib.sessions.models import Session

from masar.accounts import actions
from masar.accounts.middleware import SESSION_SEEN, SESSION_STARTED


def _shift(client, **keys):
    session = client.session
    for key, value in keys.items():
        session[key] = value
    session.save()


def test_session_stamps_are_set_at_sign_in(client_for):
    client = client_for("suivi")
    now = int(time.time())
    assert now - 5 <= client.session[SESSION_STARTED] <= now
    assert now - 5 <= client.session[SESSION_SEEN] <= now


def test_session_idle_timeout_signs_out_after_30_minutes(client_for):
    client = client_for("conseiller.sfax")
    assert client.get("/accounts/profile/").status_code == 200
    _shift(client, **{SESSION_SEEN: int(time.time()) - 31 * 60})
    response = client.get("/accounts/profile/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert any("expiré" in str(m) for m in page.context["messages"])  # French by default


def test_session_idle_under_30_minutes_is_kept_and_refreshed(client_for):
    client = client_for("conseiller.sfax")
    _shift(client, **{SESSION_SEEN: int(time.time()) - 29 * 60})
    assert client.get("/accounts/profile/").status_code == 200
    assert int(time.time()) - client.session[SESSION_SEEN] < 5


def test_session_absolute_timeout_signs_out_after_10_hours(client_for):
    client = client_for("conseiller.sfax")
    now = int(time.time())
    # Active all along (seen a minute ago), but started more than 10 hours ago.
    _shift(client, **{SESSION_STARTED: now - 10 * 3600 - 60, SESSION_SEEN: now - 60})
    response = client.get("/accounts/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


def test_session_ends_when_the_account_is_deactivated(client_for, persona):
    victim = client_for("conseiller.sfax")
    assert victim.get("/accounts/profile/").status_code == 200
    key = victim.session.session_key
    actions.deactivate_user(actor=persona("admin.sfax"), user=persona("conseiller.sfax"))
    assert not Session.objects.filter(session_key=key).exists()
    response = victim.get("/accounts/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
