import pytest
from django.test import Client
from django_otp.plugins.otp_totp.models import TOTPDevice

from .factories.accounts import PASSWORD
from .personas import Personas


@pytest.fixture
def persona(db):
    """``persona("conseiller.sfax")`` → that demo user (created on first use)."""
    return Personas()


def login_client(user, *, verified=True) -> Client:
    """A client signed in as ``user`` through the real login form, with a confirmed TOTP
    device verified through the real verification step when ``verified``."""
    from django_otp.oath import totp

    client = Client()
    response = client.post("/accounts/login/", {"username": user.username, "password": PASSWORD})
    assert response.status_code == 302, response.content[:500]
    if verified:
        device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
        code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
        response = client.post("/accounts/otp/verify/", {"otp_token": f"{code:06d}"})
        assert response.status_code == 302, response.content[:500]
    return client


@pytest.fixture
def client_for(persona):
    """``client_for("admin")`` → a test client signed in (password + TOTP) as that persona."""

    def make(username, *, verified=True):
        return login_client(persona(username), verified=verified)

    return make
